// Must not type-check: `view` takes 'tenant-admin' or 'org-admin'. If the package's types did not resolve, the
// component would be `any` and this would pass silently; the consumer test asserts this exact error.
import { OrgConnectionsList } from '@org-connections/react';

export const wrong = <OrgConnectionsList organizationId="org_acme" view="superuser" />;

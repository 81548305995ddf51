// A CommonJS module (a Jest setup or an older server): TypeScript's `nodenext` types `require` of the packages,
// which Node 20.19+ runs (require of an ES module).
import { capabilitiesFor, type OrgConnection } from '@org-connections/core';
import { createOrgConnectionsHandler } from '@org-connections/server';

export const canEnable = (connection: OrgConnection): boolean =>
  capabilitiesFor({ view: 'org-admin', accessLevel: connection.organizationAccessLevel, kind: connection.kind })
    .editable.isEnabled;
export const handler: typeof createOrgConnectionsHandler = createOrgConnectionsHandler;

import type { OrgConnectionsFeature } from './org-connections-api';
import { OrgConnectionsError } from './org-connections-error';

const FEATURE_DESCRIPTIONS: Record<OrgConnectionsFeature, string> = {
  organizationAccessLevel: 'change the organization access level',
  organizationConnectionName: 'change the organization connection name',
  isEnabled: 'switch a connection off while keeping it in the organization',
  addConnection: 'add a connection to the organization',
  removeConnection: 'remove a connection from the organization',
  listTenantConnections: "list the tenant's connections",
};

/** The code of the `not_permitted` error a data source throws for a feature its `supports()` denies. */
export const UNSUPPORTED_FEATURE_CODE = 'unsupported_feature';

/**
 * The error for a feature a data source does not offer (its `supports(feature)` is false). Thrown before
 * any request is sent; `kind` is `not_permitted`, `code` is `unsupported_feature`.
 */
export function unsupportedFeatureError(feature: OrgConnectionsFeature, source: string): OrgConnectionsError {
  return new OrgConnectionsError({
    kind: 'not_permitted',
    code: UNSUPPORTED_FEATURE_CODE,
    message: `The ${source} cannot ${FEATURE_DESCRIPTIONS[feature]}.`,
  });
}

export type { AccessLevel, AccessLevelValue } from './access-level';
export { ACCESS_LEVELS, isAccessLevel } from './access-level';
export type { AccessPolicy, Capabilities, CapabilitiesInput } from './capabilities';
export { assertChangesPermitted, capabilitiesFor, fieldAppliesTo, forbiddenChanges } from './capabilities';
export type { ConnectionKind } from './connection-kind';
export { CONNECTION_KINDS, connectionKind, ENTERPRISE_STRATEGIES, PASSWORDLESS_STRATEGIES } from './connection-kind';
export type {
  OrgConnection,
  OrgConnectionField,
  OrgConnectionSettings,
  TenantConnection,
  View,
} from './org-connection';
export { ORG_CONNECTION_FIELDS, ORG_CONNECTION_LIMIT } from './org-connection';
export {
  fromWireIdentityProvider,
  fromWireOrganizationConnection,
  fromWireTenantConnection,
  toWireSettings,
} from './org-connection-mapper';
export type {
  AddOrganizationConnectionInput,
  ListOrganizationConnectionsOptions,
  ListOrganizationConnectionsResult,
  ListTenantConnectionsOptions,
  ListTenantConnectionsResult,
  OrgConnectionsApi,
  OrgConnectionsFeature,
  RequestOptions,
} from './org-connections-api';
export type {
  OrgConnectionsErrorIssue,
  OrgConnectionsErrorKind,
  OrgConnectionsErrorOptions,
} from './org-connections-error';
export { isOrgConnectionsError, OrgConnectionsError } from './org-connections-error';
export { orgConnectionsKeys } from './org-connections-keys';
export * from './wire-schemas';

export type { Attachable, Auth0Connection } from './attachable';
export type { AuditAction, OnAudit, OrgConnectionsAuditEvent } from './audit-event';
export type { ConnectionIndexOptions } from './connection-index';
export type { ConnectionSearchItem, ConnectionSearchPage } from './connection-index-search';
export type { ConnectionIndexEntry, ConnectionIndexSnapshot, ConnectionIndexState } from './connection-index-state';
export type {
  ClientCredentialsHandlerOptions,
  ManagementTokenHandlerOptions,
  OrgConnectionsHandler,
  OrgConnectionsHandlerOptions,
} from './create-org-connections-handler';
export { createOrgConnectionsHandler } from './create-org-connections-handler';
export { MAX_BODY_BYTES } from './json-request-body';
export type { GetManagementToken } from './management-token';
export type {
  OrgAdminAuthorization,
  OrgConnectionsAuthorization,
  OrgConnectionsAuthorizeResult,
  TenantAdminAuthorization,
} from './org-connections-authorization';
export type { OrgConnectionsRequestContext } from './org-connections-request-context';
export { CONNECTION_ID_PATTERN, ORGANIZATION_ID_PATTERN } from './proxy-route';
export { DEFAULT_REQUEST_LIMITS, type RequestLimit, type RequestLimitsOptions } from './request-limits';
export type { RolloutQueue, RolloutsOptions } from './rollouts';
export { createMemoryStore, type OrgConnectionsLogger, type OrgConnectionsStore } from './store';
export type { OrgConnectionsNodeListener } from './to-node-listener';
export { toNodeListener } from './to-node-listener';

export type { AuditAction, OnAudit, OrgConnectionsAuditEvent } from './handler/audit-event';
export type {
  ClientCredentialsHandlerOptions,
  ManagementTokenHandlerOptions,
  OrgConnectionsHandler,
  OrgConnectionsHandlerOptions,
} from './handler/create-org-connections-handler';
export { createOrgConnectionsHandler } from './handler/create-org-connections-handler';
export { MAX_BODY_BYTES } from './handler/json-request-body';
export type {
  OrgAdminAuthorization,
  OrgConnectionsAuthorization,
  OrgConnectionsAuthorizeResult,
  TenantAdminAuthorization,
} from './handler/org-connections-authorization';
export type { OrgConnectionsRequestContext } from './handler/org-connections-request-context';
export { CONNECTION_ID_PATTERN, ORGANIZATION_ID_PATTERN } from './handler/proxy-route';
export { DEFAULT_REQUEST_LIMITS, type RequestLimit, type RequestLimitsOptions } from './handler/request-limits';
export type { OrgConnectionsNodeListener } from './handler/to-node-listener';
export { toNodeListener } from './handler/to-node-listener';
export type { RolloutQueue, RolloutsOptions } from './rollouts/rollouts';
export type { ConnectionIndexOptions } from './search/connection-index';
export type { ConnectionSearchItem, ConnectionSearchPage } from './search/connection-index-search';
export type {
  ConnectionIndexEntry,
  ConnectionIndexSnapshot,
  ConnectionIndexState,
} from './search/connection-index-state';
export { createMemoryStore, type OrgConnectionsLogger, type OrgConnectionsStore } from './store/store';
export type { Attachable, Auth0Connection } from './upstream/attachable';
export type { GetManagementToken } from './upstream/management-token';

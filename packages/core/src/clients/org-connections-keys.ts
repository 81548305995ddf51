import type { TenantConnectionsFilter } from './org-connections-api';

/** Query keys, from the broadest to the narrowest, so invalidating a prefix refreshes everything below it. */
export const orgConnectionsKeys = {
  all: ['org-connections'] as const,
  organization: (organizationId: string) => [...orgConnectionsKeys.all, 'organization', organizationId] as const,
  list: (organizationId: string) => [...orgConnectionsKeys.organization(organizationId), 'list'] as const,
  detail: (organizationId: string, connectionId: string) =>
    [...orgConnectionsKeys.organization(organizationId), 'detail', connectionId] as const,
  tenantConnections: (filter: TenantConnectionsFilter = {}) =>
    [...orgConnectionsKeys.all, 'tenant-connections', filter] as const,
  /** One tenant connection by id (`getTenantConnection`). */
  tenantConnection: (connectionId: string) => [...orgConnectionsKeys.all, 'tenant-connection', connectionId] as const,
  /** The recent rollouts (the list) and, below it, each rollout by id. */
  rollouts: () => [...orgConnectionsKeys.all, 'rollouts'] as const,
  rollout: (rolloutId: string) => [...orgConnectionsKeys.rollouts(), rolloutId] as const,
};

import {
  type ListOrganizationConnectionsResult,
  type ListTenantConnectionsResult,
  type OrgConnection,
  orgConnectionsKeys,
  type TenantConnection,
} from '@org-connections/core';
import type { InfiniteData, QueryClient } from '@tanstack/react-query';

/** Rewrites the cached list of an organization, if it is cached. */
export function updateCachedConnections(
  queryClient: QueryClient,
  organizationId: string,
  update: (items: OrgConnection[]) => OrgConnection[],
): void {
  const key = orgConnectionsKeys.list(organizationId);
  const previous = queryClient.getQueryData<ListOrganizationConnectionsResult>(key);
  if (previous) {
    const items = update(previous.items);
    const total = previous.total === undefined ? undefined : previous.total + items.length - previous.items.length;
    queryClient.setQueryData<ListOrganizationConnectionsResult>(key, { ...previous, items, total });
  }
}

/** Puts one connection in the cached list, in place of the one with its id. */
export function replaceCachedConnection(queryClient: QueryClient, organizationId: string, connection: OrgConnection) {
  updateCachedConnections(queryClient, organizationId, (items) =>
    items.map((item) => (item.connectionId === connection.connectionId ? connection : item)),
  );
}

export function findCachedConnection(
  queryClient: QueryClient,
  organizationId: string,
  connectionId: string,
): OrgConnection | undefined {
  return queryClient
    .getQueryData<ListOrganizationConnectionsResult>(orgConnectionsKeys.list(organizationId))
    ?.items.find((item) => item.connectionId === connectionId);
}

/** A tenant connection from any cached page of any filter (the picker's), if one holds it. */
export function findCachedTenantConnection(
  queryClient: QueryClient,
  connectionId: string,
): TenantConnection | undefined {
  const cached = queryClient.getQueriesData<InfiniteData<ListTenantConnectionsResult>>({
    queryKey: orgConnectionsKeys.tenantConnections(),
  });
  for (const [, data] of cached) {
    for (const page of data?.pages ?? []) {
      const found = page.items.find((connection) => connection.id === connectionId);
      if (found) return found;
    }
  }
  return undefined;
}

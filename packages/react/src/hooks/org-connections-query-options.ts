import {
  type ListOrganizationConnectionsResult,
  type ListTenantConnectionsResult,
  type OrgConnectionsApi,
  orgConnectionsKeys,
  type TenantConnectionsFilter,
} from '@org-connections/core';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';

/** The organization's connections: one cache entry (and one request) however many components read it. */
export function orgConnectionsQueryOptions(api: OrgConnectionsApi, organizationId: string) {
  return queryOptions<ListOrganizationConnectionsResult>({
    queryKey: orgConnectionsKeys.list(organizationId),
    queryFn: ({ signal }) => api.listOrganizationConnections(organizationId, { signal }),
    // Mutations write the server's answers into this entry, so a component mounting later need not ask again.
    staleTime: 30_000,
    // The data source retries what is worth retrying (both clients do, for GETs): one mechanism, not two.
    retry: false,
  });
}

/** How soon a `partial` whole-tenant answer (the server package still reading the tenant) is asked again. */
export const PARTIAL_SEARCH_RETRY_MS = 2_000;

/**
 * The tenant's connections, page by page over the checkpoint `next`. An answer that says it searched only part of
 * the tenant so far (`tenantSearch: 'partial'`) is asked again every `PARTIAL_SEARCH_RETRY_MS` until it is complete.
 */
export function tenantConnectionsQueryOptions(api: OrgConnectionsApi, filter: TenantConnectionsFilter = {}) {
  return infiniteQueryOptions({
    queryKey: orgConnectionsKeys.tenantConnections(filter),
    queryFn: ({ pageParam, signal }): Promise<ListTenantConnectionsResult> =>
      api.listTenantConnections({ ...filter, from: pageParam, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next,
    // Read again only after a while: an infinite query refetches every page it holds, and after "Search all" that is
    // the whole tenant, page after page, each time the picker opens. The tenant's connections change rarely.
    staleTime: 5 * 60_000,
    refetchInterval: (query) =>
      query.state.data?.pages[0]?.tenantSearch === 'partial' ? PARTIAL_SEARCH_RETRY_MS : false,
    retry: false,
  });
}

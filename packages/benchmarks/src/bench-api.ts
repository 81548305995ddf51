import { createManagementApiClient, type OrgConnectionsApi } from '@org-connections/core';

/** Where the benchmark server serves the fake tenant's Management API: a host backend's proxy route. */
export const BENCH_MANAGEMENT_BASE_URL = '/api/v2';

/** Where the benchmark server mounts `@org-connections/server`'s handler, in front of the same fake tenant. */
export const BENCH_HANDLER_BASE_URL = '/api/org-connections';

/** Which route the page's client calls: the fake tenant as Auth0 (`auth0`), or the server package's handler. */
export type BenchSource = 'auth0' | 'server';

/**
 * The Management API client both implementations use. Lists ask for 100 organization connections a
 * page (the client's default is 50), so the 100-connection organization arrives in one response.
 */
export function createBenchApi(source: BenchSource = 'auth0'): OrgConnectionsApi {
  const client = createManagementApiClient({
    baseUrl: source === 'server' ? BENCH_HANDLER_BASE_URL : BENCH_MANAGEMENT_BASE_URL,
  });
  return {
    ...client,
    listOrganizationConnections: (organizationId, options = {}) =>
      client.listOrganizationConnections(organizationId, { perPage: 100, ...options }),
  };
}

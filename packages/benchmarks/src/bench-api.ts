import { createManagementApiClient, type OrgConnectionsApi } from '@org-connections/core';

/** Where the benchmark server serves the fake tenant's Management API: a host backend's proxy route. */
export const BENCH_MANAGEMENT_BASE_URL = '/api/v2';

/**
 * The Management API client both implementations use. Lists ask for 100 organization connections a
 * page (the client's default is 50), so the 100-connection organization arrives in one response.
 */
export function createBenchApi(): OrgConnectionsApi {
  const client = createManagementApiClient({ baseUrl: BENCH_MANAGEMENT_BASE_URL });
  return {
    ...client,
    listOrganizationConnections: (organizationId, options = {}) =>
      client.listOrganizationConnections(organizationId, { perPage: 100, ...options }),
  };
}

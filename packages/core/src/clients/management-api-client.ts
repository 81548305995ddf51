import { dataSourceFeatures } from '../model/data-source-features';
import { wireTenantConnectionSchema, wireTenantConnectionsPageSchema } from '../wire/management-api-wire-schemas';
import { fromWireTenantConnection } from '../wire/org-connection-mapper';
import { connectionsEndpoints } from './connections-endpoints';
import { enabledConnectionsEndpoints } from './enabled-connections-endpoints';
import { createHttpClient, type Fetch, type GetAccessToken, type RetryOptions } from './http-client';
import { type OrgConnectionsApi, TENANT_CONNECTIONS_ORGANIZATION_HEADER } from './org-connections-api';
import type { ManagementApiEndpoints } from './organization-connections-endpoints';
import type { serverRollouts } from './rollouts-endpoints';

export interface ManagementApiClientOptions {
  /** Stands where `https://{domain}/api/v2` would; normally the host backend's proxy route. */
  baseUrl: string;
  /** Called before every request; leave it out when the proxy adds the token itself. Never logged. */
  getAccessToken?: GetAccessToken;
  fetch?: Fetch;
  /** Default `connections`. */
  endpoints?: ManagementApiEndpoints;
  retry?: RetryOptions;
  /**
   * `serverRollouts` when `baseUrl` is `@org-connections/server`, which serves rollouts (Auth0 has no bulk
   * endpoint): the client then has the rollout methods and `supports('rollouts')`. Left out, it has neither, and an
   * app that never rolls a connection out does not ship them.
   */
  rollouts?: typeof serverRollouts;
}

/** The fields the connection picker shows; `GET /connections` is asked for these only. */
export const TENANT_CONNECTION_FIELDS = ['id', 'name', 'display_name', 'strategy'] as const;

const segment = encodeURIComponent;

/**
 * A read of the tenant's connections: the picker's fields only, and the organization the caller names in a header,
 * not a query parameter: Auth0 (and a plain proxy to it) refuses unknown parameters and ignores unknown headers, so
 * the picker can name its organization to any source from the first request on.
 */
function tenantConnectionsRequest(
  path: string,
  query: URLSearchParams,
  organizationId: string | undefined,
  signal: AbortSignal | undefined,
  action: string,
) {
  query.set('fields', TENANT_CONNECTION_FIELDS.join(','));
  query.set('include_fields', 'true');
  return {
    method: 'GET' as const,
    path,
    query,
    ...(organizationId !== undefined && { headers: { [TENANT_CONNECTIONS_ORGANIZATION_HEADER]: organizationId } }),
    signal,
    action,
  };
}

/**
 * An `OrgConnectionsApi` over the Auth0 Management API v2 (or a backend route that proxies it): a transport.
 * Each call sends one request (plus the documented token refresh and GET retries) and answers what the server
 * says; it keeps nothing between calls and decides no permission (the React hooks and the server package run
 * core's guard). It refuses, before sending, only what the endpoint family cannot express.
 */
export function createManagementApiClient(options: ManagementApiClientOptions): OrgConnectionsApi {
  const http = createHttpClient(options);
  const family =
    options.endpoints === 'enabled_connections' ? enabledConnectionsEndpoints(http) : connectionsEndpoints(http);
  const features = dataSourceFeatures(family.source);
  const collection = (organizationId: string) => `/organizations/${segment(organizationId)}/${family.family}`;
  const item = (organizationId: string, connectionId: string) =>
    `${collection(organizationId)}/${segment(connectionId)}`;

  const rollouts = options.rollouts?.(http);

  return {
    supports: (feature) => (feature === 'rollouts' ? rollouts !== undefined : features.supports(feature)),
    ...rollouts,

    listOrganizationConnections(organizationId, { page = 0, perPage = 50, signal } = {}) {
      const query = new URLSearchParams({ page: String(page), per_page: String(perPage), include_totals: 'true' });
      const action = "list the organization's connections";
      return family.list({ method: 'GET', path: collection(organizationId), query, signal, action });
    },

    getOrganizationConnection(organizationId, connectionId, { signal } = {}) {
      const action = 'get the organization connection';
      return family.get({ method: 'GET', path: item(organizationId, connectionId), signal, action });
    },

    async addOrganizationConnection(organizationId, { connectionId, ...settings }, { signal } = {}) {
      const action = 'add the connection to the organization';
      const request = { method: 'POST' as const, path: collection(organizationId), signal, action };
      return family.add(request, connectionId, features.writableSettings(settings));
    },

    async updateOrganizationConnection(organizationId, connectionId, changes, { signal } = {}) {
      const action = 'update the organization connection';
      const request = { method: 'PATCH' as const, path: item(organizationId, connectionId), signal, action };
      return family.update(request, connectionId, features.writableSettings(changes));
    },

    removeOrganizationConnection(organizationId, connectionId, { signal } = {}) {
      const action = 'remove the connection from the organization';
      return http.requestWithoutContent({ method: 'DELETE', path: item(organizationId, connectionId), signal, action });
    },

    async listTenantConnections({ from, take = 50, strategy, name, search, kind, organizationId, signal } = {}) {
      const query = new URLSearchParams({ take: String(take) });
      if (from !== undefined) query.set('from', from);
      for (const value of typeof strategy === 'string' ? [strategy] : (strategy ?? [])) query.append('strategy', value);
      if (name !== undefined && name !== '') query.set('name', name);
      // Only a source that searches the whole tenant reads these (the caller sends them after a page said so).
      if (search !== undefined && search.trim() !== '') query.set('q', search.trim());
      if (kind !== undefined) query.set('kind', kind);
      const answer = await http.request(
        tenantConnectionsRequest('/connections', query, organizationId, signal, "list the tenant's connections"),
        wireTenantConnectionsPageSchema,
      );
      if (Array.isArray(answer)) return { items: answer.map(fromWireTenantConnection) };
      return {
        items: answer.connections.map(fromWireTenantConnection),
        next: answer.next || undefined,
        ...(answer.search !== undefined && { tenantSearch: answer.search }),
        ...(answer.total !== undefined && { total: answer.total }),
      };
    },

    async getTenantConnection(connectionId, { organizationId, signal } = {}) {
      const path = `/connections/${segment(connectionId)}`;
      const request = tenantConnectionsRequest(
        path,
        new URLSearchParams(),
        organizationId,
        signal,
        'get the tenant connection',
      );
      return fromWireTenantConnection(await http.request(request, wireTenantConnectionSchema));
    },
  };
}

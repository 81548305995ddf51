import type { AccessPolicy } from './capabilities';
import { connectionKind } from './connection-kind';
import { connectionNotFoundError, isVisibleTo } from './connection-visibility';
import {
  guardNewOrganizationConnection,
  guardOrganizationConnectionChanges,
} from './guard-organization-connection-changes';
import { createHttpClient, type Fetch, type GetAccessToken, type HttpClient, type RetryOptions } from './http-client';
import { invalidBodyError } from './invalid-body-error';
import { createKnownConnections } from './known-connections';
import type { OrgConnection, OrgConnectionSettings, TenantConnection, View } from './org-connection';
import { fromWireOrganizationConnection, fromWireTenantConnection, toWireSettings } from './org-connection-mapper';
import type {
  AddOrganizationConnectionInput,
  ListOrganizationConnectionsOptions,
  ListOrganizationConnectionsResult,
  ListTenantConnectionsOptions,
  ListTenantConnectionsResult,
  OrgConnectionsApi,
  OrgConnectionsFeature,
  RequestOptions,
} from './org-connections-api';
import { OrgConnectionsError } from './org-connections-error';
import { unsupportedFeatureError } from './unsupported-feature-error';
import {
  type WireEnabledConnection,
  type WireOrganizationConnection,
  wireAddEnabledConnectionSchema,
  wireCreateOrganizationConnectionSchema,
  wireEnabledConnectionSchema,
  wireEnabledConnectionsPageSchema,
  wireEnabledConnectionWriteResponseSchema,
  wireOrganizationConnectionSchema,
  wireOrganizationConnectionsPageSchema,
  wireTenantConnectionsPageSchema,
  wireUpdateEnabledConnectionSchema,
  wireUpdateOrganizationConnectionSchema,
} from './wire-schemas';

/**
 * Which family of organization connection endpoints to call:
 * - `connections`: `/organizations/{id}/connections` (Early Access): access level, name and `is_enabled`;
 * - `enabled_connections`: `/organizations/{id}/enabled_connections` (GA), for tenants without the EA family.
 *   It has no access level, name or `is_enabled`: `supports()` says so and changing them is refused.
 */
export type ManagementApiEndpoints = 'connections' | 'enabled_connections';

export interface ManagementApiClientOptions {
  /** Stands where `https://{domain}/api/v2` would; normally the host backend's proxy route. */
  baseUrl: string;
  /** Called before every request; leave it out when the proxy adds the token itself. Never logged. */
  getAccessToken?: GetAccessToken;
  fetch?: Fetch;
  /** Default `connections`. */
  endpoints?: ManagementApiEndpoints;
  /** Whose rules gate mutations. Default `tenant-admin` (a backend serving an org admin passes `org-admin`). */
  view?: View;
  /** Loosens `limited` for the `org-admin` view (see `AccessPolicy`). */
  policy?: AccessPolicy;
  retry?: RetryOptions;
}

/** The fields the connection picker shows; `GET /connections` is asked for these only. */
export const TENANT_CONNECTION_FIELDS = ['id', 'name', 'display_name', 'strategy'] as const;

const SOURCE_NAMES: Record<ManagementApiEndpoints, string> = {
  connections: 'Management API',
  enabled_connections: "Management API's enabled_connections endpoints",
};

const UNSUPPORTED_BY_ENABLED_CONNECTIONS: readonly OrgConnectionsFeature[] = [
  'organizationAccessLevel',
  'organizationConnectionName',
  'isEnabled',
];

function segment(value: string): string {
  return encodeURIComponent(value);
}

/**
 * An `OrgConnectionsApi` over the Auth0 Management API v2 (or a backend route that proxies it). In the
 * `org-admin` view, connections an org admin may not see (`none` or an unknown level) are left out of
 * lists, and reading one gives `not_found`, so nothing downstream can render them.
 */
export function createManagementApiClient(options: ManagementApiClientOptions): OrgConnectionsApi {
  const endpoints = options.endpoints ?? 'connections';
  const view = options.view ?? 'tenant-admin';
  const policy = options.policy;
  const source = SOURCE_NAMES[endpoints];
  const known = createKnownConnections();
  const tenantConnectionKinds = new Map<string, TenantConnection['kind']>();
  const http: HttpClient = createHttpClient({
    baseUrl: options.baseUrl,
    ...(options.getAccessToken === undefined ? {} : { getAccessToken: options.getAccessToken }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
  });

  const collection = (organizationId: string) => `/organizations/${segment(organizationId)}/${endpoints}`;
  const item = (organizationId: string, connectionId: string) =>
    `${collection(organizationId)}/${segment(connectionId)}`;

  function supports(feature: OrgConnectionsFeature): boolean {
    return endpoints === 'connections' || !UNSUPPORTED_BY_ENABLED_CONNECTIONS.includes(feature);
  }

  const visible = (connection: OrgConnection) => isVisibleTo(view, connection);

  /** Maps a wire item; a write answer that leaves out the connection's name and strategy keeps the known ones. */
  function remember(
    organizationId: string,
    wire: WireOrganizationConnection | WireEnabledConnection,
    previous?: OrgConnection,
  ): OrgConnection {
    let connection = fromWireOrganizationConnection(wire);
    if (wire.connection?.strategy === undefined && previous !== undefined) {
      connection = { ...connection, connection: previous.connection, kind: previous.kind };
    }
    known.remember(organizationId, connection);
    return connection;
  }

  async function fetchConnection(
    organizationId: string,
    connectionId: string,
    signal: AbortSignal | undefined,
  ): Promise<OrgConnection> {
    const request = {
      method: 'GET' as const,
      path: item(organizationId, connectionId),
      signal,
      action: 'get the organization connection',
    };
    const wire =
      endpoints === 'connections'
        ? await http.request(request, wireOrganizationConnectionSchema)
        : await http.request(request, wireEnabledConnectionSchema);
    return remember(organizationId, wire);
  }

  async function current(organizationId: string, connectionId: string, signal: AbortSignal | undefined) {
    return known.recall(organizationId, connectionId) ?? (await fetchConnection(organizationId, connectionId, signal));
  }

  function refuseUnsupported(settings: Partial<OrgConnectionSettings>, allowEnabled: boolean): void {
    for (const feature of UNSUPPORTED_BY_ENABLED_CONNECTIONS) {
      const value = settings[feature as keyof OrgConnectionSettings];
      if (value === undefined || supports(feature)) continue;
      if (feature === 'isEnabled' && allowEnabled && value === true) continue;
      throw unsupportedFeatureError(feature, source);
    }
  }

  return {
    supports,

    async listOrganizationConnections(
      organizationId: string,
      { page = 0, perPage = 50, signal }: ListOrganizationConnectionsOptions = {},
    ): Promise<ListOrganizationConnectionsResult> {
      const query = new URLSearchParams({ page: String(page), per_page: String(perPage), include_totals: 'true' });
      const request = {
        method: 'GET' as const,
        path: collection(organizationId),
        query,
        signal,
        action: "list the organization's connections",
      };
      let wireItems: readonly (WireOrganizationConnection | WireEnabledConnection)[];
      let total: number | undefined;
      if (endpoints === 'connections') {
        const answer = await http.request(request, wireOrganizationConnectionsPageSchema);
        wireItems = Array.isArray(answer) ? answer : answer.connections;
        total = Array.isArray(answer) ? undefined : answer.total;
      } else {
        const answer = await http.request(request, wireEnabledConnectionsPageSchema);
        wireItems = Array.isArray(answer) ? answer : answer.enabled_connections;
        total = Array.isArray(answer) ? undefined : answer.total;
      }
      const all = wireItems.map((wire) => remember(organizationId, wire));
      const items = all.filter(visible);
      // An organization has at most 10 connections, so one page holds them all and the count stays exact.
      if (total !== undefined) total -= all.length - items.length;
      return total === undefined ? { items } : { items, total };
    },

    async getOrganizationConnection(
      organizationId: string,
      connectionId: string,
      { signal }: RequestOptions = {},
    ): Promise<OrgConnection> {
      const connection = await fetchConnection(organizationId, connectionId, signal);
      if (!visible(connection)) throw connectionNotFoundError(connectionId);
      return connection;
    },

    async addOrganizationConnection(
      organizationId: string,
      { connectionId, ...input }: AddOrganizationConnectionInput,
      { signal }: RequestOptions = {},
    ): Promise<OrgConnection> {
      refuseUnsupported(input, true);
      const settings = guardNewOrganizationConnection({
        view,
        policy,
        kind: tenantConnectionKinds.get(connectionId),
        settings: input,
      });
      const action = 'add the connection to the organization';
      if (endpoints === 'connections') {
        const body = wireCreateOrganizationConnectionSchema.safeParse({
          connection_id: connectionId,
          ...toWireSettings(settings),
        });
        if (!body.success) throw invalidBodyError(action, body.error);
        const wire = await http.request(
          { method: 'POST', path: collection(organizationId), body: body.data, signal, action },
          wireOrganizationConnectionSchema,
        );
        return remember(organizationId, wire);
      }
      const { isEnabled: _enabled, ...rest } = settings;
      const body = wireAddEnabledConnectionSchema.safeParse({ connection_id: connectionId, ...toWireSettings(rest) });
      if (!body.success) throw invalidBodyError(action, body.error);
      const wire = await http.request(
        { method: 'POST', path: collection(organizationId), body: body.data, signal, action },
        wireEnabledConnectionWriteResponseSchema,
      );
      return remember(organizationId, { ...wire, connection_id: wire.connection_id ?? connectionId });
    },

    async updateOrganizationConnection(
      organizationId: string,
      connectionId: string,
      changes: Partial<OrgConnectionSettings>,
      { signal }: RequestOptions = {},
    ): Promise<OrgConnection> {
      refuseUnsupported(changes, false);
      const previous = await current(organizationId, connectionId, signal);
      const allowed = guardOrganizationConnectionChanges({ view, policy, current: previous, changes });
      const action = 'update the organization connection';
      if (Object.keys(allowed).length === 0) return previous;
      const request = { method: 'PATCH' as const, path: item(organizationId, connectionId), signal, action };
      if (endpoints === 'connections') {
        const body = wireUpdateOrganizationConnectionSchema.safeParse(toWireSettings(allowed));
        if (!body.success) throw invalidBodyError(action, body.error);
        const wire = await http.request({ ...request, body: body.data }, wireOrganizationConnectionSchema);
        return remember(organizationId, wire, previous);
      }
      const body = wireUpdateEnabledConnectionSchema.safeParse(toWireSettings(allowed));
      if (!body.success) throw invalidBodyError(action, body.error);
      const wire = await http.request({ ...request, body: body.data }, wireEnabledConnectionWriteResponseSchema);
      return remember(organizationId, { ...wire, connection_id: wire.connection_id ?? connectionId }, previous);
    },

    async removeOrganizationConnection(
      organizationId: string,
      connectionId: string,
      { signal }: RequestOptions = {},
    ): Promise<void> {
      if (view === 'org-admin') {
        throw new OrgConnectionsError({
          kind: 'not_permitted',
          message: 'Only a tenant administrator can remove a connection from the organization.',
        });
      }
      await http.requestWithoutContent({
        method: 'DELETE',
        path: item(organizationId, connectionId),
        signal,
        action: 'remove the connection from the organization',
      });
      known.forget(organizationId, connectionId);
    },

    async listTenantConnections({
      from,
      take = 50,
      strategy,
      name,
      signal,
    }: ListTenantConnectionsOptions = {}): Promise<ListTenantConnectionsResult> {
      const query = new URLSearchParams();
      query.set('take', String(take));
      if (from !== undefined) query.set('from', from);
      for (const value of typeof strategy === 'string' ? [strategy] : (strategy ?? [])) query.append('strategy', value);
      if (name !== undefined && name !== '') query.set('name', name);
      query.set('fields', TENANT_CONNECTION_FIELDS.join(','));
      query.set('include_fields', 'true');
      const answer = await http.request(
        { method: 'GET', path: '/connections', query, signal, action: "list the tenant's connections" },
        wireTenantConnectionsPageSchema,
      );
      const wireItems = Array.isArray(answer) ? answer : answer.connections;
      const items = wireItems.map(fromWireTenantConnection);
      for (const connection of items) tenantConnectionKinds.set(connection.id, connectionKind(connection.strategy));
      const next = Array.isArray(answer) ? undefined : answer.next;
      return next === undefined || next === '' ? { items } : { items, next };
    },
  };
}

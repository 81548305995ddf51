import type { AccessPolicy } from './capabilities';
import { connectionNotFoundError, isVisibleTo } from './connection-visibility';
import { guardOrganizationConnectionChanges } from './guard-organization-connection-changes';
import { createHttpClient, type Fetch, type GetAccessToken, type HttpClient, type RetryOptions } from './http-client';
import { invalidBodyError } from './invalid-body-error';
import { createKnownConnections } from './known-connections';
import type { OrgConnection, OrgConnectionSettings } from './org-connection';
import { fromWireIdentityProvider } from './org-connection-mapper';
import type {
  ListOrganizationConnectionsOptions,
  ListOrganizationConnectionsResult,
  OrgConnectionsApi,
  OrgConnectionsFeature,
  RequestOptions,
} from './org-connections-api';
import { unsupportedFeatureError } from './unsupported-feature-error';
import {
  type WireIdentityProvider,
  wireIdentityProviderSchema,
  wireIdentityProvidersSchema,
  wireUpdateIdentityProviderSchema,
} from './wire-schemas';

export interface MyOrganizationApiClientOptions {
  /** Stands where `https://{domain}/my-org/v1` would. */
  baseUrl: string;
  /** The org admin's own token (audience `https://{domain}/my-org/`), asked for before every request. Never logged. */
  getAccessToken: GetAccessToken;
  fetch?: Fetch;
  /** Loosens `limited` (see `AccessPolicy`). */
  policy?: AccessPolicy;
  retry?: RetryOptions;
}

const SOURCE = 'My Organization API';

/** What this API does not offer for this library's scope (it manages SSO identity providers, not the tenant's connections). */
const UNSUPPORTED: readonly OrgConnectionsFeature[] = [
  'organizationConnectionName',
  'addConnection',
  'removeConnection',
  'listTenantConnections',
];

/**
 * An `OrgConnectionsApi` over Auth0's My Organization API, for an organization's own administrator.
 * Its `/identity-providers` (enterprise connections only) are mapped to `OrgConnection`; the view is
 * always `org-admin`.
 *
 * Connections the org admin may not see (`access_level` `none`, the "minimal" items, or a level this
 * library does not know) are left out here, in the client, so no list, count or warning built on the
 * port can ever show them; reading one directly gives `not_found`. The API's `organizationId` argument
 * only keys what the client remembers: the token decides the organization.
 */
export function createMyOrganizationApiClient(options: MyOrganizationApiClientOptions): OrgConnectionsApi {
  const view = 'org-admin';
  const policy = options.policy;
  const known = createKnownConnections();
  const http: HttpClient = createHttpClient({
    baseUrl: options.baseUrl,
    getAccessToken: options.getAccessToken,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
  });
  const item = (connectionId: string) => `/identity-providers/${encodeURIComponent(connectionId)}`;

  const visible = (connection: OrgConnection) => isVisibleTo(view, connection);

  function remember(organizationId: string, wire: WireIdentityProvider, previous?: OrgConnection): OrgConnection {
    let connection = fromWireIdentityProvider(wire);
    // A write answer without the read-only level keeps the one last seen.
    if (wire.access_level === undefined && previous?.organizationAccessLevel !== undefined) {
      connection = { ...connection, organizationAccessLevel: previous.organizationAccessLevel };
    }
    known.remember(organizationId, connection);
    return connection;
  }

  async function fetchConnection(organizationId: string, connectionId: string, signal: AbortSignal | undefined) {
    const wire = await http.request(
      { method: 'GET', path: item(connectionId), signal, action: 'get the identity provider' },
      wireIdentityProviderSchema,
    );
    return remember(organizationId, wire);
  }

  return {
    supports(feature: OrgConnectionsFeature): boolean {
      return !UNSUPPORTED.includes(feature);
    },

    async listOrganizationConnections(
      organizationId: string,
      { page, perPage, signal }: ListOrganizationConnectionsOptions = {},
    ): Promise<ListOrganizationConnectionsResult> {
      const answer = await http.request(
        { method: 'GET', path: '/identity-providers', signal, action: "list the organization's identity providers" },
        wireIdentityProvidersSchema,
      );
      const all = answer.identity_providers.map((wire) => remember(organizationId, wire));
      const shown = all.filter(visible);
      // The API does not paginate; a page asked for is cut from the whole list.
      if (page === undefined && perPage === undefined) return { items: shown, total: shown.length };
      const size = perPage ?? 50;
      const start = (page ?? 0) * size;
      return { items: shown.slice(start, start + size), total: shown.length };
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

    async addOrganizationConnection(): Promise<OrgConnection> {
      throw unsupportedFeatureError('addConnection', SOURCE);
    },

    async updateOrganizationConnection(
      organizationId: string,
      connectionId: string,
      changes: Partial<OrgConnectionSettings>,
      { signal }: RequestOptions = {},
    ): Promise<OrgConnection> {
      if (changes.organizationConnectionName !== undefined) {
        throw unsupportedFeatureError('organizationConnectionName', SOURCE);
      }
      const previous =
        known.recall(organizationId, connectionId) ?? (await fetchConnection(organizationId, connectionId, signal));
      const allowed = guardOrganizationConnectionChanges({ view, policy, current: previous, changes });
      if (Object.keys(allowed).length === 0) return previous;
      const action = 'update the identity provider';
      const body = wireUpdateIdentityProviderSchema.safeParse({
        is_enabled: allowed.isEnabled,
        show_as_button: allowed.showAsButton,
        assign_membership_on_login: allowed.assignMembershipOnLogin,
      });
      if (!body.success) throw invalidBodyError(action, body.error);
      const sent = Object.fromEntries(Object.entries(body.data).filter(([, value]) => value !== undefined));
      const wire = await http.request(
        { method: 'PATCH', path: item(connectionId), body: sent, signal, action },
        wireIdentityProviderSchema,
      );
      return remember(organizationId, wire, previous);
    },

    async removeOrganizationConnection(): Promise<void> {
      throw unsupportedFeatureError('removeConnection', SOURCE);
    },

    async listTenantConnections() {
      throw unsupportedFeatureError('listTenantConnections', SOURCE);
    },
  };
}

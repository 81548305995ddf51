import { dataSourceFeatures } from '../model/data-source-features';
import { validBody } from '../wire/invalid-body-error';
import {
  wireIdentityProviderSchema,
  wireIdentityProvidersSchema,
  wireUpdateIdentityProviderSchema,
} from '../wire/my-organization-api-wire-schemas';
import { fromWireIdentityProvider, toWireSettings } from '../wire/org-connection-mapper';
import { createHttpClient, type Fetch, type GetAccessToken, type RetryOptions } from './http-client';
import type { OrgConnectionsApi } from './org-connections-api';

export interface MyOrganizationApiClientOptions {
  /** Stands where `https://{domain}/my-org/v1` would. */
  baseUrl: string;
  /** The org admin's own token (audience `https://{domain}/my-org/`), asked for before every request. Never logged. */
  getAccessToken: GetAccessToken;
  fetch?: Fetch;
  retry?: RetryOptions;
}

/**
 * An `OrgConnectionsApi` over Auth0's My Organization API, for an organization's own administrator: a
 * transport. Its `/identity-providers` (enterprise connections only) are mapped to `OrgConnection`, every
 * one the API lists, the "minimal" items at `none` included with their level (the UI does not render them:
 * `capabilitiesFor(...).visible`). The API enforces access levels itself; the client refuses, before
 * sending, only what the API cannot express (the name, the access level, signup, adding, removing). The
 * `organizationId` arguments are not sent: the token decides the organization.
 */
export function createMyOrganizationApiClient(options: MyOrganizationApiClientOptions): OrgConnectionsApi {
  const http = createHttpClient(options);
  const features = dataSourceFeatures('My Organization API');
  const item = (connectionId: string) => `/identity-providers/${encodeURIComponent(connectionId)}`;

  return {
    supports: features.supports,

    async listOrganizationConnections(_organizationId, { page, perPage, signal } = {}) {
      const answer = await http.request(
        { method: 'GET', path: '/identity-providers', signal, action: "list the organization's identity providers" },
        wireIdentityProvidersSchema,
      );
      const items = answer.identity_providers.map(fromWireIdentityProvider);
      // The API does not paginate; a page asked for is cut from the whole list.
      if (page === undefined && perPage === undefined) return { items, total: items.length };
      const size = perPage ?? 50;
      const start = (page ?? 0) * size;
      return { items: items.slice(start, start + size), total: items.length };
    },

    async getOrganizationConnection(_organizationId, connectionId, { signal } = {}) {
      const action = 'get the identity provider';
      const wire = await http.request(
        { method: 'GET', path: item(connectionId), signal, action },
        wireIdentityProviderSchema,
      );
      return fromWireIdentityProvider(wire);
    },

    async addOrganizationConnection() {
      throw features.unsupported('addConnection');
    },

    async updateOrganizationConnection(_organizationId, connectionId, changes, { signal } = {}) {
      const action = 'update the identity provider';
      const settings = toWireSettings(features.writableSettings(changes));
      const body = validBody(wireUpdateIdentityProviderSchema, settings, action);
      const wire = await http.request(
        { method: 'PATCH', path: item(connectionId), body, signal, action },
        wireIdentityProviderSchema,
      );
      return fromWireIdentityProvider(wire);
    },

    async removeOrganizationConnection() {
      throw features.unsupported('removeConnection');
    },

    async listTenantConnections() {
      throw features.unsupported('listTenantConnections');
    },
  };
}

import {
  createFakeTenant,
  createHandlers,
  DEFAULT_MY_ORGANIZATION_BASE_URL,
  MY_ORGANIZATION_SCOPES,
  seedIds,
} from '@org-connections/testing';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOasValidator } from '../../../testing/src/http/oas-validator';
import { failure } from '../../test/failure';
import { createMyOrganizationApiClient, type MyOrganizationApiClientOptions } from './my-organization-api-client';

const tenant = createFakeTenant();
const server = setupServer(...createHandlers(tenant));
const oas = createOasValidator();

const { acme } = seedIds.organizations;
const c = seedIds.connections;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  // Contract: every body the client sent matches Auth0's OpenAPI request schema for the IdP's strategy.
  for (const request of tenant.requests) {
    if (request.body === undefined) continue;
    const idpId = request.path.split('/').at(-1) ?? '';
    const strategy = tenant.getConnection(idpId)?.strategy;
    const result = oas.validateRequestBody('my-organization', request.method, request.path, request.body, { strategy });
    expect(result.errors, `${request.method} ${request.path} ${JSON.stringify(request.body)}`).toEqual([]);
    expect(result.valid).toBe(true);
  }
  tenant.reset();
});
afterAll(() => server.close());

function myOrganizationClient(options: Partial<MyOrganizationApiClientOptions> = {}) {
  return createMyOrganizationApiClient({
    baseUrl: DEFAULT_MY_ORGANIZATION_BASE_URL,
    getAccessToken: () => tenant.defaultToken,
    retry: { baseDelayMs: 1 },
    ...options,
  });
}

describe('createMyOrganizationApiClient: reading', () => {
  it('lists every identity provider the API returns as enterprise connections, the minimal ones at none included', async () => {
    const { items, total } = await myOrganizationClient().listOrganizationConnections(acme);
    expect(tenant.requests.map((request) => request.operation)).toEqual(['listIdentityProviders']);
    expect(items.map((item) => item.connectionId).sort()).toEqual(
      [c.contosoEntra, c.oidcMarkup, c.oktaAcme, c.societeGenerale].sort(),
    );
    expect(total).toBe(4);
    expect(items.every((item) => item.kind === 'enterprise')).toBe(true);
    expect(items.find((item) => item.connectionId === c.contosoEntra)?.organizationAccessLevel).toBe('none');
    expect(items.find((item) => item.connectionId === c.societeGenerale)).toMatchObject({
      organizationAccessLevel: 'full',
      showAsButton: false,
      isEnabled: true,
      isSignupEnabled: false,
      connection: { name: 'societe-generale-sso', strategy: 'samlp' },
    });
  });

  it('keeps an access level it does not know, as the API sent it', async () => {
    tenant.failNext({
      status: 200,
      body: {
        identity_providers: [
          { id: c.oktaAcme, display_name: 'Okta', is_enabled: true, access_level: 'delegated', strategy: 'okta' },
          { id: c.oidcMarkup, display_name: 'OIDC', is_enabled: true, access_level: 'limited', strategy: 'oidc' },
        ],
      },
    });
    const { items } = await myOrganizationClient().listOrganizationConnections(acme);
    expect(items.map((item) => [item.connectionId, item.organizationAccessLevel])).toEqual([
      [c.oktaAcme, 'delegated'],
      [c.oidcMarkup, 'limited'],
    ]);
  });

  it('cuts a page from the whole list, as the API does not paginate', async () => {
    const api = myOrganizationClient();
    const first = await api.listOrganizationConnections(acme, { page: 0, perPage: 3 });
    const second = await api.listOrganizationConnections(acme, { page: 1, perPage: 3 });
    expect(first.items).toHaveLength(3);
    expect(second.items).toHaveLength(1);
    expect(first.total).toBe(4);
    expect(tenant.requests.every((request) => Object.keys(request.query).length === 0)).toBe(true);
  });

  it('gets one identity provider', async () => {
    const connection = await myOrganizationClient().getOrganizationConnection(acme, c.oktaAcme);
    expect(connection).toMatchObject({ connectionId: c.oktaAcme, organizationAccessLevel: 'readonly' });
  });

  it("passes on the API's not_found for a connection at none", async () => {
    const error = await failure(myOrganizationClient().getOrganizationConnection(acme, c.contosoEntra));
    expect(error.kind).toBe('not_found');
  });

  it("reads the API's validation_errors into issues", async () => {
    const error = await failure(myOrganizationClient().getOrganizationConnection(acme, 'not-an-idp-id'));
    expect(error.kind).toBe('invalid_request');
    expect(error.status).toBe(400);
    expect(error.issues?.[0]?.field).toBe('idp_id');
    expect(error.code).toMatch(/^https:\/\/auth0\.com\/api-errors#/);
  });

  it('names the missing scope of a 403 from the problem body', async () => {
    const token = tenant.issueToken({ organizationId: acme, scopes: ['update:my_org:identity_providers'] });
    const error = await failure(
      myOrganizationClient({ getAccessToken: () => token }).listOrganizationConnections(acme),
    );
    expect(error.kind).toBe('forbidden');
    expect(error.requiredScopes).toEqual(['read:my_org:identity_providers']);
  });

  it('refreshes an expired token once', async () => {
    const stale = tenant.issueToken({ organizationId: acme, scopes: MY_ORGANIZATION_SCOPES });
    tenant.expireToken(stale);
    const fresh = tenant.issueToken({ organizationId: acme, scopes: MY_ORGANIZATION_SCOPES });
    const api = myOrganizationClient({ getAccessToken: ({ forceRefresh }) => (forceRefresh ? fresh : stale) });
    const { items } = await api.listOrganizationConnections(acme);
    expect(items).toHaveLength(4);
    expect(tenant.requests.map((request) => request.status)).toEqual([401, 200]);
  });

  it('reports a 429 with retryAt from Retry-After when the wait is too long', async () => {
    tenant.rateLimitNext({ retryAfterSeconds: 30 });
    const error = await failure(
      myOrganizationClient({ retry: { maxDelayMs: 1000 } }).listOrganizationConnections(acme),
    );
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAt?.getTime()).toBeGreaterThan(Date.now() + 25_000);
    expect(tenant.requests).toHaveLength(1);
  });

  it('rejects with the native AbortError when aborted', async () => {
    tenant.setLatency(200);
    const controller = new AbortController();
    const pending = myOrganizationClient().listOrganizationConnections(acme, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    tenant.setLatency(0);
  });
});

describe('createMyOrganizationApiClient: changing', () => {
  it('lets a limited connection be switched off, sending only is_enabled', async () => {
    const api = myOrganizationClient();
    await api.listOrganizationConnections(acme);
    const updated = await api.updateOrganizationConnection(acme, c.oidcMarkup, { isEnabled: false });
    expect(updated).toMatchObject({ connectionId: c.oidcMarkup, isEnabled: false, organizationAccessLevel: 'limited' });
    const patch = tenant.requests.find((request) => request.method === 'PATCH');
    expect(patch?.body).toEqual({ is_enabled: false });
  });

  it('lets a full connection change show as button and membership', async () => {
    const updated = await myOrganizationClient().updateOrganizationConnection(acme, c.societeGenerale, {
      showAsButton: true,
      assignMembershipOnLogin: true,
    });
    expect(updated).toMatchObject({ showAsButton: true, assignMembershipOnLogin: true });
    expect(tenant.requests.at(-1)?.body).toEqual({ show_as_button: true, assign_membership_on_login: true });
  });

  it('sends a cold update as exactly one request, the PATCH, with no read first', async () => {
    const updated = await myOrganizationClient().updateOrganizationConnection(acme, c.societeGenerale, {
      isEnabled: false,
    });
    expect(updated).toMatchObject({ connectionId: c.societeGenerale, isEnabled: false });
    expect(tenant.requests.map((request) => `${request.method} ${request.operation}`)).toEqual([
      'PATCH updateIdentityProvider',
    ]);
  });

  it("passes on the API's own refusal of a change to a readonly connection, in one request", async () => {
    const error = await failure(
      myOrganizationClient().updateOrganizationConnection(acme, c.oktaAcme, { showAsButton: false }),
    );
    expect(error.kind).toBe('forbidden');
    expect(error.status).toBe(403);
    expect(tenant.requests.map((request) => request.method)).toEqual(['PATCH']);
  });

  it('refuses the access level, the name and signup, which an org admin can never change here', async () => {
    const api = myOrganizationClient();
    const level = await failure(
      api.updateOrganizationConnection(acme, c.societeGenerale, { organizationAccessLevel: 'none' }),
    );
    const name = await failure(
      api.updateOrganizationConnection(acme, c.societeGenerale, { organizationConnectionName: 'SG' }),
    );
    const signup = await failure(api.updateOrganizationConnection(acme, c.societeGenerale, { isSignupEnabled: true }));
    expect([level.kind, name.kind, signup.kind]).toEqual(['not_permitted', 'not_permitted', 'not_permitted']);
    expect([level.code, name.code, signup.code]).toEqual([
      'unsupported_feature',
      'unsupported_feature',
      'unsupported_feature',
    ]);
    expect(tenant.requests).toHaveLength(0);
  });

  it('reports adding, removing and listing tenant connections as unsupported, and refuses them without a request', async () => {
    const api = myOrganizationClient();
    expect(api.supports?.('addConnection')).toBe(false);
    expect(api.supports?.('removeConnection')).toBe(false);
    expect(api.supports?.('listTenantConnections')).toBe(false);
    expect(api.supports?.('getTenantConnection')).toBe(false);
    expect(api.getTenantConnection).toBeUndefined();
    expect(api.supports?.('organizationConnectionName')).toBe(false);
    expect(api.supports?.('isEnabled')).toBe(true);
    expect(api.supports?.('organizationAccessLevel')).toBe(true);
    const errors = [
      await failure(api.addOrganizationConnection(acme, { connectionId: c.zurichBank })),
      await failure(api.removeOrganizationConnection(acme, c.oidcMarkup)),
      await failure(api.listTenantConnections()),
    ];
    for (const error of errors) {
      expect(error).toMatchObject({ kind: 'not_permitted', code: 'unsupported_feature' });
      expect(error.message).toMatch(/My Organization API cannot/);
    }
    expect(tenant.requests).toHaveLength(0);
  });

  it('does not send a PATCH again after a 5xx', async () => {
    tenant.failNext({ status: 503, match: { method: 'PATCH' }, times: 3 });
    const error = await failure(
      myOrganizationClient().updateOrganizationConnection(acme, c.oidcMarkup, { isEnabled: false }),
    );
    expect(error.kind).toBe('server');
    expect(tenant.requests.filter((request) => request.method === 'PATCH')).toHaveLength(1);
  });
});

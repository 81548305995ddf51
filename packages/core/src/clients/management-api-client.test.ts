import {
  createFakeTenant,
  createHandlers,
  DEFAULT_MANAGEMENT_BASE_URL,
  generateTenantConnections,
  seedIds,
} from '@org-connections/testing';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOasValidator } from '../../../testing/src/http/oas-validator';
import { failure } from '../../test/failure';
import { createManagementApiClient, type ManagementApiClientOptions } from './management-api-client';
import { TENANT_CONNECTIONS_ORGANIZATION_HEADER } from './org-connections-api';

const tenant = createFakeTenant();
const server = setupServer(...createHandlers(tenant));
const oas = createOasValidator();

const { acme, globex, initech } = seedIds.organizations;
const c = seedIds.connections;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  // Contract: every body the client sent matches Auth0's OpenAPI request schema.
  for (const request of tenant.requests) {
    if (request.body === undefined) continue;
    const result = oas.validateRequestBody('management', request.method, request.path, request.body);
    expect(result.errors, `${request.method} ${request.path} ${JSON.stringify(request.body)}`).toEqual([]);
    expect(result.valid).toBe(true);
  }
  tenant.reset();
});
afterAll(() => server.close());

function managementClient(options: Partial<ManagementApiClientOptions> = {}) {
  return createManagementApiClient({
    baseUrl: DEFAULT_MANAGEMENT_BASE_URL,
    getAccessToken: () => tenant.defaultToken,
    retry: { baseDelayMs: 1 },
    ...options,
  });
}

describe('the contract check run after every test', () => {
  it('would catch a body Auth0 refuses (the spelling read-only, a string boolean, an unknown field)', () => {
    const path = `/organizations/${acme}/connections/${c.google}`;
    expect(oas.validateRequestBody('management', 'PATCH', path, { organization_access_level: 'read-only' }).valid).toBe(
      false,
    );
    expect(oas.validateRequestBody('management', 'PATCH', path, { is_enabled: 'true' }).valid).toBe(false);
    expect(oas.validateRequestBody('management', 'PATCH', path, { isEnabled: true }).valid).toBe(false);
    expect(oas.validateRequestBody('management', 'PATCH', path, { is_enabled: false }).valid).toBe(true);
  });
});

describe('createManagementApiClient: organization connections', () => {
  it("lists an organization's connections as the model, with the total", async () => {
    const { items, total } = await managementClient().listOrganizationConnections(acme);
    expect(total).toBe(8);
    expect(items).toHaveLength(8);
    expect(items.find((item) => item.connectionId === c.usernamePassword)).toEqual({
      connectionId: c.usernamePassword,
      organizationConnectionName: 'Acme Employees',
      organizationAccessLevel: 'full',
      isEnabled: true,
      assignMembershipOnLogin: true,
      isSignupEnabled: true,
      showAsButton: true,
      connection: { name: 'Username-Password-Authentication', strategy: 'auth0' },
      kind: 'database',
    });
    expect(tenant.requests[0]?.query).toEqual({ page: '0', per_page: '50', include_totals: 'true' });
  });

  it('pages through the wrapper answer with page and per_page', async () => {
    const api = managementClient();
    const pages = [
      await api.listOrganizationConnections(initech, { page: 0, perPage: 4 }),
      await api.listOrganizationConnections(initech, { page: 1, perPage: 4 }),
      await api.listOrganizationConnections(initech, { page: 2, perPage: 4 }),
    ];
    expect(pages.map((page) => page.items.length)).toEqual([4, 4, 2]);
    expect(pages.map((page) => page.total)).toEqual([10, 10, 10]);
    const ids = pages.flatMap((page) => page.items.map((item) => item.connectionId));
    expect(new Set(ids).size).toBe(10);
    expect(tenant.requests.map((request) => request.query.page)).toEqual(['0', '1', '2']);
  });

  it('accepts the bare-array answer (include_totals=false) and then reports no total', async () => {
    tenant.failNext({
      status: 200,
      body: [{ connection_id: c.google, connection: { name: 'google-oauth2', strategy: 'google-oauth2' } }],
    });
    const { items, total } = await managementClient().listOrganizationConnections(acme);
    expect(total).toBeUndefined();
    expect(items.map((item) => item.kind)).toEqual(['social']);
  });

  it('gets one connection', async () => {
    const connection = await managementClient().getOrganizationConnection(acme, c.societeGenerale);
    expect(connection).toMatchObject({ kind: 'enterprise', showAsButton: false, organizationAccessLevel: 'full' });
  });

  it('gives not_found for a connection the organization does not have', async () => {
    const error = await failure(managementClient().getOrganizationConnection(globex, c.google));
    expect(error.kind).toBe('not_found');
    expect(error.status).toBe(404);
  });

  it('adds a connection with its settings and answers the new connection', async () => {
    const added = await managementClient().addOrganizationConnection(globex, {
      connectionId: c.oktaAcme,
      organizationConnectionName: 'Globex Okta',
      organizationAccessLevel: 'limited',
      showAsButton: false,
      assignMembershipOnLogin: true,
    });
    expect(added).toMatchObject({
      connectionId: c.oktaAcme,
      organizationConnectionName: 'Globex Okta',
      organizationAccessLevel: 'limited',
      isEnabled: true,
      showAsButton: false,
      kind: 'enterprise',
    });
    expect(tenant.requests[0]?.body).toEqual({
      connection_id: c.oktaAcme,
      organization_connection_name: 'Globex Okta',
      organization_access_level: 'limited',
      assign_membership_on_login: true,
      show_as_button: false,
    });
  });

  it('gives conflict when the connection is already enabled', async () => {
    const error = await failure(managementClient().addOrganizationConnection(acme, { connectionId: c.google }));
    expect(error.kind).toBe('conflict');
    expect(error.status).toBe(409);
  });

  it('updates only the fields given', async () => {
    const api = managementClient();
    await api.listOrganizationConnections(acme);
    const updated = await api.updateOrganizationConnection(acme, c.google, {
      isEnabled: false,
      organizationAccessLevel: 'readonly',
    });
    expect(updated).toMatchObject({ isEnabled: false, organizationAccessLevel: 'readonly', kind: 'social' });
    const patch = tenant.requests.find((request) => request.method === 'PATCH');
    expect(patch?.body).toEqual({ is_enabled: false, organization_access_level: 'readonly' });
  });

  it('removes a connection', async () => {
    await managementClient().removeOrganizationConnection(acme, c.github);
    expect(tenant.listOrganizationConnections(acme).map((record) => record.connection_id)).not.toContain(c.github);
  });

  it('gives not_found when removing twice', async () => {
    const api = managementClient();
    await api.removeOrganizationConnection(acme, c.github);
    const error = await failure(api.removeOrganizationConnection(acme, c.github));
    expect(error.kind).toBe('not_found');
  });

  it('supports every feature with the connections endpoints, rollouts once given serverRollouts', () => {
    const api = managementClient();
    for (const feature of [
      'organizationAccessLevel',
      'organizationConnectionName',
      'isEnabled',
      'addConnection',
      'removeConnection',
      'listTenantConnections',
    ] as const) {
      expect(api.supports?.(feature)).toBe(true);
    }
    // Auth0 has no rollouts: only the server package serves them, and the host says its backend is that.
    expect(api.supports?.('rollouts')).toBe(false);
  });
});

describe('createManagementApiClient: a stateless transport', () => {
  it('sends a cold update as exactly one request, the PATCH, with no read first', async () => {
    const updated = await managementClient().updateOrganizationConnection(acme, c.oktaAcme, { showAsButton: false });
    expect(updated).toMatchObject({ connectionId: c.oktaAcme, showAsButton: false, kind: 'enterprise' });
    expect(tenant.requests.map((request) => `${request.method} ${request.operation}`)).toEqual([
      'PATCH updateOrganizationConnection',
    ]);
  });

  it('returns every connection the source returns, those at none included, and counts them', async () => {
    const { items, total } = await managementClient().listOrganizationConnections(acme);
    expect(items.find((item) => item.connectionId === c.contosoEntra)?.organizationAccessLevel).toBe('none');
    expect(total).toBe(items.length);
    const connection = await managementClient().getOrganizationConnection(acme, c.contosoEntra);
    expect(connection).toMatchObject({ connectionId: c.contosoEntra, organizationAccessLevel: 'none' });
  });

  it('leaves permissions and the settings rules to the server, sending the change as given', async () => {
    // github is readonly for acme: whether this view may switch it off is the hooks' and the server's call.
    const updated = await managementClient().updateOrganizationConnection(acme, c.github, { isEnabled: false });
    expect(updated.isEnabled).toBe(false);
    expect(tenant.requests.map((request) => request.body)).toEqual([{ is_enabled: false }]);
  });

  it('refuses a name longer than 50 characters or an access level Auth0 does not know, with no request', async () => {
    const api = managementClient();
    const long = await failure(
      api.updateOrganizationConnection(acme, c.google, { organizationConnectionName: 'x'.repeat(51) }),
    );
    expect(long.kind).toBe('invalid_request');
    const unknown = await failure(
      api.updateOrganizationConnection(acme, c.google, { organizationAccessLevel: 'read-only' }),
    );
    expect(unknown.kind).toBe('invalid_request');
    const empty = await failure(
      api.addOrganizationConnection(globex, { connectionId: c.google, organizationConnectionName: '' }),
    );
    expect(empty.kind).toBe('invalid_request');
    expect(tenant.requests).toHaveLength(0);
  });
});

describe('createManagementApiClient: tenant connections', () => {
  it('asks only for the fields the picker shows, with checkpoint paging', async () => {
    const { items, next } = await managementClient().listTenantConnections({ take: 5 });
    expect(items).toHaveLength(5);
    expect(next).toEqual(expect.any(String));
    expect(tenant.requests[0]?.query).toEqual({
      take: '5',
      fields: 'id,name,display_name,strategy',
      include_fields: 'true',
    });
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(expect.arrayContaining(['id', 'kind', 'name', 'strategy']));
  });

  it('sends strategies as repeated keys and filters by name', async () => {
    const api = managementClient();
    const { items } = await api.listTenantConnections({ strategy: ['samlp', 'okta'] });
    expect(new Set(items.map((item) => item.strategy))).toEqual(new Set(['samlp', 'okta']));
    expect(tenant.requests[0]?.query.strategy).toEqual(['samlp', 'okta']);
    expect(tenant.requests[0]?.url).toMatch(/strategy=samlp&strategy=okta/);
    const byName = await api.listTenantConnections({ name: 'github' });
    expect(byName.items.map((item) => item.id)).toEqual([c.github]);
  });

  it('pages through a tenant of 10,000 connections by checkpoint, each exactly once', async () => {
    tenant.addConnections(generateTenantConnections(10_000, { seed: 7 }));
    const api = managementClient();
    const seen = new Set<string>();
    let from: string | undefined;
    let pages = 0;
    do {
      const page = await api.listTenantConnections({ take: 100, from });
      for (const item of page.items) seen.add(item.id);
      from = page.next;
      pages += 1;
    } while (from !== undefined && pages < 200);
    expect(seen.size).toBe(10_020);
    expect(pages).toBe(101);
    expect(tenant.requests.every((request) => request.query.page === undefined)).toBe(true);
  });
});

describe('createManagementApiClient: one tenant connection', () => {
  /** The client's `getTenantConnection` (optional in the port; the Management API client has it). */
  function getTenantConnection(connectionId: string, options?: { organizationId?: string }) {
    const { getTenantConnection: get } = managementClient();
    if (get === undefined) throw new Error('The Management API client has no getTenantConnection.');
    return get(connectionId, options);
  }

  it('reads it in one request, GET /connections/{id}, asking for the fields the picker shows', async () => {
    const connection = await getTenantConnection(c.oktaAcme);
    expect(connection).toEqual({
      id: c.oktaAcme,
      name: 'acme-okta',
      displayName: 'Acme Okta Workforce',
      strategy: 'okta',
      kind: 'enterprise',
    });
    expect(tenant.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /connections/${c.oktaAcme}`,
    ]);
    expect(tenant.requests[0]?.query).toEqual({ fields: 'id,name,display_name,strategy', include_fields: 'true' });
  });

  it('gives not_found for an id the tenant does not have', async () => {
    const error = await failure(getTenantConnection('con_Missing000000000'));
    expect(error.kind).toBe('not_found');
    expect(error.status).toBe(404);
  });

  it('names the organization in the header the list uses, and refuses an answer that is not a connection', async () => {
    const connection = await getTenantConnection(c.github, { organizationId: acme });
    expect(connection.kind).toBe('social');
    expect(tenant.requests[0]?.headers[TENANT_CONNECTIONS_ORGANIZATION_HEADER]).toBe(acme);
    tenant.failNext({ status: 200, body: { id: c.github } });
    const error = await failure(getTenantConnection(c.github));
    expect(error.kind).toBe('invalid_response');
  });

  it('is a feature of both Management API families', () => {
    expect(managementClient().supports?.('getTenantConnection')).toBe(true);
    expect(managementClient({ endpoints: 'enabled_connections' }).supports?.('getTenantConnection')).toBe(true);
  });
});

describe('createManagementApiClient: a source that searches the whole tenant', () => {
  /** A backend in the server package's shape (issue 18's protocol): it answers `q`/`kind` with the `search` marker. */
  function indexedSource(body: (url: URL) => unknown) {
    const urls: URL[] = [];
    const api = managementClient({
      baseUrl: 'https://host.example/api/org-connections',
      getAccessToken: undefined,
      fetch: async (input) => {
        const url = new URL(String(input));
        urls.push(url);
        return Response.json(body(url));
      },
    });
    return { api, urls };
  }

  it('sends the search as q (trimmed) and the kind, beside the usual paging and fields', async () => {
    const { api, urls } = indexedSource(() => ({ connections: [], search: 'complete', total: 0, indexed: 10 }));
    await api.listTenantConnections({ take: 100, search: '  Misty ', kind: 'social', from: 'abc' });
    expect(Object.fromEntries(urls[0]?.searchParams ?? [])).toEqual({
      take: '100',
      from: 'abc',
      q: 'Misty',
      kind: 'social',
      fields: 'id,name,display_name,strategy',
      include_fields: 'true',
    });
  });

  it('sends neither q nor kind when not given or the search is blank (Auth0 knows neither)', async () => {
    const { api, urls } = indexedSource(() => ({ connections: [] }));
    await api.listTenantConnections({ take: 10 });
    await api.listTenantConnections({ take: 10, search: '   ' });
    for (const url of urls) {
      expect(url.searchParams.has('q')).toBe(false);
      expect(url.searchParams.has('kind')).toBe(false);
    }
  });

  it("reads the answer's marker and total: complete, partial, and absent straight from Auth0", async () => {
    const connection = { id: 'con_1', name: 'misty-09902', display_name: 'Misty Harbor', strategy: 'samlp' };
    const { api } = indexedSource((url) =>
      url.searchParams.get('q') === 'partial'
        ? { connections: [], search: 'partial', total: 0, indexed: 400 }
        : { connections: [connection], next: 'n1', search: 'complete', total: 1, indexed: 10_000 },
    );
    expect(await api.listTenantConnections({ search: 'misty' })).toEqual({
      items: [{ id: 'con_1', name: 'misty-09902', displayName: 'Misty Harbor', strategy: 'samlp', kind: 'enterprise' }],
      next: 'n1',
      tenantSearch: 'complete',
      total: 1,
    });
    expect(await api.listTenantConnections({ search: 'partial' })).toMatchObject({
      items: [],
      tenantSearch: 'partial',
      total: 0,
    });
    const plain = await managementClient().listTenantConnections({ take: 5 });
    expect(plain.tenantSearch).toBeUndefined();
  });

  it('names the organization in a header, never a query parameter, so Auth0 and the fake tenant still answer', async () => {
    const headers: (string | null)[] = [];
    const { api, urls } = indexedSource(() => ({ connections: [] }));
    const spy = managementClient({
      fetch: async (input, init) => {
        headers.push(new Headers(init.headers).get(TENANT_CONNECTIONS_ORGANIZATION_HEADER));
        return fetch(input, init);
      },
    });
    await api.listTenantConnections({ take: 10, organizationId: 'org_abc' });
    expect(urls[0]?.searchParams.has('organization_id')).toBe(false);
    // The fake tenant is as strict as Auth0 about query parameters: the page still comes.
    const page = await spy.listTenantConnections({ take: 3, organizationId: 'org_abc' });
    expect(page.items).toHaveLength(3);
    expect(headers).toEqual(['org_abc']);
  });

  it('refuses an answer whose marker is neither complete nor partial', async () => {
    const { api } = indexedSource(() => ({ connections: [], search: 'yes' }));
    const error = await failure(api.listTenantConnections({ search: 'misty' }));
    expect(error.kind).toBe('invalid_response');
  });
});

describe('createManagementApiClient: the enabled_connections endpoints', () => {
  const enabledConnections = () => managementClient({ endpoints: 'enabled_connections' });

  it('reports access level, name and is_enabled as unavailable', () => {
    const api = enabledConnections();
    expect(api.supports?.('organizationAccessLevel')).toBe(false);
    expect(api.supports?.('organizationConnectionName')).toBe(false);
    expect(api.supports?.('isEnabled')).toBe(false);
    expect(api.supports?.('addConnection')).toBe(true);
    expect(api.supports?.('removeConnection')).toBe(true);
  });

  it('lists from /enabled_connections, without access level or name', async () => {
    const { items, total } = await enabledConnections().listOrganizationConnections(acme);
    expect(tenant.requests[0]?.operation).toBe('listEnabledConnections');
    expect(total).toBe(items.length);
    expect(items.every((item) => item.organizationAccessLevel === undefined)).toBe(true);
    expect(items.every((item) => item.organizationConnectionName === undefined)).toBe(true);
    expect(items.find((item) => item.connectionId === c.societeGenerale)?.showAsButton).toBe(false);
  });

  it('accepts the bare-array answer', async () => {
    tenant.failNext({ status: 200, body: [{ connection_id: c.google }] });
    const { items, total } = await enabledConnections().listOrganizationConnections(acme);
    expect(items.map((item) => item.connectionId)).toEqual([c.google]);
    expect(total).toBeUndefined();
  });

  it('refuses changing the access level, the name or is_enabled with a clear error, sending nothing', async () => {
    const api = enabledConnections();
    for (const changes of [
      { organizationAccessLevel: 'full' as const },
      { organizationConnectionName: 'New name' },
      { isEnabled: false },
    ]) {
      const error = await failure(api.updateOrganizationConnection(acme, c.google, changes));
      expect(error).toMatchObject({ kind: 'not_permitted', code: 'unsupported_feature' });
      expect(error.message).toMatch(/enabled_connections/);
    }
    expect(tenant.requests).toHaveLength(0);
  });

  it('updates and adds through /enabled_connections', async () => {
    const api = enabledConnections();
    const updated = await api.updateOrganizationConnection(acme, c.societeGenerale, { showAsButton: true });
    expect(updated).toMatchObject({ connectionId: c.societeGenerale, showAsButton: true, kind: 'enterprise' });
    const added = await api.addOrganizationConnection(globex, { connectionId: c.github, isEnabled: true });
    expect(added).toMatchObject({ connectionId: c.github, kind: 'social' });
    expect(tenant.requests.map((request) => request.operation)).toEqual([
      'updateEnabledConnection',
      'addEnabledConnection',
    ]);
    expect(tenant.requests.at(-1)?.body).toEqual({ connection_id: c.github });
  });

  it('removes through /enabled_connections', async () => {
    await enabledConnections().removeOrganizationConnection(acme, c.github);
    expect(tenant.requests[0]?.operation).toBe('deleteEnabledConnection');
  });
});

describe('createManagementApiClient: counting requests with a custom fetch', () => {
  it('uses the fetch it is given for every request', async () => {
    const seen: string[] = [];
    const api = managementClient({
      fetch: (input, init) => {
        seen.push(`${init.method} ${input}`);
        return globalThis.fetch(input, init);
      },
    });
    await api.listOrganizationConnections(acme);
    await api.listTenantConnections({ take: 1 });
    expect(seen).toEqual([
      `GET ${DEFAULT_MANAGEMENT_BASE_URL}/organizations/${acme}/connections?page=0&per_page=50&include_totals=true`,
      `GET ${DEFAULT_MANAGEMENT_BASE_URL}/connections?take=1&fields=id%2Cname%2Cdisplay_name%2Cstrategy&include_fields=true`,
    ]);
  });
});

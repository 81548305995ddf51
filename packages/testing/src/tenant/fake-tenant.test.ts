import { ORG_CONNECTION_LIMIT } from '@org-connections/core';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLargeTenant } from '../data/create-large-tenant';
import { seedIds, seedNames } from '../data/seed-tenant-data';
import { createHandlers } from '../http/create-handlers';
import { createFakeTenant, type FakeTenant, type FakeTenantOptions } from './fake-tenant';

const MANAGEMENT = 'https://tenant.test/api/v2';
const MY_ORGANIZATION = 'https://tenant.test/my-org/v1';
const { acme, globex, initech, umbrella } = seedIds.organizations;
const ids = seedIds.connections;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let tenant: FakeTenant;
function useTenant(options: FakeTenantOptions = {}): FakeTenant {
  tenant = createFakeTenant(options);
  server.resetHandlers(
    ...createHandlers(tenant, { managementBaseUrl: MANAGEMENT, myOrganizationBaseUrl: MY_ORGANIZATION }),
  );
  return tenant;
}
beforeEach(() => {
  useTenant();
});

interface CallOptions {
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Sends one request; `token: null` sends no Authorization header. */
async function call(method: string, url: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? tenant.defaultToken : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
    body: (text === '' ? undefined : JSON.parse(text)) as any,
  };
}

const organizationConnections = (organizationId: string) => `${MANAGEMENT}/organizations/${organizationId}/connections`;
const enabledConnections = (organizationId: string) =>
  `${MANAGEMENT}/organizations/${organizationId}/enabled_connections`;

describe('authentication and scopes', () => {
  it('answers a request without a bearer token 401', async () => {
    const response = await call('GET', organizationConnections(acme), { token: null });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: 'Missing authentication' });
  });

  it('answers a token it never issued 401', async () => {
    const response = await call('GET', organizationConnections(acme), { token: 'forged' });
    expect(response.status).toBe(401);
    expect(response.body.message).toBe('Invalid token');
  });

  it('answers an expired token 401 so a client can refresh once and retry', async () => {
    const token = tenant.issueToken();
    expect((await call('GET', organizationConnections(acme), { token })).status).toBe(200);
    tenant.expireToken(token);
    const expired = await call('GET', organizationConnections(acme), { token });
    expect(expired.status).toBe(401);
    expect(expired.body.message).toMatch(/expired/i);
    const refreshed = tenant.issueToken();
    expect((await call('GET', organizationConnections(acme), { token: refreshed })).status).toBe(200);
  });

  it('expires a token after expiresIn seconds of the tenant clock', async () => {
    let time = Date.UTC(2026, 0, 1);
    useTenant({ now: () => time });
    const token = tenant.issueToken({ expiresIn: 60 });
    expect((await call('GET', organizationConnections(acme), { token })).status).toBe(200);
    time += 60_000;
    expect((await call('GET', organizationConnections(acme), { token })).status).toBe(401);
  });

  it('answers a revoked token 401', async () => {
    const token = tenant.issueToken();
    tenant.revokeToken(token);
    expect((await call('GET', organizationConnections(acme), { token })).status).toBe(401);
  });

  it('answers a token without the endpoint scope 403 with Auth0 body naming the scope', async () => {
    const token = tenant.issueToken({ scopes: ['read:connections'] });
    const response = await call('GET', organizationConnections(acme), { token });
    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Insufficient scope, expected any of: read:organization_connections',
      errorCode: 'insufficient_scope',
    });
  });

  it('requires the create, update and delete scopes for writes', async () => {
    const token = tenant.issueToken({ scopes: ['read:organization_connections'] });
    const created = await call('POST', organizationConnections(globex), { token, body: { connection_id: ids.github } });
    const updated = await call('PATCH', `${organizationConnections(acme)}/${ids.google}`, {
      token,
      body: { is_enabled: false },
    });
    const deleted = await call('DELETE', `${organizationConnections(acme)}/${ids.google}`, { token });
    expect([created.body.message, updated.body.message, deleted.body.message]).toEqual([
      'Insufficient scope, expected any of: create:organization_connections',
      'Insufficient scope, expected any of: update:organization_connections',
      'Insufficient scope, expected any of: delete:organization_connections',
    ]);
    expect(tenant.listOrganizationConnections(acme).find((item) => item.connection_id === ids.google)?.is_enabled).toBe(
      true,
    );
  });

  it('acts with the default token when authentication is optional and no token is sent', async () => {
    useTenant({ authentication: 'optional' });
    expect((await call('GET', organizationConnections(acme), { token: null })).status).toBe(200);
    expect((await call('GET', organizationConnections(acme), { token: 'forged' })).status).toBe(401);
  });

  it('answers My Organization API auth failures with problem bodies', async () => {
    const missing = await call('GET', `${MY_ORGANIZATION}/identity-providers`, { token: null });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ status: 401, title: 'Missing Token' });
    const noScope = tenant.issueToken({ scopes: [], organizationId: acme });
    const forbidden = await call('GET', `${MY_ORGANIZATION}/identity-providers`, { token: noScope });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.detail).toContain('read:my_org:identity_providers');
  });

  it('refuses a My Organization API token that is not bound to an organization', async () => {
    const token = tenant.issueToken();
    const response = await call('GET', `${MY_ORGANIZATION}/identity-providers`, { token });
    expect(response.status).toBe(401);
    expect(response.body.detail).toContain('not bound to an organization');
  });

  it('binds the default token to Acme, or to the organization given', async () => {
    expect(tenant.defaultOrganizationId).toBe(acme);
    useTenant({ defaultOrganizationId: umbrella });
    const response = await call('GET', `${MY_ORGANIZATION}/identity-providers`);
    expect(response.body.identity_providers).toHaveLength(2);
  });
});

describe('organization connections (the /connections family)', () => {
  it('lists a bare array by default and the wrapper with include_totals', async () => {
    const bare = await call('GET', organizationConnections(acme));
    expect(Array.isArray(bare.body)).toBe(true);
    expect(bare.body).toHaveLength(8);
    const wrapped = await call('GET', `${organizationConnections(acme)}?include_totals=true&page=1&per_page=3`);
    expect(wrapped.body).toMatchObject({ start: 3, limit: 3, total: 8 });
    expect(wrapped.body.connections.map((item: { connection_id: string }) => item.connection_id)).toEqual([
      ids.oktaAcme,
      ids.societeGenerale,
      ids.contosoEntra,
    ]);
  });

  it('filters by is_enabled', async () => {
    const disabled = await call('GET', `${organizationConnections(acme)}?is_enabled=false`);
    expect(disabled.body.map((item: { connection_id: string }) => item.connection_id)).toEqual([ids.contosoEntra]);
  });

  it('answers items in the N shape with the connection name and strategy', async () => {
    const response = await call('GET', `${organizationConnections(acme)}/${ids.societeGenerale}`);
    expect(response.body).toEqual({
      connection_id: ids.societeGenerale,
      organization_connection_name: seedNames.accented,
      organization_access_level: 'full',
      is_enabled: true,
      assign_membership_on_login: false,
      is_signup_enabled: false,
      show_as_button: false,
      connection: { name: 'societe-generale-sso', strategy: 'samlp' },
    });
  });

  it('serves an access level Auth0 may add one day as it was set, for clients to treat as none', async () => {
    const connections = tenant.listOrganizationConnections(acme);
    tenant.setOrganizationConnections(
      acme,
      connections.map((connection) =>
        connection.connection_id === ids.societeGenerale
          ? { ...connection, organization_access_level: 'delegated' }
          : connection,
      ),
    );
    const response = await call('GET', `${organizationConnections(acme)}/${ids.societeGenerale}`);
    expect(response.body.organization_access_level).toBe('delegated');
  });

  it.each([
    ['per_page=101', 'per_page'],
    ['page=-1', 'page'],
    ['include_totals=yes', 'include_totals'],
    ['is_enabled=1', 'is_enabled'],
    ['perPage=10', 'perPage'],
  ])('rejects the query %s with 400 invalid_query_string', async (query, field) => {
    const response = await call('GET', `${organizationConnections(acme)}?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.errorCode).toBe('invalid_query_string');
    expect(response.body.message).toContain(field);
  });

  it('answers 404 for an unknown organization or connection', async () => {
    const organization = await call('GET', organizationConnections('org_DoesNotExist0000'));
    expect(organization.status).toBe(404);
    expect(organization.body.message).toBe('The organization does not exist.');
    const connection = await call('GET', `${organizationConnections(acme)}/${ids.apple}`);
    expect(connection.status).toBe(404);
    expect(connection.body.message).toBe('The organization connection does not exist.');
  });

  it('enables a connection with Auth0 defaults and answers 201', async () => {
    const response = await call('POST', organizationConnections(globex), { body: { connection_id: ids.github } });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      connection_id: ids.github,
      organization_access_level: 'none',
      is_enabled: true,
      assign_membership_on_login: false,
      is_signup_enabled: false,
      show_as_button: true,
      connection: { name: 'github', strategy: 'github' },
    });
    expect(tenant.listOrganizationConnections(globex)).toHaveLength(1);
  });

  it('answers 409 when the connection is already enabled', async () => {
    const response = await call('POST', organizationConnections(acme), { body: { connection_id: ids.google } });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ message: 'The organization connection already exists.' });
  });

  it('refuses an eleventh connection with 409 organization_connection_limit_reached', async () => {
    expect(tenant.listOrganizationConnections(initech)).toHaveLength(ORG_CONNECTION_LIMIT);
    const response = await call('POST', organizationConnections(initech), { body: { connection_id: ids.oktaAcme } });
    expect(response.status).toBe(409);
    expect(response.body.errorCode).toBe('organization_connection_limit_reached');
    expect(tenant.listOrganizationConnections(initech)).toHaveLength(ORG_CONNECTION_LIMIT);
  });

  it('answers 404 when enabling a connection the tenant does not have, or for an unknown organization', async () => {
    const connection = await call('POST', organizationConnections(globex), {
      body: { connection_id: 'con_NotInTheTenant00' },
    });
    expect(connection.status).toBe(404);
    const organization = await call('POST', organizationConnections('org_Missing000000000'), {
      body: { connection_id: ids.github },
    });
    expect(organization.status).toBe(404);
  });

  it.each([
    ['a string boolean', { connection_id: ids.github, is_enabled: 'true' }, 'is_enabled'],
    ['an unknown field', { connection_id: ids.github, enabled: true }, 'enabled'],
    ['the spelling read-only', { connection_id: ids.github, organization_access_level: 'read-only' }, 'read-only'],
    ['a name of 51 characters', { connection_id: ids.github, organization_connection_name: 'x'.repeat(51) }, '51'],
    ['an empty name', { connection_id: ids.github, organization_connection_name: '' }, 'too short'],
    ['a name with NUL', { connection_id: ids.github, organization_connection_name: 'a\u0000b' }, 'NUL'],
    ['no connection_id', { is_enabled: true }, 'connection_id'],
    ['a connection name for an id', { connection_id: 'github' }, 'connection-id'],
    ['an array', [{ connection_id: ids.github }], 'array'],
  ])('rejects a body with %s as 400 invalid_body', async (_case, body, mentioned) => {
    const response = await call('POST', organizationConnections(globex), { body });
    expect(response.status).toBe(400);
    expect(response.body.errorCode).toBe('invalid_body');
    expect(response.body.message).toContain(mentioned);
    expect(tenant.listOrganizationConnections(globex)).toHaveLength(0);
  });

  it('accepts a name of exactly 50 characters, counted as code points', async () => {
    const name = `${'é'.repeat(24)}${'🚀'.repeat(26)}`;
    const response = await call('POST', organizationConnections(globex), {
      body: { connection_id: ids.github, organization_connection_name: name },
    });
    expect(response.status).toBe(201);
    expect(response.body.organization_connection_name).toBe(name);
  });

  it.each([
    [
      'signup on a social connection',
      { connection_id: ids.github, assign_membership_on_login: true, is_signup_enabled: true },
      'database',
    ],
    [
      'signup without membership',
      { connection_id: ids.partnersDatabase, is_signup_enabled: true },
      'assign_membership_on_login',
    ],
    ['a hidden social button', { connection_id: ids.github, show_as_button: false }, 'enterprise'],
    [
      'an access level without a name',
      { connection_id: ids.github, organization_access_level: 'limited' },
      'organization_connection_name',
    ],
  ])('refuses %s with 400', async (_case, body, mentioned) => {
    const response = await call('POST', organizationConnections(globex), { body });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(mentioned);
  });

  it('accepts settings at their defaults on kinds they do not apply to', async () => {
    const response = await call('POST', organizationConnections(globex), {
      body: { connection_id: ids.github, show_as_button: true, is_signup_enabled: false },
    });
    expect(response.status).toBe(201);
  });

  it('enables signup with membership on a database connection and an access level with a name', async () => {
    const response = await call('POST', organizationConnections(globex), {
      body: {
        connection_id: ids.partnersDatabase,
        assign_membership_on_login: true,
        is_signup_enabled: true,
        organization_connection_name: 'Partners',
        organization_access_level: 'full',
      },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ is_signup_enabled: true, organization_access_level: 'full' });
  });

  it('switches a connection off with PATCH and keeps its settings', async () => {
    const response = await call('PATCH', `${organizationConnections(acme)}/${ids.societeGenerale}`, {
      body: { is_enabled: false },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      is_enabled: false,
      show_as_button: false,
      organization_access_level: 'full',
    });
  });

  it('refuses to clear the name while the access level is not none, and resets the level with null', async () => {
    const url = `${organizationConnections(acme)}/${ids.google}`;
    expect((await call('PATCH', url, { body: { organization_connection_name: null } })).status).toBe(400);
    const reset = await call('PATCH', url, {
      body: { organization_access_level: null, organization_connection_name: null },
    });
    expect(reset.status).toBe(200);
    expect(reset.body.organization_access_level).toBe('none');
    expect(reset.body).not.toHaveProperty('organization_connection_name');
  });

  it('refuses to turn membership off while signup stays on', async () => {
    const url = `${organizationConnections(acme)}/${ids.usernamePassword}`;
    expect((await call('PATCH', url, { body: { assign_membership_on_login: false } })).status).toBe(400);
    const both = await call('PATCH', url, { body: { assign_membership_on_login: false, is_signup_enabled: false } });
    expect(both.status).toBe(200);
  });

  it('takes a connection off the organization with DELETE and leaves it in the tenant', async () => {
    const url = `${organizationConnections(acme)}/${ids.google}`;
    expect((await call('DELETE', url)).status).toBe(204);
    expect((await call('GET', url)).status).toBe(404);
    expect((await call('DELETE', url)).status).toBe(404);
    expect(tenant.getConnection(ids.google)).toBeDefined();
  });

  it('accepts a form-encoded body with boolean strings, as Auth0 does', async () => {
    const response = await call('POST', organizationConnections(globex), {
      body: `connection_id=${ids.partnersDatabase}&assign_membership_on_login=true`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(201);
    expect(response.body.assign_membership_on_login).toBe(true);
  });

  it('rejects a body that is not JSON', async () => {
    const response = await call('POST', organizationConnections(globex), { body: '{"connection_id":' });
    expect(response.status).toBe(400);
    expect(response.body.errorCode).toBe('invalid_body');
  });
});

describe('enabled connections (the GA /enabled_connections family)', () => {
  it('lists only switched-on connections, without name, level or is_enabled', async () => {
    const response = await call('GET', `${enabledConnections(acme)}?include_totals=true`);
    expect(response.body.total).toBe(7);
    expect(Object.keys(response.body)).toEqual(['start', 'limit', 'total', 'enabled_connections']);
    for (const item of response.body.enabled_connections) {
      expect(Object.keys(item).sort()).toEqual([
        'assign_membership_on_login',
        'connection',
        'connection_id',
        'is_signup_enabled',
        'show_as_button',
      ]);
    }
  });

  it('answers 404 for a switched-off connection and switches it back on when added again', async () => {
    const url = `${enabledConnections(acme)}/${ids.contosoEntra}`;
    expect((await call('GET', url)).status).toBe(404);
    const added = await call('POST', enabledConnections(acme), { body: { connection_id: ids.contosoEntra } });
    expect(added.status).toBe(201);
    expect((await call('GET', url)).status).toBe(200);
  });

  it('rejects the N-only fields in its bodies', async () => {
    const response = await call('PATCH', `${enabledConnections(acme)}/${ids.google}`, {
      body: { organization_access_level: 'full' },
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('organization_access_level');
  });

  it('updates and removes a connection', async () => {
    const url = `${enabledConnections(acme)}/${ids.oktaAcme}`;
    const updated = await call('PATCH', url, { body: { show_as_button: false } });
    expect(updated.body).toMatchObject({ connection_id: ids.oktaAcme, show_as_button: false });
    expect((await call('DELETE', url)).status).toBe(204);
    expect(tenant.listOrganizationConnections(acme).some((item) => item.connection_id === ids.oktaAcme)).toBe(false);
  });

  it('applies the 10-connection limit and the 409 conflict', async () => {
    expect((await call('POST', enabledConnections(initech), { body: { connection_id: ids.oktaAcme } })).status).toBe(
      409,
    );
    expect((await call('POST', enabledConnections(acme), { body: { connection_id: ids.google } })).status).toBe(409);
  });
});

describe('tenant connections (GET /connections)', () => {
  it('pages by offset: a bare array by default, the wrapper with include_totals', async () => {
    const bare = await call('GET', `${MANAGEMENT}/connections?per_page=5`);
    expect(bare.body).toHaveLength(5);
    const wrapped = await call('GET', `${MANAGEMENT}/connections?per_page=5&page=3&include_totals=true`);
    expect(wrapped.body).toMatchObject({ start: 15, limit: 5, total: 20 });
    expect(wrapped.body.connections).toHaveLength(5);
  });

  it('lists connections ordered by name', async () => {
    const response = await call('GET', `${MANAGEMENT}/connections?fields=name`);
    const names: string[] = response.body.map((item: { name: string }) => item.name.toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it('filters by repeated strategy keys and by exact name', async () => {
    const byStrategy = await call('GET', `${MANAGEMENT}/connections?strategy=samlp&strategy=okta&fields=strategy`);
    expect(new Set(byStrategy.body.map((item: { strategy: string }) => item.strategy))).toEqual(
      new Set(['samlp', 'okta']),
    );
    expect(byStrategy.body).toHaveLength(4);
    const byName = await call('GET', `${MANAGEMENT}/connections?name=github`);
    expect(byName.body.map((item: { id: string }) => item.id)).toEqual([ids.github]);
    expect((await call('GET', `${MANAGEMENT}/connections?name=git`)).body).toEqual([]);
  });

  it('projects fields, including or excluding them', async () => {
    const included = await call('GET', `${MANAGEMENT}/connections?name=github&fields=id,name`);
    expect(included.body).toEqual([{ id: ids.github, name: 'github' }]);
    const excluded = await call(
      'GET',
      `${MANAGEMENT}/connections?name=github&fields=metadata,realms&include_fields=false`,
    );
    expect(Object.keys(excluded.body[0])).not.toContain('metadata');
    expect(Object.keys(excluded.body[0])).toContain('strategy');
  });

  it('reads one connection (GET /connections/{id}) with its metadata and the same projection', async () => {
    const one = await call('GET', `${MANAGEMENT}/connections/${ids.github}?fields=id,name,strategy,metadata`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ id: ids.github, name: 'github', strategy: 'github', metadata: {} });
    const missing = await call('GET', `${MANAGEMENT}/connections/con_Missing000000000`);
    expect(missing.status).toBe(404);
    expect(missing.body.errorCode).toBe('inexistent_connection');
  });

  it.each([
    ['strategy=not-a-strategy', 'strategy'],
    ['take=0', 'take'],
    ['per_page=500', 'per_page'],
    ['from=not-a-checkpoint', 'from'],
    ['take=10&page=1', 'paging'],
    ['search=git', 'search'],
  ])('rejects the query %s with 400', async (query, mentioned) => {
    const response = await call('GET', `${MANAGEMENT}/connections?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.message).toContain(mentioned);
  });

  it('refuses offset paging past 1000 records', async () => {
    const response = await call('GET', `${MANAGEMENT}/connections?page=10&per_page=100`);
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('checkpoint');
  });
});

describe('checkpoint paging over a large tenant', () => {
  function useLargeTenant() {
    tenant = createLargeTenant({ connections: 10_000 });
    server.resetHandlers(
      ...createHandlers(tenant, { managementBaseUrl: MANAGEMENT, myOrganizationBaseUrl: MY_ORGANIZATION }),
    );
  }

  it('visits each of 10,020 connections exactly once, one GET per page, and ends without next', async () => {
    useLargeTenant();
    const seen = new Set<string>();
    let next: string | undefined;
    let pages = 0;
    do {
      const query = next === undefined ? 'take=100' : `take=100&from=${encodeURIComponent(next)}`;
      const response = await call('GET', `${MANAGEMENT}/connections?${query}&fields=id`);
      expect(response.status).toBe(200);
      expect(response.body.connections.length).toBeLessThanOrEqual(100);
      for (const connection of response.body.connections) seen.add(connection.id);
      next = response.body.next;
      pages += 1;
    } while (next !== undefined);
    expect(seen.size).toBe(10_020);
    expect(pages).toBe(101);
    expect(tenant.requests).toHaveLength(101);
  });

  it('keeps a checkpoint valid when connections are added before it', async () => {
    useLargeTenant();
    const first = await call('GET', `${MANAGEMENT}/connections?take=50&fields=id,name`);
    const resumed = await call('GET', `${MANAGEMENT}/connections?take=1&fields=id,name&from=${first.body.next}`);
    tenant.addConnections([{ id: 'con_AddedLater000001', name: '0-first-by-name', strategy: 'samlp' }]);
    const after = await call('GET', `${MANAGEMENT}/connections?take=1&fields=id,name&from=${first.body.next}`);
    expect(after.body.connections).toEqual(resumed.body.connections);
  });

  it('gives checkpoints that do not look like connection ids', async () => {
    useLargeTenant();
    const response = await call('GET', `${MANAGEMENT}/connections?take=10`);
    expect(response.body.next).toEqual(expect.any(String));
    expect(response.body.next).not.toMatch(/^con_/);
  });

  it('filters a checkpoint listing by strategy and stops when the filter runs out', async () => {
    useLargeTenant();
    const okta: string[] = [];
    let next: string | undefined;
    do {
      const from = next === undefined ? '' : `&from=${next}`;
      const response = await call('GET', `${MANAGEMENT}/connections?take=100&strategy=okta&fields=strategy${from}`);
      okta.push(...response.body.connections.map((connection: { strategy: string }) => connection.strategy));
      next = response.body.next;
    } while (next !== undefined);
    const expected = tenant.listConnections().filter((connection) => connection.strategy === 'okta').length;
    expect(okta).toHaveLength(expected);
    expect(new Set(okta)).toEqual(new Set(['okta']));
  });
});

describe('identity providers (My Organization API)', () => {
  it('lists the enterprise connections of the token organization, minimal for access level none', async () => {
    const response = await call('GET', `${MY_ORGANIZATION}/identity-providers`);
    expect(response.status).toBe(200);
    const providers = response.body.identity_providers;
    expect(providers.map((provider: { id: string }) => provider.id)).toEqual([
      ids.oktaAcme,
      ids.societeGenerale,
      ids.contosoEntra,
      ids.oidcMarkup,
    ]);
    expect(providers[2]).toEqual({
      id: ids.contosoEntra,
      name: 'contoso-entra-id',
      display_name: seedNames.emoji,
      is_enabled: false,
      access_level: 'none',
    });
    expect(providers[0]).toMatchObject({ strategy: 'okta', access_level: 'readonly', show_as_button: true });
  });

  it('scopes the list by the organization of the token', async () => {
    const token = tenant.issueToken({ organizationId: umbrella });
    const response = await call('GET', `${MY_ORGANIZATION}/identity-providers`, { token });
    expect(response.body.identity_providers.map((provider: { id: string }) => provider.id)).toEqual([
      ids.pingUmbrella,
      ids.samlUmbrella,
    ]);
    const unknown = tenant.issueToken({ organizationId: 'org_Unknown000000000' });
    expect((await call('GET', `${MY_ORGANIZATION}/identity-providers`, { token: unknown })).status).toBe(404);
  });

  it('leaves out enterprise strategies the My Organization API does not expose', async () => {
    const token = tenant.issueToken({ organizationId: initech });
    const response = await call('GET', `${MY_ORGANIZATION}/identity-providers`, { token });
    expect(response.body.identity_providers.map((provider: { id: string }) => provider.id)).toEqual([ids.adfsInitech]);
  });

  it('answers 404 for a provider at access level none or not in the organization, 400 for a malformed id', async () => {
    expect((await call('GET', `${MY_ORGANIZATION}/identity-providers/${ids.contosoEntra}`)).status).toBe(404);
    expect((await call('GET', `${MY_ORGANIZATION}/identity-providers/${ids.pingUmbrella}`)).status).toBe(404);
    const malformed = await call('GET', `${MY_ORGANIZATION}/identity-providers/okta`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.validation_errors[0]).toMatchObject({ field: 'idp_id' });
  });

  it('lets a limited provider be switched off and shares the change with the Management API', async () => {
    const response = await call('PATCH', `${MY_ORGANIZATION}/identity-providers/${ids.oidcMarkup}`, {
      body: { is_enabled: false, show_as_button: false },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ is_enabled: false, show_as_button: false, access_level: 'limited' });
    const management = await call('GET', `${organizationConnections(acme)}/${ids.oidcMarkup}`);
    expect(management.body).toMatchObject({ is_enabled: false, show_as_button: false });
  });

  it('refuses changes the access level does not allow with 403', async () => {
    const readonly = await call('PATCH', `${MY_ORGANIZATION}/identity-providers/${ids.oktaAcme}`, {
      body: { is_enabled: false },
    });
    expect(readonly.status).toBe(403);
    const limited = await call('PATCH', `${MY_ORGANIZATION}/identity-providers/${ids.oidcMarkup}`, {
      body: { display_name: 'Renamed' },
    });
    expect(limited.status).toBe(403);
    const full = await call('PATCH', `${MY_ORGANIZATION}/identity-providers/${ids.societeGenerale}`, {
      body: { display_name: 'SG' },
    });
    expect(full.status).toBe(200);
    expect(full.body.display_name).toBe('SG');
  });

  it.each([
    ['access_level', { access_level: 'full' }],
    ['is_enabled', { is_enabled: 'false' }],
    ['organization_connection_name', { organization_connection_name: 'x' }],
    ['display_name', { display_name: '' }],
  ])('answers validation_errors naming %s', async (field, body) => {
    const response = await call('PATCH', `${MY_ORGANIZATION}/identity-providers/${ids.societeGenerale}`, { body });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ status: 400, title: 'Validation Error' });
    expect(response.body.validation_errors.map((error: { field: string }) => error.field)).toContain(field);
  });
});

describe('rate limits', () => {
  it('sends the rate-limit headers on every answer', async () => {
    const response = await call('GET', organizationConnections(acme));
    expect(response.headers.get('x-ratelimit-limit')).toBe('1000');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('999');
    expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1);
  });

  it('answers 429 once a bucket is spent, until its window resets', async () => {
    let time = Date.UTC(2026, 0, 1, 12, 0, 0, 100);
    useTenant({ now: () => time, rateLimits: { 'management-read': { limit: 2, windowSeconds: 10 } } });
    expect((await call('GET', organizationConnections(acme))).headers.get('x-ratelimit-remaining')).toBe('1');
    expect((await call('GET', organizationConnections(acme))).headers.get('x-ratelimit-remaining')).toBe('0');
    const limited = await call('GET', organizationConnections(acme));
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(limited.headers.get('x-ratelimit-reset')).toBe(String(Date.UTC(2026, 0, 1, 12, 0, 10) / 1000));
    expect((await call('PATCH', `${organizationConnections(acme)}/${ids.google}`, { body: {} })).status).toBe(200);
    time += 10_000;
    expect((await call('GET', organizationConnections(acme))).status).toBe(200);
  });

  it('injects a 429 with Retry-After and the global-rate-limit kind on the My Organization API', async () => {
    const time = Date.UTC(2026, 0, 1);
    useTenant({ now: () => time });
    tenant.rateLimitNext({ retryAfterSeconds: 7, match: { api: 'my-organization' } });
    const limited = await call('GET', `${MY_ORGANIZATION}/identity-providers`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.headers.get('x-auth0-error-kind')).toBe('global-rate-limit');
    expect(limited.headers.get('x-ratelimit-reset')).toBe(String(time / 1000 + 7));
    expect(limited.body).toMatchObject({ status: 429 });
    expect((await call('GET', `${MY_ORGANIZATION}/identity-providers`)).status).toBe(200);
  });

  it('injects a Management API 429 that names its reset time but sends no Retry-After', async () => {
    tenant.rateLimitNext({ retryAfterSeconds: 3 });
    const limited = await call('GET', organizationConnections(acme));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeNull();
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it('sends no rate-limit headers when limits are off', async () => {
    tenant.setRateLimits(false);
    expect((await call('GET', organizationConnections(acme))).headers.get('x-ratelimit-limit')).toBeNull();
  });
});

describe('faults and latency', () => {
  it('answers the next request with the injected status and an Auth0 error body', async () => {
    tenant.failNext({ status: 503 });
    const failed = await call('GET', organizationConnections(acme));
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    expect((await call('GET', organizationConnections(acme))).status).toBe(200);
  });

  it('applies a fault only to matching requests, as many times as asked', async () => {
    tenant.failNext({
      status: 500,
      body: { custom: true },
      headers: { 'x-fault': 'yes' },
      times: 2,
      match: { method: 'PATCH' },
    });
    expect((await call('GET', organizationConnections(acme))).status).toBe(200);
    const first = await call('PATCH', `${organizationConnections(acme)}/${ids.google}`, {
      body: { is_enabled: false },
    });
    expect(first).toMatchObject({ status: 500, body: { custom: true } });
    expect(first.headers.get('x-fault')).toBe('yes');
    expect((await call('PATCH', `${organizationConnections(acme)}/${ids.google}`, { body: {} })).status).toBe(500);
    expect((await call('PATCH', `${organizationConnections(acme)}/${ids.google}`, { body: {} })).status).toBe(200);
    expect(tenant.listOrganizationConnections(acme).find((item) => item.connection_id === ids.google)?.is_enabled).toBe(
      true,
    );
  });

  it('matches faults by operation and by path pattern', async () => {
    tenant.failNext({ status: 500, match: { operation: 'listConnections' } });
    tenant.failNext({ status: 502, match: { path: /enabled_connections/ } });
    expect((await call('GET', organizationConnections(acme))).status).toBe(200);
    expect((await call('GET', enabledConnections(acme))).status).toBe(502);
    expect((await call('GET', `${MANAGEMENT}/connections`)).status).toBe(500);
  });

  it('simulates a network failure: fetch rejects with a TypeError', async () => {
    tenant.failNext({ network: true });
    await expect(fetch(organizationConnections(acme))).rejects.toThrow(TypeError);
  });

  it.each([
    ['html', 'text/html'],
    ['empty', 'application/json'],
    ['not-json', 'application/json'],
  ] as const)('answers a %s body that JSON parsing rejects', async (malformed, contentType) => {
    tenant.failNext({ malformed });
    const response = await fetch(organizationConnections(acme), {
      headers: { authorization: `Bearer ${tenant.defaultToken}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain(contentType);
    await expect(response.json()).rejects.toThrow();
  });

  it('forgets queued faults on clearFaults', async () => {
    tenant.failNext({ status: 500 });
    tenant.rateLimitNext({ retryAfterSeconds: 1 });
    tenant.clearFaults();
    expect((await call('GET', organizationConnections(acme))).status).toBe(200);
  });

  it('waits the configured latency before answering', async () => {
    tenant.setLatency(60);
    const started = performance.now();
    await call('GET', organizationConnections(acme));
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('computes the latency per request when given a function', async () => {
    useTenant({ latency: (request) => (request.method === 'GET' ? 0 : 60) });
    const answered: string[] = [];
    const patch = call('PATCH', `${organizationConnections(acme)}/${ids.google}`, { body: {} }).then(() =>
      answered.push('PATCH'),
    );
    const started = performance.now();
    await call('GET', organizationConnections(acme)).then(() => answered.push('GET'));
    await patch;
    expect(answered).toEqual(['GET', 'PATCH']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('never answers with an infinite latency (a held loading state)', async () => {
    tenant.setLatency(Number.POSITIVE_INFINITY);
    const outcome = await Promise.race([
      call('GET', organizationConnections(acme)).then(() => 'answered'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 100)),
    ]);
    expect(outcome).toBe('still waiting');
  });
});

describe('request log', () => {
  it('records method, path, query, body and headers, without the Authorization header', async () => {
    await call('POST', organizationConnections(globex), {
      body: { connection_id: ids.github },
      headers: { 'x-request-id': 'r1' },
    });
    await call('GET', `${MANAGEMENT}/connections?strategy=okta&strategy=samlp&take=5`);
    expect(tenant.requests).toHaveLength(2);
    const [post, list] = tenant.requests;
    expect(post).toMatchObject({
      api: 'management',
      operation: 'createOrganizationConnection',
      method: 'POST',
      path: `/organizations/${globex}/connections`,
      body: { connection_id: ids.github },
      status: 201,
    });
    expect(post?.headers['x-request-id']).toBe('r1');
    expect(post?.headers).not.toHaveProperty('authorization');
    expect(list?.query).toEqual({ strategy: ['okta', 'samlp'], take: '5' });
  });

  it('records failed requests too, and empties on clearRequests', async () => {
    tenant.failNext({ network: true });
    await expect(fetch(organizationConnections(acme))).rejects.toThrow();
    expect(tenant.requests).toHaveLength(1);
    expect(tenant.requests[0]?.status).toBeUndefined();
    tenant.clearRequests();
    expect(tenant.requests).toHaveLength(0);
  });
});

describe('data', () => {
  it('restores the initial data on reset', async () => {
    await call('DELETE', `${organizationConnections(acme)}/${ids.google}`);
    tenant.reset();
    expect(tenant.listOrganizationConnections(acme)).toHaveLength(8);
    expect(tenant.requests).toHaveLength(0);
  });

  it('never shares its data with the caller', () => {
    const connections = tenant.listOrganizationConnections(acme);
    connections.length = 0;
    const snapshot = tenant.snapshot();
    snapshot.organizations.length = 0;
    expect(tenant.listOrganizationConnections(acme)).toHaveLength(8);
    expect(tenant.listOrganizations()).toHaveLength(4);
  });

  it('sets up scenarios directly, bypassing the rules', async () => {
    tenant.addOrganization({ id: 'org_Scenario00000001', name: 'scenario' });
    tenant.setOrganizationConnections('org_Scenario00000001', [
      {
        connection_id: ids.github,
        organization_access_level: 'full',
        is_enabled: true,
        assign_membership_on_login: false,
        is_signup_enabled: false,
        show_as_button: true,
      },
    ]);
    const response = await call('GET', organizationConnections('org_Scenario00000001'));
    expect(response.body).toHaveLength(1);
  });
});

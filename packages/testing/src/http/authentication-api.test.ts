import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedIds } from '../data/seed-tenant-data';
import { MANAGEMENT_SCOPES } from '../tenant/access-tokens';
import { createFakeTenant, type FakeTenantOptions } from '../tenant/fake-tenant';
import { DEFAULT_TOKEN_URL } from './api-base-urls';
import { createFakeFetch } from './create-fake-fetch';
import { createHandlers } from './create-handlers';

const DOMAIN = 'tenant.test';
const TOKEN_URL = `https://${DOMAIN}/oauth/token`;
const MANAGEMENT = `https://${DOMAIN}/api/v2`;
const AUDIENCE = `${MANAGEMENT}/`;
const acme = seedIds.organizations.acme;

const backend = { clientId: 'backend', clientSecret: 'backend-secret' };

function setup(options: FakeTenantOptions = {}) {
  const tenant = createFakeTenant({ clients: [backend], ...options });
  const fakeFetch = createFakeFetch(tenant, { managementBaseUrl: MANAGEMENT });
  return { tenant, fakeFetch };
}

const grant = (overrides: Record<string, unknown> = {}) => ({
  grant_type: 'client_credentials',
  client_id: backend.clientId,
  client_secret: backend.clientSecret,
  audience: AUDIENCE,
  ...overrides,
});

function postJson(fakeFetch: typeof fetch, body: unknown, url = TOKEN_URL) {
  return fakeFetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

function postForm(fakeFetch: typeof fetch, fields: Record<string, string>) {
  return fakeFetch(TOKEN_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

async function listConnections(fakeFetch: typeof fetch, token: string, path = `/organizations/${acme}/connections`) {
  return fakeFetch(`${MANAGEMENT}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

describe('POST /oauth/token (client credentials)', () => {
  it('issues a Bearer token with the client scopes for a JSON body', async () => {
    const { fakeFetch } = setup();
    const response = await postJson(fakeFetch, grant());
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 86400,
      scope: MANAGEMENT_SCOPES.join(' '),
    });
  });

  it('issues a token for a form-encoded body, as the auth0 SDK sends it, with or without the trailing slash', async () => {
    const { fakeFetch } = setup();
    const withSlash = await postForm(fakeFetch, grant() as Record<string, string>);
    const withoutSlash = await postForm(fakeFetch, grant({ audience: MANAGEMENT }) as Record<string, string>);
    expect([withSlash.status, withoutSlash.status]).toEqual([200, 200]);
  });

  it('issues a token the Management API accepts', async () => {
    const { fakeFetch } = setup();
    const { access_token: token } = await (await postJson(fakeFetch, grant())).json();
    const response = await listConnections(fakeFetch, token);
    expect(response.status).toBe(200);
    expect((await response.json()).length).toBeGreaterThan(0);
  });

  it('issues tokens with exactly the client scopes: without read:connections, /connections is 403', async () => {
    const { tenant, fakeFetch } = setup();
    tenant.addClient({ clientId: 'reader', clientSecret: 'reader-secret', scopes: ['read:organization_connections'] });
    const response = await postJson(fakeFetch, grant({ client_id: 'reader', client_secret: 'reader-secret' }));
    const body = await response.json();
    expect(body.scope).toBe('read:organization_connections');
    expect((await listConnections(fakeFetch, body.access_token)).status).toBe(200);
    const tenantConnections = await listConnections(fakeFetch, body.access_token, '/connections');
    expect(tenantConnections.status).toBe(403);
    expect(await tenantConnections.json()).toMatchObject({
      errorCode: 'insufficient_scope',
      message: 'Insufficient scope, expected any of: read:connections',
    });
  });

  it('issues tokens that expire after the client expiresIn, and that expireToken expires at once', async () => {
    let time = 1_000_000;
    const { tenant, fakeFetch } = setup({ now: () => time, clients: [{ ...backend, expiresIn: 60 }] });
    const first = await (await postJson(fakeFetch, grant())).json();
    expect(first.expires_in).toBe(60);
    time += 59_000;
    expect((await listConnections(fakeFetch, first.access_token)).status).toBe(200);
    time += 1_000;
    const expired = await listConnections(fakeFetch, first.access_token);
    expect(expired.status).toBe(401);
    expect((await expired.json()).message).toBe('Expired token received for JSON Web Token validation');

    const second = await (await postJson(fakeFetch, grant())).json();
    expect(second.access_token).not.toBe(first.access_token);
    tenant.expireToken(second.access_token);
    expect((await listConnections(fakeFetch, second.access_token)).status).toBe(401);
  });

  it('answers 401 access_denied for an unknown client or a wrong secret', async () => {
    const { fakeFetch } = setup();
    for (const body of [grant({ client_id: 'stranger' }), grant({ client_secret: 'wrong' })]) {
      const response = await postJson(fakeFetch, body);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'access_denied', error_description: 'Unauthorized' });
    }
  });

  it('answers 403 access_denied for an audience other than this tenant Management API', async () => {
    const { fakeFetch } = setup();
    for (const audience of ['https://other.test/api/v2/', `https://${DOMAIN}/my-org/`, 'https://api.example.com']) {
      const response = await postJson(fakeFetch, grant({ audience }));
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: 'access_denied',
        error_description: `Service not enabled within domain: ${audience}`,
      });
    }
  });

  it('answers 403 access_denied for a missing audience', async () => {
    const { fakeFetch } = setup();
    const response = await postJson(fakeFetch, grant({ audience: undefined }));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: 'access_denied',
      error_description: 'No audience parameter was provided, and no default audience has been configured',
    });
  });

  it('answers 403 unauthorized_client for a grant type other than client credentials', async () => {
    const { fakeFetch } = setup();
    const response = await postJson(fakeFetch, grant({ grant_type: 'password' }));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: 'unauthorized_client',
      error_description: "Grant type 'password' not allowed for the client.",
    });
  });

  it.each(['grant_type', 'client_id', 'client_secret'])('answers 400 invalid_request without %s', async (name) => {
    const { fakeFetch } = setup();
    const response = await postJson(fakeFetch, grant({ [name]: undefined }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      error_description: `Missing required parameter: ${name}`,
    });
  });

  it('answers 400 invalid_request for a body that is neither JSON nor form parameters', async () => {
    const { fakeFetch } = setup();
    const invalid = await fakeFetch(TOKEN_URL, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    const empty = await fakeFetch(TOKEN_URL, { method: 'POST' });
    const numberId = await postJson(fakeFetch, grant({ client_id: 42 }));
    expect([invalid.status, empty.status, numberId.status]).toEqual([400, 400, 400]);
    expect((await invalid.json()).error).toBe('invalid_request');
    expect((await empty.json()).error_description).toBe('Missing required parameter: grant_type');
    expect((await numberId.json()).error_description).toBe('Invalid parameter: client_id must be a string');
  });

  it('records token requests without the client secret', async () => {
    const { tenant, fakeFetch } = setup();
    await postJson(fakeFetch, grant());
    await postForm(fakeFetch, grant({ client_secret: 'wrong-secret' }) as Record<string, string>);
    await fakeFetch(TOKEN_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"client_secret": "truncated-secret',
    });
    const tokenRequests = tenant.requests.filter((request) => request.api === 'authentication');
    expect(tokenRequests.map((request) => [request.path, request.operation, request.status])).toEqual([
      ['/oauth/token', 'getToken', 200],
      ['/oauth/token', 'getToken', 401],
      ['/oauth/token', 'getToken', 400],
    ]);
    expect(tokenRequests[0]?.body).toEqual({ ...grant(), client_secret: '[redacted]' });
    expect(JSON.stringify(tenant.requests)).not.toMatch(/backend-secret|wrong-secret|truncated-secret/);
  });

  it('lets faults and rate limits target token requests', async () => {
    const { tenant, fakeFetch } = setup();
    tenant.failNext({ status: 503, match: { api: 'authentication' } });
    tenant.rateLimitNext({ retryAfterSeconds: 3, match: { operation: 'getToken' } });
    tenant.failNext({ network: true, match: { path: '/oauth/token' } });
    const unavailable = await postJson(fakeFetch, grant());
    expect(unavailable.status).toBe(503);
    expect(await unavailable.json()).toEqual({
      error: 'service_unavailable',
      error_description: 'Service Unavailable (injected by the fake tenant).',
    });
    const limited = await postJson(fakeFetch, grant());
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({
      error: 'too_many_requests',
      error_description: 'Global limit has been reached',
    });
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    await expect(postJson(fakeFetch, grant())).rejects.toThrow(TypeError);
    const delayed: string[] = [];
    tenant.setLatency((request) => {
      if (request.operation !== undefined) delayed.push(request.operation);
      return 0;
    });
    expect((await postJson(fakeFetch, grant())).status).toBe(200);
    expect(delayed).toEqual(['getToken']);
  });

  it('refuses a client it cannot hold with a specific message', () => {
    const tenant = createFakeTenant({ clients: [backend] });
    expect(() => tenant.addClient(backend)).toThrow('The client backend already exists.');
    expect(() => tenant.addClient({ clientId: 'x', clientSecret: '' })).toThrow('needs a non-empty clientSecret');
    expect(() => tenant.addClient({ clientId: 'y', clientSecret: 's', expiresIn: 0 })).toThrow('expiresIn');
  });

  it('a client added after creation can get tokens', async () => {
    const tenant = createFakeTenant();
    const fakeFetch = createFakeFetch(tenant, { managementBaseUrl: MANAGEMENT });
    expect((await postJson(fakeFetch, grant())).status).toBe(401);
    tenant.addClient(backend);
    expect((await postJson(fakeFetch, grant())).status).toBe(200);
  });
});

describe('where the token endpoint is served', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it('createHandlers serves it at the origin of an absolute Management API base', async () => {
    const tenant = createFakeTenant({ clients: [backend] });
    server.use(...createHandlers(tenant, { managementBaseUrl: MANAGEMENT }));
    expect((await postJson(fetch, grant())).status).toBe(200);
  });

  it('createHandlers serves it at DEFAULT_TOKEN_URL for a relative base, for the fake-tenant.test audience', async () => {
    const tenant = createFakeTenant({ clients: [backend] });
    server.use(...createHandlers(tenant, { managementBaseUrl: '/api/v2' }));
    expect(DEFAULT_TOKEN_URL).toBe('https://fake-tenant.test/oauth/token');
    const response = await postJson(fetch, grant({ audience: 'https://fake-tenant.test/api/v2/' }), DEFAULT_TOKEN_URL);
    expect(response.status).toBe(200);
  });

  it('createFakeFetch serves it at a given tokenUrl only', async () => {
    const tenant = createFakeTenant({ clients: [backend] });
    const fakeFetch = createFakeFetch(tenant, { managementBaseUrl: MANAGEMENT, tokenUrl: 'https://login.test/token' });
    const response = await postJson(
      fakeFetch,
      grant({ audience: 'https://login.test/api/v2/' }),
      'https://login.test/token',
    );
    expect(response.status).toBe(200);
    await expect(postJson(fakeFetch, grant())).rejects.toThrow(TypeError);
  });
});

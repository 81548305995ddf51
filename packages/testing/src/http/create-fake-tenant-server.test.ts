import { afterEach, describe, expect, it } from 'vitest';
import { seedIds } from '../data/seed-tenant-data';
import { createFakeTenant } from '../tenant/fake-tenant';
import { createFakeTenantServer, type FakeTenantServer } from './create-fake-tenant-server';

const acme = seedIds.organizations.acme;
const client = { clientId: 'backend', clientSecret: 'backend-secret' };

const servers: FakeTenantServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(options: Parameters<typeof createFakeTenantServer>[0] = {}) {
  const server = await createFakeTenantServer(options);
  servers.push(server);
  return server;
}

async function getToken(server: FakeTenantServer): Promise<string> {
  const response = await fetch(server.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      audience: `https://${server.domain}/api/v2/`,
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()).access_token;
}

describe('createFakeTenantServer', () => {
  it('listens on 127.0.0.1 at a free port and names every URL', async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.domain).toBe(server.url.slice('http://'.length));
    expect(server.managementBaseUrl).toBe(`${server.url}/api/v2`);
    expect(server.myOrganizationBaseUrl).toBe(`${server.url}/my-org/v1`);
    expect(server.tokenUrl).toBe(`${server.url}/oauth/token`);
  });

  it('serves the token endpoint, the Management API and the My Organization API over real HTTP', async () => {
    const server = await start({ tenantOptions: { clients: [client] } });
    const token = await getToken(server);

    const list = await fetch(`${server.managementBaseUrl}/organizations/${acme}/connections`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toContain('application/json');
    expect(list.headers.get('x-ratelimit-limit')).toBe('1000');
    const [first] = await list.json();

    const update = await fetch(`${server.managementBaseUrl}/organizations/${acme}/connections/${first.connection_id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ is_enabled: !first.is_enabled }),
    });
    expect(update.status).toBe(200);
    const stored = server.tenant.listOrganizationConnections(acme).find((c) => c.connection_id === first.connection_id);
    expect(stored?.is_enabled).toBe(!first.is_enabled);

    const identityProviders = await fetch(`${server.myOrganizationBaseUrl}/identity-providers`, {
      headers: { authorization: `Bearer ${server.tenant.defaultToken}` },
    });
    expect(identityProviders.status).toBe(200);
    expect((await identityProviders.json()).identity_providers.length).toBeGreaterThan(0);

    expect(server.tenant.requests.map((request) => [request.api, request.method, request.status])).toEqual([
      ['authentication', 'POST', 200],
      ['management', 'GET', 200],
      ['management', 'PATCH', 200],
      ['my-organization', 'GET', 200],
    ]);
  });

  it('answers a 204 without a body and passes error answers through', async () => {
    const server = await start();
    const headers = { authorization: `Bearer ${server.tenant.defaultToken}` };
    const [first] = server.tenant.listOrganizationConnections(acme);
    const removed = await fetch(
      `${server.managementBaseUrl}/organizations/${acme}/connections/${first?.connection_id}`,
      {
        method: 'DELETE',
        headers,
      },
    );
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');
    const missing = await fetch(`${server.managementBaseUrl}/organizations/org_missing/connections`, { headers });
    expect(missing.status).toBe(404);
    expect((await missing.json()).errorCode).toBe('inexistent_organization');
  });

  it('answers 404 JSON for paths outside the three APIs and records nothing', async () => {
    const server = await start();
    for (const path of ['/', '/users', '/api/v3/connections', '/oauth/token/extra']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
    }
    expect(server.tenant.requests).toEqual([]);
  });

  it('drops the connection for an injected network failure', async () => {
    const tenant = createFakeTenant();
    const server = await start({ tenant });
    tenant.failNext({ network: true });
    await expect(fetch(`${server.managementBaseUrl}/connections`)).rejects.toThrow(TypeError);
    const next = await fetch(`${server.managementBaseUrl}/connections`, {
      headers: { authorization: `Bearer ${tenant.defaultToken}` },
    });
    expect(next.status).toBe(200);
  });

  it('frees its port on close, even with a request still waiting', async () => {
    const server = await createFakeTenantServer({ tenantOptions: { latency: Number.POSITIVE_INFINITY } });
    const port = Number(new URL(server.url).port);
    const waiting = fetch(`${server.managementBaseUrl}/connections`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();
    await expect(waiting).rejects.toThrow(TypeError);
    const again = await start({ port });
    expect(again.url).toBe(server.url);
  });

  it('names the port when it cannot listen on it', async () => {
    const server = await start();
    const port = Number(new URL(server.url).port);
    await expect(createFakeTenantServer({ port })).rejects.toThrow(
      `The fake tenant server could not listen on 127.0.0.1:${port}`,
    );
  });

  it('refuses to listen anywhere but loopback, and refuses both tenant and tenantOptions', async () => {
    await expect(createFakeTenantServer({ host: '0.0.0.0' })).rejects.toThrow('loopback only');
    await expect(createFakeTenantServer({ host: '192.168.1.10' })).rejects.toThrow('loopback only');
    await expect(createFakeTenantServer({ tenant: createFakeTenant(), tenantOptions: {} })).rejects.toThrow(
      'either tenant or tenantOptions',
    );
  });
});

import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createManagementApiClient } from '@org-connections/core';
import { seedIds } from '@org-connections/testing';
import { createFakeTenantServer, type FakeTenantServer } from '@org-connections/testing/server';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOrgConnectionsHandler } from './create-org-connections-handler';
import type { OrgConnectionsAuthorization } from './org-connections-authorization';
import { toNodeListener } from './to-node-listener';

const { acme } = seedIds.organizations;
const c = seedIds.connections;
const BASE_PATH = '/api/org-connections';
const CLIENT = { clientId: 'proxy-m2m-client', clientSecret: 'proxy-client-secret' };

let upstream: FakeTenantServer;
const servers: Server[] = [];

beforeAll(async () => {
  upstream = await createFakeTenantServer({ tenantOptions: { clients: [CLIENT] } });
});
afterEach(async () => {
  upstream.tenant.reset();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});
afterAll(() => upstream.close());

/** The handler against the fake tenant over real HTTP: token and Management API both on loopback. */
function handlerFor(authorization: OrgConnectionsAuthorization) {
  return createOrgConnectionsHandler({
    domain: upstream.domain,
    managementBaseUrl: upstream.managementBaseUrl,
    tokenUrl: upstream.tokenUrl,
    ...CLIENT,
    basePath: BASE_PATH,
    authorize: async () => authorization,
  });
}

async function listen(server: Server): Promise<string> {
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const orgAdmin: OrgConnectionsAuthorization = { view: 'org-admin', actor: 'user|1', organizationId: acme };
const tenantAdmin: OrgConnectionsAuthorization = { view: 'tenant-admin', actor: 'user|2' };

/** A raw request: the path exactly as written (dot segments and all), as a hand-made client could send it. */
function raw(origin: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(origin);
    const request = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('toNodeListener on node:http (real HTTP on both hops)', () => {
  it('serves the browser client: an org admin lists (none dropped) and makes a permitted change', async () => {
    const origin = await listen(createServer(toNodeListener(handlerFor(orgAdmin))));
    const client = createManagementApiClient({
      baseUrl: `${origin}${BASE_PATH}`,
      // Node's fetch sends no Origin; a browser page on this origin would.
      fetch: (url, init) => fetch(url, { ...init, headers: { ...init.headers, origin } }),
    });
    const { items, total } = await client.listOrganizationConnections(acme);
    expect(total).toBe(7);
    expect(items.map((item) => item.connectionId)).not.toContain(c.contosoEntra);
    const updated = await client.updateOrganizationConnection(acme, c.google, { isEnabled: false });
    expect(updated.isEnabled).toBe(false);
    const writes = upstream.tenant.requests.filter(
      (request) => request.api === 'management' && request.method !== 'GET',
    );
    expect(writes.map((request) => [request.method, request.body])).toEqual([['PATCH', { is_enabled: false }]]);
  });

  it('refuses a hand-made write the access level forbids, over the wire', async () => {
    const origin = await listen(createServer(toNodeListener(handlerFor(orgAdmin))));
    const response = await fetch(`${origin}${BASE_PATH}/organizations/${acme}/connections/${c.github}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', origin },
      body: '{"is_enabled":false}',
    });
    expect(response.status).toBe(403);
    expect((await response.json()).errorCode).toBe('org_connections_refused');
    expect(upstream.tenant.requests.filter((request) => request.method === 'PATCH')).toEqual([]);
  });

  it('keeps repeated query keys (strategy=a&strategy=b) as they were sent', async () => {
    const origin = await listen(createServer(toNodeListener(handlerFor(tenantAdmin))));
    const response = await fetch(`${origin}${BASE_PATH}/connections?take=50&strategy=samlp&strategy=okta`);
    expect(response.status).toBe(200);
    const { connections } = (await response.json()) as { connections: { strategy: string }[] };
    expect(new Set(connections.map((connection) => connection.strategy))).toEqual(new Set(['samlp', 'okta']));
  });

  it('a raw path with dot segments never leaves the route family', async () => {
    const origin = await listen(createServer(toNodeListener(handlerFor(tenantAdmin))));
    const answer = await raw(origin, `${BASE_PATH}/organizations/${acme}/connections/../../../users`);
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body).errorCode).toBe('not_found');
    const escaped = await raw(origin, `${BASE_PATH}/organizations/${acme}/connections/..%2F..%2F..%2Fusers`);
    expect(escaped.status).toBe(400);
    expect(upstream.tenant.requests.filter((request) => request.api === 'management')).toEqual([]);
  });
});

describe('toNodeListener in Express', () => {
  it('mounted with app.use(basePath, ...): the mount path stays in the URL the handler sees', async () => {
    const app = express();
    app.use(BASE_PATH, toNodeListener(handlerFor(tenantAdmin)));
    app.get('/health', (_request, response) => {
      response.json({ ok: true });
    });
    const origin = await listen(createServer(app));
    const list = await fetch(`${origin}${BASE_PATH}/organizations/${acme}/connections?include_totals=true`);
    expect(list.status).toBe(200);
    expect((await list.json()).total).toBe(8);
    const update = await fetch(`${origin}${BASE_PATH}/organizations/${acme}/connections/${c.google}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', origin },
      body: '{"is_enabled":false}',
    });
    expect(update.status).toBe(200);
    expect((await fetch(`${origin}/health`)).status).toBe(200);
    const unserved = await fetch(`${origin}${BASE_PATH}/users`);
    expect(unserved.status).toBe(404);
    expect((await unserved.json()).errorCode).toBe('not_found');
  });

  it('mounted with app.all(basePath + "/*path", ...): the same paths are served', async () => {
    const app = express();
    app.all(`${BASE_PATH}/*path`, toNodeListener(handlerFor(tenantAdmin)));
    const origin = await listen(createServer(app));
    const response = await fetch(`${origin}${BASE_PATH}/organizations/${acme}/connections/${c.google}`);
    expect(response.status).toBe(200);
    expect((await response.json()).connection_id).toBe(c.google);
  });

  it('mounted after express.json(): refused with a 500 that says why, and nothing reaches Auth0', async () => {
    const app = express();
    app.use(express.json());
    app.use(BASE_PATH, toNodeListener(handlerFor(tenantAdmin)));
    const origin = await listen(createServer(app));
    const response = await fetch(`${origin}${BASE_PATH}/organizations/${acme}/connections/${c.google}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', origin },
      body: '{"is_enabled":false,"is_enabled":true}',
    });
    expect(response.status).toBe(500);
    expect((await response.json()).message).toBe('The org-connections route must be mounted before any body parser.');
    expect(upstream.tenant.requests.filter((request) => request.api === 'management')).toEqual([]);
  });
});

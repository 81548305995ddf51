import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createManagementApiClient, type OrgConnectionsError } from '@org-connections/core';
import { seedIds } from '@org-connections/testing';
import { createFakeTenantServer, type FakeTenantServer } from '@org-connections/testing/server';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OrgConnectionsAuditEvent } from './audit-event';
import { createOrgConnectionsHandler, type OrgConnectionsHandlerOptions } from './create-org-connections-handler';
import type { OrgConnectionsAuthorizeResult } from './org-connections-authorization';
import type { OrgConnectionsRequestContext } from './org-connections-request-context';
import { toNodeListener } from './to-node-listener';

const { acme } = seedIds.organizations;
const c = seedIds.connections;
const BASE_PATH = '/api/org-connections';
const CLIENT = { clientId: 'proxy-m2m-client', clientSecret: 'proxy-client-secret' };

let upstream: FakeTenantServer;
const servers: Server[] = [];
const audits: OrgConnectionsAuditEvent[] = [];

beforeAll(async () => {
  upstream = await createFakeTenantServer({ tenantOptions: { clients: [CLIENT] } });
});
afterEach(async () => {
  upstream.tenant.reset();
  audits.length = 0;
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});
afterAll(() => upstream.close());

/** What the host's session middleware knows of a user. */
interface SessionUser {
  id: string;
  role: 'member' | 'org-admin' | 'support';
  organizationId: string;
}

/** The host's sessions, by the `sid` cookie's value. */
const sessions: Record<string, SessionUser> = {
  'sid-member': { id: 'user|member', role: 'member', organizationId: acme },
  'sid-admin': { id: 'user|admin', role: 'org-admin', organizationId: acme },
  'sid-support': { id: 'user|support', role: 'support', organizationId: acme },
};

type SessionRequest = IncomingMessage & { user?: SessionUser };

/**
 * The host's `authorize`, as an Express app writes it: the session its own middleware put on `req.user`, read
 * through `context.node.req`. No user: `null` (sign in); a member who is not an admin: `false`.
 */
function authorize(_request: Request, context: OrgConnectionsRequestContext): OrgConnectionsAuthorizeResult {
  const user = (context.node?.req as SessionRequest | undefined)?.user;
  if (user === undefined) return null;
  if (user.role === 'member') return false;
  if (user.role === 'support') return { view: 'tenant-admin', actor: user.id, readOnly: true };
  return { view: 'org-admin', actor: user.id, organizationId: user.organizationId };
}

/** An Express app with a session middleware (`req.user` from the `sid` cookie) in front of the route. */
async function expressApp(options: Partial<OrgConnectionsHandlerOptions> = {}): Promise<string> {
  const handler = createOrgConnectionsHandler({
    domain: upstream.domain,
    managementBaseUrl: upstream.managementBaseUrl,
    tokenUrl: upstream.tokenUrl,
    ...CLIENT,
    basePath: BASE_PATH,
    authorize,
    onAudit: (event) => {
      audits.push(event);
    },
    ...options,
  } as OrgConnectionsHandlerOptions);
  const app = express();
  app.use((request: express.Request & { user?: SessionUser }, _response, next) => {
    const sid = /(?:^|;\s*)sid=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    const user = sid === undefined ? undefined : sessions[sid];
    if (user !== undefined) request.user = user;
    next();
  });
  app.use(BASE_PATH, toNodeListener(handler));
  const server = createServer(app);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The browser client of a page on `origin`, signed in with the session `sid` (or not at all). */
function browserClient(origin: string, sid: string | undefined, headers: Record<string, string> = {}) {
  return createManagementApiClient({
    baseUrl: `${origin}${BASE_PATH}`,
    retry: { attempts: 0 },
    fetch: (url, init) =>
      fetch(url, {
        ...init,
        headers: { ...init?.headers, origin, ...(sid === undefined ? {} : { cookie: `sid=${sid}` }), ...headers },
      }),
  });
}

async function failure(promise: Promise<unknown>): Promise<OrgConnectionsError> {
  try {
    await promise;
  } catch (error) {
    return error as OrgConnectionsError;
  }
  throw new Error('expected the request to fail');
}

const managementWrites = () =>
  upstream.tenant.requests.filter((request) => request.api === 'management' && request.method !== 'GET');

describe('authorize reads the host session through toNodeListener (Express)', () => {
  it('an org admin signed in through the Express session lists its organization', async () => {
    const origin = await expressApp();
    const { items } = await browserClient(origin, 'sid-admin').listOrganizationConnections(acme);
    expect(items.map((item) => item.connectionId)).toContain(c.google);
    expect(items.map((item) => item.connectionId)).not.toContain(c.contosoEntra);
  });

  it('no session: 401, read by the client as unauthorized (sign in)', async () => {
    const origin = await expressApp();
    const error = await failure(browserClient(origin, undefined).listOrganizationConnections(acme));
    expect(error.kind).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(upstream.tenant.requests.filter((request) => request.api === 'management')).toEqual([]);
  });

  it('a signed-in member who is not an admin: 403 not_allowed, not "your session expired"', async () => {
    const origin = await expressApp();
    const error = await failure(browserClient(origin, 'sid-member').listOrganizationConnections(acme));
    expect(error.kind).toBe('forbidden');
    expect(error.code).toBe('not_allowed');
    expect(error.status).toBe(403);
    expect(upstream.tenant.requests.filter((request) => request.api === 'management')).toEqual([]);
  });

  it('the read-only staff role sees what a tenant admin sees, hidden connections included', async () => {
    const origin = await expressApp();
    const client = browserClient(origin, 'sid-support');
    const { items, total } = await client.listOrganizationConnections(acme);
    expect(total).toBe(8);
    expect(items.map((item) => item.connectionId)).toContain(c.contosoEntra);
    const { items: tenantConnections } = await client.listTenantConnections({ take: 100 });
    expect(tenantConnections.length).toBeGreaterThan(10);
  });

  it('the read-only staff role changes nothing: every write is 403 read_only_role, audited as refused', async () => {
    const origin = await expressApp();
    const client = browserClient(origin, 'sid-support', { 'user-agent': 'support-console/1.0' });
    const attempts = [
      () => client.updateOrganizationConnection(acme, c.google, { isEnabled: false }),
      () => client.addOrganizationConnection(acme, { connectionId: c.apple, isEnabled: true }),
      () => client.removeOrganizationConnection(acme, c.google),
    ];
    for (const attempt of attempts) {
      const error = await failure(attempt());
      expect(error.kind).toBe('forbidden');
      expect(error.code).toBe('read_only_role');
    }
    expect(managementWrites()).toEqual([]);
    expect(audits.map((event) => [event.action, event.outcome, event.status, event.errorCode])).toEqual([
      ['update', 'refused', 403, 'read_only_role'],
      ['add', 'refused', 403, 'read_only_role'],
      ['remove', 'refused', 403, 'read_only_role'],
    ]);
    for (const event of audits) {
      expect(event).toMatchObject({ actor: 'user|support', view: 'tenant-admin', readOnly: true });
      expect(event.userAgent).toBe('support-console/1.0');
      // From the Node socket, through context.node.req.
      expect(event.clientAddress).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    }
  });
});

describe('the audit event through toNodeListener: the client address', () => {
  async function auditedWrite(options: Partial<OrgConnectionsHandlerOptions>) {
    const origin = await expressApp(options);
    const client = browserClient(origin, 'sid-admin', { 'x-forwarded-for': '203.0.113.7, 10.0.0.1' });
    await client.updateOrganizationConnection(acme, c.google, { isEnabled: false });
    expect(audits).toHaveLength(1);
    return audits[0] as OrgConnectionsAuditEvent;
  }

  it('is the socket peer by default: x-forwarded-for, which anyone can send, is ignored', async () => {
    expect((await auditedWrite({})).clientAddress).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it('is the first x-forwarded-for address when the host trusts its proxy (trustProxy: true)', async () => {
    expect((await auditedWrite({ trustProxy: true })).clientAddress).toBe('203.0.113.7');
  });
});

describe('what authorize may answer, called as a Fetch handler', () => {
  function fetchHandler(answer: unknown) {
    return createOrgConnectionsHandler({
      domain: upstream.domain,
      managementBaseUrl: upstream.managementBaseUrl,
      tokenUrl: upstream.tokenUrl,
      ...CLIENT,
      basePath: BASE_PATH,
      authorize: () => answer as OrgConnectionsAuthorizeResult,
    });
  }
  const listRequest = () => new Request(`https://app.example${BASE_PATH}/organizations/${acme}/connections`);

  it('null is 401 unauthorized and false is 403 not_allowed, and neither reaches Auth0', async () => {
    const signedOut = await fetchHandler(null)(listRequest());
    expect(signedOut.status).toBe(401);
    expect((await signedOut.json()).errorCode).toBe('unauthorized');
    const notAllowed = await fetchHandler(false)(listRequest());
    expect(notAllowed.status).toBe(403);
    expect((await notAllowed.json()).errorCode).toBe('not_allowed');
    expect(upstream.tenant.requests.filter((request) => request.api === 'management')).toEqual([]);
  });

  it('readOnly on an org admin, or a readOnly that is not a boolean, is a host bug: 500, never a broader role', async () => {
    for (const answer of [
      { view: 'org-admin', actor: 'user|1', organizationId: acme, readOnly: true },
      { view: 'tenant-admin', actor: 'user|2', readOnly: 'yes' },
    ]) {
      const response = await fetchHandler(answer)(listRequest());
      expect(response.status).toBe(500);
    }
    expect(upstream.tenant.requests.filter((request) => request.api === 'management')).toEqual([]);
  });

  it('gets the context the caller passed (a Fetch runtime has no Node request)', async () => {
    const seen: OrgConnectionsRequestContext[] = [];
    const handler = createOrgConnectionsHandler({
      domain: upstream.domain,
      managementBaseUrl: upstream.managementBaseUrl,
      tokenUrl: upstream.tokenUrl,
      ...CLIENT,
      basePath: BASE_PATH,
      authorize: (_request, context) => {
        seen.push(context);
        return null;
      },
    });
    await handler(listRequest());
    await handler(listRequest(), { params: Promise.resolve({ path: ['organizations'] }) });
    expect(seen[0]).toEqual({});
    expect(seen[1]).toHaveProperty('params');
    expect(seen.every((context) => context.node === undefined)).toBe(true);
  });
});

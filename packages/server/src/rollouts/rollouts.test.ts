// Rollouts through the handler, against the fake tenant at the network layer: a connection enabled in thousands of
// organizations with the exact counts, dry runs, the rules' 400s, who may see the routes, the controls, pacing under
// Auth0's write limit and its 429s (in fake time), and a handler killed mid-run and started again over one real
// redis-server (every organization written exactly once, counted by the fake tenant).
import {
  createFakeFetch,
  createFakeTenant,
  createSeedTenantData,
  type FakeOrganizationConnection,
  type FakeTenant,
  type FakeTenantOptions,
  generateOrganizations,
  MANAGEMENT_SCOPES,
  type RecordedRequest,
  seedIds,
} from '@org-connections/testing';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RedisServer, startRedisServer } from '../../test/redis-server';
import type { OrgConnectionsAuditEvent } from '../handler/audit-event';
import {
  createOrgConnectionsHandler,
  type OrgConnectionsHandlerOptions,
} from '../handler/create-org-connections-handler';
import type { OrgConnectionsAuthorization } from '../handler/org-connections-authorization';
import { createRedisStore } from '../redis';
import { createMemoryStore, type OrgConnectionsStore } from '../store/store';

const ORIGIN = 'https://app.example';
const BASE = `${ORIGIN}/api/org-connections`;
const CONNECTION = seedIds.connections.usernamePassword;
const ENTERPRISE = seedIds.connections.samlUmbrella;
const CLIENT = { clientId: 'rollout-client', clientSecret: 'rollout-secret-that-must-never-leak' };

/** A tenant of `count` generated organizations (and the seed's connections), each set up by its index. */
function tenantOf(
  count: number,
  setUp: (index: number) => 'enabled' | 'full' | 'plain',
  options: FakeTenantOptions = {},
) {
  const data = createSeedTenantData();
  data.organizations = generateOrganizations(count, { seed: count });
  data.organizationConnections = {};
  const others = data.connections.filter(({ id }) => id !== CONNECTION).slice(0, 10);
  const record = (connectionId: string): FakeOrganizationConnection => ({
    connection_id: connectionId,
    organization_access_level: 'none',
    is_enabled: true,
    assign_membership_on_login: false,
    is_signup_enabled: false,
    show_as_button: true,
  });
  data.organizations.forEach(({ id }, index) => {
    const state = setUp(index);
    data.organizationConnections[id] =
      state === 'enabled' ? [record(CONNECTION)] : state === 'full' ? others.map(({ id: other }) => record(other)) : [];
  });
  return createFakeTenant({ ...options, data, clients: [CLIENT] });
}

const audits: OrgConnectionsAuditEvent[] = [];
afterEach(() => {
  audits.length = 0;
  vi.useRealTimers();
});

function handlerFor(
  tenant: FakeTenant,
  options: Partial<OrgConnectionsHandlerOptions> & { as?: OrgConnectionsAuthorization } = {},
) {
  const { as = { view: 'tenant-admin', actor: 'user|staff' }, ...rest } = options;
  return createOrgConnectionsHandler({
    domain: 'fake-tenant.test',
    basePath: '/api/org-connections',
    ...CLIENT,
    authorize: async () => as,
    fetch: createFakeFetch(tenant),
    onAudit: (event: OrgConnectionsAuditEvent) => {
      audits.push(event);
    },
    limits: { perActor: false, perOrganization: false },
    ...rest,
  } as OrgConnectionsHandlerOptions);
}

type Handler = ReturnType<typeof handlerFor>;

const post = (handler: Handler, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  handler(
    new Request(`${BASE}${path}`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
const get = (handler: Handler, path: string) => handler(new Request(`${BASE}${path}`));

async function rolloutOf(handler: Handler, id: string) {
  const response = await get(handler, `/rollouts/${id}`);
  expect(response.status).toBe(200);
  return response.json();
}

/** Polls (real time) until the rollout's status is one of `statuses`. */
async function until(handler: Handler, id: string, statuses: string[], check = () => Promise.resolve(true)) {
  for (let attempt = 0; attempt < 2000; attempt += 1) {
    const rollout = await rolloutOf(handler, id);
    if (statuses.includes(rollout.status) && (await check())) return rollout;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`rollout ${id} never reached ${statuses.join(' or ')}`);
}

const writesOf = (tenant: FakeTenant) =>
  tenant.requests.filter(
    (request: RecordedRequest) => request.api === 'management' && request.method !== 'GET' && request.status === 201,
  );
/** Successful adds per organization, as the fake tenant answered them. */
function addsPerOrganization(tenant: FakeTenant): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of writesOf(tenant)) {
    const organizationId = request.path.split('/')[2] ?? '';
    counts.set(organizationId, (counts.get(organizationId) ?? 0) + 1);
  }
  return counts;
}
const hasConnection = (tenant: FakeTenant, organizationId: string) =>
  tenant.listOrganizationConnections(organizationId).some(({ connection_id }) => connection_id === CONNECTION);

const START = { connection_id: CONNECTION, organizations: 'all', if_enabled: 'skip', settings: {} };

/**
 * A redis-server for the enclosing `describe` (started before its tests, stopped after them), and a factory of
 * clients to it that are disconnected with it.
 */
function redisClientsForThisBlock(): () => Redis {
  let redis: RedisServer;
  const clients: Redis[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await redis.stop();
  });
  return () => {
    const made = new Redis(redis.url, { maxRetriesPerRequest: 1, lazyConnect: false });
    clients.push(made);
    return made;
  };
}

describe('a rollout over 2,000 organizations', () => {
  // By index: every tenth already has the connection, one in twenty is at the 10-connection limit, one in twenty
  // answers the add with a 403; the rest get it.
  const role = (index: number) =>
    index % 10 === 0 ? 'enabled' : index % 20 === 1 ? 'full' : index % 20 === 3 ? 'forbidden' : 'plain';
  const expected = { added: 0, updated: 0, skipped_enabled: 0, skipped_limit: 0, failed: 0, pending: 0 };
  for (let index = 0; index < 2000; index += 1) {
    const kind = role(index);
    if (kind === 'enabled') expected.skipped_enabled += 1;
    else if (kind === 'full') expected.skipped_limit += 1;
    else if (kind === 'forbidden') expected.failed += 1;
    else expected.added += 1;
  }

  it('ends with the exact counts, each organization written once, one audit event each', async () => {
    const tenant = tenantOf(2000, (index) => (role(index) === 'forbidden' ? 'plain' : (role(index) as 'enabled')), {
      rateLimits: false,
    });
    const organizations = tenant.listOrganizations().map(({ id }) => id);
    const forbidden = new Set(organizations.filter((_, index) => role(index) === 'forbidden'));
    tenant.failNext({
      status: 403,
      times: forbidden.size,
      match: (request) => request.method === 'POST' && forbidden.has(request.path.split('/')[2] ?? ''),
    });
    const handler = handlerFor(tenant);

    const started = await post(handler, '/rollouts', START);
    expect(started.status).toBe(202);
    const { id, status } = await started.json();
    expect(id).toMatch(/^rol_[A-Za-z0-9]{20}$/);
    expect(status).toBe('running');
    const done = await until(handler, id, ['done']);

    expect(done.counts).toEqual(expected);
    expect(done.total).toBe(2000);
    expect(done.failures).toHaveLength(expected.failed);
    for (const failure of done.failures) {
      expect(forbidden.has(failure.organization_id)).toBe(true);
      expect(failure.error).toMatchObject({ kind: 'forbidden', status: 403 });
    }
    const adds = addsPerOrganization(tenant);
    expect([...adds.values()].every((count) => count === 1)).toBe(true);
    expect(adds.size).toBe(expected.added);
    organizations.forEach((organizationId, index) => {
      const kind = role(index);
      expect(hasConnection(tenant, organizationId)).toBe(kind === 'enabled' || kind === 'plain');
    });
    // The walk read the organizations with checkpoint pagination: 20 pages of 100.
    const pages = tenant.requests.filter((request) => request.path === '/organizations');
    expect(pages).toHaveLength(20);
    expect(pages.slice(1).every((request) => typeof request.query.from === 'string')).toBe(true);

    const events = audits.filter((event) => event.rolloutId === id);
    expect(new Set(events.map((event) => event.organizationId)).size).toBe(2000 - 0 * 1);
    expect(events).toHaveLength(2000);
    expect(events.every((event) => event.actor === 'user|staff' && event.connectionId === CONNECTION)).toBe(true);

    const listed = await (await get(handler, '/rollouts')).json();
    expect(listed.rollouts.map((rollout: { id: string }) => rollout.id)).toEqual([id]);
  });
});

describe('what the routes accept', () => {
  const tenant = tenantOf(5, () => 'plain', { rateLimits: false });

  it('refuses invalid settings with a 400 naming the field, and starts nothing', async () => {
    const handler = handlerFor(tenant);
    const cases: [unknown, string][] = [
      [{ ...START, settings: { organization_access_level: 'readonly' } }, 'settings.organization_connection_name'],
      [{ ...START, settings: { organization_connection_name: '' } }, 'settings.organization_connection_name'],
      [{ ...START, settings: { is_enabled: 'yes' } }, 'settings.is_enabled'],
      [{ ...START, settings: { colour: 'red' } }, 'colour'],
      [{ ...START, connection_id: ENTERPRISE, settings: { is_signup_enabled: true } }, 'settings.is_signup_enabled'],
      [{ ...START, organizations: [] }, 'organizations'],
      [{ ...START, organizations: ['org_1', 'org_1'] }, 'organizations'],
      [{ ...START, organizations: ['../etc'] }, 'organizations[0]'],
      [{ ...START, if_enabled: 'overwrite' }, 'if_enabled'],
    ];
    for (const [body, field] of cases) {
      const response = await post(handler, '/rollouts', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).message).toContain(field);
    }
    expect((await (await get(handler, '/rollouts')).json()).rollouts).toEqual([]);
  });

  it('answers a connection Auth0 does not have with its 404', async () => {
    const response = await post(handlerFor(tenant), '/rollouts', { ...START, connection_id: 'con_0000000000000000' });
    expect(response.status).toBe(404);
  });

  it('is not served to an org admin: the same 404 as any route not served, for every method', async () => {
    const orgAdmin = handlerFor(tenant, {
      as: { view: 'org-admin', actor: 'user|admin', organizationId: seedIds.organizations.acme },
    });
    const notServed = await (await get(orgAdmin, '/nothing_here')).json();
    for (const response of [
      await get(orgAdmin, '/rollouts'),
      await post(orgAdmin, '/rollouts', START),
      await get(orgAdmin, '/rollouts/rol_AAAAAAAAAAAAAAAAAAAA'),
      await post(orgAdmin, '/rollouts/rol_AAAAAAAAAAAAAAAAAAAA/pause'),
      await handlerFor(tenant, {
        as: { view: 'org-admin', actor: 'user|admin', organizationId: seedIds.organizations.acme },
      })(new Request(`${BASE}/rollouts`, { method: 'DELETE', headers: { origin: ORIGIN } })),
    ]) {
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual(notServed);
    }
    expect(tenant.requests.filter((request) => request.path.startsWith('/organizations'))).toEqual([]);
  });

  it('refuses a cross-site start, a read-only role, and an unknown rollout', async () => {
    const handler = handlerFor(tenant);
    expect((await post(handler, '/rollouts', START, { origin: 'https://evil.example' })).status).toBe(403);
    const readOnly = handlerFor(tenant, { as: { view: 'tenant-admin', actor: 'user|support', readOnly: true } });
    expect((await post(readOnly, '/rollouts', START)).status).toBe(403);
    expect((await get(readOnly, '/rollouts')).status).toBe(200);
    expect((await get(handler, '/rollouts/rol_AAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await post(handler, '/rollouts/rol_AAAAAAAAAAAAAAAAAAAA/resume')).status).toBe(404);
    expect((await post(handler, '/rollouts/rol_AAAAAAAAAAAAAAAAAAAA/explode')).status).toBe(404);
  });
});

describe('pause, resume, cancel, retry', { timeout: 30_000 }, () => {
  // 10 writes a second at most, of which the rollout takes half: slow enough to act mid-run.
  const slow = { 'management-organization-connection-write': { limit: 10, windowSeconds: 1 } };

  it('pause stops the writes, resume finishes with each organization written once', async () => {
    const tenant = tenantOf(24, () => 'plain', { rateLimits: slow });
    const handler = handlerFor(tenant);
    const { id } = await (await post(handler, '/rollouts', START)).json();
    await until(handler, id, ['running'], async () => writesOf(tenant).length >= 5);
    const paused = await post(handler, `/rollouts/${id}/pause`);
    expect(paused.status).toBe(200);
    expect((await paused.json()).status).toBe('paused');
    const atPause = writesOf(tenant).length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // At most the step already under way when the pause came.
    expect(writesOf(tenant).length - atPause).toBeLessThanOrEqual(1);
    const stopped = await rolloutOf(handler, id);
    expect(stopped.status).toBe('paused');
    expect(stopped.counts.pending).toBeGreaterThan(0);

    expect((await post(handler, `/rollouts/${id}/resume`)).status).toBe(200);
    const done = await until(handler, id, ['done']);
    expect(done.counts).toMatchObject({ added: 24, pending: 0, failed: 0 });
    expect([...addsPerOrganization(tenant).values()]).toEqual(Array(24).fill(1));
  });

  it('pauses, saying why, when Auth0 refuses the walk of the organizations (scope missing)', async () => {
    const data = createSeedTenantData();
    const scopes = MANAGEMENT_SCOPES.filter((scope) => scope !== 'read:organizations');
    const tenant = createFakeTenant({ data, clients: [{ ...CLIENT, scopes }], rateLimits: false });
    const handler = handlerFor(tenant);
    const started = await post(handler, '/rollouts', START);
    expect(started.status).toBe(202);
    const { id } = await started.json();
    const paused = await until(handler, id, ['paused']);
    expect(paused.paused_reason).toEqual({ kind: 'forbidden', code: 'insufficient_scope', status: 403 });
    expect(paused.counts.added).toBe(0);
    expect(writesOf(tenant)).toEqual([]);
  });

  it('a 5xx on the walk pauses it with that reason; resume clears it (a later pause by hand gives none)', async () => {
    const tenant = tenantOf(24, () => 'plain', { rateLimits: slow });
    tenant.failNext({
      status: 503,
      times: 1,
      match: (request) => request.method === 'GET' && request.path === '/organizations',
    });
    const handler = handlerFor(tenant);
    const { id } = await (await post(handler, '/rollouts', START)).json();
    const paused = await until(handler, id, ['paused']);
    expect(paused.paused_reason).toMatchObject({ kind: 'server', status: 503 });
    expect((await post(handler, `/rollouts/${id}/resume`)).status).toBe(200);
    await until(handler, id, ['running'], async () => writesOf(tenant).length >= 2);
    const byHand = await (await post(handler, `/rollouts/${id}/pause`)).json();
    expect(byHand.status).toBe('paused');
    expect(byHand).not.toHaveProperty('paused_reason');
    expect((await post(handler, `/rollouts/${id}/resume`)).status).toBe(200);
    const done = await until(handler, id, ['done']);
    expect(done.counts).toMatchObject({ added: 24, pending: 0 });
  });

  it('cancel stops it for good: the rest stay pending and it cannot be resumed', async () => {
    const tenant = tenantOf(24, () => 'plain', { rateLimits: slow });
    const handler = handlerFor(tenant);
    const { id } = await (await post(handler, '/rollouts', START)).json();
    await until(handler, id, ['running'], async () => writesOf(tenant).length >= 3);
    expect((await (await post(handler, `/rollouts/${id}/cancel`)).json()).status).toBe('cancelled');
    const atCancel = writesOf(tenant).length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(writesOf(tenant).length - atCancel).toBeLessThanOrEqual(1);
    const cancelled = await rolloutOf(handler, id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.counts.added + cancelled.counts.pending).toBe(24);
    expect(cancelled.counts.pending).toBeGreaterThan(0);
    expect((await post(handler, `/rollouts/${id}/resume`)).status).toBe(409);
    expect((await post(handler, `/rollouts/${id}/retry`)).status).toBe(409);
  });

  it('retry does the failed organizations again, and only those', async () => {
    const tenant = tenantOf(12, () => 'plain', { rateLimits: false });
    const organizations = tenant.listOrganizations().map(({ id }) => id);
    const failing = new Set(organizations.slice(2, 5));
    tenant.failNext({
      status: 503,
      times: failing.size,
      match: (request) => request.method === 'POST' && failing.has(request.path.split('/')[2] ?? ''),
    });
    const handler = handlerFor(tenant);
    const { id } = await (await post(handler, '/rollouts', { ...START, organizations })).json();
    const first = await until(handler, id, ['done']);
    expect(first.counts).toMatchObject({ added: 9, failed: 3, pending: 0 });
    expect(new Set(first.failures.map((failure: { organization_id: string }) => failure.organization_id))).toEqual(
      failing,
    );
    const postsBefore = tenant.requests.filter((request) => request.method === 'POST').length;

    const retried = await post(handler, `/rollouts/${id}/retry`);
    expect(retried.status).toBe(200);
    const second = await until(handler, id, ['done']);
    expect(second.counts).toMatchObject({ added: 12, failed: 0, pending: 0 });
    expect(second.failures).toEqual([]);
    const retriedPosts = tenant.requests.filter((request) => request.method === 'POST').slice(postsBefore);
    expect(new Set(retriedPosts.map((request) => request.path.split('/')[2]))).toEqual(failing);
    expect([...addsPerOrganization(tenant).values()]).toEqual(Array(12).fill(1));
    // Nothing failed now: nothing to retry.
    expect((await post(handler, `/rollouts/${id}/retry`)).status).toBe(409);
  });

  it('update: where the connection is already enabled, its settings are written', async () => {
    const tenant = tenantOf(6, (index) => (index < 2 ? 'enabled' : 'plain'), { rateLimits: false });
    const handler = handlerFor(tenant);
    const settings = { assign_membership_on_login: true };
    const { id } = await (await post(handler, '/rollouts', { ...START, if_enabled: 'update', settings })).json();
    const done = await until(handler, id, ['done']);
    expect(done.counts).toMatchObject({ added: 4, updated: 2, skipped_enabled: 0 });
    for (const { id: organizationId } of tenant.listOrganizations()) {
      const record = tenant
        .listOrganizationConnections(organizationId)
        .find((item) => item.connection_id === CONNECTION);
      expect(record?.assign_membership_on_login).toBe(true);
    }
  });
  it('update: an add whose answer was lost still writes the settings where the connection was already there', async () => {
    const tenant = tenantOf(4, (index) => (index === 0 ? 'enabled' : 'plain'), { rateLimits: false });
    const [first] = tenant.listOrganizations();
    const fakeFetch = createFakeFetch(tenant);
    let lost = 0;
    // The add to the organization that already has the connection reaches Auth0 (a 409), and its answer is lost.
    const losing = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const answer = await fakeFetch(input, init);
      if (init?.method === 'POST' && String(input).includes(`/organizations/${first?.id}/`) && lost === 0) {
        lost += 1;
        throw new TypeError('fetch failed');
      }
      return answer;
    }) as typeof fetch;
    const handler = handlerFor(tenant, { fetch: losing });
    const settings = { assign_membership_on_login: true };
    const { id } = await (await post(handler, '/rollouts', { ...START, if_enabled: 'update', settings })).json();
    const done = await until(handler, id, ['done']);
    expect(lost).toBe(1);
    // The 409 after a lost answer is counted as the rollout's own add (the likelier case), and the update follows.
    expect(done.counts).toMatchObject({ added: 4, updated: 0, skipped_enabled: 0, failed: 0, pending: 0 });
    for (const { id: organizationId } of tenant.listOrganizations()) {
      const record = tenant
        .listOrganizationConnections(organizationId)
        .find((item) => item.connection_id === CONNECTION);
      expect(record?.assign_membership_on_login).toBe(true);
    }
  });
});

describe('a store that fails between noting an outcome and counting it', () => {
  it('the rollout is taken up again and its counts still add up', async () => {
    const tenant = tenantOf(30, (index) => (index % 5 === 0 ? 'enabled' : 'plain'), { rateLimits: false });
    const memory = createMemoryStore();
    let failures = 0;
    // The host's store fails the 10th count: the organization's outcome is noted, its count is not.
    let counted = 0;
    const flaky: OrgConnectionsStore = {
      ...memory,
      async increment(key, windowMs) {
        if (key.includes(':count:') && ++counted === 10) {
          failures += 1;
          throw new Error('the store went away');
        }
        return memory.increment(key, windowMs);
      },
    };
    const handler = handlerFor(tenant, { store: flaky, rollouts: { leaseMs: 200 }, logger: { warn: () => undefined } });
    const { id } = await (await post(handler, '/rollouts', START)).json();
    const done = await until(handler, id, ['done']);
    expect(failures).toBe(1);
    expect(done.counts).toEqual({ added: 24, updated: 0, skipped_enabled: 6, skipped_limit: 0, failed: 0, pending: 0 });
    expect([...addsPerOrganization(tenant).values()]).toEqual(Array(24).fill(1));
  });
});

describe('the lease', () => {
  it('an instance that finds its lease held by another stops running the rollout, and never takes it back', async () => {
    const tenant = tenantOf(200, () => 'plain', { rateLimits: false });
    const memory = createMemoryStore();
    let leaseKey: string | undefined;
    const watched: OrgConnectionsStore = {
      ...memory,
      async setIfAbsent(key, value, ttlMs) {
        if (key.endsWith(':lease')) leaseKey = key;
        return memory.setIfAbsent(key, value, ttlMs);
      },
    };
    const fakeFetch = createFakeFetch(tenant);
    // Each write takes a moment, so the rollout is still running when the lease changes hands.
    const slow = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'POST') await new Promise((resolve) => setTimeout(resolve, 10));
      return fakeFetch(input, init);
    }) as typeof fetch;
    const handler = handlerFor(tenant, { fetch: slow, store: watched, rollouts: { leaseMs: 150 } });
    const posts = () => tenant.requests.filter((request) => request.method === 'POST').length;
    const { id } = await (await post(handler, '/rollouts', START)).json();
    while (posts() < 5) await new Promise((resolve) => setTimeout(resolve, 5));
    // Another instance holds the lease now (this one stalled past it, say).
    expect(leaseKey).toBeDefined();
    await memory.set(leaseKey as string, 'another-instance', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stoppedAt = posts();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(posts()).toBe(stoppedAt);
    expect(stoppedAt).toBeLessThan(200);
    expect(await memory.get(leaseKey as string)).toBe('another-instance');
    expect((await rolloutOf(handler, id)).status).toBe('running');
  });
});

describe('pace (fake time)', () => {
  /** Writes per fixed window of the fake tenant, by window start. */
  function writesPerWindow(times: number[], windowMs: number): number[] {
    const windows = new Map<number, number>();
    for (const time of times)
      windows.set(Math.floor(time / windowMs), (windows.get(Math.floor(time / windowMs)) ?? 0) + 1);
    return [...windows.values()];
  }

  async function runInFakeTime(handler: Handler, id: string, stepMs: number) {
    for (let step = 0; step < 10_000; step += 1) {
      const rollout = await rolloutOf(handler, id);
      if (rollout.status === 'done') return rollout;
      await vi.advanceTimersByTimeAsync(stepMs);
    }
    throw new Error('never done');
  }

  it("keeps to its share of Auth0's 25 writes a minute, and a 429 storm slows it and loses nothing", async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 11, 6, 9, 0, 0) });
    const tenant = tenantOf(60, () => 'plain', {
      rateLimits: { 'management-organization-connection-write': { limit: 25, windowSeconds: 60 } },
    });
    const times: number[] = [];
    const fakeFetch = createFakeFetch(tenant);
    const timedFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await fakeFetch(input, init);
      if (init?.method === 'POST' && response.status === 201) times.push(Date.now());
      return response;
    }) as typeof fetch;
    const handler = handlerFor(tenant, { fetch: timedFetch, rollouts: { rateLimitShare: 0.5 } });
    // A storm: the next five writes are 429s.
    tenant.rateLimitNext({ retryAfterSeconds: 20, times: 5, match: { api: 'management', method: 'POST' } });
    const { id } = await (await post(handler, '/rollouts', START)).json();
    const done = await runInFakeTime(handler, id, 5000);

    expect(done.counts).toMatchObject({ added: 60, failed: 0, pending: 0 });
    expect([...addsPerOrganization(tenant).values()]).toEqual(Array(60).fill(1));
    expect(tenant.requests.filter((request) => request.status === 429)).toHaveLength(5);
    // Half of 25 a minute: at most 12 in any of the fake tenant's minutes, and no 429 of its own limit.
    expect(Math.max(...writesPerWindow(times, 60_000))).toBeLessThanOrEqual(12);
    // The storm slowed it: 60 writes at 12 a minute take 5 windows; the storm cost at least its wait.
    expect(times[0] as number).toBeGreaterThanOrEqual(Date.UTC(2026, 11, 6, 9, 0, 0) + 20_000);
  });
});

describe('a handler killed mid-run and started again over one redis-server', () => {
  const client = redisClientsForThisBlock();

  it('resumes the running rollout: every organization written exactly once, none skipped', async () => {
    const tenant = tenantOf(300, (index) => (index % 7 === 0 ? 'enabled' : 'plain'), { rateLimits: false });
    const fakeFetch = createFakeFetch(tenant);
    const first = client();
    let adds = 0;
    // The first instance dies during its 120th add: Auth0 applies the write, the answer never comes back, and the
    // instance's Redis connection goes with it.
    const dying = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'POST' && String(input).includes('/organizations/')) {
        adds += 1;
        if (adds === 120) {
          await fakeFetch(input, init);
          first.disconnect();
          return new Promise<never>(() => {});
        }
      }
      return fakeFetch(input, init);
    }) as typeof fetch;
    const quiet = { warn: () => undefined };
    const options = { rollouts: { leaseMs: 600 }, logger: quiet };
    const a = handlerFor(tenant, { ...options, fetch: dying, store: createRedisStore(first) });
    const { id } = await (await post(a, '/rollouts', START)).json();
    for (let wait = 0; adds < 120 && wait < 1000; wait += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(adds).toBe(120);

    const b = handlerFor(tenant, { ...options, fetch: fakeFetch, store: createRedisStore(client()) });
    const done = await until(b, id, ['done']);
    const expectedEnabled = tenant.listOrganizations().filter((_, index) => index % 7 === 0).length;
    expect(done.counts).toEqual({
      added: 300 - expectedEnabled,
      updated: 0,
      skipped_enabled: expectedEnabled,
      skipped_limit: 0,
      failed: 0,
      pending: 0,
    });
    const perOrganization = addsPerOrganization(tenant);
    expect(perOrganization.size).toBe(300 - expectedEnabled);
    expect([...perOrganization.values()].every((count) => count === 1)).toBe(true);
    for (const { id: organizationId } of tenant.listOrganizations())
      expect(hasConnection(tenant, organizationId)).toBe(true);
    // One audit event per organization, the one whose answer was lost included (counted as added by the second).
    const events = audits.filter((event) => event.rolloutId === id);
    expect(new Set(events.map((event) => event.organizationId)).size).toBe(300);
  });
});

describe('dry runs: a rollout that writes nothing', { timeout: 60_000 }, () => {
  const DRY_RUN = { ...START, dry_run: true };
  /** Every Management API request that is not a read. */
  const nonReads = (tenant: FakeTenant) =>
    tenant.requests.filter((request) => request.api === 'management' && request.method !== 'GET');
  /** Reads of one organization's connections (a dry run's steps). */
  const organizationReads = (tenant: FakeTenant) =>
    tenant.requests.filter(
      (request) => request.method === 'GET' && /^\/organizations\/[^/]+\/connections$/.test(request.path),
    );

  it('answers 202 with a resource, writes nothing, and its counts are what the rollout then does', async () => {
    // Every tenth already has the connection, one in twenty is at the 10-connection limit.
    const tenant = tenantOf(1200, (index) => (index % 10 === 0 ? 'enabled' : index % 20 === 1 ? 'full' : 'plain'), {
      rateLimits: false,
    });
    const handler = handlerFor(tenant);
    const response = await post(handler, '/rollouts', DRY_RUN);
    expect(response.status).toBe(202);
    const started = await response.json();
    expect(started).toMatchObject({ status: 'running', dry_run: true });
    expect(started.id).toMatch(/^rol_[A-Za-z0-9]{20}$/);
    // Not a rollout: `GET {base}/rollouts` (what the dialog picks up after a reload) never lists it.
    expect((await (await get(handler, '/rollouts')).json()).rollouts).toEqual([]);

    const preview = await until(handler, started.id, ['done']);
    expect(preview).toMatchObject({ dry_run: true, total: 1200, failures: [] });
    expect(preview.counts).toEqual({
      added: 1200 - 120 - 60,
      updated: 0,
      skipped_enabled: 120,
      skipped_limit: 60,
      failed: 0,
      pending: 0,
    });
    expect(nonReads(tenant)).toEqual([]);
    expect(organizationReads(tenant)).toHaveLength(1200);
    // No audit event: nothing was written.
    expect(audits.filter((event) => event.rolloutId === started.id)).toEqual([]);
    expect((await (await get(handler, '/rollouts')).json()).rollouts).toEqual([]);

    const { id } = await (await post(handler, '/rollouts', START)).json();
    const done = await until(handler, id, ['done']);
    expect(done.counts).toEqual(preview.counts);
    expect(done).not.toHaveProperty('dry_run');
    const listed = (await (await get(handler, '/rollouts')).json()).rollouts;
    expect(listed.map((rollout: { id: string }) => rollout.id)).toEqual([id]);
  });

  it("counts 'update' where the connection is on, and a refused read as that organization's failure", async () => {
    const tenant = tenantOf(40, (index) => (index < 10 ? 'enabled' : 'plain'), { rateLimits: false });
    const organizations = tenant.listOrganizations().map(({ id }) => id);
    const refused = organizations[20] as string;
    tenant.failNext({ status: 403, match: (request) => request.path === `/organizations/${refused}/connections` });
    const handler = handlerFor(tenant);
    const { id } = await (await post(handler, '/rollouts', { ...DRY_RUN, if_enabled: 'update' })).json();
    const preview = await until(handler, id, ['done']);
    expect(preview.counts).toMatchObject({ added: 29, updated: 10, failed: 1, pending: 0 });
    expect(preview.failures).toEqual([{ organization_id: refused, error: { kind: 'forbidden', status: 403 } }]);
    expect(nonReads(tenant)).toEqual([]);
  });

  it('is kept an hour, not the seven days of a rollout', async () => {
    const tenant = tenantOf(12, () => 'plain', { rateLimits: false });
    const memory = createMemoryStore();
    const kept = new Map<string, number>();
    const store: OrgConnectionsStore = {
      ...memory,
      set: (name, value, ttlMs) => {
        kept.set(name, ttlMs);
        return memory.set(name, value, ttlMs);
      },
      setIfAbsent: (name, value, ttlMs) => {
        kept.set(name, ttlMs);
        return memory.setIfAbsent(name, value, ttlMs);
      },
      increment: (name, windowMs) => {
        kept.set(name, windowMs);
        return memory.increment(name, windowMs);
      },
    };
    const handler = handlerFor(tenant, { store });
    const { id } = await (await post(handler, '/rollouts', DRY_RUN)).json();
    await until(handler, id, ['done']);
    const ofDryRun = [...kept].filter(([name]) => name.includes(id) || name.endsWith(':dry-runs'));
    expect(ofDryRun.length).toBeGreaterThan(12);
    expect(Math.max(...ofDryRun.map(([, ttlMs]) => ttlMs))).toBe(60 * 60 * 1000);

    kept.clear();
    const rollout = await (await post(handler, '/rollouts', START)).json();
    await until(handler, rollout.id, ['done']);
    const ofRollout = [...kept].filter(
      ([name]) => name.includes(rollout.id) && !name.includes(':rate:') && !name.endsWith(':lease'),
    );
    expect(new Set(ofRollout.map(([, ttlMs]) => ttlMs))).toEqual(new Set([7 * 24 * 60 * 60 * 1000]));
  });

  it('can be cancelled: the reads stop', async () => {
    // 20 reads a second, of which the dry run takes half: two seconds for its 24 organizations.
    const tenant = tenantOf(24, () => 'plain', { rateLimits: { 'management-read': { limit: 20, windowSeconds: 1 } } });
    const handler = handlerFor(tenant);
    const { id } = await (await post(handler, '/rollouts', DRY_RUN)).json();
    await until(handler, id, ['running'], async () => organizationReads(tenant).length >= 3);
    const cancelled = await post(handler, `/rollouts/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled', dry_run: true });
    const atCancel = organizationReads(tenant).length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // At most the step already under way when the cancel came.
    expect(organizationReads(tenant).length - atCancel).toBeLessThanOrEqual(1);
    const stopped = await rolloutOf(handler, id);
    expect(stopped.status).toBe('cancelled');
    expect(stopped.counts.pending).toBeGreaterThan(0);
    expect((await post(handler, `/rollouts/${id}/resume`)).status).toBe(409);
  });

  it("keeps to its share of Auth0's read limit (fake time), and waits out a 429 storm", async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 11, 6, 9, 0, 0) });
    const tenant = tenantOf(60, (index) => (index % 3 === 0 ? 'enabled' : 'plain'), {
      rateLimits: { 'management-read': { limit: 10, windowSeconds: 1 } },
    });
    const times: number[] = [];
    const fakeFetch = createFakeFetch(tenant);
    const timedFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await fakeFetch(input, init);
      if (/\/organizations\/[^/]+\/connections\?/.test(String(input)) && response.status === 200)
        times.push(Date.now());
      return response;
    }) as typeof fetch;
    const handler = handlerFor(tenant, { fetch: timedFetch, rollouts: { rateLimitShare: 0.5 } });
    const { id } = await (await post(handler, '/rollouts', DRY_RUN)).json();
    tenant.rateLimitNext({ retryAfterSeconds: 5, times: 3, match: { api: 'management', method: 'GET' } });
    let preview = await rolloutOf(handler, id);
    for (let step = 0; step < 1000 && preview.status !== 'done'; step += 1) {
      await vi.advanceTimersByTimeAsync(500);
      preview = await rolloutOf(handler, id);
    }
    expect(preview.counts).toMatchObject({ added: 40, skipped_enabled: 20, failed: 0, pending: 0 });
    expect(times).toHaveLength(60);
    const perSecond = new Map<number, number>();
    for (const time of times) perSecond.set(Math.floor(time / 1000), (perSecond.get(Math.floor(time / 1000)) ?? 0) + 1);
    // Half of 10 a second: at most 5 of the fake tenant's reads in any of its seconds, and no 429 of its own limit.
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(5);
    expect(tenant.requests.filter((request) => request.status === 429)).toHaveLength(3);
    expect(nonReads(tenant)).toEqual([]);
  });

  it("sends no read while Auth0's shared 429 hold lasts, whoever's 429 set it (fake time)", async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 11, 6, 9, 0, 0) });
    const tenant = tenantOf(40, () => 'plain', { rateLimits: { 'management-read': { limit: 10, windowSeconds: 1 } } });
    const handler = handlerFor(tenant, { rollouts: { rateLimitShare: 0.5 } });
    const { id } = await (await post(handler, '/rollouts', DRY_RUN)).json();
    while (organizationReads(tenant).length < 5) await vi.advanceTimersByTimeAsync(100);
    // An organization's list in the components (or on another instance) is answered 429, reset in 30 s: from now on
    // the handler holds every request back until then, and the dry run must not spend the limit meanwhile.
    const passed = organizationReads(tenant)[0]?.path.split('/')[2] ?? '';
    tenant.rateLimitNext({
      retryAfterSeconds: 30,
      match: (request) => request.path.startsWith(`/organizations/${passed}/`),
    });
    expect((await get(handler, `/organizations/${passed}/connections`)).status).toBe(429);
    const readsAtHold = organizationReads(tenant).length;
    await vi.advanceTimersByTimeAsync(29_000);
    expect(organizationReads(tenant)).toHaveLength(readsAtHold);
    // Past the reset it reads on, to the end.
    await vi.advanceTimersByTimeAsync(2_000);
    expect(organizationReads(tenant).length).toBeGreaterThan(readsAtHold);
    let preview = await rolloutOf(handler, id);
    for (let step = 0; step < 100 && preview.status !== 'done'; step += 1) {
      await vi.advanceTimersByTimeAsync(500);
      preview = await rolloutOf(handler, id);
    }
    expect(preview.counts).toMatchObject({ added: 40, failed: 0, pending: 0 });
    expect(tenant.requests.filter((request) => request.status === 429)).toHaveLength(1);
  });

  describe('over one redis-server', () => {
    const client = redisClientsForThisBlock();

    it('resumes on another instance like a rollout, and is never listed there either', async () => {
      const tenant = tenantOf(300, (index) => (index % 7 === 0 ? 'enabled' : 'plain'), { rateLimits: false });
      const fakeFetch = createFakeFetch(tenant);
      const first = client();
      let reads = 0;
      // The first instance dies during its 120th organization read, its Redis connection with it.
      const dying = (async (input: RequestInfo | URL, init?: RequestInit) => {
        if (/\/organizations\/[^/]+\/connections\?/.test(String(input))) {
          reads += 1;
          if (reads === 120) {
            first.disconnect();
            return new Promise<never>(() => {});
          }
        }
        return fakeFetch(input, init);
      }) as typeof fetch;
      const quiet = { warn: () => undefined };
      const options = { rollouts: { leaseMs: 600 }, logger: quiet };
      const a = handlerFor(tenant, { ...options, fetch: dying, store: createRedisStore(first) });
      const { id } = await (await post(a, '/rollouts', DRY_RUN)).json();
      for (let wait = 0; reads < 120 && wait < 1000; wait += 1) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(reads).toBe(120);

      const b = handlerFor(tenant, { ...options, fetch: fakeFetch, store: createRedisStore(client()) });
      const done = await until(b, id, ['done']);
      const enabled = tenant.listOrganizations().filter((_, index) => index % 7 === 0).length;
      expect(done).toMatchObject({ dry_run: true, total: 300 });
      expect(done.counts).toEqual({
        added: 300 - enabled,
        updated: 0,
        skipped_enabled: enabled,
        skipped_limit: 0,
        failed: 0,
        pending: 0,
      });
      expect(nonReads(tenant)).toEqual([]);
      expect((await (await get(b, '/rollouts')).json()).rollouts).toEqual([]);
    });
  });
});

import {
  createFakeFetch,
  createLargeTenant,
  DEFAULT_MANAGEMENT_BASE_URL,
  type FakeTenant,
  type RecordedRequest,
} from '@org-connections/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManagementApiUpstream } from '../upstream/management-api-upstream';
import { type ConnectionIndexOptions, createConnectionIndex } from './connection-index';
import { connectionSortKey } from './connection-index-search';
import { type ConnectionIndexState, createMemoryConnectionIndexState } from './connection-index-state';
import { ConnectionIndexWalkError } from './connection-index-walk';

afterEach(() => {
  vi.useRealTimers();
});

/** An index over the fake tenant's Management API, and when (on the test's clock) each walk request was sent. */
function indexOf(tenant: FakeTenant, options: ConnectionIndexOptions & { state?: ConnectionIndexState } = {}) {
  const fakeFetch = createFakeFetch(tenant);
  const sentAt: number[] = [];
  const upstream = createManagementApiUpstream({
    baseUrl: DEFAULT_MANAGEMENT_BASE_URL,
    token: async () => tenant.defaultToken,
    fetch: (input, init) => {
      sentAt.push(Date.now());
      return fakeFetch(input, init);
    },
    timeoutMs: 10_000,
  });
  return { index: createConnectionIndex({ ...options, upstream }), sentAt };
}

const walkRequests = (tenant: FakeTenant): RecordedRequest[] =>
  tenant.requests.filter((request) => request.path === '/connections');

/** The tenant's connections as the index should hold them: sorted as GET /connections sorts. */
function expectedIds(tenant: FakeTenant): string[] {
  return tenant
    .listConnections()
    .sort((a, b) => (connectionSortKey(a) < connectionSortKey(b) ? -1 : 1))
    .map((connection) => connection.id);
}

async function ids(index: ReturnType<typeof indexOf>['index']) {
  const view = await index.read();
  return { search: view.search, ids: view.entries.map((entry) => entry.id) };
}

describe('building the index', () => {
  it('walks the tenant with checkpoint pages of 100, asking only for the fields it keeps', async () => {
    const tenant = createLargeTenant({ connections: 1000, rateLimits: false });
    const { index } = indexOf(tenant);
    const all = expectedIds(tenant);
    await index.refresh();
    expect(await ids(index)).toEqual({ search: 'complete', ids: all });
    const walk = walkRequests(tenant);
    expect(walk).toHaveLength(Math.ceil(all.length / 100));
    expect(walk[0]?.query).toEqual({
      take: '100',
      fields: 'id,name,display_name,strategy,metadata',
      include_fields: 'true',
    });
    expect(walk.slice(1).every((request) => typeof request.query.from === 'string')).toBe(true);
  });

  it('keeps metadata and display names on the entries', async () => {
    const tenant = createLargeTenant({ connections: 0, rateLimits: false });
    tenant.addConnections([
      {
        id: 'con_Meta000000000001',
        name: 'meta-customer',
        display_name: 'Zürich AG',
        strategy: 'samlp',
        metadata: { customer_id: 'cust_42' },
      },
    ]);
    const { index } = indexOf(tenant);
    const { entries } = await index.read();
    expect(entries.find((entry) => entry.id === 'con_Meta000000000001')).toMatchObject({
      name: 'meta-customer',
      display_name: 'Zürich AG',
      strategy: 'samlp',
      metadata: { customer_id: 'cust_42' },
    });
  });

  it('ten callers at once cost one walk, and all get the same index', async () => {
    const tenant = createLargeTenant({ connections: 1000, rateLimits: false });
    const { index } = indexOf(tenant);
    await Promise.all(Array.from({ length: 10 }, () => index.refresh()));
    const answers = await Promise.all(Array.from({ length: 10 }, () => ids(index)));
    const pages = Math.ceil(tenant.listConnections().length / 100);
    expect(walkRequests(tenant)).toHaveLength(pages);
    for (const answer of answers) expect(answer.ids).toEqual(expectedIds(tenant));
  });

  it('ten first searches at once, before any index exists, cost one walk', async () => {
    const tenant = createLargeTenant({ connections: 1000, rateLimits: false, latency: 5 });
    const { index } = indexOf(tenant);
    const first = await Promise.all(Array.from({ length: 10 }, () => index.read()));
    expect(first.every((view) => view.search === 'partial')).toBe(true);
    await vi.waitFor(async () => expect((await index.read()).search).toBe('complete'));
    const pages = Math.ceil(tenant.listConnections().length / 100);
    expect(walkRequests(tenant)).toHaveLength(pages);
  });
});

describe('two instances sharing one state (the seam a shared store fills)', () => {
  it('walk once between them: the other answers partial until the snapshot is saved, then complete from it', async () => {
    const tenant = createLargeTenant({ connections: 1000, rateLimits: false, latency: 5 });
    const state = createMemoryConnectionIndexState();
    const first = indexOf(tenant, { state }).index;
    const second = indexOf(tenant, { state }).index;
    const walking = first.read();
    expect(await ids(second)).toEqual({ search: 'partial', ids: [] });
    expect((await walking).search).toBe('partial');
    await vi.waitFor(async () => expect((await first.read()).search).toBe('complete'));
    expect(await ids(second)).toEqual({ search: 'complete', ids: expectedIds(tenant) });
    expect(walkRequests(tenant)).toHaveLength(Math.ceil(tenant.listConnections().length / 100));
  });
});

describe('answering while the first walk runs', () => {
  it('answers from the pages loaded so far, marked partial, then complete once the walk ends', async () => {
    vi.useFakeTimers();
    const tenant = createLargeTenant({
      connections: 500,
      rateLimits: false,
      // The first page comes at once, every later one after a second.
      latency: (request) => (request.query.from === undefined ? 0 : 1000),
    });
    const { index } = indexOf(tenant);
    const all = expectedIds(tenant);
    const first = await ids(index);
    expect(first).toEqual({ search: 'partial', ids: all.slice(0, 100) });
    await vi.advanceTimersByTimeAsync(1000);
    expect(await ids(index)).toEqual({ search: 'partial', ids: all.slice(0, 200) });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await ids(index)).toEqual({ search: 'complete', ids: all });
  });

  it('a tenant that fits in one page is answered complete the first time', async () => {
    const tenant = createLargeTenant({ connections: 10, rateLimits: false });
    const { index } = indexOf(tenant);
    expect(await ids(index)).toEqual({ search: 'complete', ids: expectedIds(tenant) });
  });

  it('waits at most firstAnswerWaitMs for the first page, then answers partial with nothing yet', async () => {
    vi.useFakeTimers();
    const tenant = createLargeTenant({ connections: 300, rateLimits: false, latency: 5000 });
    const { index } = indexOf(tenant, { firstAnswerWaitMs: 1000 });
    const read = index.read();
    await vi.advanceTimersByTimeAsync(1000);
    expect((await read).entries).toEqual([]);
    expect((await read).search).toBe('partial');
  });

  it('a first walk Auth0 refuses fails the search with Auth0’s answer', async () => {
    const tenant = createLargeTenant({ connections: 10, rateLimits: false });
    tenant.failNext({ status: 403, match: { path: '/connections' } });
    const { index } = indexOf(tenant);
    const error = await index.read().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectionIndexWalkError);
    expect((error as ConnectionIndexWalkError).answer?.status).toBe(403);
    // The next search walks again.
    expect((await ids(index)).search).toBe('complete');
  });
});

describe('keeping the index fresh', () => {
  it('past maxAgeMs, answers from the old index at once and walks again in the background', async () => {
    vi.useFakeTimers();
    const tenant = createLargeTenant({ connections: 250, rateLimits: false });
    const { index } = indexOf(tenant, { maxAgeMs: 60_000 });
    const before = expectedIds(tenant);
    await index.refresh();
    const added = { id: 'con_Added00000000001', name: 'aaa-new-customer', strategy: 'samlp' };
    tenant.addConnections([added]);
    tenant.clearRequests();

    await vi.advanceTimersByTimeAsync(59_000);
    expect(await ids(index)).toEqual({ search: 'complete', ids: before });
    expect(walkRequests(tenant)).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(1000);
    // Stale: served as it is, while a walk starts.
    expect(await ids(index)).toEqual({ search: 'complete', ids: before });
    await vi.advanceTimersByTimeAsync(0);
    await index.refresh();
    expect((await ids(index)).ids).toEqual(expectedIds(tenant));
    expect((await ids(index)).ids[0]).toBe(added.id);
  });

  it('refresh() brings it up to date at once after the tenant changed', async () => {
    const tenant = createLargeTenant({ connections: 150, rateLimits: false });
    const { index } = indexOf(tenant);
    await index.refresh();
    tenant.addConnections([{ id: 'con_Added00000000002', name: 'new-customer', strategy: 'oidc' }]);
    await index.refresh();
    expect((await ids(index)).ids).toContain('con_Added00000000002');
  });

  it('a failed background walk keeps the last good index, and is tried again later', async () => {
    vi.useFakeTimers();
    const tenant = createLargeTenant({ connections: 250, rateLimits: false });
    const { index } = indexOf(tenant, { maxAgeMs: 60_000, retryAfterFailureMs: 30_000 });
    await index.refresh();
    const good = expectedIds(tenant);
    tenant.addConnections([{ id: 'con_Added00000000003', name: 'new-customer', strategy: 'oidc' }]);
    // The walk's second page fails.
    tenant.failNext({ status: 500, match: (request) => request.path === '/connections' && 'from' in request.query });
    await vi.advanceTimersByTimeAsync(60_000);
    tenant.clearRequests();
    await index.read(); // starts the background walk
    await vi.advanceTimersByTimeAsync(0);
    await index.refresh(); // waits for it (it fails), then walks again successfully
    expect(walkRequests(tenant).some((request) => request.status === 500)).toBe(true);
    expect((await ids(index)).ids).toEqual(expectedIds(tenant));
    expect(good).not.toEqual(expectedIds(tenant));
  });

  it('between a failed background walk and retryAfterFailureMs, the old index is served without new walks', async () => {
    vi.useFakeTimers();
    const tenant = createLargeTenant({ connections: 50, rateLimits: false });
    const { index } = indexOf(tenant, { maxAgeMs: 60_000, retryAfterFailureMs: 30_000 });
    await index.refresh();
    const good = expectedIds(tenant);
    await vi.advanceTimersByTimeAsync(60_000);
    tenant.failNext({ status: 503, match: { path: '/connections' } });
    tenant.clearRequests();
    await index.read();
    await vi.advanceTimersByTimeAsync(0);
    expect(walkRequests(tenant)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(await ids(index)).toEqual({ search: 'complete', ids: good });
    expect(walkRequests(tenant)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    await index.read();
    await vi.advanceTimersByTimeAsync(0);
    expect(walkRequests(tenant).length).toBeGreaterThan(1);
  });
});

describe('the rate limit', () => {
  it('a 429 mid-walk: waits until X-RateLimit-Reset, asks for the same page again, and completes', async () => {
    vi.useFakeTimers();
    const tenant = createLargeTenant({ connections: 450, rateLimits: false });
    tenant.rateLimitNext({
      retryAfterSeconds: 3,
      match: (request) => request.path === '/connections' && 'from' in request.query,
    });
    const { index, sentAt } = indexOf(tenant);
    const done = index.refresh();
    await vi.advanceTimersByTimeAsync(10_000);
    await done;
    expect(await ids(index)).toEqual({ search: 'complete', ids: expectedIds(tenant) });
    const walk = walkRequests(tenant);
    const limited = walk.findIndex((request) => request.status === 429);
    expect(limited).toBe(1);
    expect(walk[limited + 1]?.query.from).toBe(walk[limited]?.query.from);
    // Nothing was sent while the tenant said to wait.
    expect((sentAt[limited + 1] ?? 0) - (sentAt[limited] ?? 0)).toBeGreaterThanOrEqual(2000);
  });

  it('a 429 with Retry-After: waits that many seconds before asking for the page again', async () => {
    vi.useFakeTimers();
    const tenant = createLargeTenant({ connections: 250, rateLimits: false });
    tenant.failNext({
      status: 429,
      headers: { 'Retry-After': '4' },
      match: (request) => request.path === '/connections' && 'from' in request.query,
    });
    const { index, sentAt } = indexOf(tenant);
    const done = index.refresh();
    await vi.advanceTimersByTimeAsync(3900);
    expect(walkRequests(tenant)).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(100);
    await done;
    expect(walkRequests(tenant).map((request) => request.status)).toEqual([200, 429, 200, 200]);
    expect((sentAt[2] ?? 0) - (sentAt[1] ?? 0)).toBe(4000);
    expect(await ids(index)).toEqual({ search: 'complete', ids: expectedIds(tenant) });
  });

  it.each([0.5, 0.3])('spends at most %s of each rate-limit window, and never meets a 429', async (share) => {
    vi.useFakeTimers();
    const tenant = createLargeTenant({
      connections: 1500,
      rateLimits: { 'management-read': { limit: 10, windowSeconds: 1 } },
    });
    const { index, sentAt } = indexOf(tenant, { rateLimitShare: share });
    const done = index.refresh();
    await vi.advanceTimersByTimeAsync(60_000);
    await done;
    expect(await ids(index)).toEqual({ search: 'complete', ids: expectedIds(tenant) });
    expect(walkRequests(tenant).every((request) => request.status === 200)).toBe(true);
    const perWindow = new Map<number, number>();
    for (const time of sentAt)
      perWindow.set(Math.floor(time / 1000), (perWindow.get(Math.floor(time / 1000)) ?? 0) + 1);
    expect(Math.max(...perWindow.values())).toBe(Math.floor(10 * share));
  });

  it('leaves the rest of the window to live traffic: other requests slow the walk instead of being refused', async () => {
    vi.useFakeTimers();
    const tenant = createLargeTenant({
      connections: 1500,
      rateLimits: { 'management-read': { limit: 10, windowSeconds: 1 } },
    });
    const fakeFetch = createFakeFetch(tenant);
    const { index } = indexOf(tenant, { rateLimitShare: 0.5 });
    const done = index.refresh();
    const live: number[] = [];
    // A visitor reads an organization's connections 4 times a second, every second, while the walk runs.
    for (let second = 0; second < 20; second += 1) {
      for (let call = 0; call < 4; call += 1) {
        const response = await fakeFetch(
          `${DEFAULT_MANAGEMENT_BASE_URL}/organizations/${tenant.defaultOrganizationId}/connections`,
          {
            headers: { authorization: `Bearer ${tenant.defaultToken}` },
          },
        );
        live.push(response.status);
      }
      await vi.advanceTimersByTimeAsync(1000);
    }
    await vi.advanceTimersByTimeAsync(60_000);
    await done;
    expect(live.every((status) => status === 200)).toBe(true);
    expect((await ids(index)).search).toBe('complete');
  });
});

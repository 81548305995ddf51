// The walk lock across instances: a walk that makes progress keeps it however long it runs, a walk that stalls
// past its time to live loses it and stops, and a walk lets it go when it ends. Run on the in-memory state, on the
// shared state over the memory store (the fake clock, the lock's real 10 minutes), and over a real redis-server
// (which keeps its own time, so there the lock lives 2 s and pages take a tenth of that).
import {
  createFakeFetch,
  createLargeTenant,
  DEFAULT_MANAGEMENT_BASE_URL,
  type FakeTenant,
} from '@org-connections/testing';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RedisServer, startRedisServer } from '../../test/redis-server';
import { createRedisStore } from '../redis';
import { createMemoryStore } from '../store/store';
import { createManagementApiUpstream } from '../upstream/management-api-upstream';
import { createConnectionIndex, WALK_LOCK_TTL_MS } from './connection-index';
import { connectionSortKey } from './connection-index-search';
import { type ConnectionIndexState, createMemoryConnectionIndexState } from './connection-index-state';
import { createSharedConnectionIndexState } from './shared-connection-index-state';

const kinds = ['memory state', 'memory store', 'redis'] as const;

/** The tenant's connections as the index should hold them: sorted as GET /connections sorts. */
function expectedIds(tenant: FakeTenant): string[] {
  return tenant
    .listConnections()
    .sort((a, b) => (connectionSortKey(a) < connectionSortKey(b) ? -1 : 1))
    .map((connection) => connection.id);
}

const walkRequests = (tenant: FakeTenant) => tenant.requests.filter((request) => request.path === '/connections');

describe.each(kinds)('the walk lock (%s)', (kind) => {
  const fake = kind !== 'redis';
  /** The lock's time to live, and a page's time upstream: a walk of 20 pages lasts twice the lock. */
  const ttl = fake ? WALK_LOCK_TTL_MS : 2000;
  const pageMs = ttl / 10;
  let redis: RedisServer | undefined;
  const clients: Redis[] = [];
  /** Gives each instance its state: one shared object, or its own state over the shared store. */
  let stateOf: () => ConnectionIndexState;

  beforeAll(async () => {
    if (!fake) redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  beforeEach(async () => {
    if (fake) vi.useFakeTimers();
    if (kind === 'memory state') {
      const state = createMemoryConnectionIndexState();
      stateOf = () => state;
    } else if (kind === 'memory store') {
      const store = createMemoryStore();
      stateOf = () => createSharedConnectionIndexState(store, 'tenant.example');
    } else {
      const url = redis?.url ?? '';
      const admin = new Redis(url);
      await admin.flushall();
      admin.disconnect();
      stateOf = () => {
        const client = new Redis(url, { enableAutoPipelining: true, maxRetriesPerRequest: 1 });
        clients.push(client);
        return createSharedConnectionIndexState(createRedisStore(client), 'tenant.example');
      };
    }
  });
  afterEach(() => {
    vi.useRealTimers();
    for (const client of clients.splice(0)) client.disconnect();
  });

  /** Lets `ms` pass: the fake clock's timers, or real time against Redis. */
  const advance = (ms: number) =>
    fake ? vi.advanceTimersByTimeAsync(ms) : new Promise<void>((resolve) => setTimeout(resolve, ms));

  /** Lets time pass a page at a time until `done` holds (at most `limit` pages). */
  async function until(done: () => boolean, limit = 100) {
    for (let page = 0; page < limit && !done(); page += 1) await advance(pageMs);
    expect(done()).toBe(true);
  }

  /**
   * One instance's index over the fake tenant; `delay(n)` is how long its n-th upstream request (from 1) takes.
   * `sent` counts its requests, `walking` says whether a refresh it started is still running.
   */
  function instance(tenant: FakeTenant, delay: (request: number) => number = () => pageMs) {
    const fakeFetch = createFakeFetch(tenant);
    const counts = { sent: 0, walking: false };
    const upstream = createManagementApiUpstream({
      baseUrl: DEFAULT_MANAGEMENT_BASE_URL,
      token: async () => tenant.defaultToken,
      fetch: async (input, init) => {
        counts.sent += 1;
        await new Promise((resolve) => setTimeout(resolve, delay(counts.sent)));
        return fakeFetch(input, init);
      },
      timeoutMs: 10 * ttl,
    });
    const index = createConnectionIndex({ upstream, state: stateOf(), walkLockTtlMs: ttl });
    return {
      get sent() {
        return counts.sent;
      },
      get walking() {
        return counts.walking;
      },
      index,
      /** Starts a refresh; resolves when it ends. */
      refresh() {
        counts.walking = true;
        return index.refresh().finally(() => {
          counts.walking = false;
        });
      },
    };
  }

  it('a walk twice as long as the lock keeps it: searches on a second instance all along never walk', async () => {
    const tenant = createLargeTenant({ connections: 1950, rateLimits: false });
    const pages = Math.ceil(tenant.listConnections().length / 100);
    const [a, b] = [instance(tenant), instance(tenant)];
    const walked = a.refresh();
    let asked = 0;
    while (a.walking) {
      // A search on B: with no index yet, B would walk if it could take the lock.
      const search = b.index.read();
      await advance(ttl / 2);
      if ((await search).search === 'partial') asked += 1;
    }
    await walked;
    // B searched (and found no index yet) past the lock's first time to live, and again after it.
    expect(asked).toBeGreaterThanOrEqual(3);
    expect(b.sent).toBe(0);
    expect(a.sent).toBe(pages);
    expect(walkRequests(tenant)).toHaveLength(pages);
    const view = await b.index.read();
    expect(view.search).toBe('complete');
    expect(view.entries.map((entry) => entry.id)).toEqual(expectedIds(tenant));
  }, 30_000);

  it('a walk that stalls past the lock loses it to another, stops at its next page, and leaves the other’s lock', async () => {
    const tenant = createLargeTenant({ connections: 1950, rateLimits: false });
    const pages = Math.ceil(tenant.listConnections().length / 100);
    // A's second page takes one and a half times the lock's time to live.
    const a = instance(tenant, (request) => (request === 2 ? ttl * 1.5 : pageMs));
    const [b, c] = [instance(tenant), instance(tenant)];
    const stalled = a.refresh();
    await until(() => a.sent === 2);
    // Past A's lock (extended at its first page): B takes it and walks.
    await advance(ttl * 1.2);
    const walked = b.refresh();
    await until(() => b.sent > 0);
    // A's page comes back; A finds the lock gone and stops without asking for another page, and without an error.
    await until(() => !a.walking);
    await stalled;
    expect(a.sent).toBe(2);
    // A stopping did not let B's lock go: a third instance asking now does not walk.
    expect(b.walking).toBe(true);
    await c.refresh();
    expect(c.sent).toBe(0);

    await until(() => !b.walking);
    await walked;
    expect(b.sent).toBe(pages);
    expect(walkRequests(tenant)).toHaveLength(pages + 2);
    for (const index of [a.index, c.index]) {
      const view = await index.read();
      expect(view.search).toBe('complete');
      expect(view.entries.map((entry) => entry.id)).toEqual(expectedIds(tenant));
    }
  }, 30_000);

  it('a walk lets the lock go when it ends, failed or complete: another walks at once', async () => {
    const tenant = createLargeTenant({ connections: 450, rateLimits: false });
    const pages = Math.ceil(tenant.listConnections().length / 100);
    tenant.failNext({ status: 500, match: (request) => request.path === '/connections' && 'from' in request.query });
    const [a, b, c] = [instance(tenant), instance(tenant), instance(tenant)];
    const failed = a.refresh();
    await until(() => !a.walking);
    await failed;
    expect(a.sent).toBe(2);

    const walked = b.refresh();
    await until(() => !b.walking);
    await walked;
    expect(b.sent).toBe(pages);

    const again = c.refresh();
    await until(() => !c.walking);
    await again;
    expect(c.sent).toBe(pages);
    expect(walkRequests(tenant)).toHaveLength(2 + 2 * pages);
  }, 30_000);
});

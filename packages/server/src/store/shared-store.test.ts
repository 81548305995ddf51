// Several instances of the handler on one store: the token, the per-caller limits and Auth0's rate-limit hold are
// shared. The same suite runs on the in-memory store (one object given to both instances) and on a real
// redis-server (each instance with its own ioredis client, as separate processes would have); the Redis faults
// (stopped mid-run, stalled) and what Redis holds run on Redis only.
import { createFakeFetch, createFakeTenant, generateTenantConnections, seedIds } from '@org-connections/testing';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RedisServer, startRedisServer, startSilentServer } from '../../test/redis-server';
import type { OrgConnectionsAuditEvent } from '../handler/audit-event';
import {
  createOrgConnectionsHandler,
  type OrgConnectionsHandlerOptions,
} from '../handler/create-org-connections-handler';
import { createRedisStore } from '../redis';
import { createMemoryStore, type OrgConnectionsStore } from './store';

const { acme } = seedIds.organizations;
const CLIENT_ID = 'shared-store-client';
const CLIENT_SECRET = 'shared-store-secret-that-must-never-leak';
const ORIGIN = 'https://app.example';
const LIST = `${ORIGIN}/api/org-connections/organizations/${acme}/connections`;

const tenant = createFakeTenant({ clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] });
const fakeFetch = createFakeFetch(tenant);
/** Every access token the token endpoint handed out, read at the network layer. */
const issued: string[] = [];
const audits: OrgConnectionsAuditEvent[] = [];

async function recordingFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fakeFetch(input, init);
  if (String(input).endsWith('/oauth/token') && response.ok) {
    issued.push((await response.clone().json()).access_token);
  }
  return response;
}

const tokenRequests = () => tenant.requests.filter((request) => request.api === 'authentication');
const managementRequests = () => tenant.requests.filter((request) => request.api === 'management');

/** One instance of the handler, as one process of the host would create it; the caller is the `x-actor` header. */
function instance(store: OrgConnectionsStore, options: Partial<OrgConnectionsHandlerOptions> = {}) {
  return createOrgConnectionsHandler({
    domain: 'fake-tenant.test',
    basePath: '/api/org-connections',
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    authorize: async (request: Request) => ({
      view: 'tenant-admin',
      actor: request.headers.get('x-actor') ?? 'user|staff',
    }),
    fetch: recordingFetch as typeof fetch,
    store,
    onAudit: (event: OrgConnectionsAuditEvent) => {
      audits.push(event);
    },
    ...options,
  } as OrgConnectionsHandlerOptions);
}

const list = (actor = 'user|staff') => new Request(LIST, { headers: { 'x-actor': actor } });

afterEach(() => {
  tenant.reset();
  issued.length = 0;
  audits.length = 0;
  vi.useRealTimers();
});

const kinds = ['memory', 'redis'] as const;

describe.each(kinds)('two handler instances on one store (%s)', (kind) => {
  let redis: RedisServer | undefined;
  const clients: Redis[] = [];
  let memory: OrgConnectionsStore = createMemoryStore();

  beforeAll(async () => {
    if (kind === 'redis') redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  beforeEach(async () => {
    memory = createMemoryStore();
    if (redis !== undefined) {
      const admin = new Redis(redis.url);
      await admin.flushall();
      admin.disconnect();
    }
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });

  /**
   * The store as one instance reaches it: the shared object, or its own client of the one Redis (set up as the
   * README shows).
   */
  function store(): OrgConnectionsStore {
    if (redis === undefined) return memory;
    const client = new Redis(redis.url, { enableAutoPipelining: true, maxRetriesPerRequest: 1 });
    client.on('error', () => undefined);
    clients.push(client);
    return createRedisStore(client);
  }

  it('50 concurrent requests across both instances make one token request upstream', async () => {
    const instances = [instance(store()), instance(store())];
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) => (instances[index % 2] ?? instances[0])?.(list())),
    );
    expect(responses.map((response) => response?.status)).toEqual(Array(50).fill(200));
    expect(tokenRequests()).toHaveLength(1);
    expect(managementRequests()).toHaveLength(50);
  });

  it('a per-actor limit of 5 a minute holds across both: the sixth request, on either, is a 429 with Retry-After', async () => {
    const limits = { perActor: { requests: 5, perSeconds: 60 } };
    const [a, b] = [instance(store(), { limits }), instance(store(), { limits })];
    for (const handle of [a, b, a, b, a]) expect((await handle(list('user|script'))).status).toBe(200);

    for (const handle of [b, a]) {
      const limited = await handle(list('user|script'));
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await limited.json()).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        errorCode: 'too_many_requests',
        message: `Too many requests from this user; try again in ${retryAfter} s.`,
      });
    }
    // The limited requests never reached Auth0, and each was audited.
    expect(managementRequests()).toHaveLength(5);
    expect(audits).toEqual([
      expect.objectContaining({ actor: 'user|script', action: 'read', outcome: 'refused', status: 429 }),
      expect.objectContaining({ actor: 'user|script', action: 'read', outcome: 'refused', status: 429 }),
    ]);
    // Another caller is not held back by this one.
    expect((await b(list('user|person'))).status).toBe(200);
  });

  it('a per-organization limit counts every caller of the organization, on both instances', async () => {
    const limits = { perActor: false as const, perOrganization: { requests: 3, perSeconds: 60 } };
    const [a, b] = [instance(store(), { limits }), instance(store(), { limits })];
    expect((await a(list('user|one'))).status).toBe(200);
    expect((await b(list('user|two'))).status).toBe(200);
    expect((await a(list('user|three'))).status).toBe(200);
    const limited = await b(list('user|four'));
    expect(limited.status).toBe(429);
    expect((await limited.json()).message).toMatch(/^Too many requests for this organization; try again in \d+ s\.$/);
    expect(managementRequests()).toHaveLength(3);
  });

  it('the connection index is walked once across both instances, and read by both', async () => {
    tenant.addConnections(generateTenantConnections(250, { seed: 19 }));
    const pages = Math.ceil(tenant.listConnections().length / 100);
    const [a, b] = [instance(store()), instance(store())];
    const search = async (handle: ReturnType<typeof instance>) => {
      const response = await handle(new Request(`${ORIGIN}/api/org-connections/connections?q=a&take=100`));
      expect(response.status).toBe(200);
      return (await response.json()) as { connections: { id: string }[]; search: string; total: number };
    };
    // Both instances asked at once, then again (as the picker does) until each answers from the whole tenant.
    await Promise.all(Array.from({ length: 10 }, (_, index) => search(index % 2 === 0 ? a : b)));
    const complete = [];
    for (const handle of [a, b]) {
      let page = await search(handle);
      while (page.search !== 'complete') {
        await new Promise((resolve) => setTimeout(resolve, 10));
        page = await search(handle);
      }
      complete.push(page);
    }
    expect(complete[0]?.total).toBeGreaterThan(0);
    expect(complete[1]).toEqual(complete[0]);
    expect(tenant.requests.filter((request) => request.path === '/connections')).toHaveLength(pages);
  });

  it('a 429 with only Retry-After (no X-RateLimit-Reset) is held for that long', async () => {
    const retryAfterOnly = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await recordingFetch(input, init);
      if (response.status !== 429) return response;
      return new Response(await response.text(), {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '20' },
      });
    };
    const [a, b] = [instance(store(), { fetch: retryAfterOnly as typeof fetch }), instance(store())];
    tenant.rateLimitNext({ retryAfterSeconds: 30, match: { api: 'management' } });
    expect((await a(list())).status).toBe(429);
    const held = await b(list());
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(15);
    expect(Number(held.headers.get('retry-after'))).toBeLessThanOrEqual(20);
  });

  it('after Auth0 answers 429, every instance holds back until its X-RateLimit-Reset, reads and writes', async () => {
    const [a, b] = [instance(store()), instance(store())];
    expect((await a(list())).status).toBe(200);
    tenant.rateLimitNext({ retryAfterSeconds: 30, match: { api: 'management' } });
    const fromAuth0 = await a(list());
    expect(fromAuth0.status).toBe(429);
    expect(fromAuth0.headers.get('x-ratelimit-reset')).not.toBeNull();
    const sent = managementRequests().length;

    const held = await b(list());
    expect(held.status).toBe(429);
    const retryAfter = Number(held.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(25);
    expect(retryAfter).toBeLessThanOrEqual(31); // the reset is in whole seconds
    expect(await held.json()).toMatchObject({ statusCode: 429, errorCode: 'too_many_requests' });

    const connectionId = tenant.listOrganizationConnections(acme)[0]?.connection_id;
    const write = await a(
      new Request(`${LIST}/${connectionId}`, {
        method: 'DELETE',
        headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin' },
      }),
    );
    expect(write.status).toBe(429);
    expect(write.headers.get('retry-after')).not.toBeNull();
    expect(managementRequests()).toHaveLength(sent);
    expect(audits).toEqual([
      expect.objectContaining({ action: 'read', status: 429 }),
      expect.objectContaining({ action: 'remove', connectionId, outcome: 'refused', status: 429 }),
    ]);
  });
});

describe('on Redis', () => {
  let redis: RedisServer;
  const clients: Redis[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis.stop();
  });
  beforeEach(async () => {
    const admin = new Redis(redis.url);
    await admin.flushall();
    admin.disconnect();
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });

  function client(url = redis.url): Redis {
    const created = new Redis(url, { maxRetriesPerRequest: 1 });
    created.on('error', () => undefined);
    clients.push(created);
    return created;
  }

  it('holds the token encrypted: no key or value in Redis contains it or the client secret', async () => {
    const handle = instance(createRedisStore(client()));
    expect((await handle(list())).status).toBe(200);
    expect(issued).toHaveLength(1);
    const admin = client();
    const keys = (await admin.keys('*')) as string[];
    expect(keys).toContainEqual(expect.stringMatching(/^org-connections:token:/));
    const values = await Promise.all(keys.map((key) => admin.call('GET', key).catch(() => '')));
    const everything = JSON.stringify([keys, values]);
    expect(everything).not.toContain(issued[0]);
    expect(everything).not.toContain(CLIENT_SECRET);
    // A second instance reads it back (so what is stored is the token, only unreadable without the key).
    expect((await instance(createRedisStore(client()))(list())).status).toBe(200);
    expect(tokenRequests()).toHaveLength(1);
  });

  it('an instance with another encryption key cannot read the stored token and gets its own', async () => {
    expect((await instance(createRedisStore(client()))(list())).status).toBe(200);
    const other = instance(createRedisStore(client()), { encryptionKey: 'another-key-for-the-store' });
    expect((await other(list())).status).toBe(200);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('Redis stopped mid-run, then started again: every request answers, each instance says so once, sharing comes back', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const limits = { perActor: { requests: 5, perSeconds: 60 } };
    const warnings: string[][] = [[], []];
    const [a, b] = [0, 1].map((index) =>
      instance(createRedisStore(client()), {
        limits,
        logger: { warn: (message) => warnings[index]?.push(message) },
      }),
    ) as [ReturnType<typeof instance>, ReturnType<typeof instance>];
    expect((await a(list())).status).toBe(200);
    expect((await b(list())).status).toBe(200);
    expect(tokenRequests()).toHaveLength(1);

    await redis.stop();
    const during = await Promise.all(
      Array.from({ length: 8 }, (_, index) => (index % 2 === 0 ? a : b)(list(`user|during-${index}`))),
    );
    expect(during.map((response) => response.status)).toEqual(Array(8).fill(200));
    const body = await during[0]?.json();
    expect(body).toEqual(expect.arrayContaining([expect.objectContaining({ connection_id: expect.any(String) })]));
    // A cold start during the outage gets its own token and serves too.
    const cold = instance(createRedisStore(client()), { logger: { warn: () => undefined } });
    expect((await cold(list())).status).toBe(200);
    expect(tokenRequests()).toHaveLength(2);
    expect(warnings.map((messages) => messages.length)).toEqual([1, 1]);
    expect(warnings[0]?.[0]).toMatch(/shared store (could not be reached|did not answer within 250 ms)/);
    expect(warnings.flat().join(' ')).not.toContain(issued[0]);

    await redis.start();
    for (const reconnecting of clients) {
      await vi.waitFor(() => expect(reconnecting.status).toBe('ready'), { timeout: 10_000, interval: 50 });
    }
    // Past the 5 s an instance keeps to its own memory after a fault, the store is asked again.
    vi.setSystemTime(Date.now() + 6000);
    for (const handle of [a, b, a, b, a]) expect((await handle(list('user|after'))).status).toBe(200);
    expect((await b(list('user|after'))).status).toBe(429);
    // Two new instances share one token again (Redis came back empty).
    const fresh = [instance(createRedisStore(client())), instance(createRedisStore(client()))];
    const responses = await Promise.all(Array.from({ length: 10 }, (_, index) => fresh[index % 2]?.(list())));
    expect(responses.map((response) => response?.status)).toEqual(Array(10).fill(200));
    expect(tokenRequests()).toHaveLength(3);
  }, 30_000);

  it('a stalled store (a connection that never answers) does not stall requests: each store call is bounded', async () => {
    const silent = await startSilentServer();
    try {
      const warnings: string[] = [];
      const [a, b] = [0, 1].map(() =>
        instance(createRedisStore(client(`redis://127.0.0.1:${silent.port}`)), {
          logger: { warn: (message) => warnings.push(message) },
        }),
      ) as [ReturnType<typeof instance>, ReturnType<typeof instance>];
      // Without the bound these would wait for an answer that never comes (the test's time-out would end them).
      const responses = await Promise.all(Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? a : b)(list())));
      expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
      expect(warnings).toHaveLength(2);
      expect(warnings[0]).toMatch(/did not answer within 250 ms/);
    } finally {
      await silent.close();
    }
  }, 15_000);

  it('a paused Redis (CLIENT PAUSE) does not hold requests past the bound either', async () => {
    const warnings: string[] = [];
    const handle = instance(createRedisStore(client()), { logger: { warn: (message) => warnings.push(message) } });
    expect((await handle(list())).status).toBe(200);
    await client().call('CLIENT', 'PAUSE', 3000, 'ALL');
    const responses = await Promise.all(Array.from({ length: 5 }, (_, index) => handle(list(`user|paused-${index}`))));
    expect(responses.map((response) => response.status)).toEqual(Array(5).fill(200));
    expect(warnings).toEqual([expect.stringMatching(/did not answer within 250 ms/)]);
  }, 15_000);
});

// `@org-connections/server/bullmq` on a real redis-server: two handler instances (as two processes would have,
// each with its own connections), each with a worker, run one rollout's steps as BullMQ jobs. Together they keep
// to the queue's pace, every organization is written once, and Auth0's 429s rate-limit the queue and lose nothing.
import {
  createFakeFetch,
  createFakeTenant,
  createSeedTenantData,
  type FakeTenant,
  generateOrganizations,
  seedIds,
} from '@org-connections/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedisServer } from '../test/redis-server';
import { type BullMQRollouts, type BullMQRolloutWorker, createBullMQRollouts, rolloutJobId } from './bullmq';
import {
  createOrgConnectionsHandler,
  type OrgConnectionsHandlerOptions,
} from './handler/create-org-connections-handler';
import { createRedisStore } from './redis';

const ORIGIN = 'https://app.example';
const BASE = `${ORIGIN}/api/org-connections`;
const CONNECTION = seedIds.connections.usernamePassword;
const CLIENT = { clientId: 'bullmq-client', clientSecret: 'bullmq-secret-that-must-never-leak' };
/** The fake tenant's limit for organization connection writes, and the queue's share of it: 5 a second together. */
const WRITE_LIMIT = { requests: 10, perSeconds: 1 };

let redis: RedisServer;
const closers: (() => Promise<unknown> | unknown)[] = [];
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await redis.stop();
});

function tenantOf(count: number): FakeTenant {
  const data = createSeedTenantData();
  data.organizations = generateOrganizations(count, { seed: 99 });
  data.organizationConnections = Object.fromEntries(data.organizations.map(({ id }) => [id, []]));
  return createFakeTenant({
    data,
    clients: [CLIENT],
    rateLimits: {
      'management-organization-connection-write': {
        limit: WRITE_LIMIT.requests,
        windowSeconds: WRITE_LIMIT.perSeconds,
      },
    },
  });
}

/**
 * One instance of the host: its own Redis client for the store, its own queue object and worker. Each test has its
 * own BullMQ prefix and store key prefix (`run`), so its queue starts empty.
 */
async function instance(tenant: FakeTenant, run: string, writes: { at: number; by: string }[], name: string) {
  const domain = 'fake-tenant.test';
  const storeClient = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  closers.push(() => storeClient.disconnect());
  const rollouts: BullMQRollouts = createBullMQRollouts({
    connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null },
    domain,
    writeLimit: WRITE_LIMIT,
    rateLimitShare: 0.5,
    prefix: `bull-${run}`,
  });
  closers.push(() => rollouts.close());
  const fakeFetch = createFakeFetch(tenant);
  const handler = createOrgConnectionsHandler({
    domain,
    basePath: '/api/org-connections',
    ...CLIENT,
    authorize: async () => ({ view: 'tenant-admin', actor: 'user|staff' }),
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'POST' && String(input).includes('/organizations/'))
        writes.push({ at: Date.now(), by: name });
      return fakeFetch(input, init);
    }) as typeof fetch,
    store: createRedisStore(storeClient, { keyPrefix: `${run}:` }),
    rollouts: { queue: rollouts, rateLimitShare: 0.5 },
    limits: { perActor: false, perOrganization: false },
    logger: { warn: () => undefined },
  } as OrgConnectionsHandlerOptions);
  const worker: BullMQRolloutWorker = await rollouts.work(handler);
  closers.push(() => worker.close());
  return { handler, rollouts };
}

async function until(handler: (request: Request) => Promise<Response>, id: string) {
  for (let attempt = 0; attempt < 1500; attempt += 1) {
    const rollout = await (await handler(new Request(`${BASE}/rollouts/${id}`))).json();
    if (rollout.status === 'done') return rollout;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the rollout did not finish');
}

function addsPerOrganization(tenant: FakeTenant): number[] {
  const counts = new Map<string, number>();
  for (const request of tenant.requests) {
    if (request.method !== 'POST' || request.status !== 201 || request.api !== 'management') continue;
    const organizationId = request.path.split('/')[2] ?? '';
    counts.set(organizationId, (counts.get(organizationId) ?? 0) + 1);
  }
  return [...counts.values()];
}

/**
 * The queue limiter's windows over the writes: each starts at the first write after the last one ended. Shorter than
 * the limiter's by `slackMs`, for the time between a job starting and its write leaving (a token read, the store),
 * which a loaded machine stretches.
 */
function writesPerLimiterWindow(times: number[], durationMs: number, slackMs: number): number[] {
  const windows: number[] = [];
  let start: number | undefined;
  for (const time of [...times].sort((a, b) => a - b)) {
    if (start === undefined || time >= start + durationMs - slackMs) {
      start = time;
      windows.push(0);
    }
    windows[windows.length - 1] = (windows.at(-1) ?? 0) + 1;
  }
  return windows;
}

const start = (handler: (request: Request) => Promise<Response>) =>
  handler(
    new Request(`${BASE}/rollouts`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ connection_id: CONNECTION, organizations: 'all', if_enabled: 'skip', settings: {} }),
    }),
  );

describe('@org-connections/server/bullmq', { timeout: 60_000 }, () => {
  it('names each job rolloutId-organizationId (BullMQ 6.7 refuses one ":" in a custom id)', async () => {
    const queue = new Queue('org-connections-job-id-check', {
      connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null },
    });
    closers.push(() => queue.close());
    await expect(queue.add('step', {}, { jobId: 'rol_A:org_B' })).rejects.toThrow(/cannot contain :/);
    const job = await queue.add('step', {}, { jobId: rolloutJobId('rol_A', 'org_B') });
    expect(job.id).toBe('rol_A-org_B');
  });

  it('two workers run one rollout together within the pace, each organization written once', async () => {
    const tenant = tenantOf(30);
    const writes: { at: number; by: string }[] = [];
    const domain = 'two-workers';
    const first = await instance(tenant, domain, writes, 'first');
    await instance(tenant, domain, writes, 'second');
    expect(first.rollouts.pace).toEqual({ max: 5, durationMs: 1000 });

    const started = await start(first.handler);
    expect(started.status).toBe(202);
    const done = await until(first.handler, (await started.json()).id);

    expect(done.counts).toMatchObject({ added: 30, failed: 0, pending: 0 });
    expect(addsPerOrganization(tenant)).toEqual(Array(30).fill(1));
    // Both workers took jobs.
    expect(new Set(writes.map(({ by }) => by))).toEqual(new Set(['first', 'second']));
    // Together, never more than the queue's 5 in one of its windows, and never a 429 from the tenant's own limit.
    expect(
      Math.max(
        ...writesPerLimiterWindow(
          writes.map(({ at }) => at),
          1000,
          200,
        ),
      ),
    ).toBeLessThanOrEqual(5);
    expect(tenant.requests.filter((request) => request.status === 429)).toEqual([]);
  });

  it('a dry run runs in the handler (the queue is for writes): it ends with no worker, and no job waits', async () => {
    const tenant = tenantOf(25);
    const storeClient = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    closers.push(() => storeClient.disconnect());
    const rollouts = createBullMQRollouts({
      connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null },
      domain: 'fake-tenant.test',
      writeLimit: WRITE_LIMIT,
      prefix: 'bull-dry-run',
    });
    closers.push(() => rollouts.close());
    // No worker: a step put on the queue would wait there for ever.
    const handler = createOrgConnectionsHandler({
      domain: 'fake-tenant.test',
      basePath: '/api/org-connections',
      ...CLIENT,
      authorize: async () => ({ view: 'tenant-admin', actor: 'user|staff' }),
      fetch: createFakeFetch(tenant),
      store: createRedisStore(storeClient, { keyPrefix: 'dry-run:' }),
      rollouts: { queue: rollouts },
      limits: { perActor: false, perOrganization: false },
      logger: { warn: () => undefined },
    } as OrgConnectionsHandlerOptions);
    const dryRun = await handler(
      new Request(`${BASE}/rollouts`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify({
          connection_id: CONNECTION,
          organizations: 'all',
          if_enabled: 'skip',
          settings: {},
          dry_run: true,
        }),
      }),
    );
    expect(dryRun.status).toBe(202);
    const preview = await until(handler, (await dryRun.json()).id);
    expect(preview).toMatchObject({ dry_run: true, total: 25, counts: { added: 25, pending: 0 } });
    expect(tenant.requests.filter((request) => request.api === 'management' && request.method !== 'GET')).toEqual([]);
    const queue = new Queue(rollouts.queueName, {
      connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null },
      prefix: 'bull-dry-run',
    });
    closers.push(() => queue.close());
    expect(await queue.getWaitingCount()).toBe(0);

    // A rollout through the same handler does go on the queue (and waits there: there is no worker).
    expect((await start(handler)).status).toBe(202);
    for (let attempt = 0; attempt < 100 && (await queue.getWaitingCount()) === 0; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await queue.getWaitingCount()).toBe(25);
  });

  it('pause holds the jobs back, resume finishes them, each organization written once', async () => {
    const tenant = tenantOf(20);
    const writes: { at: number; by: string }[] = [];
    const first = await instance(tenant, 'pause', writes, 'first');
    await instance(tenant, 'pause', writes, 'second');
    const control = (id: string, what: string) =>
      first.handler(new Request(`${BASE}/rollouts/${id}/${what}`, { method: 'POST', headers: { origin: ORIGIN } }));

    const { id } = await (await start(first.handler)).json();
    while (writes.length < 3) await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await (await control(id, 'pause')).json()).status).toBe('paused');
    const atPause = writes.length;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    // At most the steps already under way (one per worker).
    expect(writes.length - atPause).toBeLessThanOrEqual(2);
    expect(writes.length).toBeLessThan(20);

    expect((await control(id, 'resume')).status).toBe(200);
    const done = await until(first.handler, id);
    expect(done.counts).toMatchObject({ added: 20, pending: 0 });
    expect(addsPerOrganization(tenant)).toEqual(Array(20).fill(1));
  });

  it("Auth0's 429s rate-limit the queue and lose nothing", async () => {
    const tenant = tenantOf(12);
    const writes: { at: number; by: string }[] = [];
    const domain = 'storm';
    const first = await instance(tenant, domain, writes, 'first');
    await instance(tenant, domain, writes, 'second');
    tenant.rateLimitNext({ retryAfterSeconds: 1, times: 3, match: { api: 'management', method: 'POST' } });

    const started = await start(first.handler);
    const done = await until(first.handler, (await started.json()).id);

    expect(done.counts).toMatchObject({ added: 12, failed: 0, pending: 0 });
    expect(addsPerOrganization(tenant)).toEqual(Array(12).fill(1));
    expect(tenant.requests.filter((request) => request.status === 429)).toHaveLength(3);
  });
});

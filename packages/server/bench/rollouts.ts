/**
 * Rollouts (issue 20): the throughput a rollout reaches against the share of Auth0's write limit it is given
 * (`rollouts.rateLimitShare`), with the fake tenant's organization connection write limit shortened so a run takes
 * seconds, not hours: 40 writes per 2 s window (Auth0's is 25 or 150 a minute), share 0.5 → a target of 10 a second.
 * 1. In process (one handler, the in-memory store), 300 organizations.
 * 2. On BullMQ: two handler instances on one redis-server, each with a worker, 300 organizations (skipped without
 *    redis-server).
 * Throughput: organizations done / (rollout started → done), and the steady state: the writes in each of the fake
 * tenant's windows but the first and the last (partial ones), per second. Run: `node packages/server/bench/rollouts.mjs`
 * (`BENCH_ORGANIZATIONS`, `BENCH_SHARE` change the size and the share).
 */
import {
  createFakeFetch,
  createFakeTenant,
  createSeedTenantData,
  type FakeTenant,
  generateOrganizations,
  seedIds,
} from '@org-connections/testing';
import { Redis } from 'ioredis';
import { createBullMQRollouts } from '../src/bullmq';
import {
  createOrgConnectionsHandler,
  type OrgConnectionsHandler,
  type OrgConnectionsHandlerOptions,
} from '../src/index';
import { createRedisStore } from '../src/redis';
import { startRedisServer } from '../test/redis-server';

const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? 300);
const SHARE = Number(process.env.BENCH_SHARE ?? 0.5);
const LIMIT = { limit: 40, windowSeconds: 2 };
const TARGET_PER_SECOND = Math.floor(SHARE * LIMIT.limit) / LIMIT.windowSeconds;
const BASE = 'https://app.example/api/org-connections';

/** When each add was answered 201, per tenant. */
const writeTimes = new WeakMap<FakeTenant, number[]>();

function tenant(): FakeTenant {
  const data = createSeedTenantData();
  data.organizations = generateOrganizations(ORGANIZATIONS, { seed: 20 });
  data.organizationConnections = Object.fromEntries(data.organizations.map(({ id }) => [id, []]));
  const fake = createFakeTenant({ data, rateLimits: { 'management-organization-connection-write': LIMIT } });
  writeTimes.set(fake, []);
  return fake;
}

function handlerFor(fake: FakeTenant, extra: Partial<OrgConnectionsHandlerOptions> = {}): OrgConnectionsHandler {
  return createOrgConnectionsHandler({
    domain: 'fake-tenant.test',
    basePath: '/api/org-connections',
    getManagementToken: () => fake.defaultToken,
    authorize: async () => ({ view: 'tenant-admin', actor: 'bench' }),
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const answer = await createFakeFetch(fake)(input, init);
      if (init?.method === 'POST' && answer.status === 201) writeTimes.get(fake)?.push(Date.now());
      return answer;
    }) as typeof fetch,
    limits: { perActor: false, perOrganization: false },
    rollouts: { rateLimitShare: SHARE },
    logger: { warn: () => undefined },
    ...extra,
  } as OrgConnectionsHandlerOptions);
}

async function run(handler: OrgConnectionsHandler, fake: FakeTenant, label: string) {
  const started = performance.now();
  const response = await handler(
    new Request(`${BASE}/rollouts`, {
      method: 'POST',
      headers: { origin: 'https://app.example', 'content-type': 'application/json' },
      body: JSON.stringify({
        connection_id: seedIds.connections.usernamePassword,
        organizations: 'all',
        if_enabled: 'skip',
        settings: {},
      }),
    }),
  );
  const { id } = (await response.json()) as { id: string };
  for (;;) {
    const rollout = (await (await handler(new Request(`${BASE}/rollouts/${id}`))).json()) as {
      status: string;
      counts: { added: number };
    };
    if (rollout.status === 'done') {
      const seconds = (performance.now() - started) / 1000;
      const perSecond = rollout.counts.added / seconds;
      const limited = fake.requests.filter((request) => request.status === 429).length;
      const windowMs = LIMIT.windowSeconds * 1000;
      const perWindow = new Map<number, number>();
      for (const time of writeTimes.get(fake) ?? []) {
        perWindow.set(Math.floor(time / windowMs), (perWindow.get(Math.floor(time / windowMs)) ?? 0) + 1);
      }
      const middle = [...perWindow.entries()].sort(([a], [b]) => a - b).slice(1, -1);
      const steady = middle.reduce((sum, [, count]) => sum + count, 0) / (middle.length * LIMIT.windowSeconds);
      console.log(
        `${label}: ${rollout.counts.added} organizations in ${seconds.toFixed(1)} s = ${perSecond.toFixed(2)}/s ` +
          `against the share's ${TARGET_PER_SECOND}/s (${((100 * perSecond) / TARGET_PER_SECOND).toFixed(1)} %); ` +
          `steady state ${steady.toFixed(2)}/s (${((100 * steady) / TARGET_PER_SECOND).toFixed(1)} %) over ` +
          `${middle.length} full windows, the most in one window ${Math.max(...perWindow.values())}; ${limited} 429s`,
      );
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function main() {
  console.log(
    `limit ${LIMIT.limit} writes / ${LIMIT.windowSeconds} s, share ${SHARE}: target ${TARGET_PER_SECOND}/s; ${ORGANIZATIONS} organizations`,
  );
  const inProcess = tenant();
  await run(handlerFor(inProcess), inProcess, 'in process');

  let redis: Awaited<ReturnType<typeof startRedisServer>> | undefined;
  try {
    redis = await startRedisServer();
  } catch (error) {
    console.log(`BullMQ: skipped (${(error as Error).message})`);
    return;
  }
  const queued = tenant();
  const closers: (() => unknown)[] = [];
  try {
    const handlers: OrgConnectionsHandler[] = [];
    for (let instance = 0; instance < 2; instance += 1) {
      const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
      closers.push(() => client.disconnect());
      const queue = createBullMQRollouts({
        connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null },
        domain: 'fake-tenant.test',
        writeLimit: { requests: LIMIT.limit, perSeconds: LIMIT.windowSeconds },
        rateLimitShare: SHARE,
      });
      closers.push(() => queue.close());
      const handler = handlerFor(queued, {
        store: createRedisStore(client),
        rollouts: { rateLimitShare: SHARE, queue },
      });
      const worker = await queue.work(handler);
      closers.push(() => worker.close());
      handlers.push(handler);
    }
    await run(handlers[0] as OrgConnectionsHandler, queued, 'BullMQ, two workers');
  } finally {
    for (const close of closers.reverse()) await close();
    await redis.stop();
  }
}

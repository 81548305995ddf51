/**
 * The proxy's overhead per request: the median of sequential `GET /organizations/{id}/connections` calls through
 * `node:http` + `toNodeListener(handler)` to the fake tenant server, against the same call made to the fake
 * tenant server directly, in one run (interleaved, so both see the same machine state). Real HTTP on loopback
 * for every hop. Each view is measured with the in-memory store and with the Redis store (`createRedisStore` on a
 * redis-server this run starts, as the store tests do): per request, the per-caller counters and Auth0's hold are
 * read and written in Redis. Run: `node packages/server/bench/proxy-overhead.mjs [requests]` (default 200).
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seedIds } from '@org-connections/testing';
import { createFakeTenantServer } from '@org-connections/testing/server';
import { Redis } from 'ioredis';
import { createOrgConnectionsHandler, type OrgConnectionsAuthorization, toNodeListener } from '../src/index';
import { createRedisStore } from '../src/redis';
import type { OrgConnectionsStore } from '../src/store/store';
import { startRedisServer } from '../test/redis-server';

const CLIENT = { clientId: 'bench-proxy', clientSecret: 'bench-proxy-secret' };
const QUERY = 'page=0&per_page=50&include_totals=true';
/** Limits far above the run's request count: the counting is measured, never a 429. */
const COUNTED = { perActor: { requests: 1e9, perSeconds: 60 }, perOrganization: { requests: 1e9, perSeconds: 60 } };

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timed(url: string, headers: Record<string, string>): Promise<number> {
  const start = performance.now();
  const response = await fetch(url, { headers });
  const body = await response.text();
  const elapsed = performance.now() - start;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${body}`);
  return elapsed;
}

async function proxyFor(
  upstream: Awaited<ReturnType<typeof createFakeTenantServer>>,
  who: OrgConnectionsAuthorization,
  store?: OrgConnectionsStore,
) {
  const handler = createOrgConnectionsHandler({
    domain: upstream.domain,
    managementBaseUrl: upstream.managementBaseUrl,
    tokenUrl: upstream.tokenUrl,
    ...CLIENT,
    basePath: '/api/org-connections',
    authorize: async () => who,
    limits: COUNTED,
    ...(store === undefined ? {} : { store }),
  });
  const server = createServer(toNodeListener(handler));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function main(args: string[]): Promise<void> {
  const requests = Number(args[0] ?? 200);
  const acme = seedIds.organizations.acme;
  const upstream = await createFakeTenantServer({ tenantOptions: { clients: [CLIENT], rateLimits: false } });
  const redisServer = await startRedisServer();
  // As the README sets it up: commands of one tick (the counters and the hold) go out as one pipeline.
  const redis = new Redis(redisServer.url, { enableAutoPipelining: true });
  const redisStore = createRedisStore(redis);
  const tenantAdminWho: OrgConnectionsAuthorization = { view: 'tenant-admin', actor: 'bench' };
  const orgAdminWho: OrgConnectionsAuthorization = { view: 'org-admin', actor: 'bench', organizationId: acme };
  const tenantAdmin = await proxyFor(upstream, tenantAdminWho);
  const orgAdmin = await proxyFor(upstream, orgAdminWho);
  const tenantAdminRedis = await proxyFor(upstream, tenantAdminWho, redisStore);
  const orgAdminRedis = await proxyFor(upstream, orgAdminWho, redisStore);
  const direct = `${upstream.managementBaseUrl}/organizations/${acme}/connections?${QUERY}`;
  const proxied = (origin: string) => `${origin}/api/org-connections/organizations/${acme}/connections?${QUERY}`;
  const bearer = { authorization: `Bearer ${upstream.tenant.defaultToken}` };

  const samples = {
    direct: [] as number[],
    tenantAdmin: [] as number[],
    orgAdmin: [] as number[],
    tenantAdminRedis: [] as number[],
    orgAdminRedis: [] as number[],
  };
  // Warm-up (module loading, the token grant, JIT), not measured.
  for (let index = 0; index < 20; index += 1) {
    await timed(direct, bearer);
    await timed(proxied(tenantAdmin.origin), {});
    await timed(proxied(orgAdmin.origin), {});
    await timed(proxied(tenantAdminRedis.origin), {});
    await timed(proxied(orgAdminRedis.origin), {});
  }
  for (let index = 0; index < requests; index += 1) {
    samples.direct.push(await timed(direct, bearer));
    samples.tenantAdmin.push(await timed(proxied(tenantAdmin.origin), {}));
    samples.orgAdmin.push(await timed(proxied(orgAdmin.origin), {}));
    samples.tenantAdminRedis.push(await timed(proxied(tenantAdminRedis.origin), {}));
    samples.orgAdminRedis.push(await timed(proxied(orgAdminRedis.origin), {}));
  }

  const row = (name: string, values: number[]) => ({
    path: name,
    medianMs: Number(median(values).toFixed(3)),
    p90Ms: Number(percentile(values, 90).toFixed(3)),
    overheadMs: Number((median(values) - median(samples.direct)).toFixed(3)),
  });
  console.log(
    `${requests} sequential GETs of an organization's connection list (8 connections), Node ${process.version}`,
  );
  console.table([
    row('fake tenant directly', samples.direct),
    row('proxy, tenant admin (pass-through)', samples.tenantAdmin),
    row('proxy, org admin (read all, filter, page)', samples.orgAdmin),
    row('proxy, tenant admin, Redis store', samples.tenantAdminRedis),
    row('proxy, org admin, Redis store', samples.orgAdminRedis),
  ]);
  const more = (redisValues: number[], memoryValues: number[]) =>
    (median(redisValues) - median(memoryValues)).toFixed(3);
  // The same request's two samples were taken back to back: the median of their differences is less moved by the
  // machine's load drifting during the run than the difference of the two medians.
  const paired = (redisValues: number[], memoryValues: number[]) =>
    median(redisValues.map((value, index) => value - (memoryValues[index] ?? 0))).toFixed(3);
  console.log(
    `Redis store beside the in-memory store (target: at most 1 ms more at the median)\n` +
      `  difference of the medians: tenant admin +${more(samples.tenantAdminRedis, samples.tenantAdmin)} ms, org admin +${more(samples.orgAdminRedis, samples.orgAdmin)} ms\n` +
      `  median of the paired differences: tenant admin +${paired(samples.tenantAdminRedis, samples.tenantAdmin)} ms, org admin +${paired(samples.orgAdminRedis, samples.orgAdmin)} ms`,
  );

  await Promise.all(
    [tenantAdmin, orgAdmin, tenantAdminRedis, orgAdminRedis].map(
      ({ server }) => new Promise((resolve) => server.close(resolve)),
    ),
  );
  redis.disconnect();
  await redisServer.stop();
  await upstream.close();
}

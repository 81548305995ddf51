/**
 * The connection index (issue 18), measured in one run against the fake tenant (in process, `createFakeFetch`):
 * 1. Ten visitors searching a 10,000-connection tenant at once, 100 ms per upstream request, each asking again
 *    (every 2 s, as the picker does) until the answer is complete: the upstream requests they cost through the index, beside the same
 *    ten visitors walking the tenant themselves through the pass-through (`index: false`), as the picker's
 *    "Search all" did.
 * 2. The first answer of a search while the first walk runs (partial) beside waiting for the walk to end (a bounded
 *    wait would have to cover that).
 * 3. The index's memory per 10,000 and 100,000 connections: the heap with the index built, minus the heap without
 *    it (the fake tenant, its sorted list and the code are there in both), after `global.gc()`.
 *    And the time of one search over the whole index, at each size.
 * Run: `node --expose-gc packages/server/bench/connection-index.mjs` (`BENCH_SKIP_VISITORS=1`: memory only).
 */
import {
  createFakeFetch,
  createLargeTenant,
  DEFAULT_MANAGEMENT_BASE_URL,
  type FakeTenant,
} from '@org-connections/testing';
import { createOrgConnectionsHandler, type OrgConnectionsHandler } from '../src/index';
import { createConnectionIndex } from '../src/search/connection-index';
import { searchEntries } from '../src/search/connection-index-search';
import { createManagementApiUpstream } from '../src/upstream/management-api-upstream';

const TERMS = ['misty', '09902', 'amber', 'zurich', 'x', 'cobalt', '-00', 'no-such-connection', 'a', 'brisk'];
const LATENCY_MS = 100;
/** The picker asks again this often while an answer is partial. */
const ASK_AGAIN_MS = 2000;

const walkRequests = (tenant: FakeTenant) => tenant.requests.filter((request) => request.path === '/connections');

function handlerFor(tenant: FakeTenant, index: false | undefined): OrgConnectionsHandler {
  return createOrgConnectionsHandler({
    domain: 'fake-tenant.test',
    basePath: '/api/org-connections',
    getManagementToken: () => tenant.defaultToken,
    // Each visitor is its own person (the handler's per-caller limits count per actor).
    authorize: async (request) => ({ view: 'tenant-admin', actor: request.headers.get('x-visitor') ?? 'bench' }),
    fetch: createFakeFetch(tenant),
    ...(index === false ? { index: false } : {}),
  });
}

async function get(handler: OrgConnectionsHandler, visitor: string, query: string) {
  const response = await handler(
    new Request(`https://app.example/api/org-connections/connections?${query}`, { headers: { 'x-visitor': visitor } }),
  );
  if (response.status !== 200) throw new Error(`${query} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { connections: unknown[]; next?: string; search?: string; total?: number };
}

/** One visitor through the index: asks until complete. Time to the first answer and to the complete one. */
async function visitorWithIndex(handler: OrgConnectionsHandler, q: string) {
  const start = performance.now();
  let first: number | undefined;
  for (;;) {
    const page = await get(handler, q, `q=${encodeURIComponent(q)}&take=50`);
    first ??= performance.now() - start;
    if (page.search === 'complete') return { first, complete: performance.now() - start };
    await new Promise((resolve) => setTimeout(resolve, ASK_AGAIN_MS));
  }
}

/** One visitor without the index: walks every page (as "Search all" did) and filters itself. */
async function visitorWalking(handler: OrgConnectionsHandler, visitor: string) {
  const start = performance.now();
  let from: string | undefined;
  for (;;) {
    const page = await get(
      handler,
      visitor,
      `take=100${from === undefined ? '' : `&from=${encodeURIComponent(from)}`}`,
    );
    if (page.next === undefined) return performance.now() - start;
    from = page.next;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function tenVisitors() {
  const indexed = createLargeTenant({ connections: 10_000, rateLimits: false, latency: LATENCY_MS });
  // Ten visitors of one host backend: one handler.
  const shared = handlerFor(indexed, undefined);
  const sharedRuns = await Promise.all(TERMS.map((q) => visitorWithIndex(shared, q)));
  const sharedRequests = walkRequests(indexed).length;

  const plain = createLargeTenant({ connections: 10_000, rateLimits: false, latency: LATENCY_MS });
  const passThrough = handlerFor(plain, false);
  const walking = await Promise.all(TERMS.map((q) => visitorWalking(passThrough, q)));
  const plainRequests = walkRequests(plain).length;

  console.log(`Ten visitors searching 10,000 connections (+ the seed's), ${LATENCY_MS} ms per upstream request`);
  console.table([
    {
      how: 'through the index (one handler)',
      upstreamRequests: sharedRequests,
      firstAnswerMedianMs: Math.round(median(sharedRuns.map((run) => run.first))),
      completeMedianMs: Math.round(median(sharedRuns.map((run) => run.complete))),
    },
    {
      how: 'each walking the pass-through (index: false)',
      upstreamRequests: plainRequests,
      firstAnswerMedianMs: Math.round(median(walking)),
      completeMedianMs: Math.round(median(walking)),
    },
  ]);
}

function heapUsed(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('Run with node --expose-gc.');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

async function memory(connections: number) {
  const tenant = createLargeTenant({ connections, rateLimits: false });
  const fakeFetch = createFakeFetch(tenant);
  const upstream = createManagementApiUpstream({
    baseUrl: DEFAULT_MANAGEMENT_BASE_URL,
    token: async () => tenant.defaultToken,
    fetch: fakeFetch,
    timeoutMs: 60_000,
  });
  // The fake tenant sorts its connections on the first list: done before measuring.
  await fakeFetch(`${DEFAULT_MANAGEMENT_BASE_URL}/connections?take=1`, {
    headers: { authorization: `Bearer ${tenant.defaultToken}` },
  });
  tenant.clearRequests();
  const before = heapUsed();
  const index = createConnectionIndex({ upstream });
  await index.refresh();
  tenant.clearRequests();
  const after = heapUsed();
  const { entries } = await index.read();
  // A search over the whole index (every entry is tested: total counts all matches), per term, median of 5 rounds.
  const searchMs: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    for (const q of TERMS) {
      const start = performance.now();
      searchEntries(entries, { q, take: 50 });
      searchMs.push(performance.now() - start);
    }
  }
  return {
    connections: entries.length,
    bytes: after - before,
    bytesPerConnection: (after - before) / entries.length,
    searchMedianMs: median(searchMs),
  };
}

export async function main(): Promise<void> {
  if (process.env.BENCH_SKIP_VISITORS !== '1') await tenVisitors();
  const rows = [];
  for (const connections of [10_000, 100_000]) {
    const measured = await memory(connections);
    rows.push({
      connections: measured.connections,
      indexMiB: Number((measured.bytes / 2 ** 20).toFixed(2)),
      bytesPerConnection: Math.round(measured.bytesPerConnection),
      searchMedianMs: Number(measured.searchMedianMs.toFixed(2)),
    });
  }
  console.log(
    `The index's heap (heapUsed with the index minus without, after gc) and one search over it, Node ${process.version}`,
  );
  console.table(rows);
}

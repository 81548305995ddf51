/**
 * What `attachable` costs the picker (issue 23): a staff member's search for an organization through the connection
 * index, where every indexed connection is judged on each read, on a 10,000-connection tenant (the seed's 20 beside
 * 10,000 generated; every 100th generated one owned by the organization through `metadata.organization_id`).
 * The index is built first; each row is the median of 30 searches (`q`, `take=50`, `organization_id`), measured
 * through the handler (fake tenant in process, no upstream request per search).
 * Run: `node packages/server/bench/attachable.mjs`.
 */
import {
  createFakeFetch,
  createFakeTenant,
  createSeedTenantData,
  generateTenantConnections,
  seedIds,
} from '@org-connections/testing';
import { type Attachable, createOrgConnectionsHandler, type OrgConnectionsHandler } from '../src/index';

const ORGANIZATION = seedIds.organizations.acme;
const RUNS = 30;

function tenantOf10000() {
  const data = createSeedTenantData();
  const generated = generateTenantConnections(10_000, { seed: 2024 }).map((connection, position) =>
    position % 100 === 0 ? { ...connection, metadata: { organization_id: ORGANIZATION } } : connection,
  );
  data.connections.push(...generated);
  return createFakeTenant({ data, rateLimits: false });
}

function handlerWith(attachable: Attachable | undefined): OrgConnectionsHandler {
  const tenant = tenantOf10000();
  return createOrgConnectionsHandler({
    domain: 'fake-tenant.test',
    basePath: '/api/org-connections',
    getManagementToken: () => tenant.defaultToken,
    authorize: async () => ({ view: 'tenant-admin', actor: 'bench' }),
    fetch: createFakeFetch(tenant),
    limits: { perActor: false, perOrganization: false },
    ...(attachable === undefined ? {} : { attachable }),
  });
}

async function search(handler: OrgConnectionsHandler, query: string) {
  const response = await handler(new Request(`https://app.example/api/org-connections/connections?${query}`));
  if (response.status !== 200) throw new Error(`${query} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { connections: unknown[]; search?: string; total?: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const rules: [string, Attachable | undefined][] = [
  ['no attachable (every connection)', undefined],
  ['metadata, synchronous', (connection, organizationId) => connection.metadata?.organization_id === organizationId],
  [
    'metadata, async (a Promise per connection)',
    async (connection, organizationId) => connection.metadata?.organization_id === organizationId,
  ],
  [
    'a cached lookup, async (one Map per organization)',
    (() => {
      const owned = new Map<string, Set<string>>();
      return async (connection, organizationId) => {
        let ids = owned.get(organizationId);
        if (ids === undefined) {
          ids = new Set();
          owned.set(organizationId, ids);
        }
        return ids.has(connection.id) || connection.metadata?.organization_id === organizationId;
      };
    })(),
  ],
];

export async function main() {
  const rows = [];
  for (const [rule, attachable] of rules) {
    const handler = handlerWith(attachable);
    const organization = attachable === undefined ? '' : `&organization_id=${ORGANIZATION}`;
    // Builds the index (the first walk), then warms up.
    for (;;) if ((await search(handler, `take=50${organization}`)).search === 'complete') break;
    for (let warm = 0; warm < 5; warm += 1) await search(handler, `q=misty&take=50${organization}`);
    const times: number[] = [];
    let total = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const start = performance.now();
      total = (await search(handler, `q=misty&take=50${organization}`)).total ?? 0;
      times.push(performance.now() - start);
    }
    rows.push({
      rule,
      matches: total,
      medianMs: Number(median(times).toFixed(1)),
      maxMs: Number(Math.max(...times).toFixed(1)),
    });
  }
  console.log(`One picker search ("misty") for an organization over 10,020 indexed connections, median of ${RUNS}`);
  console.table(rows);
}

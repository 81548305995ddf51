/**
 * The rollout's dry run at the size our users have: 10,000 organizations (one per customer), `organizations: "all"`,
 * through the handler against the fake tenant in process. It reads every organization's connections, one read per
 * organization, paced under `rollouts.rateLimitShare` (0.5) of Auth0's read limit (the fake tenant's `management-read`
 * bucket, `BENCH_READ_LIMIT` reads a second; the fake's own default is 1000). Measured: the time to the first answer
 * of `POST {base}/rollouts` with `dry_run: true` (what a browser request and any proxy in between wait for), and the
 * total time until the counts are known (the 200 of the old synchronous dry run, or the resource's `done`).
 * Run: `node packages/server/bench/dry-run.mjs` (`BENCH_ORGANIZATIONS`, `BENCH_READ_LIMIT`).
 */
import {
  createFakeFetch,
  createFakeTenant,
  createSeedTenantData,
  generateOrganizations,
  seedIds,
} from '@org-connections/testing';
import { createOrgConnectionsHandler, type OrgConnectionsHandlerOptions } from '../src/index';

const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? 10_000);
const READ_LIMIT = Number(process.env.BENCH_READ_LIMIT ?? 1000);
const BASE = 'https://app.example/api/org-connections';

export async function main() {
  const data = createSeedTenantData();
  data.organizations = generateOrganizations(ORGANIZATIONS, { seed: 10 });
  data.organizationConnections = Object.fromEntries(data.organizations.map(({ id }) => [id, []]));
  const fake = createFakeTenant({ data, rateLimits: { 'management-read': { limit: READ_LIMIT, windowSeconds: 1 } } });
  const handler = createOrgConnectionsHandler({
    domain: 'fake-tenant.test',
    basePath: '/api/org-connections',
    getManagementToken: () => fake.defaultToken,
    authorize: async () => ({ view: 'tenant-admin', actor: 'bench' }),
    fetch: createFakeFetch(fake),
    limits: { perActor: false, perOrganization: false },
    rollouts: { rateLimitShare: 0.5 },
    logger: { warn: () => undefined },
  } as OrgConnectionsHandlerOptions);

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
        dry_run: true,
      }),
    }),
  );
  const firstAnswer = performance.now() - started;
  const body = (await response.json()) as { id?: string; counts?: { added: number } };
  let counts = body.counts;
  let polls = 0;
  if (response.status === 202 && body.id !== undefined) {
    for (;;) {
      polls += 1;
      const preview = (await (await handler(new Request(`${BASE}/rollouts/${body.id}`))).json()) as {
        status: string;
        counts: { added: number };
      };
      if (preview.status === 'done') {
        counts = preview.counts;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  const total = performance.now() - started;
  const reads = fake.requests.filter((request) => request.method === 'GET').length;
  const limited = fake.requests.filter((request) => request.status === 429).length;
  console.log(
    `${ORGANIZATIONS} organizations, read limit ${READ_LIMIT}/s, share 0.5: ${response.status} first answer in ` +
      `${(firstAnswer / 1000).toFixed(2)} s, counts known after ${(total / 1000).toFixed(1)} s ` +
      `(${counts?.added} to add; ${reads} reads, ${limited} 429s, ${polls} polls)`,
  );
}

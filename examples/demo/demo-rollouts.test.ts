// `pnpm demo`'s rollouts, over real HTTP: a generated tenant with many organizations (DEMO_TENANT_ORGANIZATIONS) and
// Auth0's 25 writes per window shortened to a second, so a rollout finishes while one watches.
import { seedIds } from '@org-connections/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from './start.mjs';

type Demo = Awaited<ReturnType<typeof startDemo>>;
let demo: Demo;

beforeAll(async () => {
  demo = await startDemo({ port: 0, environment: { DEMO_TENANT_ORGANIZATIONS: '60' }, log: () => {} });
}, 30_000);
afterAll(() => demo?.close());

async function call(role: 'tenant-admin' | 'org-admin', method: string, path: string, body?: unknown) {
  const session = await fetch(`${demo.url}/demo/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role }),
  });
  const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const response = await fetch(`${demo.url}/api/org-connections${path}`, {
    method,
    headers: { origin: demo.url, cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe('DEMO_TENANT_ORGANIZATIONS=60 pnpm demo: rollouts', { timeout: 60_000 }, () => {
  const start = {
    connection_id: seedIds.connections.github,
    organizations: 'all',
    if_enabled: 'skip',
    settings: { assign_membership_on_login: false },
  };

  it('says what a rollout would do, then does it to every organization', async () => {
    expect(demo.generatedOrganizations).toBe(60);
    const dryRun = await call('tenant-admin', 'POST', '/rollouts', { ...start, dry_run: true });
    expect(dryRun.status).toBe(202);
    expect(dryRun.body).toMatchObject({ status: 'running', dry_run: true });
    let preview = dryRun;
    while (preview.body.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      preview = await call('tenant-admin', 'GET', `/rollouts/${dryRun.body.id}`);
    }
    expect(preview.body.status).toBe('done');
    const started = await call('tenant-admin', 'POST', '/rollouts', start);
    expect(started.status).toBe(202);
    let rollout = started.body;
    while (rollout.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      rollout = (await call('tenant-admin', 'GET', `/rollouts/${started.body.id}`)).body;
    }
    expect(rollout.status).toBe('done');
    expect(rollout.total).toBe(preview.body.total);
    expect(rollout.counts).toEqual({ ...preview.body.counts, pending: 0 });
    expect(rollout.total).toBeGreaterThan(60);
  });

  it("is not the org admin's", async () => {
    expect((await call('org-admin', 'GET', '/rollouts')).status).toBe(404);
  });
});

// The built example (`next build` first) from the outside: `next start` on a free port with a fake tenant started
// here as its upstream, Chromium loads the page, the rows come through the route handler, a switch is moved, and the
// fake tenant holds the change. Run by `pnpm test` (.ci/test.mjs) after the build.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { runnerImport } from 'vite';

const app = fileURLToPath(new URL('..', import.meta.url));
const repository = fileURLToPath(new URL('../../..', import.meta.url));
const ORGANIZATION_ID = 'org_AcmeCorp00000001';
const GOOGLE = 'con_GoogleOauth20003';

/** The workspace's TypeScript sources, loaded as the fake-tenant-server binary loads them. */
const load = async (path) => (await runnerImport(`${repository}${path}`)).module;

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function waitUntilServing(url, next, output) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (next.exitCode !== null) throw new Error(`next start exited (${next.exitCode}):\n${output.join('')}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`next start did not serve ${url} within 60 s:\n${output.join('')}`);
}

let fake;
let next;
let browser;
let url;
const output = [];

before(async () => {
  const { createFakeTenantServer, DEMO_CLIENT } = await load('packages/testing/src/server.ts');
  const { chromiumArgs, chromiumPath } = await load('.ci/chromium.ts');
  fake = await createFakeTenantServer({ tenantOptions: { clients: [DEMO_CLIENT] } });
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const nextBin = createRequire(`${app}package.json`).resolve('next/dist/bin/next');
  next = spawn(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: app,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      FAKE_TENANT_URL: fake.url,
      AUTH0_DOMAIN: '',
      AUTH0_CLIENT_ID: '',
      AUTH0_CLIENT_SECRET: '',
      ORGANIZATION_ID: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  next.stdout.on('data', (chunk) => output.push(String(chunk)));
  next.stderr.on('data', (chunk) => output.push(String(chunk)));
  await waitUntilServing(url, next, output);
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

after(async () => {
  await browser?.close();
  if (next && next.exitCode === null) {
    const exited = new Promise((resolve) => next.once('exit', resolve));
    next.kill('SIGTERM');
    await exited;
  }
  await fake?.close();
});

const stored = () =>
  fake.tenant.listOrganizationConnections(ORGANIZATION_ID).find((item) => item.connection_id === GOOGLE);

test('the built Next.js app lists the connections through its route handler and saves a switch to the tenant', async () => {
  const page = await browser.newPage();
  const apiCalls = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/org-connections/')) apiCalls.push(pathname);
  });
  const response = await page.goto(url);
  assert.equal(response?.status(), 200);
  assert.equal(await page.locator('h1').textContent(), 'Login connections');

  const row = page.locator('[data-slot="row"]', {
    has: page.locator('[data-slot="name"]', { hasText: 'Sign in with Google' }),
  });
  await row.waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('[data-slot="row"]').count(), 8);
  // The rows came from the fake tenant, through the page's route handler (the browser never talks to the tenant).
  assert.ok(apiCalls.includes(`/api/org-connections/organizations/${ORGANIZATION_ID}/connections`));
  assert.ok(fake.tenant.requests.some((request) => request.operation === 'listOrganizationConnections'));

  const before = stored()?.is_enabled;
  assert.equal(typeof before, 'boolean');
  const enabled = row.getByRole('switch', { name: 'Enabled' });
  assert.equal(await enabled.getAttribute('aria-checked'), String(before));
  await enabled.click();
  // The host's onUpdated fired once the server answered, and the fake tenant holds the change.
  await page.getByTestId('host-notice').filter({ hasText: 'Saved google-oauth2.' }).waitFor({ timeout: 15_000 });
  assert.equal(stored()?.is_enabled, !before);
  assert.equal(await enabled.getAttribute('aria-checked'), String(!before));
  const update = fake.tenant.requests.find((request) => request.operation === 'updateOrganizationConnection');
  assert.deepEqual(update?.body, { is_enabled: !before });
});

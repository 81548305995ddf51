// `pnpm demo` from the outside, over real HTTP: the page, the guard on node:http, the fake tenant on loopback.
import { seedIds } from '@org-connections/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from './start.mjs';

type Demo = Awaited<ReturnType<typeof startDemo>>;

const { acme, initech } = seedIds.organizations;
const { contosoEntra, github, google, usernamePassword } = seedIds.connections;
let demo: Demo;
const audit: string[] = [];

beforeAll(async () => {
  demo = await startDemo({ port: 0, environment: {}, log: (line: string) => audit.push(line) });
}, 30_000);
afterAll(() => demo?.close());

async function sessionCookie(role: 'tenant-admin' | 'org-admin'): Promise<string> {
  const response = await fetch(`${demo.url}/demo/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role }),
  });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** A request to the guard as the page (same origin) would send it, or as `origin` says. */
async function call(
  role: 'tenant-admin' | 'org-admin' | undefined,
  method: string,
  path: string,
  { body, origin = demo.url }: { body?: unknown; origin?: string } = {},
) {
  const headers: Record<string, string> = { origin };
  if (role) headers.cookie = await sessionCookie(role);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${demo.url}/api/org-connections${path}`, {
    method,
    headers,
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const connections = `/organizations/${acme}/connections`;
const connection = (id: string) => `${connections}/${id}`;
/** The connection ids of a list answer: Auth0's array, or the object form (an org admin's, with `login_prompt`). */
const ids = (body: { connection_id: string }[] | { connections: { connection_id: string }[] }) =>
  (Array.isArray(body) ? body : body.connections).map((item) => item.connection_id);

describe('pnpm demo', () => {
  it('runs on the fake tenant without Auth0 credentials, for the seed organization', () => {
    expect(demo.upstream).toBe('fake');
    expect(demo.organizationId).toBe(acme);
  });

  it('serves the page and its script', async () => {
    const page = await fetch(`${demo.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
    const script = await fetch(`${demo.url}/src/main.tsx`);
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('OrgConnectionsList');
  });

  it('answers 401 to a request without a session', async () => {
    expect((await call(undefined, 'GET', connections)).status).toBe(401);
  });

  it('shows a tenant admin every connection, and an org admin none of those at level none', async () => {
    const all = await call('tenant-admin', 'GET', connections);
    expect(ids(all.body)).toContain(contosoEntra);
    const visible = await call('org-admin', 'GET', connections);
    expect(visible.status).toBe(200);
    expect(ids(visible.body)).not.toContain(contosoEntra);
    expect(ids(visible.body)).toContain(github);
  });

  it('refuses hand-made requests an org admin may not make, and Auth0 keeps its state', async () => {
    expect((await call('org-admin', 'PATCH', connection(github), { body: { is_enabled: false } })).status).toBe(403);
    expect(
      (await call('org-admin', 'PATCH', connection(google), { body: { assign_membership_on_login: true } })).status,
    ).toBe(403);
    expect(
      (await call('org-admin', 'PATCH', connection(google), { body: { organization_access_level: 'full' } })).status,
    ).toBe(403);
    expect((await call('org-admin', 'GET', connection(contosoEntra))).status).toBe(404);
    expect((await call('org-admin', 'DELETE', connection(usernamePassword))).status).toBe(403);
    expect((await call('org-admin', 'GET', `/organizations/${initech}/connections`)).status).toBe(404);
    expect((await call('org-admin', 'GET', '/users')).status).toBe(404);

    const after = await call('tenant-admin', 'GET', connection(github));
    expect(after.body).toMatchObject({ is_enabled: true, organization_access_level: 'readonly' });
    const googleAfter = await call('tenant-admin', 'GET', connection(google));
    expect(googleAfter.body).toMatchObject({ assign_membership_on_login: false, organization_access_level: 'limited' });
    expect(audit.some((line) => line.includes('refused 403'))).toBe(true);
  });

  it('refuses a write from another site', async () => {
    const crossSite = await call('tenant-admin', 'PATCH', connection(google), {
      body: { is_enabled: false },
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
  });

  it('lets an org admin make the change its access level allows, and it reaches Auth0', async () => {
    const switched = await call('org-admin', 'PATCH', connection(google), { body: { is_enabled: false } });
    expect(switched.status).toBe(200);
    expect((await call('tenant-admin', 'GET', connection(google))).body).toMatchObject({ is_enabled: false });
    expect((await call('tenant-admin', 'PATCH', connection(google), { body: { is_enabled: true } })).status).toBe(200);
  });
});

describe('DEMO_TENANT_CONNECTIONS=10000 pnpm demo', () => {
  let large: Demo;
  beforeAll(async () => {
    large = await startDemo({ port: 0, environment: { DEMO_TENANT_CONNECTIONS: '10000' }, log: () => {} });
  }, 30_000);
  afterAll(() => large?.close());

  it('searches the 10,000 generated connections through the handler’s index', async () => {
    expect(large.generatedConnections).toBe(10_000);
    const cookie = (
      await fetch(`${large.url}/demo/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'tenant-admin' }),
      })
    ).headers
      .get('set-cookie')
      ?.split(';')[0];
    let page: { connections: { name: string }[]; search: string; indexed: number } | undefined;
    await expect
      .poll(
        async () => {
          const response = await fetch(`${large.url}/api/org-connections/connections?q=09902`, {
            headers: { cookie: cookie ?? '', origin: large.url },
          });
          page = await response.json();
          return page?.search;
        },
        { timeout: 20_000, interval: 100 },
      )
      .toBe('complete');
    expect(page?.connections.map((connection) => connection.name)).toEqual([expect.stringMatching(/-09902$/)]);
    expect(page?.indexed).toBeGreaterThan(10_000);
  });

  it('refuses a count that is not a whole number up to 100,000, saying so', async () => {
    await expect(
      startDemo({ port: 0, environment: { DEMO_TENANT_CONNECTIONS: 'lots' }, log: () => {} }),
    ).rejects.toThrow(/DEMO_TENANT_CONNECTIONS must be a whole number from 0 to 100000 \(got "lots"\)/);
  });
});

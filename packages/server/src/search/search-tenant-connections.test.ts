import { connectionKind } from '@org-connections/core';
import { ALL_SCOPES, createFakeFetch, createLargeTenant, type FakeTenant, seedIds } from '@org-connections/testing';
import { describe, expect, it, vi } from 'vitest';
import {
  createOrgConnectionsHandler,
  type OrgConnectionsHandlerOptions,
} from '../handler/create-org-connections-handler';
import type { OrgConnectionsAuthorization } from '../handler/org-connections-authorization';

const ORIGIN = 'https://app.example';
const BASE = `${ORIGIN}/api/org-connections`;
const tenantAdmin: OrgConnectionsAuthorization = { view: 'tenant-admin', actor: 'user|staff' };
const orgAdmin: OrgConnectionsAuthorization = {
  view: 'org-admin',
  actor: 'user|acme-admin',
  organizationId: seedIds.organizations.acme,
};

interface Item {
  id: string;
  name: string;
  display_name?: string;
  strategy: string;
}
interface Page {
  connections: Item[];
  next?: string;
  total: number;
  search: 'complete' | 'partial';
  indexed: number;
}

function handlerFor(
  tenant: FakeTenant,
  authorization: OrgConnectionsAuthorization = tenantAdmin,
  options: Partial<OrgConnectionsHandlerOptions> = {},
) {
  return createOrgConnectionsHandler({
    domain: 'fake-tenant.test',
    basePath: '/api/org-connections',
    getManagementToken: () => tenant.defaultToken,
    authorize: async () => authorization,
    fetch: createFakeFetch(tenant),
    ...options,
  } as OrgConnectionsHandlerOptions);
}

type Handler = ReturnType<typeof handlerFor>;

/** `visitor` names the person asking (the handler's per-caller limits count per actor; see `perVisitor`). */
const get = (handler: Handler, query: string, visitor = 'user|staff') =>
  handler(
    new Request(`${BASE}/connections${query === '' ? '' : `?${query}`}`, {
      headers: { origin: ORIGIN, 'x-visitor': visitor },
    }),
  );

/** Each request's actor is its `x-visitor` header: ten visitors are ten people. */
const perVisitor: Partial<OrgConnectionsHandlerOptions> = {
  authorize: async (request: Request) => ({
    view: 'tenant-admin',
    actor: request.headers.get('x-visitor') ?? 'user|staff',
  }),
};

/** Asks as the picker does: again until the index has the whole tenant. */
async function search(handler: Handler, query: string, visitor?: string): Promise<Page> {
  for (;;) {
    const response = await get(handler, query, visitor);
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page;
    if (page.search === 'complete') return page;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const walkRequests = (tenant: FakeTenant) => tenant.requests.filter((request) => request.path === '/connections');

/** What the tenant holds that a search should find, sorted as GET /connections sorts. */
function matching(tenant: FakeTenant, keep: (connection: Item) => boolean): Item[] {
  const key = (connection: Item) => `${connection.name.toLowerCase()}\u0000${connection.id}`;
  return tenant
    .listConnections()
    .filter(keep)
    .sort((a, b) => (key(a) < key(b) ? -1 : 1))
    .map(({ id, name, display_name, strategy }) => ({
      id,
      name,
      ...(display_name === undefined ? {} : { display_name }),
      strategy,
    }));
}

/** The protocol's folding (NFD, no combining marks, lower case), stated again as the test's oracle. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const contains = (q: string) => (connection: Item) =>
  fold(connection.display_name ?? '').includes(fold(q)) || fold(connection.name).includes(fold(q));

describe('GET {base}/connections from the connection index', () => {
  it('ten visitors searching a 10,000-connection tenant cost the upstream one walk', async () => {
    const tenant = createLargeTenant({ connections: 10_000, rateLimits: false });
    const handler = handlerFor(tenant, tenantAdmin, perVisitor);
    const terms = ['misty', '09902', 'amber', 'zurich', 'x', 'cobalt', '-00', 'nothing-like-this', 'a', 'brisk'];
    const pages = await Promise.all(terms.map((q) => search(handler, `q=${encodeURIComponent(q)}&take=50`, q)));
    const total = tenant.listConnections().length;
    expect(walkRequests(tenant)).toHaveLength(Math.ceil(total / 100));
    for (const [index, q] of terms.entries()) {
      const expected = matching(tenant, contains(q));
      expect(pages[index]?.total).toBe(expected.length);
      expect(pages[index]?.connections).toEqual(expected.slice(0, 50));
      expect(pages[index]?.indexed).toBe(total);
    }
    // Later searches are answered from the index: nothing more upstream.
    tenant.clearRequests();
    await search(handler, 'q=misty');
    expect(walkRequests(tenant)).toHaveLength(0);
  });

  it('finds a connection by part of its display name, whatever the accents and case, and never sends metadata', async () => {
    const tenant = createLargeTenant({ connections: 300, rateLimits: false });
    tenant.addConnections([
      {
        id: 'con_Zurich0000000001',
        name: 'zurich-versicherung',
        display_name: 'Zürich Versicherung',
        strategy: 'samlp',
        metadata: { customer_id: 'cust_42' },
      },
    ]);
    const handler = handlerFor(tenant);
    for (const q of ['zurich', 'ZÜRICH', 'Zürich b']) {
      const page = await search(handler, `q=${encodeURIComponent(q)}`);
      // The seed's "Zürich Bank SAML 🇨🇭" and the one added here, by name.
      expect(page.connections.map((item) => item.name)).toEqual(
        q === 'Zürich b' ? ['zurich-bank-saml'] : ['zurich-bank-saml', 'zurich-versicherung'],
      );
    }
    const page = await search(handler, 'q=versich');
    expect(page.connections).toEqual([
      {
        id: 'con_Zurich0000000001',
        name: 'zurich-versicherung',
        display_name: 'Zürich Versicherung',
        strategy: 'samlp',
      },
    ]);
    expect(page.total).toBe(1);
  });

  it('combines the search with the kind, and the kind alone lists every connection of that kind', async () => {
    const tenant = createLargeTenant({ connections: 600, rateLimits: false });
    const handler = handlerFor(tenant);
    const enterprise = (connection: Item) => connectionKind(connection.strategy) === 'enterprise';
    const both = await search(handler, 'q=amber&kind=enterprise&take=100');
    expect(both.connections).toEqual(
      matching(tenant, (connection) => contains('amber')(connection) && enterprise(connection)).slice(0, 100),
    );
    const social = await search(handler, 'kind=social&take=100');
    expect(social.total).toBe(
      matching(tenant, (connection) => connectionKind(connection.strategy) === 'social').length,
    );
  });

  it('pages with take and the next it gives, to the last page, which has no next', async () => {
    const tenant = createLargeTenant({ connections: 800, rateLimits: false });
    const handler = handlerFor(tenant);
    const expected = matching(tenant, contains('-0'));
    const seen: Item[] = [];
    let query = 'q=-0&take=70';
    for (;;) {
      const page = await search(handler, query);
      expect(page.total).toBe(expected.length);
      seen.push(...page.connections);
      if (page.next === undefined) break;
      expect(page.connections).toHaveLength(70);
      query = `q=-0&take=70&from=${encodeURIComponent(page.next)}`;
    }
    expect(seen).toEqual(expected);
  });

  it('without q, lists the tenant as GET /connections does, in the same order', async () => {
    const tenant = createLargeTenant({ connections: 200, rateLimits: false });
    const page = await search(handlerFor(tenant), 'take=100&fields=id,name,display_name,strategy&include_fields=true');
    expect(page.connections).toEqual(matching(tenant, () => true).slice(0, 100));
  });

  it('a search answered while the first walk runs says partial and counts what is indexed so far', async () => {
    const tenant = createLargeTenant({
      connections: 1000,
      rateLimits: false,
      latency: (request) => (request.query.from === undefined ? 0 : 50),
    });
    const response = await get(handlerFor(tenant), 'q=a');
    const page = (await response.json()) as Page;
    expect(page.search).toBe('partial');
    expect(page.indexed).toBe(100);
    expect(page.total).toBeLessThanOrEqual(100);
  });

  it.each([
    ['from', 'from=not-a-checkpoint', /"from" must be a checkpoint from a previous page/],
    ['q of spaces', 'q=%20%20', /"q" must be text of 1 to 128 characters/],
    ['q too long', `q=${'a'.repeat(129)}`, /"q" must be text of 1 to 128 characters/],
    ['an unknown kind', 'kind=robot', /"kind" must be one of database, social, enterprise, passwordless/],
    ['q with offset paging', 'q=a&page=0&per_page=10', /"q" pages with from and take/],
  ])('refuses %s with a 400 naming the parameter, and sends nothing upstream', async (_what, query, message) => {
    const tenant = createLargeTenant({ connections: 10, rateLimits: false });
    const response = await get(handlerFor(tenant), query);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errorCode: 'invalid_query_string',
      message: expect.stringMatching(message),
    });
    expect(walkRequests(tenant)).toHaveLength(0);
  });

  it('with index: false, q is refused (Auth0 cannot search) and the list goes to Auth0 as asked', async () => {
    const tenant = createLargeTenant({ connections: 10, rateLimits: false });
    const handler = handlerFor(tenant, tenantAdmin, { index: false });
    const refused = await get(handler, 'q=acme');
    expect(refused.status).toBe(400);
    expect((await refused.json()).message).toMatch(/needs the handler's connection index/);
    const listed = await get(handler, 'take=5');
    expect(listed.status).toBe(200);
    expect((await listed.json()).search).toBeUndefined();
    expect(walkRequests(tenant).map((request) => request.query)).toEqual([{ take: '5' }]);
  });

  it('offset paging still goes to Auth0 as asked', async () => {
    const tenant = createLargeTenant({ connections: 10, rateLimits: false });
    const response = await get(handlerFor(tenant), 'page=0&per_page=5&include_totals=true');
    expect(response.status).toBe(200);
    expect((await response.json()).connections).toHaveLength(5);
    expect(walkRequests(tenant).map((request) => request.query)).toEqual([
      { page: '0', per_page: '5', include_totals: 'true' },
    ]);
  });

  it('an org admin still gets the 404 of a route not served, and nothing is walked', async () => {
    const tenant = createLargeTenant({ connections: 10, rateLimits: false });
    const response = await get(handlerFor(tenant, orgAdmin), 'q=acme');
    expect(response.status).toBe(404);
    expect(walkRequests(tenant)).toHaveLength(0);
  });

  it('when Auth0 refuses the walk (no read:connections), its 403 reaches the browser', async () => {
    const tenant = createLargeTenant({ connections: 10, rateLimits: false });
    const token = tenant.issueToken({ scopes: ALL_SCOPES.filter((scope) => scope !== 'read:connections') });
    const response = await get(handlerFor(tenant, tenantAdmin, { getManagementToken: () => token }), 'q=acme');
    expect(response.status).toBe(403);
    expect((await response.json()).errorCode).toBe('insufficient_scope');
  });

  it('an add Auth0 answers "the connection does not exist" walks the index again, so the picker stops offering it', async () => {
    const tenant = createLargeTenant({ connections: 150, rateLimits: false });
    const handler = handlerFor(tenant);
    const gone = tenant.listConnections().find((connection) => connection.name.startsWith('amber'));
    if (gone === undefined) throw new Error('The generated tenant has an amber connection.');
    expect((await search(handler, `q=${gone.name}`)).connections.map((item) => item.id)).toEqual([gone.id]);

    const data = tenant.snapshot();
    data.connections = data.connections.filter((connection) => connection.id !== gone.id);
    tenant.reset(data);
    const add = await handler(
      new Request(`${BASE}/organizations/${seedIds.organizations.globex}/connections`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
        body: JSON.stringify({ connection_id: gone.id }),
      }),
    );
    expect(add.status).toBe(404);
    expect((await add.json()).errorCode).toBe('inexistent_connection');
    await expect.poll(async () => (await search(handler, `q=${gone.name}`)).total).toBe(0);
  });

  it('a 429 from Auth0 holds requests that go upstream, not searches the index answers from memory', async () => {
    const tenant = createLargeTenant({ connections: 300, rateLimits: false });
    const handler = handlerFor(tenant);
    await search(handler, 'q=amber');
    tenant.rateLimitNext({ retryAfterSeconds: 30 });
    const organizationList = () =>
      handler(
        new Request(`${BASE}/organizations/${seedIds.organizations.acme}/connections`, { headers: { origin: ORIGIN } }),
      );
    expect((await organizationList()).status).toBe(429);
    tenant.clearRequests();
    // Held: the next organization list is refused without asking Auth0 ...
    expect((await organizationList()).status).toBe(429);
    // ... while the search still answers, from the index.
    const page = await search(handler, 'q=amber');
    expect(page.total).toBe(matching(tenant, contains('amber')).length);
    expect(tenant.requests).toHaveLength(0);
  });

  it("the walk sends no page while Auth0's shared 429 hold lasts, whoever's 429 set it, then finishes (fake time)", async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 11, 6, 9, 0, 0) });
    try {
      const tenant = createLargeTenant({
        connections: 1000,
        rateLimits: false,
        latency: (request) => (request.path === '/connections' ? 100 : 0),
      });
      const handler = handlerFor(tenant);
      const first = get(handler, 'q=a');
      await vi.advanceTimersByTimeAsync(250);
      // An organization's list (here, or on another instance) is answered 429, reset in 30 s.
      tenant.rateLimitNext({ retryAfterSeconds: 30, match: (request) => request.path !== '/connections' });
      const organizationList = await handler(
        new Request(`${BASE}/organizations/${seedIds.organizations.acme}/connections`, { headers: { origin: ORIGIN } }),
      );
      expect(organizationList.status).toBe(429);
      expect((await (await first).json()).search).toBe('partial');
      const pagesAtHold = walkRequests(tenant).length;
      expect(pagesAtHold).toBeLessThan(10);
      await vi.advanceTimersByTimeAsync(29_000);
      expect(walkRequests(tenant)).toHaveLength(pagesAtHold);
      // Past the reset it walks on, to the last page.
      await vi.advanceTimersByTimeAsync(3_000);
      expect(walkRequests(tenant).length).toBeGreaterThan(pagesAtHold);
      const page = (await (await get(handler, 'q=a')).json()) as Page;
      expect(page.search).toBe('complete');
      expect(page.total).toBe(matching(tenant, contains('a')).length);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    [{ rateLimitShare: 0 }, /index\.rateLimitShare` must be a number above 0 and at most 1/],
    [{ rateLimitShare: 1.5 }, /index\.rateLimitShare` must be a number above 0 and at most 1/],
    [{ maxAgeMs: -1 }, /index\.maxAgeMs` must be a number of milliseconds/],
    [{ firstAnswerWaitMs: Number.NaN }, /index\.firstAnswerWaitMs` must be a number of milliseconds/],
  ])('refuses index options that cannot work when the handler is created: %o', (index, message) => {
    const tenant = createLargeTenant({ connections: 0, rateLimits: false });
    expect(() => handlerFor(tenant, tenantAdmin, { index })).toThrow(message);
  });
});

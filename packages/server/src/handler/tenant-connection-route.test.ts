import {
  createManagementApiClient,
  isOrgConnectionsError,
  TENANT_CONNECTIONS_ORGANIZATION_HEADER,
} from '@org-connections/core';
import {
  createFakeFetch,
  createFakeTenant,
  createSeedTenantData,
  type FakeTenant,
  seedIds,
} from '@org-connections/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { Attachable } from '../upstream/attachable';
import { createOrgConnectionsHandler, type OrgConnectionsHandlerOptions } from './create-org-connections-handler';
import type { OrgConnectionsAuthorization } from './org-connections-authorization';

/*
 * `GET {base}/connections/{id}`: one tenant connection (the rollout dialog's), to the callers of the tenant's list
 * and under its rules, from the connection index when it holds it, else one request to Auth0.
 */

const { acme, globex, umbrella } = seedIds.organizations;
const c = seedIds.connections;
const ORIGIN = 'https://app.example';
const BASE = `${ORIGIN}/api/org-connections`;
const PICKER_FIELDS = 'fields=id,name,display_name,strategy&include_fields=true';

/** The seed, with the owner of some connections in their metadata. */
function ownedTenantData() {
  const data = createSeedTenantData();
  const owners: Record<string, Record<string, string>> = {
    [c.oktaAcme]: { organization_id: acme },
    [c.zurichBank]: { organization_id: globex },
    [c.google]: { shared: 'true' },
  };
  data.connections = data.connections.map((connection) => ({ ...connection, metadata: owners[connection.id] ?? {} }));
  return data;
}

const tenant: FakeTenant = createFakeTenant({ data: ownedTenantData() });
afterEach(() => tenant.reset());

const staff: OrgConnectionsAuthorization = { view: 'tenant-admin', actor: 'user|staff' };
const readOnlyStaff: OrgConnectionsAuthorization = { view: 'tenant-admin', actor: 'user|support', readOnly: true };
const scopedStaff: OrgConnectionsAuthorization = {
  view: 'tenant-admin',
  actor: 'user|staff',
  organizations: [acme, globex],
};
const orgAdmin: OrgConnectionsAuthorization = { view: 'org-admin', actor: 'user|acme-admin', organizationId: acme };

/** By metadata: a connection belongs to the organization its `organization_id` names, or is shared by all. */
const byMetadata: Attachable = (connection, organizationId) =>
  connection.metadata?.organization_id === organizationId || connection.metadata?.shared === 'true';

function handlerFor(authorization: OrgConnectionsAuthorization, options: Partial<OrgConnectionsHandlerOptions> = {}) {
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

const getOne = (handler: Handler, connectionId: string, query = PICKER_FIELDS, headers: Record<string, string> = {}) =>
  handler(new Request(`${BASE}/connections/${connectionId}${query === '' ? '' : `?${query}`}`, { headers }));

/** Reads the tenant's list until the index holds the whole tenant, then forgets those requests. */
async function warmIndex(handler: Handler): Promise<void> {
  for (;;) {
    const page = (await (await handler(new Request(`${BASE}/connections?take=1`))).json()) as { search?: string };
    if (page.search === 'complete') break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  tenant.clearRequests();
}

const upstream = () => tenant.requests.map((request) => `${request.method} ${request.path}`);

describe('GET {base}/connections/{id}: where the answer comes from', () => {
  it('answers from the index when it holds the connection: no request reaches Auth0', async () => {
    const handler = handlerFor(staff);
    await warmIndex(handler);
    const response = await getOne(handler, c.oktaAcme);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: c.oktaAcme,
      name: 'acme-okta',
      display_name: 'Acme Okta Workforce',
      strategy: 'okta',
    });
    expect(upstream()).toEqual([]);
  });

  it('asks Auth0 once, GET /connections/{id} with the fields asked, for a connection the index does not hold', async () => {
    const handler = handlerFor(staff);
    await warmIndex(handler);
    tenant.addConnections([{ id: 'con_AddedAfterWalk01', name: 'added-later', strategy: 'samlp' }]);
    const response = await getOne(handler, 'con_AddedAfterWalk01');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 'con_AddedAfterWalk01', name: 'added-later', strategy: 'samlp' });
    expect(upstream()).toEqual(['GET /connections/con_AddedAfterWalk01']);
    expect(tenant.requests[0]?.query).toEqual({ fields: 'id,name,display_name,strategy', include_fields: 'true' });
  });

  it('does not start walking the tenant to find one connection: before any index, one request in all', async () => {
    const handler = handlerFor(staff);
    const response = await getOne(handler, c.github);
    expect(response.status).toBe(200);
    expect((await response.json()).id).toBe(c.github);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(upstream()).toEqual([`GET /connections/${c.github}`]);
  });

  it('with index: false, asks Auth0 once and passes its answer through', async () => {
    const response = await getOne(handlerFor(staff, { index: false }), c.google, 'fields=id,strategy');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: c.google, strategy: 'google-oauth2' });
    expect(upstream()).toEqual([`GET /connections/${c.google}`]);
  });

  it('a connection Auth0 does not have is a 404 inexistent_connection', async () => {
    const response = await getOne(handlerFor(staff), 'con_Missing000000000');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404, errorCode: 'inexistent_connection' });
  });
});

describe('GET {base}/connections/{id}: who may read it, as for the list', () => {
  it('an org admin gets the 404 of a route not served, and nothing reaches Auth0', async () => {
    const handler = handlerFor(orgAdmin);
    const one = await getOne(handler, c.github);
    const list = await handler(new Request(`${BASE}/connections?take=5`));
    expect(one.status).toBe(404);
    expect(await one.json()).toEqual(await list.json());
    expect(upstream()).toEqual([]);
  });

  it('the read-only staff role may read it', async () => {
    const response = await getOne(handlerFor(readOnlyStaff, { index: false }), c.github);
    expect(response.status).toBe(200);
    expect((await response.json()).id).toBe(c.github);
  });

  it('a staff scope limited to some organizations must name one of them, as for the list', async () => {
    const handler = handlerFor(scopedStaff, { index: false });
    const unnamed = await getOne(handler, c.github);
    expect(unnamed.status).toBe(400);
    expect(await unnamed.json()).toMatchObject({
      errorCode: 'invalid_query_string',
      message: expect.stringContaining('organization_id'),
    });
    const outside = await getOne(handler, c.github, `${PICKER_FIELDS}&organization_id=${umbrella}`);
    expect(outside.status).toBe(404);
    expect((await outside.json()).errorCode).toBe('inexistent_organization');
    expect(upstream()).toEqual([]);
    const inside = await getOne(handler, c.github, PICKER_FIELDS, { [TENANT_CONNECTIONS_ORGANIZATION_HEADER]: globex });
    expect(inside.status).toBe(200);
  });

  it('is held to the per-caller limit, as every route is', async () => {
    const handler = handlerFor(staff, { index: false, limits: { perActor: { requests: 1, perSeconds: 60 } } });
    expect((await getOne(handler, c.github)).status).toBe(200);
    const limited = await getOne(handler, c.github);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).not.toBeNull();
    expect(upstream()).toEqual([`GET /connections/${c.github}`]);
  });

  it("during Auth0's 429 hold, answers from the index as the list does; a miss goes to Auth0, which says 429", async () => {
    const handler = handlerFor(staff);
    await warmIndex(handler);
    tenant.addConnections([{ id: 'con_AddedAfterWalk01', name: 'added-later', strategy: 'samlp' }]);
    tenant.rateLimitNext({ retryAfterSeconds: 30 });
    expect((await getOne(handler, 'con_AddedAfterWalk01')).status).toBe(429);
    tenant.clearRequests();
    const held = await handler(new Request(`${BASE}/organizations/${acme}/connections`));
    expect(held.status).toBe(429);
    expect(upstream()).toEqual([]);
    expect((await getOne(handler, c.oktaAcme)).status).toBe(200);
    expect(upstream()).toEqual([]);
  });

  it('refuses an id that is not a connection id, and any query parameter the route does not take', async () => {
    const handler = handlerFor(staff);
    const badId = await getOne(handler, 'con_short');
    expect(badId.status).toBe(400);
    expect((await badId.json()).errorCode).toBe('invalid_path');
    const badQuery = await getOne(handler, c.github, 'take=5');
    expect(badQuery.status).toBe(400);
    expect((await badQuery.json()).errorCode).toBe('invalid_query_string');
    expect(upstream()).toEqual([]);
  });
});

describe.each([
  ['through the connection index', {}],
  ['straight from Auth0 (index: false)', { index: false }],
] as const)("GET {base}/connections/{id} for an organization, with the host's attachable, %s", (label, indexOption) => {
  const handler = () => handlerFor(staff, { attachable: byMetadata, ...indexOption });

  it('answers a connection attachable to the organization, without its metadata', async () => {
    const serve = handler();
    if (label.startsWith('through')) await warmIndex(serve);
    const response = await getOne(serve, c.oktaAcme, `${PICKER_FIELDS}&organization_id=${acme}`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ id: c.oktaAcme, strategy: 'okta' });
    expect(body).not.toHaveProperty('metadata');
  });

  it('answers one it does not allow there exactly as one that does not exist', async () => {
    const serve = handler();
    if (label.startsWith('through')) await warmIndex(serve);
    const notAttachable = await getOne(serve, c.zurichBank, `${PICKER_FIELDS}&organization_id=${acme}`);
    const missing = await getOne(serve, 'con_Missing000000000', `${PICKER_FIELDS}&organization_id=${acme}`);
    expect(notAttachable.status).toBe(404);
    expect(await notAttachable.text()).toBe(await missing.text());
    expect([...notAttachable.headers].sort()).toEqual([...missing.headers].sort());
  });
});

describe('the browser client through the route', () => {
  it('getTenantConnection reads the connection in one request and a missing one is not_found', async () => {
    const handler = handlerFor(staff, { index: false });
    const api = createManagementApiClient({ baseUrl: BASE, fetch: (input, init) => handler(new Request(input, init)) });
    const get = api.getTenantConnection;
    if (get === undefined) throw new Error('The Management API client has getTenantConnection.');
    expect(await get(c.oktaAcme)).toEqual({
      id: c.oktaAcme,
      name: 'acme-okta',
      displayName: 'Acme Okta Workforce',
      strategy: 'okta',
      kind: 'enterprise',
    });
    expect(upstream()).toEqual([`GET /connections/${c.oktaAcme}`]);
    const error = await get('con_Missing000000000').catch((caught: unknown) => caught);
    expect(isOrgConnectionsError(error) && error.kind).toBe('not_found');
  });
});

import {
  createManagementApiClient,
  OrgConnectionsError,
  TENANT_CONNECTIONS_ORGANIZATION_HEADER,
} from '@org-connections/core';
import { createFakeFetch, createFakeTenant, createSeedTenantData, seedIds } from '@org-connections/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrgConnectionsAuditEvent } from '../handler/audit-event';
import {
  createOrgConnectionsHandler,
  type OrgConnectionsHandlerOptions,
} from '../handler/create-org-connections-handler';
import type { OrgConnectionsAuthorization, TenantAdminAuthorization } from '../handler/org-connections-authorization';
import type { Attachable, Auth0Connection } from './attachable';

const { acme, globex, umbrella } = seedIds.organizations;
const c = seedIds.connections;
const ORIGIN = 'https://app.example';
const BASE = `${ORIGIN}/api/org-connections`;

/** The seed, with the owner of some connections in their metadata (the README's first recipe). */
function ownedTenantData() {
  const data = createSeedTenantData();
  const owners: Record<string, Record<string, string>> = {
    [c.oktaAcme]: { organization_id: acme },
    [c.zurichBank]: { organization_id: globex },
    [c.samlUmbrella]: { organization_id: umbrella },
    [c.pingUmbrella]: { organization_id: umbrella },
    [c.google]: { shared: 'true' },
    [c.github]: { shared: 'true' },
  };
  data.connections = data.connections.map((connection) => ({ ...connection, metadata: owners[connection.id] ?? {} }));
  return data;
}

const tenant = createFakeTenant({ data: ownedTenantData() });
const audits: OrgConnectionsAuditEvent[] = [];
afterEach(() => {
  tenant.reset();
  audits.length = 0;
});

const staff: TenantAdminAuthorization = { view: 'tenant-admin', actor: 'user|staff' };
const scopedStaff: TenantAdminAuthorization = {
  view: 'tenant-admin',
  actor: 'user|staff',
  organizations: [acme, globex],
};

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
    onAudit: (event) => {
      audits.push(event);
    },
    attachable: byMetadata,
    ...options,
  } as OrgConnectionsHandlerOptions);
}

function add(organizationId: string, connectionId: string): Request {
  return new Request(`${BASE}/organizations/${organizationId}/connections`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
    body: JSON.stringify({ connection_id: connectionId, is_enabled: true }),
  });
}

function list(query: string): Request {
  return new Request(`${BASE}/connections?${query}`, { headers: { origin: ORIGIN } });
}

const upstream = () => tenant.requests.map((request) => `${request.method} ${request.path}`);
const enabledIds = (organizationId: string) =>
  tenant.listOrganizationConnections(organizationId).map((connection) => connection.connection_id);
const ids = (body: { connections: { id: string }[] }) => body.connections.map((connection) => connection.id);

describe('attachable: adding a connection to an organization', () => {
  it("refuses another organization's connection: 403, nothing written upstream, audited as refused", async () => {
    const before = enabledIds(acme);
    const response = await handlerFor(staff)(add(acme, c.samlUmbrella));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      errorCode: 'connection_not_attachable',
      message: 'This connection may not be added to this organization.',
    });
    // The connection was read from Auth0 (never taken from the browser); no write was sent.
    expect(upstream()).toEqual([`GET /connections/${c.samlUmbrella}`]);
    expect(tenant.requests[0]?.query).toEqual({
      fields: 'id,name,display_name,strategy,metadata',
      include_fields: 'true',
    });
    expect(enabledIds(acme)).toEqual(before);
    expect(audits).toEqual([
      expect.objectContaining({
        actor: 'user|staff',
        organizationId: acme,
        connectionId: c.samlUmbrella,
        action: 'add',
        outcome: 'refused',
        status: 403,
        errorCode: 'connection_not_attachable',
      }),
    ]);
    expect(audits[0]).not.toHaveProperty('after');
  });

  it("adds a connection the host's rule allows, judged on the connection as Auth0 has it", async () => {
    const seen: [Auth0Connection, string, TenantAdminAuthorization][] = [];
    const handler = handlerFor(staff, {
      attachable: (connection, organizationId, authorization) => {
        seen.push([connection, organizationId, authorization]);
        return connection.metadata?.organization_id === organizationId;
      },
    });
    const response = await handler(add(globex, c.zurichBank));
    expect(response.status).toBe(201);
    expect(seen).toEqual([
      [
        {
          id: c.zurichBank,
          name: 'zurich-bank-saml',
          display_name: 'Zürich Bank SAML 🇨🇭',
          strategy: 'samlp',
          metadata: { organization_id: globex },
        },
        globex,
        staff,
      ],
    ]);
    expect(upstream()).toEqual([`GET /connections/${c.zurichBank}`, `POST /organizations/${globex}/connections`]);
    expect(enabledIds(globex)).toEqual([c.zurichBank]);
    expect(audits).toEqual([expect.objectContaining({ action: 'add', outcome: 'allowed', status: 201 })]);
  });

  it('a connection that does not exist is Auth0 404, and nothing is written', async () => {
    const response = await handlerFor(staff)(add(acme, 'con_DoesNotExist0000'));
    expect(response.status).toBe(404);
    expect((await response.json()).errorCode).toBe('inexistent_connection');
    expect(upstream()).toContain('GET /connections/con_DoesNotExist0000');
    expect(upstream().filter((request) => !request.startsWith('GET '))).toEqual([]);
  });

  it('fails closed when attachable throws: 403 attachable_unavailable, the message and the audit say why', async () => {
    const handler = handlerFor(staff, {
      attachable: () => {
        throw new Error('database password is hunter2');
      },
    });
    const response = await handler(add(globex, c.zurichBank));
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body.errorCode).toBe('attachable_unavailable');
    expect(body.message).toContain('attachable threw');
    expect(body.message).not.toContain('hunter2');
    expect(upstream()).toEqual([`GET /connections/${c.zurichBank}`]);
    expect(enabledIds(globex)).toEqual([]);
    expect(audits).toEqual([
      expect.objectContaining({
        outcome: 'refused',
        status: 403,
        errorCode: 'attachable_unavailable',
        reason: expect.stringContaining('attachable threw'),
      }),
    ]);
  });

  it('fails closed when attachable rejects', async () => {
    const handler = handlerFor(staff, { attachable: async () => Promise.reject(new Error('down')) });
    const response = await handler(add(globex, c.zurichBank));
    expect(response.status).toBe(403);
    expect((await response.json()).errorCode).toBe('attachable_unavailable');
    expect(enabledIds(globex)).toEqual([]);
  });

  it('fails closed when attachable does not answer within attachableTimeoutMs', async () => {
    const handler = handlerFor(staff, {
      attachable: () => new Promise<boolean>(() => {}),
      attachableTimeoutMs: 20,
    });
    const response = await handler(add(globex, c.zurichBank));
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body.errorCode).toBe('attachable_unavailable');
    expect(body.message).toContain('did not answer within 20 ms');
    expect(upstream()).toEqual([`GET /connections/${c.zurichBank}`]);
    expect(audits[0]).toMatchObject({ outcome: 'refused', reason: expect.stringContaining('within 20 ms') });
  });

  it('fails closed when attachable answers something other than a boolean', async () => {
    const handler = handlerFor(staff, { attachable: (() => 'yes') as unknown as Attachable });
    const response = await handler(add(globex, c.zurichBank));
    expect(response.status).toBe(403);
    expect((await response.json()).message).toContain('not a boolean');
    expect(enabledIds(globex)).toEqual([]);
  });

  it('without attachable every connection may be added (as before)', async () => {
    const response = await handlerFor(staff, { attachable: undefined })(add(acme, c.samlUmbrella));
    expect(response.status).toBe(201);
    expect(upstream()).toEqual([`POST /organizations/${acme}/connections`]);
  });

  it('refuses a bad attachableTimeoutMs when the handler is created', () => {
    expect(() => handlerFor(staff, { attachableTimeoutMs: 0 })).toThrow(/attachableTimeoutMs/);
    expect(() => handlerFor(staff, { attachable: 'yes' as unknown as Attachable })).toThrow(/attachable/);
  });
});

describe.each([
  ['through the connection index', {}],
  ['straight from Auth0 (index: false)', { index: false }],
] as const)('attachable: the picker for an organization, %s', (_, indexOption) => {
  const handler = (authorization: OrgConnectionsAuthorization, options: Partial<OrgConnectionsHandlerOptions> = {}) =>
    handlerFor(authorization, { ...indexOption, ...options } as Partial<OrgConnectionsHandlerOptions>);
  const picker = 'take=50&fields=id,name,display_name,strategy&include_fields=true';

  it('lists only the connections attachable to that organization, without their metadata', async () => {
    const response = await handler(staff)(list(`${picker}&organization_id=${umbrella}`));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(ids(body).sort()).toEqual([c.github, c.google, c.pingUmbrella, c.samlUmbrella].sort());
    for (const connection of body.connections) expect(connection).not.toHaveProperty('metadata');
    // Sorted as Auth0 sorts (by name).
    const names = body.connections.map((connection: { name: string }) => connection.name);
    expect(names).toEqual([...names].sort());
    // Auth0 is never asked to understand organization_id.
    for (const request of tenant.requests) expect(request.query).not.toHaveProperty('organization_id');
  });

  it("the browser client's organization header does what organization_id does (the picker names its organization so)", async () => {
    const serve = handler(scopedStaff);
    const api = createManagementApiClient({ baseUrl: BASE, fetch: (input, init) => serve(new Request(input, init)) });
    const page = await api.listTenantConnections({ take: 50, organizationId: globex });
    expect(page.items.map((connection) => connection.id).sort()).toEqual(
      ids(await (await handler(staff)(list(`${picker}&organization_id=${globex}`))).json()).sort(),
    );
    const outside = await api.listTenantConnections({ take: 50, organizationId: umbrella }).catch((error) => error);
    expect(outside).toBeInstanceOf(OrgConnectionsError);
    expect(outside.kind).toBe('not_found');
    const disagreeing = new Request(`${BASE}/connections?${picker}&organization_id=${acme}`, {
      headers: { origin: ORIGIN, [TENANT_CONNECTIONS_ORGANIZATION_HEADER]: umbrella },
    });
    const refused = await handler(staff)(disagreeing);
    expect(refused.status).toBe(400);
    expect((await refused.json()).errorCode).toBe('invalid_query_string');
  });

  it('another organization gets its own connections', async () => {
    const body = await (await handler(staff)(list(`${picker}&organization_id=${acme}`))).json();
    expect(ids(body).sort()).toEqual([c.github, c.google, c.oktaAcme].sort());
  });

  it('an attachable that throws for a connection leaves it out (fail closed)', async () => {
    const attachable: Attachable = (connection, organizationId) => {
      if (connection.id === c.github) throw new Error('lookup failed');
      return byMetadata(connection, organizationId, staff);
    };
    const body = await (await handler(staff, { attachable })(list(`${picker}&organization_id=${acme}`))).json();
    expect(ids(body).sort()).toEqual([c.google, c.oktaAcme].sort());
  });

  it('a connection whose async judgement does not answer in time is left out; the others are listed', async () => {
    const attachable: Attachable = async (connection, organizationId) => {
      if (connection.id === c.github) return new Promise<boolean>(() => {});
      return byMetadata(connection, organizationId, staff);
    };
    const response = await handler(staff, { attachable, attachableTimeoutMs: 30 })(
      list(`${picker}&organization_id=${acme}`),
    );
    expect(ids(await response.json()).sort()).toEqual([c.google, c.oktaAcme].sort());
  });

  it('never sends metadata to the browser, even when no fields are asked for', async () => {
    const body = await (await handler(staff)(list(`take=50&organization_id=${umbrella}`))).json();
    expect(ids(body).sort()).toEqual([c.github, c.google, c.pingUmbrella, c.samlUmbrella].sort());
    for (const connection of body.connections) expect(connection).not.toHaveProperty('metadata');
  });

  it('without organization_id an unscoped staff member lists every connection', async () => {
    const body = await (await handler(staff)(list(picker))).json();
    expect(body.connections).toHaveLength(createSeedTenantData().connections.length);
  });

  it('a staff scope limits organization_id to its organizations (404 otherwise, nothing upstream)', async () => {
    const outside = await handler(scopedStaff)(list(`${picker}&organization_id=${umbrella}`));
    expect(outside.status).toBe(404);
    expect((await outside.json()).errorCode).toBe('inexistent_organization');
    expect(tenant.requests).toEqual([]);
    const inside = await handler(scopedStaff)(list(`${picker}&organization_id=${globex}`));
    expect(inside.status).toBe(200);
    expect(ids(await inside.json()).sort()).toEqual([c.github, c.google, c.zurichBank].sort());
  });

  it('a staff member limited to some organizations must name one (400), and reaches nothing upstream', async () => {
    const response = await handler(scopedStaff)(list(picker));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errorCode).toBe('invalid_query_string');
    expect(body.message).toContain('organization_id');
    expect(tenant.requests).toEqual([]);
  });

  it('refuses an organization_id that is not an organization id', async () => {
    const response = await handler(staff)(list(`${picker}&organization_id=acme`));
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain('organization_id');
  });
});

describe('attachable: searching the picker through the connection index', () => {
  it('searches only among the connections attachable to the organization', async () => {
    const handler = handlerFor(staff);
    const umbrellaMatches = await (await handler(list(`take=50&q=umbrella&organization_id=${umbrella}`))).json();
    expect(ids(umbrellaMatches).sort()).toEqual([c.pingUmbrella, c.samlUmbrella].sort());
    expect(umbrellaMatches.total).toBe(2);
    const acmeMatches = await (await handler(list(`take=50&q=umbrella&organization_id=${acme}`))).json();
    expect(acmeMatches.connections).toEqual([]);
    expect(acmeMatches.total).toBe(0);
  });
});

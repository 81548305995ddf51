import { createManagementApiClient, hasNoVisibleConnection } from '@org-connections/core';
import { fromWireOrganizationConnection } from '@org-connections/core/wire';
import { createFakeFetch, createFakeTenant, type FakeOrganizationConnection, seedIds } from '@org-connections/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createOrgConnectionsHandler } from './create-org-connections-handler';
import type { OrgConnectionsAuthorization } from './org-connections-authorization';

const { acme, umbrella } = seedIds.organizations;
const c = seedIds.connections;
const ORIGIN = 'https://app.example';
const BASE = `${ORIGIN}/api/org-connections`;

const tenant = createFakeTenant();
afterEach(() => tenant.reset());

const umbrellaAdmin: OrgConnectionsAuthorization = { view: 'org-admin', actor: 'user|u', organizationId: umbrella };

function handlerFor(authorization: OrgConnectionsAuthorization) {
  return createOrgConnectionsHandler({
    domain: 'fake-tenant.test',
    basePath: '/api/org-connections',
    getManagementToken: () => tenant.defaultToken,
    authorize: async () => authorization,
    fetch: createFakeFetch(tenant),
    index: false,
  });
}

/** The browser client, calling the handler as a page on the host's origin would. */
function browserClient(authorization: OrgConnectionsAuthorization) {
  const handler = handlerFor(authorization);
  return createManagementApiClient({
    baseUrl: BASE,
    fetch: (url, init) => handler(new Request(url, { ...init, headers: { ...init?.headers, origin: ORIGIN } })),
  });
}

/** A database connection enabled for Umbrella at `none`: hidden from its admin, shown on its login prompt. */
function withHiddenDatabase() {
  const hidden: FakeOrganizationConnection = {
    connection_id: c.usernamePassword,
    organization_access_level: 'none',
    is_enabled: true,
    assign_membership_on_login: false,
    is_signup_enabled: false,
    show_as_button: true,
  };
  tenant.setOrganizationConnections(umbrella, [...tenant.listOrganizationConnections(umbrella), hidden]);
}

async function list(authorization: OrgConnectionsAuthorization, organizationId: string, query = '') {
  const response = await handlerFor(authorization)(
    new Request(`${BASE}/organizations/${organizationId}/connections${query}`, { headers: { origin: ORIGIN } }),
  );
  expect(response.status).toBe(200);
  return response.json();
}

describe("the org admin's login prompt verdict (login_prompt)", () => {
  it('with a hidden `none` database connection: the prompt has a visible connection, though the admin sees only hidden ones', async () => {
    withHiddenDatabase();
    const body = await list(umbrellaAdmin, umbrella, '?include_totals=true');
    // What the admin may see: two enterprise connections, both hidden from the login prompt.
    const seen = body.connections.map(fromWireOrganizationConnection);
    expect(seen.map((connection: { connectionId: string }) => connection.connectionId).sort()).toEqual(
      [c.pingUmbrella, c.samlUmbrella].sort(),
    );
    expect(hasNoVisibleConnection(seen)).toBe(true);
    // The server judged all of them, the database one included, and says so without naming it.
    expect(body.login_prompt).toEqual({ state: 'ready' });
    expect(body.total).toBe(2);
    expect(JSON.stringify(body)).not.toContain(c.usernamePassword);
    expect(JSON.stringify(body)).not.toContain('Username-Password-Authentication');
  });

  it('without it: every enabled connection is a hidden enterprise one, so the prompt shows none and login fails', async () => {
    const body = await list(umbrellaAdmin, umbrella);
    expect(body.login_prompt).toEqual({ state: 'failure' });
  });

  it('a hidden database connection that is switched off does not count', async () => {
    withHiddenDatabase();
    tenant.setOrganizationConnections(
      umbrella,
      tenant
        .listOrganizationConnections(umbrella)
        .map((connection) =>
          connection.connection_id === c.usernamePassword ? { ...connection, is_enabled: false } : connection,
        ),
    );
    expect((await list(umbrellaAdmin, umbrella)).login_prompt).toEqual({ state: 'failure' });
  });

  it('with no connection enabled, the hidden `none` one included: the prompt is empty, not failing nor ready', async () => {
    withHiddenDatabase();
    tenant.setOrganizationConnections(
      umbrella,
      tenant.listOrganizationConnections(umbrella).map((connection) => ({ ...connection, is_enabled: false })),
    );
    const body = await list(umbrellaAdmin, umbrella, '?include_totals=true');
    expect(body.login_prompt).toEqual({ state: 'empty' });
    expect(body.total).toBe(2);
    expect(JSON.stringify(body)).not.toContain(c.usernamePassword);
  });

  it('with only the hidden `none` connection enabled: ready, though the admin sees nothing enabled', async () => {
    withHiddenDatabase();
    tenant.setOrganizationConnections(
      umbrella,
      tenant
        .listOrganizationConnections(umbrella)
        .map((connection) => ({ ...connection, is_enabled: connection.connection_id === c.usernamePassword })),
    );
    const body = await list(umbrellaAdmin, umbrella);
    expect(body.connections.every((connection: { is_enabled: boolean }) => !connection.is_enabled)).toBe(true);
    expect(body.login_prompt).toEqual({ state: 'ready' });
  });

  it('with only a hidden `none` enterprise connection enabled, not shown as a button: login fails', async () => {
    tenant.setOrganizationConnections(umbrella, [
      ...tenant.listOrganizationConnections(umbrella).map((connection) => ({ ...connection, is_enabled: false })),
      {
        connection_id: c.oktaAcme,
        organization_access_level: 'none',
        is_enabled: true,
        assign_membership_on_login: false,
        is_signup_enabled: false,
        show_as_button: false,
      },
    ]);
    const body = await list(umbrellaAdmin, umbrella);
    expect(body.login_prompt).toEqual({ state: 'failure' });
    expect(JSON.stringify(body)).not.toContain(c.oktaAcme);
  });

  it('the verdict covers the whole organization whatever page or is_enabled filter the admin asks for', async () => {
    withHiddenDatabase();
    const page = await list(umbrellaAdmin, umbrella, '?page=1&per_page=1&is_enabled=false');
    expect(page.connections).toEqual([]);
    expect(page.login_prompt).toEqual({ state: 'ready' });
    // One read of the organization's connections, unfiltered (the filter is applied after the verdict).
    expect(tenant.requests.map((request) => request.query)).toEqual([
      { page: '0', per_page: '100', include_totals: 'true' },
    ]);
  });

  it("the browser client reads it as loginPrompt on the org admin's list", async () => {
    withHiddenDatabase();
    const result = await browserClient(umbrellaAdmin).listOrganizationConnections(umbrella);
    expect(result.loginPrompt).toEqual({ state: 'ready' });
    expect(result.items).toHaveLength(2);
  });

  it("a tenant admin's list is Auth0's answer as is, without a verdict", async () => {
    const result = await browserClient({ view: 'tenant-admin', actor: 'user|staff' }).listOrganizationConnections(acme);
    expect(result.loginPrompt).toBeUndefined();
    expect(result.total).toBe(8);
  });

  it('reads further pages when Auth0 says the organization has more connections than one page holds', async () => {
    // Past Auth0's limit of 10 on purpose: 101 connections, the one that makes the prompt work on the second page.
    const many: FakeOrganizationConnection[] = Array.from({ length: 100 }, (_, index) => ({
      connection_id: `con_Hidden${String(index).padStart(10, '0')}`,
      organization_access_level: 'full',
      organization_connection_name: `Hidden ${index}`,
      is_enabled: true,
      assign_membership_on_login: false,
      is_signup_enabled: false,
      show_as_button: false,
    }));
    tenant.addConnections(
      many.map((connection) => ({ id: connection.connection_id, name: connection.connection_id, strategy: 'samlp' })),
    );
    tenant.setOrganizationConnections(umbrella, [
      ...many,
      {
        connection_id: c.usernamePassword,
        organization_access_level: 'none',
        is_enabled: true,
        assign_membership_on_login: false,
        is_signup_enabled: false,
        show_as_button: true,
      },
    ]);
    const body = await list(umbrellaAdmin, umbrella, '?include_totals=true&per_page=100');
    expect(body.login_prompt).toEqual({ state: 'ready' });
    expect(body.total).toBe(100);
    expect(tenant.requests.map((request) => request.query.page)).toEqual(['0', '1']);
  });
});

describe('the picker through the browser client, for an organization', () => {
  it('sends organization_id, and the handler lists only the connections attachable to it', async () => {
    const handler = createOrgConnectionsHandler({
      domain: 'fake-tenant.test',
      basePath: '/api/org-connections',
      getManagementToken: () => tenant.defaultToken,
      authorize: async () => ({ view: 'tenant-admin', actor: 'user|staff' }),
      fetch: createFakeFetch(tenant),
      attachable: (connection) => connection.strategy === 'samlp',
    });
    const client = createManagementApiClient({ baseUrl: BASE, fetch: (url, init) => handler(new Request(url, init)) });
    const { items } = await client.listTenantConnections({ organizationId: acme, take: 100 });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.strategy === 'samlp')).toBe(true);
  });
});

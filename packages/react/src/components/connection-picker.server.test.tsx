import { createManagementApiClient } from '@org-connections/core';
import { createOrgConnectionsHandler, type OrgConnectionsHandler } from '@org-connections/server';
import { createLargeTenant, seedIds } from '@org-connections/testing';
import { createFakeTenantServer, type FakeTenantServer } from '@org-connections/testing/server';
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AddConnectionDialog } from './add-connection-dialog';
import { OrgConnectionsProvider } from './org-connections-provider';

/*
 * Integration: the picker on a page whose client points at @org-connections/server's handler, in front of the fake
 * tenant over HTTP (loopback) with 10,000 generated connections. Nothing of ours is replaced: the page's client, the
 * handler with its connection index, and the tenant each do what they do in production.
 */

const { globex } = seedIds.organizations;
const CLIENT = { clientId: 'picker-m2m-client', clientSecret: 'picker-client-secret' };
const BASE = 'https://app.test/api/org-connections';

let upstream: FakeTenantServer;
let handler: OrgConnectionsHandler;
/** The page's requests to the handler (the browser's), in order. */
let requests: URL[];
/** The host's ownership rule, when a test gives one (`attachable`). */
let attachable: ((connection: { name: string }) => boolean) | undefined;

beforeAll(async () => {
  upstream = await createFakeTenantServer({
    tenant: createLargeTenant({ connections: 10_000, clients: [CLIENT], rateLimits: false }),
  });
});
afterAll(() => upstream.close());
beforeEach(() => {
  requests = [];
  attachable = undefined;
  handler = createOrgConnectionsHandler({
    attachable: (connection) => attachable?.(connection) ?? true,
    domain: upstream.domain,
    managementBaseUrl: upstream.managementBaseUrl,
    tokenUrl: upstream.tokenUrl,
    ...CLIENT,
    basePath: '/api/org-connections',
    authorize: () => ({ view: 'tenant-admin', actor: 'user|staff' }),
  });
  // jsdom lays nothing out: give the picker's scroller a height so the virtualizer renders rows.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(480);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(48);
});
afterEach(() => {
  upstream.tenant.reset();
  upstream.tenant.setLatency(0);
  vi.restoreAllMocks();
});

function renderPage() {
  const api = createManagementApiClient({
    baseUrl: BASE,
    fetch: (input, init) => {
      requests.push(new URL(String(input)));
      // What a browser adds to the page's own requests (the handler refuses a write from another site).
      const headers = new Headers(init.headers);
      headers.set('origin', new URL(BASE).origin);
      return handler(new Request(input, { ...init, headers }));
    },
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <OrgConnectionsProvider api={api} queryClient={queryClient}>
      <AddConnectionDialog organizationId={globex} />
    </OrgConnectionsProvider>,
  );
}

/** Until the handler's index has read the whole tenant (its first walk starts with the first request). */
async function warmUp() {
  await waitFor(
    async () => {
      const answer = await handler(new Request(`${BASE}/connections?q=warm&take=1`));
      expect(((await answer.json()) as { search?: string }).search).toBe('complete');
    },
    { timeout: 30_000, interval: 200 },
  );
}

const optionNames = () =>
  screen
    .queryAllByRole('option')
    .map((option) => option.querySelector('[data-slot="picker-option-name"]')?.textContent);
const tenantRequests = () => requests.filter((url) => url.pathname === '/api/org-connections/connections');

/** The connection whose name ends with `suffix`, as the picker names it. */
function shownName(suffix: string) {
  const found = upstream.tenant.listConnections().filter((connection) => connection.name.endsWith(suffix));
  expect(found).toHaveLength(1);
  return found[0]?.display_name ?? found[0]?.name;
}

describe('the picker through @org-connections/server, 10,000 connections', () => {
  it('finds a connection deep in the tenant, and says a miss, with at most 2 requests per term', {
    timeout: 60_000,
  }, async () => {
    renderPage();
    await warmUp();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    await screen.findAllByRole('option');
    expect(tenantRequests()).toHaveLength(1);

    const deep = shownName('-09902');
    let before = tenantRequests().length;
    await user.type(screen.getByRole('searchbox', { name: 'Search connections' }), '-09902');
    await waitFor(() => expect(optionNames()).toEqual([deep]));
    const forDeep = tenantRequests().slice(before);
    expect(forDeep.length).toBeLessThanOrEqual(2);
    expect(forDeep.filter((url) => url.searchParams.get('q') === '-09902')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /Search all/ })).not.toBeInTheDocument();

    await user.clear(screen.getByRole('searchbox'));
    before = tenantRequests().length;
    await user.type(screen.getByRole('searchbox'), 'no-such-connection');
    expect(await screen.findByText('No connections match.')).toBeInTheDocument();
    expect(optionNames()).toEqual([]);
    expect(tenantRequests().slice(before).length).toBeLessThanOrEqual(2);

    // A part of a display name, in another case and with an accent, as a person types it.
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'MÎSTY HARBOR 9');
    const expected = upstream.tenant
      .listConnections()
      .filter((connection) => /misty harbor 9/i.test(connection.display_name ?? ''))
      .map((connection) => connection.display_name);
    expect(expected.length).toBeGreaterThan(0);
    await waitFor(() => expect(new Set(optionNames())).toEqual(new Set(expected)));
  });

  it('adds a connection found deep in the tenant to the organization', { timeout: 60_000 }, async () => {
    renderPage();
    await warmUp();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    await screen.findAllByRole('option');
    const deep = upstream.tenant.listConnections().find((connection) => connection.name.endsWith('-09902'));
    await user.type(screen.getByRole('searchbox'), '09902');
    await user.click(await screen.findByRole('option', { name: new RegExp(deep?.display_name ?? '-') }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const enabled = upstream.tenant.listOrganizationConnections(globex).map((connection) => connection.connection_id);
    expect(enabled).toContain(deep?.id);
  });

  it('on a cold handler, says the answer may be incomplete and finds the connection once the index is read', {
    timeout: 60_000,
  }, async () => {
    // Each upstream page takes a while, so the index's first walk (101 pages) outlasts the first answers.
    upstream.tenant.setLatency(30);
    renderPage();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    await screen.findAllByRole('option');
    const deep = shownName('-09902');
    await user.type(screen.getByRole('searchbox'), '09902');
    expect(await screen.findByText('Still reading the tenant: results may be incomplete.')).toBeInTheDocument();
    // Asked again until the index has read the whole tenant.
    await waitFor(
      () => {
        expect(optionNames()).toEqual([deep]);
        expect(screen.getByRole('status')).toHaveTextContent(/^$/);
      },
      { timeout: 30_000 },
    );
  });

  it("offers only the connections the host's attachable allows for the organization, in the list and in a search", {
    timeout: 60_000,
  }, async () => {
    // One customer's connections are not another's: here, only names ending in 7 belong to this organization.
    attachable = (connection) => connection.name.endsWith('7');
    renderPage();
    await warmUp();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    await screen.findAllByRole('option');
    const owned = new Set(
      upstream.tenant
        .listConnections()
        .filter((connection) => connection.name.endsWith('7'))
        .map((connection) => connection.display_name ?? connection.name),
    );
    for (const name of optionNames()) expect(owned.has(name ?? '')).toBe(true);
    await user.type(screen.getByRole('searchbox'), '-0990');
    const expected = upstream.tenant
      .listConnections()
      .filter((connection) => connection.name.includes('-0990') && connection.name.endsWith('7'))
      .map((connection) => connection.display_name ?? connection.name);
    expect(expected).toHaveLength(1);
    await waitFor(() => expect(optionNames()).toEqual(expected));
  });
});

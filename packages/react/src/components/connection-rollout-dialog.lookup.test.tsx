import { createManagementApiClient, type OrgConnectionsApi, serverRollouts } from '@org-connections/core';
import { createHandlers, createLargeTenant, type FakeTenant } from '@org-connections/testing';
import { QueryClient } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BASE_URL } from '../../test/fake-tenant';
import { createRolloutRoutes } from '../../test/rollout-routes';
import { tenantConnectionsQueryOptions } from '../hooks/org-connections-query-options';
import { defaultMessages as messages } from '../i18n/messages';
import { defaultRolloutMessages as words } from '../i18n/rollout-messages';
import { ConnectionRolloutDialog } from './connection-rollout-dialog';
import { OrgConnectionsProvider } from './org-connections-provider';

/*
 * The rollout dialog finds its connection on a tenant of 10,000 connections (its users' normal case: one connection
 * per customer) with one request, or none when the picker's pages already hold it: never by walking the tenant.
 */

const server = setupServer();
let tenant: FakeTenant;
let routes: ReturnType<typeof createRolloutRoutes>;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  tenant = createLargeTenant({ connections: 10_000, seed: 11, authentication: 'optional', rateLimits: false });
  routes = createRolloutRoutes(BASE_URL);
  server.use(...routes.handlers, ...createHandlers(tenant, { managementBaseUrl: BASE_URL }));
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function clients() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const api = createManagementApiClient({ baseUrl: BASE_URL, retry: { attempts: 0 }, rollouts: serverRollouts });
  return { queryClient, api };
}

function renderDialog(
  connectionId: string,
  { api, queryClient }: { api: OrgConnectionsApi; queryClient: QueryClient },
) {
  return render(
    <OrgConnectionsProvider api={api} queryClient={queryClient}>
      <ConnectionRolloutDialog connectionId={connectionId} defaultOpen />
    </OrgConnectionsProvider>,
  );
}

/** What reached the tenant's connections endpoints (`GET /connections` and `GET /connections/{id}`). */
const connectionRequests = () =>
  tenant.requests
    .filter((request) => request.path === '/connections' || request.path.startsWith('/connections/'))
    .map((request) => `${request.method} ${request.path}`);

/** The connection a walk of the tenant in `GET /connections` order would reach last. */
function lastConnection() {
  const sorted = tenant.listConnections().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const last = sorted.at(-1);
  if (last === undefined) throw new Error('The tenant has no connections.');
  return last;
}

describe('ConnectionRolloutDialog on a tenant of 10,000 connections', () => {
  it('finds its connection with exactly one request, however far down the tenant it is', async () => {
    const connection = lastConnection();
    renderDialog(connection.id, clients());
    const name = connection.display_name ?? connection.name;
    expect(await screen.findByRole('heading', { name: words.rolloutTitle(name) })).toBeInTheDocument();
    expect(await screen.findByRole('radio', { name: words.rolloutAllOrganizations })).toBeInTheDocument();
    expect(connectionRequests()).toEqual([`GET /connections/${connection.id}`]);
  });

  it('sends no request at all when the picker has already read the page that holds it', async () => {
    const test = clients();
    const firstPage = await test.queryClient.fetchInfiniteQuery(tenantConnectionsQueryOptions(test.api, {}));
    const connection = firstPage.pages[0]?.items[3];
    if (connection === undefined) throw new Error('The first page is empty.');
    tenant.clearRequests();
    renderDialog(connection.id, test);
    const name = connection.displayName ?? connection.name;
    expect(await screen.findByRole('heading', { name: words.rolloutTitle(name) })).toBeInTheDocument();
    expect(await screen.findByRole('radio', { name: words.rolloutAllOrganizations })).toBeInTheDocument();
    expect(connectionRequests()).toEqual([]);
  });

  it('says the connection does not exist for an id the tenant lacks (one request), and Retry asks once more', async () => {
    const user = userEvent.setup();
    renderDialog('con_Missing000000000', clients());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`${words.rolloutLoadError} ${messages.errorNotFound}`);
    expect(connectionRequests()).toEqual(['GET /connections/con_Missing000000000']);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: messages.retry }));
    await screen.findByRole('alert');
    expect(connectionRequests()).toEqual([
      'GET /connections/con_Missing000000000',
      'GET /connections/con_Missing000000000',
    ]);
  });

  it('says the data source cannot do it, with no request, when it cannot read a tenant connection by id', async () => {
    const test = clients();
    const { getTenantConnection: _withoutIt, ...api } = test.api;
    renderDialog(lastConnection().id, { ...test, api });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      `${words.rolloutLoadError} ${messages.errorUnsupported}`,
    );
    expect(connectionRequests()).toEqual([]);
  });
});

import type { OrgConnection } from '@org-connections/core';
import { createHandlers, createLargeTenant, type FakeTenant, seedIds, seedNames } from '@org-connections/testing';
import type { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BASE_URL, createTestClients, serveFakeTenant } from '../../test/fake-tenant';
import { useOrgConnections } from '../hooks/use-org-connections';
import { AddConnectionDialog, type AddConnectionDialogProps } from './add-connection-dialog';
import { OrgConnectionsProvider } from './org-connections-provider';

const { acme, globex, initech } = seedIds.organizations;
const server = setupServer();
let tenant: FakeTenant;

serveFakeTenant(server, (created) => {
  tenant = created;
});
beforeEach(() => {
  // jsdom lays nothing out: give the picker's scroller a height so the virtualizer renders rows.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(480);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(48);
});
afterEach(() => vi.restoreAllMocks());

/** The organization's connection names, as a list on the page would show them. */
function OrganizationNames({ organizationId }: { organizationId: string }) {
  const { data } = useOrgConnections(organizationId);
  return (
    <ul aria-label="enabled">
      {data?.items.map((item) => (
        <li key={item.connectionId}>{item.connection.name}</li>
      ))}
    </ul>
  );
}

function renderDialog(props: Partial<AddConnectionDialogProps> = {}, extra?: ReactNode, queryClient?: QueryClient) {
  const clients = createTestClients();
  return render(
    <OrgConnectionsProvider api={clients.api} queryClient={queryClient ?? clients.queryClient}>
      <main>
        <AddConnectionDialog organizationId={globex} {...props} />
        {extra}
      </main>
    </OrgConnectionsProvider>,
  );
}

const optionNames = () =>
  screen
    .queryAllByRole('option')
    .map((option) => option.querySelector('[data-slot="picker-option-name"]')?.textContent);
const requestsOf = (operation: string) => tenant.requests.filter((request) => request.operation === operation);
/** The picker's page requests (the exact-name lookups aside). */
const pageRequests = () => requestsOf('listConnections').filter((request) => request.query.name === undefined);

/** A tenant of `connections` generated connections (100 to a page) behind the handlers, and one far down it. */
function useLargeTenant(connections: number) {
  tenant = createLargeTenant({ authentication: 'optional', rateLimits: false, connections });
  tenant.addConnections([{ id: 'con_DeepInTheTenant01', name: 'far-lighthouse', strategy: 'samlp' }]);
  server.use(...createHandlers(tenant, { managementBaseUrl: BASE_URL }));
}

async function openAndPick(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole('button', { name: 'Add connection' }));
  await user.click(await screen.findByRole('option', { name: new RegExp(name) }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

describe('AddConnectionDialog', () => {
  it('adds a connection: pick, configure, save; closes, returns focus and shows the new row without a refetch', {
    timeout: 15_000,
  }, async () => {
    const user = userEvent.setup();
    const onAdded = vi.fn<(connection: OrgConnection) => void>();
    renderDialog({ onAdded }, <OrganizationNames organizationId={globex} />);
    await waitFor(() => expect(requestsOf('listOrganizationConnections')).toHaveLength(1));
    await openAndPick(user, 'Partner Portal');
    expect(screen.getByRole('dialog')).toHaveAccessibleDescription(
      'Choose how Partner Portal works for this organization.',
    );
    const name = screen.getByRole('textbox', { name: 'Name in this organization' });
    expect(name).toHaveFocus();
    await user.type(name, 'Partners');
    await user.click(screen.getByRole('combobox', { name: 'Organization admin access' }));
    await user.click(screen.getByRole('option', { name: /Limited/ }));
    await user.click(screen.getByRole('switch', { name: 'Membership on authentication' }));
    await user.click(screen.getByRole('switch', { name: 'Signup' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requestsOf('createOrganizationConnection').map((request) => request.body)).toEqual([
      {
        connection_id: seedIds.connections.partnersDatabase,
        organization_connection_name: 'Partners',
        organization_access_level: 'limited',
        is_enabled: true,
        assign_membership_on_login: true,
        is_signup_enabled: true,
      },
    ]);
    expect(onAdded).toHaveBeenCalledWith(
      expect.objectContaining({ connectionId: seedIds.connections.partnersDatabase, isSignupEnabled: true }),
    );
    expect(screen.getByRole('button', { name: 'Add connection' })).toHaveFocus();
    expect(within(screen.getByRole('list', { name: 'enabled' })).getByText('partners-db')).toBeInTheDocument();
    expect(requestsOf('listOrganizationConnections')).toHaveLength(1);
  });

  it.each([
    ['a conflict (409)', { status: 409 }, 'This connection is already enabled for the organization.'],
    [
      'a missing scope (403)',
      {
        status: 403,
        body: {
          statusCode: 403,
          error: 'Forbidden',
          message: 'Insufficient scope, expected any of: create:organization_connections',
          errorCode: 'insufficient_scope',
        },
      },
      'Missing permission: create:organization_connections.',
    ],
    ['a server error (503)', { status: 503 }, 'The server had a problem. Try again later.'],
    ['a lost network', { network: true as const }, 'The server could not be reached.'],
  ])('keeps everything typed and says why after %s', async (_, fault, message) => {
    const user = userEvent.setup();
    renderDialog();
    await openAndPick(user, 'GitHub');
    await user.type(screen.getByRole('textbox', { name: 'Name in this organization' }), 'Engineers');
    await user.click(screen.getByRole('switch', { name: 'Membership on authentication' }));
    tenant.failNext({ ...fault, match: { operation: 'createOrganizationConnection' } });
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Name in this organization' })).toHaveValue('Engineers');
    expect(screen.getByRole('switch', { name: 'Membership on authentication' })).toBeChecked();
    expect(tenant.listOrganizationConnections(globex)).toEqual([]);
  });

  it('says when to try again after a rate limit (429), and saves on the next try', async () => {
    const user = userEvent.setup();
    renderDialog();
    await openAndPick(user, 'GitHub');
    tenant.rateLimitNext({ retryAfterSeconds: 30, match: { operation: 'createOrganizationConnection' } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/Too many requests\. Try again at \d\d:\d\d:\d\d\./);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(tenant.listOrganizationConnections(globex).map((item) => item.connection_id)).toEqual([
      seedIds.connections.github,
    ]);
  });

  it('offers only connections not yet added to the organization', async () => {
    const user = userEvent.setup();
    renderDialog({ organizationId: acme });
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    await screen.findByRole('option', { name: /Apple/ });
    await waitFor(() => expect(optionNames()).toHaveLength(12));
    for (const enabled of ['GitHub', 'Google', 'Acme Okta Workforce', 'Username-Password-Authentication']) {
      expect(optionNames()).not.toContain(enabled);
    }
  });

  it('offers nothing before it knows which connections the organization has', async () => {
    const user = userEvent.setup();
    tenant.setLatency((request) => (request.operation === 'listOrganizationConnections' ? 300 : 0));
    renderDialog({ organizationId: acme });
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    await waitFor(() => expect(requestsOf('listConnections')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(optionNames()).toEqual([]);
    expect(screen.getByRole('status')).toHaveTextContent('Loading connections…');
    await screen.findByRole('option', { name: /Apple/ });
    expect(optionNames()).not.toContain('Google');
    expect(requestsOf('listConnections')).toHaveLength(1);
  });

  it('couples signup to membership on authentication, through core', async () => {
    const user = userEvent.setup();
    renderDialog();
    await openAndPick(user, 'Username-Password-Authentication');
    const membership = screen.getByRole('switch', { name: 'Membership on authentication' });
    const signup = screen.getByRole('switch', { name: 'Signup' });
    expect(signup).toBeDisabled();
    expect(signup).toHaveAccessibleDescription('Turn on membership on authentication to allow signup.');
    await user.click(membership);
    await user.click(signup);
    expect(signup).toBeChecked();
    await user.click(membership);
    expect(signup).not.toBeChecked();
    expect(signup).toBeDisabled();
  });

  it.each([
    ['Username-Password-Authentication', ['Enabled', 'Membership on authentication', 'Signup']],
    ['Acme Okta Workforce', ['Enabled', 'Membership on authentication', 'Show as button']],
    ['Apple', ['Enabled', 'Membership on authentication']],
  ])('shows only the settings that apply to %s', async (name, switches) => {
    const user = userEvent.setup();
    renderDialog();
    await openAndPick(user, name);
    expect(screen.getAllByRole('switch')).toHaveLength(switches.length);
    for (const label of switches) expect(screen.getByRole('switch', { name: label })).toBeInTheDocument();
  });

  it('shows core’s issues next to the name once it was left, as it changes, and on submit; sends nothing invalid', async () => {
    const user = userEvent.setup();
    renderDialog();
    await openAndPick(user, 'GitHub');
    const name = screen.getByRole('textbox', { name: 'Name in this organization' });
    expect(name).toHaveFocus();
    expect(name).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('combobox', { name: 'Organization admin access' }));
    await user.click(screen.getByRole('option', { name: /Full/ }));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('Enter a name.');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(name).toHaveFocus();
    expect(requestsOf('createOrganizationConnection')).toHaveLength(0);

    await user.type(name, 'x'.repeat(51));
    expect(name).toHaveAccessibleDescription('Use at most 50 characters.');
    await user.type(name, '{Backspace}');
    expect(name).not.toHaveAttribute('aria-invalid');
    expect(name).not.toHaveAccessibleDescription();
  });

  it('goes back to the picker with the choice kept, and forward with everything typed kept', async () => {
    const user = userEvent.setup();
    renderDialog();
    await openAndPick(user, 'GitHub');
    await user.type(screen.getByRole('textbox', { name: 'Name in this organization' }), 'Engineers');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('listbox', { name: 'Tenant connections' })).toHaveFocus();
    expect(screen.getByRole('option', { selected: true })).toHaveTextContent('GitHub');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('textbox', { name: 'Name in this organization' })).toHaveValue('Engineers');
  });

  it('is operated from the keyboard: arrow down into the list, arrows to move, Enter to pick', async () => {
    const user = userEvent.setup();
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    await screen.findByRole('option', { name: /GitHub/ });
    expect(screen.getByRole('searchbox', { name: 'Search connections' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    const list = screen.getByRole('listbox', { name: 'Tenant connections' });
    expect(list).toHaveFocus();
    const active = () => document.getElementById(list.getAttribute('aria-activedescendant') ?? '');
    expect(active()).toHaveTextContent('Acme Okta Workforce');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(active()).toHaveTextContent('Apple');
    await user.keyboard('{Home}{ArrowDown}{Enter}');
    expect(screen.getByRole('dialog')).toHaveAccessibleDescription('Choose how Apple works for this organization.');
    expect(screen.getByRole('textbox', { name: 'Name in this organization' })).toHaveFocus();
  });

  it('searches names and display names by substring, asking the server only once typing pauses', async () => {
    const user = userEvent.setup();
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    await screen.findByRole('option', { name: /GitHub/ });
    const before = requestsOf('listConnections').length;
    await user.type(screen.getByRole('searchbox'), 'umbrella');
    await waitFor(() => expect(optionNames()).toEqual(['Umbrella PingFederate', 'Umbrella SAML']));
    // The rows are filtered before the request (no longer after it): wait for the one exact-name lookup.
    await waitFor(() =>
      expect(
        requestsOf('listConnections')
          .slice(before)
          .map((request) => request.query.name),
      ).toEqual(['umbrella']),
    );
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'zzz');
    expect(await screen.findByText('No connections match.')).toBeInTheDocument();
  });

  it('filters the loaded rows on every keystroke, before any request', async () => {
    const user = userEvent.setup();
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    await screen.findByRole('option', { name: /GitHub/ });
    // From here on the tenant answers slowly: a search request sent meanwhile (once typing pauses for the debounce,
    // which a loaded machine can make happen between two keystrokes) cannot be what filtered the rows.
    tenant.setLatency(10_000);
    await user.type(screen.getByRole('searchbox'), 'u');
    expect(optionNames()).toContain('Umbrella SAML');
    expect(optionNames()).not.toContain('Apple');
    await user.type(screen.getByRole('searchbox'), 'mbrella');
    expect(optionNames()).toEqual(['Umbrella PingFederate', 'Umbrella SAML']);
    const answered = requestsOf('listConnections').filter((request) => request.status !== undefined);
    expect(answered).toHaveLength(1);
  });

  it('sends the first page of the picker in the click that opens the dialog, once', async () => {
    const user = userEvent.setup();
    const { queryClient } = createTestClients();
    let fetchingWhenOpened = 0;
    renderDialog({ onOpenChange: () => (fetchingWhenOpened = queryClient.isFetching()) }, undefined, queryClient);
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    // Before the dialog rendered, its first page was already on its way.
    expect(fetchingWhenOpened).toBeGreaterThan(0);
    await screen.findByRole('option', { name: /GitHub/ });
    expect(pageRequests()).toHaveLength(1);
    expect(pageRequests()[0]?.query.take).toBe('100');
  });

  it('reads at most 5 further pages on its own for a search, then offers to search all', async () => {
    useLargeTenant(2_000);
    const user = userEvent.setup();
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    await screen.findAllByRole('option');
    expect(pageRequests()).toHaveLength(1);
    await user.type(screen.getByRole('searchbox'), 'no-such-connection');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Searched the first 600 connections.'), {
      timeout: 5000,
    });
    expect(screen.getByRole('button', { name: 'Search all connections' })).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pageRequests()).toHaveLength(6);
    expect(requestsOf('listConnections').filter((request) => request.query.name)).toHaveLength(1);
  });

  it('searches all connections on request, with progress, and finds a connection deep in the tenant', async () => {
    useLargeTenant(1_500);
    const user = userEvent.setup();
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    await screen.findAllByRole('option');
    await user.type(screen.getByRole('searchbox'), 'lighthouse');
    // The bounded walk of five pages comes first; on a loaded machine that can take a few seconds.
    await user.click(await screen.findByRole('button', { name: 'Search all connections' }, { timeout: 5000 }));
    expect(screen.getByRole('status')).toHaveTextContent(/Searched [\d,]+ connections so far…/);
    await waitFor(() => expect(optionNames()).toEqual(['far-lighthouse']), { timeout: 5000 });
    // The whole tenant, each page once: 1,500 generated, the seed's and the one added.
    expect(pageRequests()).toHaveLength(16);
    expect(new Set(pageRequests().map((request) => request.query.from)).size).toBe(16);
    expect(screen.queryByRole('button', { name: /Search all|Stop searching/ })).not.toBeInTheDocument();
    expect(screen.getByRole('listbox')).toHaveFocus();
    // Typing on after the walk needs no request: every page is loaded.
    const before = requestsOf('listConnections').length;
    await user.type(screen.getByRole('searchbox'), '{Backspace}{Backspace}');
    expect(optionNames()).toEqual(['far-lighthouse']);
    expect(requestsOf('listConnections')).toHaveLength(before);
    // Nor does opening the picker again: the tenant's pages are not read anew (16 requests) each time.
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    expect((await screen.findAllByRole('option')).length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requestsOf('listConnections')).toHaveLength(before);
  });

  it('stops searching all when asked: no further page is requested, and the keyboard stays on the button', async () => {
    useLargeTenant(5_000);
    const user = userEvent.setup();
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    await screen.findAllByRole('option');
    await user.type(screen.getByRole('searchbox'), 'no-such-connection');
    // Each page takes a while from here on, as on a real network.
    tenant.setLatency(30);
    // The bounded walk of five pages comes first; on a loaded machine that can take a few seconds.
    await user.click(await screen.findByRole('button', { name: 'Search all connections' }, { timeout: 5000 }));
    await waitFor(() => expect(pageRequests().length).toBeGreaterThan(8), { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Stop searching' }));
    const stoppedAt = pageRequests().length;
    expect(stoppedAt).toBeLessThan(51);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pageRequests()).toHaveLength(stoppedAt);
    const searchAll = screen.getByRole('button', { name: 'Search all connections' });
    expect(searchAll).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent(/Searched the first \d+ connections\./);
    // Typing still filters at once while nothing is read.
    await user.type(screen.getByRole('searchbox'), '{Backspace}'.repeat(18));
    expect(optionNames().length).toBeGreaterThan(0);
  });

  it('finds a connection by its exact name even when its page is not loaded yet', async () => {
    const user = userEvent.setup();
    tenant.addConnections(
      Array.from({ length: 150 }, (_, index) => ({
        id: `con_Generated${String(index).padStart(7, '0')}`,
        name: `generated-${index}`,
        strategy: 'samlp',
      })),
    );
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    await screen.findAllByRole('option');
    expect(optionNames()).not.toContain('generated-149');
    await user.type(screen.getByRole('searchbox'), 'generated-149');
    await waitFor(() => expect(optionNames()).toEqual(['generated-149']));
  });

  it('filters by kind, asking the server for the strategies of that kind', async () => {
    const user = userEvent.setup();
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    await screen.findByRole('option', { name: /GitHub/ });
    await user.click(screen.getByRole('button', { name: 'Passwordless' }));
    expect(screen.getByRole('button', { name: 'Passwordless' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(optionNames()).toEqual(['Email code', 'SMS code']));
    expect(requestsOf('listConnections').at(-1)?.query.strategy).toEqual(['email', 'sms']);
    await user.click(screen.getByRole('button', { name: 'Social' }));
    await waitFor(() => expect(optionNames()).toContain('Apple'));
    expect(optionNames()).not.toContain('Email code');
  });

  it('renders hostile names as text', async () => {
    const user = userEvent.setup();
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    await user.click(await screen.findByRole('option', { name: /oidc-markup-test/ }));
    expect(optionNames()).toContain(seedNames.markup);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('dialog')).toHaveAccessibleDescription(
      `Choose how ${seedNames.markup} works for this organization.`,
    );
    expect(document.querySelector('img')).toBeNull();
  });

  it('blocks adding at the organization’s connection limit, and says why', async () => {
    const user = userEvent.setup();
    renderDialog({ organizationId: initech });
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    await waitFor(() =>
      expect(screen.getByRole('dialog')).toHaveAccessibleDescription(
        'An organization can have at most 10 connections. Remove one to add another.',
      ),
    );
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Next' })).not.toBeInTheDocument();
  });

  it('can be controlled, with a trigger of the host’s', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    renderDialog({ trigger: <button type="button">Enable a login method</button>, onOpenChange });
    await user.click(screen.getByRole('button', { name: 'Enable a login method' }));
    expect(onOpenChange).toHaveBeenCalledWith(true);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enable a login method' })).toHaveFocus();
  });

  it.each(['picking', 'configuring', 'failed', 'at the limit'] as const)(
    'has no axe violations when %s',
    async (state) => {
      const user = userEvent.setup();
      renderDialog({ organizationId: state === 'at the limit' ? initech : globex });
      await user.click(screen.getByRole('button', { name: 'Add connection' }));
      if (state === 'at the limit') {
        await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());
      } else {
        await user.click(await screen.findByRole('option', { name: /Apple/ }));
      }
      if (state === 'configuring' || state === 'failed') await user.click(screen.getByRole('button', { name: 'Next' }));
      if (state === 'failed') {
        tenant.failNext({ status: 500, match: { operation: 'createOrganizationConnection' } });
        await user.click(screen.getByRole('button', { name: 'Save' }));
        await screen.findByRole('alert');
      }
      const results = await axe.run(document.body);
      expect(results.violations).toEqual([]);
    },
  );
});

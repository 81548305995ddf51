import type { AccessLevel, AccessPolicy, ManagementApiEndpoints, View } from '@org-connections/core';
import { type FakeTenant, seedIds, seedNames } from '@org-connections/testing';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { setupServer } from 'msw/node';
import { createRef, type Ref } from 'react';
import { describe, expect, it } from 'vitest';
import { createTestClients, serveFakeTenant } from '../../test/fake-tenant';
import { defaultMessages, type OrgConnectionsMessages } from '../i18n/messages';
import { OrgConnectionsList, type OrgConnectionsListProps } from './org-connections-list';
import { OrgConnectionsProvider } from './org-connections-provider';

const { acme, globex, initech, umbrella } = seedIds.organizations;
const server = setupServer();
// Nothing here is hidden with CSS; skipping the per-element visibility check keeps role queries fast in jsdom.
configure({ defaultHidden: true });
let tenant: FakeTenant;

serveFakeTenant(server, (created) => {
  tenant = created;
});

interface RenderOptions extends Partial<OrgConnectionsListProps> {
  ref?: Ref<HTMLElement>;
  token?: string;
  policy?: AccessPolicy;
  providerMessages?: Partial<OrgConnectionsMessages>;
  endpoints?: ManagementApiEndpoints;
}

function renderList({ token, policy, providerMessages, endpoints, ...props }: RenderOptions = {}) {
  const view: View = props.view ?? 'tenant-admin';
  const { queryClient, api } = createTestClients({ getAccessToken: token ? () => token : undefined, endpoints });
  return render(
    <OrgConnectionsProvider api={api} queryClient={queryClient} policy={policy} messages={providerMessages}>
      <main>
        <OrgConnectionsList organizationId={acme} {...props} view={view} />
      </main>
    </OrgConnectionsProvider>,
  );
}

/** The row of one connection, found by the name the list shows for it. */
const rowOf = (name: string) =>
  screen.getByText(name, { selector: '[data-slot="name"]' }).closest('[data-slot="row"]') as HTMLElement;
/** Its settings: a group named after the connection. */
const settingsOf = (name: string) => within(rowOf(name)).getByRole('group', { name });
const switchOf = (name: string, label: string) => within(settingsOf(name)).getByRole('switch', { name: label });
/** Waits for the list to show the connection. */
const findRow = async (name: string) => {
  await screen.findByText(name, { selector: '[data-slot="name"]' });
  return settingsOf(name);
};
const requestsOf = (operation: string) => tenant.requests.filter((request) => request.operation === operation);
const announcer = () => screen.getByRole('status');
const acmeSettings = (connectionId: string) =>
  tenant.listOrganizationConnections(acme).find((item) => item.connection_id === connectionId);

async function expectNoAxeViolations(container: HTMLElement) {
  const results = await axe.run(container);
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

describe('OrgConnectionsList for a tenant admin', { timeout: 20_000 }, () => {
  it('shows every connection with its name, strategy and kind', async () => {
    renderList();
    expect(await findRow('Acme Employees')).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(8);
    const employees = rowOf('Acme Employees');
    expect(within(employees).getByText('auth0')).toHaveAttribute('data-slot', 'strategy');
    expect(within(employees).getByText('Database')).toHaveAttribute('data-slot', 'kind-badge');
    expect(employees).toHaveAttribute('data-kind', 'database');
    expect(employees).toHaveAttribute('data-access-level', 'full');
    // Without an organization connection name, the connection's own name is shown.
    expect(rowOf('contoso-entra-id')).toHaveAttribute('data-state', 'off');
    expect(within(rowOf('Acme Okta')).getByText('Enterprise')).toHaveAttribute('data-kind', 'enterprise');
  });

  it('renders names from the server as text, never as HTML', async () => {
    const { container } = renderList();
    expect(await findRow(seedNames.markup)).toBeInTheDocument();
    expect(screen.getByText(seedNames.markup, { selector: '[data-slot="name"]' })).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('offers signup only on database connections and show-as-button only on enterprise ones', async () => {
    renderList();
    await findRow('Acme Employees');
    expect(
      within(settingsOf('Acme Employees'))
        .getAllByRole('switch')
        .map((item) => item.id),
    ).toHaveLength(3);
    expect(switchOf('Acme Employees', 'Signup')).toBeChecked();
    expect(within(settingsOf('Acme Employees')).queryByRole('switch', { name: 'Show as button' })).toBeNull();
    expect(switchOf('Acme Okta', 'Show as button')).toBeChecked();
    expect(within(settingsOf('Acme Okta')).queryByRole('switch', { name: 'Signup' })).toBeNull();
    expect(within(settingsOf('Sign in with Google')).getAllByRole('switch')).toHaveLength(2);
  });

  it('turns signup off with membership and explains why signup is locked', async () => {
    const user = userEvent.setup();
    renderList();
    await findRow('Acme Employees');
    await user.click(switchOf('Acme Employees', 'Membership on authentication'));
    const signup = switchOf('Acme Employees', 'Signup');
    expect(signup).not.toBeChecked();
    expect(signup).toBeDisabled();
    expect(signup).toHaveAccessibleDescription('Turn on membership on authentication to allow signup.');
    await waitFor(() => expect(requestsOf('updateOrganizationConnection')).toHaveLength(1));
    expect(requestsOf('updateOrganizationConnection')[0]?.body).toEqual({
      assign_membership_on_login: false,
      is_signup_enabled: false,
    });
    await waitFor(() => expect(announcer()).toHaveTextContent('Acme Employees saved.'));
    expect(acmeSettings(seedIds.connections.usernamePassword)).toMatchObject({
      assign_membership_on_login: false,
      is_signup_enabled: false,
    });
  });

  it('moves a switch at once, marks the row pending, and keeps the server answer without refetching', async () => {
    const user = userEvent.setup();
    renderList();
    await findRow('contoso-entra-id');
    const enabled = switchOf('contoso-entra-id', 'Enabled');
    tenant.setLatency(150);
    await user.click(enabled);
    expect(switchOf('contoso-entra-id', 'Enabled')).toBeChecked();
    expect(rowOf('contoso-entra-id')).toHaveAttribute('data-pending');
    expect(switchOf('contoso-entra-id', 'Enabled')).toHaveAttribute('data-pending');
    await waitFor(() => expect(rowOf('contoso-entra-id')).not.toHaveAttribute('data-pending'));
    expect(switchOf('contoso-entra-id', 'Enabled')).toBeChecked();
    expect(rowOf('contoso-entra-id')).toHaveAttribute('data-state', 'on');
    expect(acmeSettings(seedIds.connections.contosoEntra)?.is_enabled).toBe(true);
    expect(requestsOf('listOrganizationConnections')).toHaveLength(1);
  });

  it('rolls a switch back when rate limited and says when to try again', async () => {
    const user = userEvent.setup();
    renderList();
    await findRow(seedNames.accented);
    const button = switchOf(seedNames.accented, 'Show as button');
    tenant.rateLimitNext({ retryAfterSeconds: 30, match: { operation: 'updateOrganizationConnection' } });
    await user.click(button);
    const row = rowOf(seedNames.accented);
    await waitFor(() =>
      expect(within(row).getByText(/Too many requests\. Try again at \d\d:\d\d:\d\d\./)).toBeVisible(),
    );
    expect(switchOf(seedNames.accented, 'Show as button')).not.toBeChecked();
    expect(within(row).getByText(/Try again at/)).toHaveAttribute('data-error', 'rate_limited');
    expect(announcer()).toHaveTextContent(`${seedNames.accented} was not changed. Too many requests. Try again at`);
  });

  it('rolls back and names the missing scope when the token may not update', async () => {
    const user = userEvent.setup();
    const token = tenant.issueToken({ scopes: ['read:organization_connections'] });
    renderList({ token });
    await findRow('Acme Employees');
    await user.click(switchOf('Acme Employees', 'Membership on authentication'));
    await waitFor(() =>
      expect(
        within(rowOf('Acme Employees')).getByText(/Missing permission: update:organization_connections/),
      ).toBeVisible(),
    );
    expect(switchOf('Acme Employees', 'Membership on authentication')).toBeChecked();
    expect(switchOf('Acme Employees', 'Signup')).toBeChecked();
  });

  it('rolls back with a network message when the server cannot be reached', async () => {
    const user = userEvent.setup();
    renderList();
    const google = await findRow('Sign in with Google');
    tenant.failNext({ network: true, match: { operation: 'updateOrganizationConnection' } });
    await user.click(within(google).getByRole('switch', { name: 'Enabled' }));
    await waitFor(() =>
      expect(within(rowOf('Sign in with Google')).getByText(/could not be reached/)).toHaveAttribute(
        'data-error',
        'network',
      ),
    );
    expect(switchOf('Sign in with Google', 'Enabled')).toBeChecked();
  });

  it("says the change was not accepted, in the UI's words (never the server's English), when it refuses a change", async () => {
    const user = userEvent.setup();
    renderList();
    const google = await findRow('Sign in with Google');
    tenant.failNext({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Connection is locked by policy',
        errorCode: 'invalid_body',
      },
      match: { operation: 'updateOrganizationConnection' },
    });
    await user.click(within(google).getByRole('switch', { name: 'Membership on authentication' }));
    await waitFor(() =>
      expect(
        within(rowOf('Sign in with Google')).getByText(
          'Sign in with Google was not changed. The request was not accepted.',
        ),
      ).toBeVisible(),
    );
    expect(rowOf('Sign in with Google')).not.toHaveTextContent(/locked by policy|refused the change/);
    expect(switchOf('Sign in with Google', 'Membership on authentication')).not.toBeChecked();
  });

  it('renames a connection inline: Enter saves', async () => {
    const user = userEvent.setup();
    renderList();
    await user.click(await screen.findByRole('button', { name: 'Rename Acme Okta' }));
    const input = screen.getByRole('textbox', { name: 'Name in this organization' });
    expect(input).toHaveFocus();
    await user.clear(input);
    await user.type(input, 'Okta for staff{Enter}');
    expect(await findRow('Okta for staff')).toBeInTheDocument();
    await waitFor(() =>
      expect(acmeSettings(seedIds.connections.oktaAcme)?.organization_connection_name).toBe('Okta for staff'),
    );
    expect(requestsOf('updateOrganizationConnection')[0]?.body).toEqual({
      organization_connection_name: 'Okta for staff',
    });
  });

  it('cancels a rename with Escape and sends nothing', async () => {
    const user = userEvent.setup();
    renderList();
    await user.click(await screen.findByRole('button', { name: 'Rename Acme Okta' }));
    await user.type(screen.getByRole('textbox', { name: 'Name in this organization' }), ' changed{Escape}');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(settingsOf('Acme Okta')).toBeInTheDocument();
    expect(requestsOf('updateOrganizationConnection')).toHaveLength(0);
  });

  it.each([
    ['', 'Enter a name.'],
    ['x'.repeat(51), 'Use at most 50 characters.'],
  ])('refuses the name %j with a message and sends nothing', async (name, message) => {
    const user = userEvent.setup();
    renderList();
    await user.click(await screen.findByRole('button', { name: 'Rename Acme Okta' }));
    const input = screen.getByRole('textbox', { name: 'Name in this organization' });
    await user.clear(input);
    if (name) await user.type(input, name);
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(message);
    expect(requestsOf('updateOrganizationConnection')).toHaveLength(0);
  });

  it('changes the access level with the select', async () => {
    const user = userEvent.setup();
    renderList();
    const settings = await findRow('Acme Okta');
    await user.click(within(settings).getByRole('combobox', { name: 'Organization admin access' }));
    await user.click(screen.getByRole('option', { name: /Full/ }));
    expect(rowOf('Acme Okta')).toHaveAttribute('data-access-level', 'full');
    await waitFor(() => expect(acmeSettings(seedIds.connections.oktaAcme)?.organization_access_level).toBe('full'));
  });

  it('refuses to raise the access level of a connection without a name', async () => {
    const user = userEvent.setup();
    renderList();
    const settings = await findRow('contoso-entra-id');
    await user.click(within(settings).getByRole('combobox', { name: 'Organization admin access' }));
    await user.click(screen.getByRole('option', { name: /Read only/ }));
    expect(within(rowOf('contoso-entra-id')).getByText(/Enter a name\./)).toHaveAttribute('data-slot', 'row-message');
    expect(requestsOf('updateOrganizationConnection')).toHaveLength(0);
  });

  it('removes a connection after confirmation', async () => {
    const user = userEvent.setup();
    const { container } = renderList();
    await user.click(await screen.findByRole('button', { name: 'Remove Acme Okta' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Acme Okta?' });
    await expectNoAxeViolations(document.body);
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByText('Acme Okta')).toBeNull());
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(announcer()).toHaveTextContent('Acme Okta removed.');
    expect(acmeSettings(seedIds.connections.oktaAcme)).toBeUndefined();
    expect(screen.getByText('7 of 10 connections')).toBeInTheDocument();
    expect(container.querySelector('[data-slot="root"]')).toHaveFocus();
  });

  it('keeps the connection when removal is cancelled', async () => {
    const user = userEvent.setup();
    renderList();
    await user.click(await screen.findByRole('button', { name: 'Remove Acme Okta' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(settingsOf('Acme Okta')).toBeInTheDocument();
    expect(requestsOf('deleteOrganizationConnection')).toHaveLength(0);
  });

  it('shows how many connections the organization has of the ten allowed', async () => {
    renderList();
    expect(await screen.findByText('8 of 10 connections')).toHaveAttribute('data-slot', 'count');
    expect(screen.getByRole('button', { name: 'Add connection' })).toBeEnabled();
  });

  it('blocks adding at the limit and says why', async () => {
    const { container } = renderList({ organizationId: initech });
    expect(await screen.findByText('10 of 10 connections')).toBeInTheDocument();
    const add = screen.getByRole('button', { name: 'Add connection' });
    expect(add).toBeDisabled();
    expect(add).toHaveAccessibleDescription(/at most 10 connections/);
    await expectNoAxeViolations(container);
  });

  it('opens the add dialog from the list', async () => {
    const user = userEvent.setup();
    renderList({ organizationId: globex });
    await user.click(await screen.findByRole('button', { name: 'Add connection' }));
    expect(await screen.findByRole('dialog', { name: 'Add a connection' })).toBeInTheDocument();
  });

  it('shows the empty state with a call to add', async () => {
    const { container } = renderList({ organizationId: globex });
    expect(await screen.findByText('No connections')).toBeInTheDocument();
    expect(screen.getByText(/Add a connection so members/)).toBeInTheDocument();
    expect(container.querySelector('[data-slot="root"]')).toHaveAttribute('data-state', 'empty');
    expect(screen.getByText('0 of 10 connections')).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('warns when no enabled connection is visible on the login page', async () => {
    const { container } = renderList({ organizationId: umbrella });
    expect(await screen.findByRole('note')).toHaveTextContent(
      /no connections enabled for the organization are visible/,
    );
    await expectNoAxeViolations(container);
  });

  it('does not warn while a connection is visible on the login page', async () => {
    renderList();
    await findRow('Acme Employees');
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('clears the warning as soon as a hidden connection is shown as a button', async () => {
    const user = userEvent.setup();
    renderList({ organizationId: umbrella });
    await screen.findByRole('note');
    await user.click(switchOf('Umbrella Ping', 'Show as button'));
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('searches and filters by kind when the list is longer than a screen', async () => {
    const user = userEvent.setup();
    renderList({ organizationId: initech });
    const search = await screen.findByRole('searchbox', { name: 'Search connections' });
    expect(screen.getAllByRole('listitem')).toHaveLength(10);
    await user.type(search, 'git');
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(settingsOf('github')).toBeInTheDocument();
    await user.clear(search);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'Passwordless');
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    await user.type(search, 'nothing like this');
    expect(screen.getByText('No connections match.')).toBeInTheDocument();
  });

  it('searches as the picker does: trimmed, case- and accent-insensitive, and by strategy too', async () => {
    const user = userEvent.setup();
    renderList({ organizationId: initech });
    const search = await screen.findByRole('searchbox', { name: 'Search connections' });
    await user.type(search, '  GÍTHUB ');
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(settingsOf('github')).toBeInTheDocument();
    await user.clear(search);
    await user.type(search, 'sms');
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
  });

  it('offers no search on a short list', async () => {
    renderList();
    await findRow('Acme Employees');
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('shows an unknown access level as sent by the server', async () => {
    tenant.setOrganizationConnections(acme, [
      {
        connection_id: seedIds.connections.github,
        organization_connection_name: 'Future level',
        organization_access_level: 'delegated' as AccessLevel,
        is_enabled: true,
        assign_membership_on_login: false,
        is_signup_enabled: false,
        show_as_button: true,
      },
    ]);
    renderList();
    expect(await screen.findByText('Unknown (delegated)')).toBeInTheDocument();
    expect(rowOf('Future level')).toHaveAttribute('data-access-level', 'unknown');
  });

  it('shows an unknown access level in the select as such, with the four levels still offered', async () => {
    const user = userEvent.setup();
    tenant.setOrganizationConnections(acme, [
      {
        connection_id: seedIds.connections.github,
        organization_connection_name: 'Future level',
        organization_access_level: 'delegated' as AccessLevel,
        is_enabled: true,
        assign_membership_on_login: false,
        is_signup_enabled: false,
        show_as_button: true,
      },
    ]);
    renderList();
    const select = within(await findRow('Future level')).getByRole('combobox', { name: 'Organization admin access' });
    expect(select).toHaveTextContent('Unknown (delegated)');
    await user.click(select);
    expect(screen.getAllByRole('option')).toHaveLength(4);
    expect(screen.queryByRole('option', { selected: true })).toBeNull();
    await user.click(screen.getByRole('option', { name: /Read only/ }));
    await waitFor(() => expect(acmeSettings(seedIds.connections.github)?.organization_access_level).toBe('readonly'));
    expect(select).toHaveTextContent('Read only');
  });

  it('announces the same message again when it is repeated', async () => {
    const user = userEvent.setup();
    renderList();
    await findRow('Acme Employees');
    const heard: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) heard.push(node.textContent ?? '');
    });
    observer.observe(announcer(), { childList: true, subtree: true });
    await user.click(switchOf('Acme Employees', 'Enabled'));
    await waitFor(() => expect(heard).toEqual(['Acme Employees saved.']));
    await user.click(switchOf('Acme Employees', 'Enabled'));
    await waitFor(() => expect(heard).toEqual(['Acme Employees saved.', 'Acme Employees saved.']));
    observer.disconnect();
    expect(announcer()).toHaveTextContent(/^Acme Employees saved\.$/);
  });

  it('announces a rename under the new name', async () => {
    const user = userEvent.setup();
    renderList();
    await user.click(await screen.findByRole('button', { name: 'Rename Acme Okta' }));
    const input = screen.getByRole('textbox', { name: 'Name in this organization' });
    await user.clear(input);
    await user.type(input, 'Okta for staff{Enter}');
    await waitFor(() => expect(announcer()).toHaveTextContent('Okta for staff saved.'));
  });

  it('has no accessibility violations', async () => {
    const { container } = renderList();
    await findRow('Acme Employees');
    await expectNoAxeViolations(container);
  });
});

describe('OrgConnectionsList for an organization admin', { timeout: 20_000 }, () => {
  /** Apple enabled in Acme at an access level this library does not know ('Apple of the future'). */
  const addConnectionAtUnknownLevel = () =>
    tenant.setOrganizationConnections(acme, [
      ...tenant.listOrganizationConnections(acme),
      {
        connection_id: seedIds.connections.apple,
        organization_connection_name: 'Apple of the future',
        organization_access_level: 'delegated' as AccessLevel,
        is_enabled: true,
        assign_membership_on_login: false,
        is_signup_enabled: false,
        show_as_button: true,
      },
    ]);

  it('leaves connections at access level none out of the DOM', async () => {
    const { container } = renderList({ view: 'org-admin' });
    await findRow('Acme Employees');
    expect(screen.getAllByRole('listitem')).toHaveLength(7);
    expect(container).not.toHaveTextContent('contoso-entra-id');
    expect(container.querySelector('[data-access-level="none"]')).toBeNull();
  });

  it('leaves connections at an unknown access level out of the DOM', async () => {
    addConnectionAtUnknownLevel();
    const { container } = renderList({ view: 'org-admin' });
    await findRow('Acme Employees');
    expect(container).not.toHaveTextContent('Apple of the future');
  });

  it('never renders a connection at level none or an unknown level, while a change is pending or after it failed', async () => {
    const user = userEvent.setup();
    addConnectionAtUnknownLevel();
    const { container } = renderList({ view: 'org-admin' });
    await findRow('Acme Employees');
    const hidden = () =>
      /contoso-entra-id|Apple of the future/.test(container.textContent ?? '') ||
      container.querySelector('[data-access-level="none"], [data-access-level="unknown"]') !== null;
    let flashed = false;
    const observer = new MutationObserver(() => {
      flashed ||= hidden();
    });
    observer.observe(container, { childList: true, subtree: true, characterData: true, attributes: true });
    tenant.setLatency(100);
    tenant.failNext({ status: 500, match: { operation: 'updateOrganizationConnection' } });
    await user.click(switchOf('Acme Employees', 'Enabled'));
    expect(rowOf('Acme Employees')).toHaveAttribute('data-pending');
    await waitFor(() => expect(within(rowOf('Acme Employees')).getByText(/was not changed/)).toBeInTheDocument());
    expect(switchOf('Acme Employees', 'Enabled')).toBeChecked();
    await user.click(switchOf('Acme Employees', 'Enabled'));
    await waitFor(() => expect(rowOf('Acme Employees')).not.toHaveAttribute('data-pending'));
    observer.disconnect();
    expect(flashed).toBe(false);
    expect(hidden()).toBe(false);
    expect(screen.getAllByRole('listitem')).toHaveLength(7);
  });

  it('shows readonly connections locked, with the reason', async () => {
    renderList({ view: 'org-admin' });
    const settings = await findRow('Acme Okta');
    const switches = within(settings).getAllByRole('switch');
    expect(switches).toHaveLength(3);
    for (const item of switches) expect(item).toBeDisabled();
    expect(within(rowOf('Acme Okta')).getByText(/Read only/)).toHaveAttribute('data-slot', 'lock-reason');
    expect(rowOf('Acme Okta')).toHaveAttribute('data-access-level', 'readonly');
  });

  it('offers only enabled and show-as-button on limited connections', async () => {
    renderList({ view: 'org-admin' });
    const markup = await findRow(seedNames.markup);
    expect(
      within(markup)
        .getAllByRole('switch')
        .map((item) => item.textContent || item.getAttribute('id')),
    ).toHaveLength(2);
    expect(within(markup).getByRole('switch', { name: 'Enabled' })).toBeEnabled();
    expect(within(markup).getByRole('switch', { name: 'Show as button' })).toBeEnabled();
    expect(within(markup).queryByRole('switch', { name: 'Membership on authentication' })).toBeNull();
    expect(within(settingsOf('Sign in with Google')).getAllByRole('switch')).toHaveLength(1);
  });

  it('offers membership on limited connections when the policy allows it', async () => {
    renderList({ view: 'org-admin', policy: { limitedCanAssignMembership: true } });
    const google = await findRow('Sign in with Google');
    expect(within(google).getByRole('switch', { name: 'Membership on authentication' })).toBeEnabled();
  });

  it('says some settings are locked on a limited connection only while one of its kind is', async () => {
    const { unmount } = renderList({ view: 'org-admin' });
    await findRow(seedNames.markup);
    expect(within(rowOf(seedNames.markup)).getByText(defaultMessages.limitedExplanation)).toBeInTheDocument();
    unmount();
    // With membership allowed, nothing of a limited enterprise connection is locked: no reason is given.
    renderList({ view: 'org-admin', policy: { limitedCanAssignMembership: true } });
    const markup = await findRow(seedNames.markup);
    expect(within(markup).getByRole('switch', { name: 'Membership on authentication' })).toBeEnabled();
    expect(within(rowOf(seedNames.markup)).queryByText(defaultMessages.limitedExplanation)).toBeNull();
  });

  it('offers every setting of its kind on full connections', async () => {
    const user = userEvent.setup();
    renderList({ view: 'org-admin' });
    const employees = await findRow('Acme Employees');
    expect(
      within(employees)
        .getAllByRole('switch')
        .filter((item) => !item.hasAttribute('disabled')),
    ).toHaveLength(3);
    await user.click(within(employees).getByRole('switch', { name: 'Enabled' }));
    await waitFor(() => expect(acmeSettings(seedIds.connections.usernamePassword)?.is_enabled).toBe(false));
  });

  it('offers no access level, name, remove, add or count', async () => {
    renderList({ view: 'org-admin' });
    await findRow('Acme Employees');
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('button', { name: /Rename|Remove|Add connection/ })).toBeNull();
    expect(screen.queryByText(/of 10 connections/)).toBeNull();
  });

  it('has no accessibility violations', async () => {
    const { container } = renderList({ view: 'org-admin' });
    await findRow('Acme Employees');
    await expectNoAxeViolations(container);
  });

  it('says, on a data source without access levels, that nothing can be shown and what to use instead', async () => {
    const { container } = renderList({ view: 'org-admin', endpoints: 'enabled_connections' });
    const list = screen.getByRole('region', { name: 'Organization connections' });
    expect(list).toHaveAttribute('data-state', 'unsupported');
    expect(within(list).getByText('Not available to organization administrators')).toBeInTheDocument();
    expect(within(list).getByText(/This data source has no access levels/)).toBeInTheDocument();
    expect(
      within(list).getByText(
        /\/organizations\/\{id\}\/connections endpoints through @org-connections\/server, or the My Organization API/,
      ),
    ).toBeInTheDocument();
    // Not an empty list, and not a list that fills in later.
    await waitFor(() => expect(requestsOf('listEnabledConnections')).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(list).toHaveAttribute('data-state', 'unsupported');
    expect(screen.queryByText('No connections')).toBeNull();
    expect(screen.queryByRole('list')).toBeNull();
    expect(list).not.toHaveAttribute('aria-busy');
    await expectNoAxeViolations(container);
  });

  it('still lists the connections for a tenant admin on a data source without access levels', async () => {
    renderList({ view: 'tenant-admin', endpoints: 'enabled_connections' });
    expect((await screen.findAllByRole('listitem')).length).toBeGreaterThan(0);
    expect(screen.getByRole('region', { name: 'Organization connections' })).toHaveAttribute('data-state', 'ready');
  });
});

describe('OrgConnectionsList states', { timeout: 20_000 }, () => {
  it('shows a busy skeleton while loading', async () => {
    tenant.setLatency(100);
    const { container } = renderList();
    const root = container.querySelector('[data-slot="root"]');
    expect(root).toHaveAttribute('aria-busy', 'true');
    expect(root).toHaveAttribute('data-state', 'loading');
    expect(screen.getByText('Loading connections…')).toBeInTheDocument();
    expect(container.querySelectorAll('[data-slot="skeleton"]').length).toBeGreaterThan(0);
    await expectNoAxeViolations(container);
    await findRow('Acme Employees');
    expect(root).not.toHaveAttribute('aria-busy');
  });

  it('shows an error with a retry that loads the list', async () => {
    const user = userEvent.setup();
    tenant.failNext({ status: 500, match: { operation: 'listOrganizationConnections' } });
    const { container } = renderList();
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not be loaded/);
    await expectNoAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await findRow('Acme Employees')).toBeInTheDocument();
  });

  it('names the missing scope when the token may not read connections', async () => {
    const token = tenant.issueToken({ scopes: ['read:connections'] });
    const { container } = renderList({ token });
    expect(await screen.findByRole('alert')).toHaveTextContent('Missing permission: read:organization_connections.');
    // Once the scope is granted, the next token carries it: trying again is worth offering.
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(container.querySelector('[data-slot="state"]')).toHaveAttribute('data-error', 'forbidden');
    await expectNoAxeViolations(container);
  });

  it('says when the organization does not exist', async () => {
    renderList({ organizationId: 'org_DoesNotExist0099' });
    expect(await screen.findByRole('alert')).toHaveTextContent('This organization does not exist.');
  });

  it('says when it will retry after a rate limit, counts down, and retries then', async () => {
    tenant.rateLimitNext({ retryAfterSeconds: 2, match: { operation: 'listOrganizationConnections' } });
    const { container } = renderList();
    expect(await screen.findByRole('alert')).toHaveTextContent(/Too many requests\. Retrying at \d\d:\d\d:\d\d\./);
    expect(container.querySelector('[data-error="rate_limited"]')).toHaveTextContent(/\d s/);
    await expectNoAxeViolations(container);
    expect(await screen.findByRole('group', { name: 'Acme Employees' }, { timeout: 4000 })).toBeInTheDocument();
    expect(requestsOf('listOrganizationConnections')).toHaveLength(2);
  });
});

describe('OrgConnectionsList data and styling', { timeout: 20_000 }, () => {
  it('asks for the list once however many components show it', async () => {
    const { queryClient, api } = createTestClients();
    render(
      <OrgConnectionsProvider api={api} queryClient={queryClient}>
        <OrgConnectionsList organizationId={acme} view="tenant-admin" />
        <OrgConnectionsList organizationId={acme} view="org-admin" />
      </OrgConnectionsProvider>,
    );
    await waitFor(() => expect(screen.getAllByText('Acme Employees')).toHaveLength(2));
    expect(requestsOf('listOrganizationConnections')).toHaveLength(1);
  });

  it('maps the theme to custom properties and state to data attributes on the root', async () => {
    const { container } = renderList({
      theme: {
        colors: { primary: 'rebeccapurple', mutedForeground: '#123456' },
        colorScheme: 'dark',
        density: 'compact',
      },
    });
    const root = container.querySelector('[data-slot="root"]') as HTMLElement;
    expect(root).toHaveAttribute('data-oc-root');
    expect(root).toHaveAttribute('data-color-scheme', 'dark');
    expect(root).toHaveAttribute('data-density', 'compact');
    expect(root.style.getPropertyValue('--oc-primary')).toBe('rebeccapurple');
    expect(root.style.getPropertyValue('--oc-muted-foreground')).toBe('#123456');
    await findRow('Acme Employees');
    expect(root).toHaveAttribute('data-state', 'ready');
  });

  it('applies classNames per slot, the className last, and leaves the scope off when unstyled', async () => {
    const { container } = renderList({
      unstyled: true,
      className: 'host-list',
      classNames: { root: 'my-root', row: 'my-row', switch: 'my-switch' },
    });
    await findRow('Acme Employees');
    const root = container.querySelector('[data-slot="root"]') as HTMLElement;
    expect(root.className).toBe('my-root host-list');
    expect(root).not.toHaveAttribute('data-oc-root');
    expect(rowOf('Acme Employees')).toHaveClass('my-row');
    expect(switchOf('Acme Employees', 'Enabled')).toHaveClass('my-switch');
  });

  it('forwards its ref and any section prop to the root', async () => {
    const ref = createRef<HTMLElement>();
    const { container } = renderList({ ref, id: 'connections', title: 'Connections' });
    const root = container.querySelector('[data-slot="root"]');
    expect(ref.current).toBe(root);
    expect(root).toHaveAttribute('id', 'connections');
    expect(root).toHaveAttribute('title', 'Connections');
  });

  it('hands classNames and unstyled to the parts it embeds: the add dialog and the access level select', async () => {
    const user = userEvent.setup();
    renderList({ unstyled: true, classNames: { 'select-trigger': 'my-select', 'dialog-content': 'my-dialog' } });
    await findRow('Acme Employees');
    expect(within(rowOf('Acme Employees')).getByRole('combobox')).toHaveClass('my-select');
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveClass('my-dialog');
    expect(dialog).not.toHaveAttribute('data-oc-root');
  });

  it('takes messages from the provider and the component, per key', async () => {
    renderList({
      providerMessages: { fieldIsEnabled: 'Active', connectionCount: (count, limit) => `${count}/${limit}` },
      messages: { fieldIsEnabled: 'On' },
    });
    await findRow('Acme Employees');
    expect(switchOf('Acme Employees', 'On')).toBeInTheDocument();
    expect(screen.getByText('8/10')).toBeInTheDocument();
  });
});

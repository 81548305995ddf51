import { createManagementApiClient } from '@org-connections/core';
import { createOrgConnectionsHandler, type OrgConnectionsAuthorization } from '@org-connections/server';
import { createFakeFetch, createFakeTenant, type FakeOrganizationConnection, seedIds } from '@org-connections/testing';
import { QueryClient } from '@tanstack/react-query';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { LoginPromptPreview } from './login-prompt-preview';
import { OrgConnectionsList } from './org-connections-list';
import { OrgConnectionsProvider } from './org-connections-provider';

// The org admin's warning and preview (issue 23): an organization admin does not see a `none` connection, so what
// they see cannot say whether login works. `@org-connections/server` judges all of the organization's connections and
// says so (`login_prompt`); the list and the preview follow it. Here through the real handler, over the fake tenant.
const { umbrella } = seedIds.organizations;
const c = seedIds.connections;
const ORIGIN = 'https://app.example';
const BASE = `${ORIGIN}/api/org-connections`;
configure({ defaultHidden: true });

const tenant = createFakeTenant({ rateLimits: false });
afterEach(() => tenant.reset());

const umbrellaAdmin: OrgConnectionsAuthorization = { view: 'org-admin', actor: 'user|u', organizationId: umbrella };
const WARNING =
  'Every enabled connection is hidden, so login will fail with "no connections enabled for the organization are visible". Show one as a button.';

/** Umbrella's connections are two hidden enterprise ones its admin sees; this adds a database one at `none`. */
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

/** Switches off every connection enabled for Umbrella, the `none` one too when there is one. */
function switchOffAll() {
  tenant.setOrganizationConnections(
    umbrella,
    tenant.listOrganizationConnections(umbrella).map((connection) => ({ ...connection, is_enabled: false })),
  );
}

/** The list and the preview for Umbrella's admin, their client calling the handler as the host's page would. */
function renderOrgAdmin() {
  const handler = createOrgConnectionsHandler({
    domain: 'fake-tenant.test',
    basePath: '/api/org-connections',
    getManagementToken: () => tenant.defaultToken,
    authorize: async () => umbrellaAdmin,
    fetch: createFakeFetch(tenant),
    index: false,
  });
  const api = createManagementApiClient({
    baseUrl: BASE,
    retry: { attempts: 0 },
    fetch: (url, init) => handler(new Request(url, { ...init, headers: { ...init?.headers, origin: ORIGIN } })),
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <OrgConnectionsProvider api={api} queryClient={queryClient}>
      <main>
        <OrgConnectionsList organizationId={umbrella} view="org-admin" />
        <LoginPromptPreview organizationId={umbrella} view="org-admin" />
      </main>
    </OrgConnectionsProvider>,
  );
}

const list = () => screen.getByRole('region', { name: 'Organization connections' });
const preview = () => screen.getByRole('region', { name: 'Login prompt preview' });
const loaded = () =>
  waitFor(() => expect(preview()).toHaveAttribute('data-state', expect.not.stringMatching('loading')));

describe("the org admin's login prompt warning", { timeout: 20_000 }, () => {
  it('with a hidden `none` database connection: no warning, though every connection the admin sees is hidden', async () => {
    withHiddenDatabase();
    const { container } = renderOrgAdmin();
    await within(list()).findByText('Umbrella Ping');
    await loaded();
    expect(within(list()).getByText('Umbrella SAML')).toBeInTheDocument();
    expect(container.querySelector('[data-slot="warning"]')).toBeNull();
    expect(preview()).toHaveAttribute('data-state', 'ready');
    expect(container.querySelector('[data-slot="failure"]')).toBeNull();
    // The hidden connections are still listed with how they are reached; the `none` one is never named.
    expect(within(preview()).getByText('2 connections are not on the prompt')).toBeInTheDocument();
    expect(container.textContent).not.toMatch(/Username-Password-Authentication/);
  });

  it('without it: both warn, as login will fail', async () => {
    const { container } = renderOrgAdmin();
    await within(list()).findByText('Umbrella Ping');
    await loaded();
    expect(within(list()).getByRole('note')).toHaveTextContent(WARNING);
    expect(preview()).toHaveAttribute('data-state', 'failure');
    expect(container.querySelector('[data-slot="failure"]')).toHaveTextContent(WARNING);
  });

  it.each([
    ['the connections the admin sees', () => {}],
    ['a `none` database connection the admin does not see', withHiddenDatabase],
  ])('with no connection enabled among %s: the preview is empty, and nothing warns', async (_, arrange) => {
    arrange();
    switchOffAll();
    const { container } = renderOrgAdmin();
    await within(list()).findByText('Umbrella Ping');
    await loaded();
    expect(preview()).toHaveAttribute('data-state', 'empty');
    expect(
      within(preview()).getByText('No connection is enabled, so nobody can log in to this organization.'),
    ).toBeInTheDocument();
    expect(container.querySelector('[data-slot="warning"]')).toBeNull();
    expect(container.querySelector('[data-slot="failure"]')).toBeNull();
  });

  it('with only the `none` database connection enabled: the prompt is ready, though the admin sees nothing enabled', async () => {
    withHiddenDatabase();
    tenant.setOrganizationConnections(
      umbrella,
      tenant
        .listOrganizationConnections(umbrella)
        .map((connection) => ({ ...connection, is_enabled: connection.connection_id === c.usernamePassword })),
    );
    const { container } = renderOrgAdmin();
    await within(list()).findByText('Umbrella Ping');
    await loaded();
    expect(preview()).toHaveAttribute('data-state', 'ready');
    expect(container.querySelector('[data-slot="prompt-empty"]')).toBeNull();
    expect(container.querySelector('[data-slot="warning"]')).toBeNull();
    expect(container.textContent).not.toMatch(/Username-Password-Authentication/);
  });

  it('enabling a hidden enterprise connection in an organization with none enabled warns at once, and the server agrees', async () => {
    const user = userEvent.setup();
    switchOffAll();
    renderOrgAdmin();
    const row = (await within(list()).findByText('Umbrella Ping')).closest('[data-slot="row"]') as HTMLElement;
    await loaded();
    expect(preview()).toHaveAttribute('data-state', 'empty');
    const reads = () => tenant.requests.filter((request) => request.operation === 'listOrganizationConnections');
    const readsBefore = reads().length;
    await user.click(within(row).getByRole('switch', { name: 'Enabled' }));
    expect(within(list()).getByRole('note')).toHaveTextContent(WARNING);
    expect(preview()).toHaveAttribute('data-state', 'failure');
    await waitFor(() => expect(reads().length).toBeGreaterThan(readsBefore));
    await waitFor(() => expect(row).not.toHaveAttribute('data-pending'));
    expect(within(list()).getByRole('note')).toHaveTextContent(WARNING);
    expect(preview()).toHaveAttribute('data-state', 'failure');
  });

  it('showing one as a button clears the warning at once, and the server agrees when asked again', async () => {
    const user = userEvent.setup();
    const { container } = renderOrgAdmin();
    const row = (await within(list()).findByText('Umbrella SAML')).closest('[data-slot="row"]') as HTMLElement;
    await loaded();
    expect(container.querySelector('[data-slot="warning"]')).not.toBeNull();
    const reads = () => tenant.requests.filter((request) => request.operation === 'listOrganizationConnections');
    const readsBefore = reads().length;
    await user.click(within(row).getByRole('switch', { name: 'Show as button' }));
    expect(container.querySelector('[data-slot="warning"]')).toBeNull();
    expect(preview()).toHaveAttribute('data-state', 'ready');
    // After the change the list is read again for the server's new verdict (it covers what the admin cannot see).
    await waitFor(() => expect(reads().length).toBeGreaterThan(readsBefore));
    await waitFor(() => expect(row).not.toHaveAttribute('data-pending'));
    expect(container.querySelector('[data-slot="warning"]')).toBeNull();
    expect(preview()).toHaveAttribute('data-state', 'ready');
  });
});

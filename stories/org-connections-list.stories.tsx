import { OrgConnectionsList } from '@org-connections/react';
import { ALL_SCOPES, seedIds, seedNames } from '@org-connections/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { fakeTenantOf } from '../.storybook/fake-tenant-loader';
import { hostileNamesTenant, NEVER_ANSWERS, onlyConnections } from './fake-tenant-scenarios';
import { findList, findRow } from './find-in-list';
import { expectSwitchesDrawn, forcedColorsA11y, inForcedColors } from './forced-colors';
import './org-connections-list.stories.css';
import { storyMessages as messages, storyFormat } from '../.storybook/story-locale';

const { organizations, connections } = seedIds;

const meta = {
  title: 'OrgConnectionsList',
  component: OrgConnectionsList,
  tags: ['autodocs'],
  args: { organizationId: organizations.acme, view: 'tenant-admin' },
  argTypes: {
    organizationId: {
      control: 'select',
      options: Object.values(organizations),
      description: 'One of the seed organizations (`seedIds.organizations`).',
    },
    view: { control: 'inline-radio', options: ['tenant-admin', 'org-admin'] },
  },
} satisfies Meta<typeof OrgConnectionsList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The words of a message before an argument a play function cannot know (a time of day). */
const wordsBefore = (message: (value: string) => string) => message('\u0000').split('\u0000')[0]?.trim() ?? '';

// ---- Tenant admin ------------------------------------------------------------------------------

/** The operator's console: every connection of Acme, every setting, the count against the limit. */
export const TenantAdmin: Story = {
  play: async ({ canvasElement }) => {
    const list = await findList(canvasElement);
    await expect(within(list).getByText(messages.connectionCount(8, 10, storyFormat))).toBeVisible();
    await expect(within(list).getByRole('button', { name: messages.addConnection })).toBeEnabled();
    // A connection with access level `none` is still listed for the tenant admin, with its connection name.
    await expect(await findRow(canvasElement, 'contoso-entra-id')).toBeVisible();
    const employees = within(await findRow(canvasElement, 'Acme Employees'));
    await expect(employees.getByRole('switch', { name: messages.fieldIsSignupEnabled })).toBeChecked();
    await expect(employees.getByRole('combobox', { name: messages.fieldOrganizationAccessLevel })).toHaveTextContent(
      messages.accessLevelFull,
    );
  },
};

/** Nothing has answered yet: a skeleton, and the list says it is busy. */
export const Loading: Story = {
  parameters: { tenant: { latency: NEVER_ANSWERS } },
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('region', { name: messages.listLabel });
    await expect(list).toHaveAttribute('data-state', 'loading');
    await expect(list).toHaveAttribute('aria-busy', 'true');
    await expect(within(list).getByText(messages.loading)).toBeVisible();
  },
};

/** An organization without connections: the empty state asks the tenant admin to add one. */
export const Empty: Story = {
  args: { organizationId: organizations.globex },
  play: async ({ canvasElement }) => {
    const list = await findList(canvasElement);
    await expect(list).toHaveAttribute('data-state', 'empty');
    await expect(within(list).getByText(messages.emptyTitle)).toBeVisible();
    await expect(within(list).getByText(messages.emptyDescriptionCanAdd)).toBeVisible();
    await expect(within(list).getByRole('button', { name: messages.addConnection })).toBeEnabled();
  },
};

/** The server failed once: the error says so, and Retry loads the list. */
export const LoadError: Story = {
  parameters: {
    tenant: {
      setup: (tenant) => tenant.failNext({ status: 503, match: { operation: 'listOrganizationConnections' } }),
    },
  },
  play: async ({ canvasElement }) => {
    const list = await findList(canvasElement);
    await expect(list).toHaveAttribute('data-state', 'error');
    await expect(within(list).getByRole('alert')).toHaveTextContent(messages.loadErrorTitle);
    await userEvent.click(within(list).getByRole('button', { name: messages.retry }));
    await expect(await findRow(canvasElement, 'Acme Employees')).toBeVisible();
  },
};

/** The network is down: the message says the server could not be reached, not that it failed; Retry loads the list. */
export const NetworkError: Story = {
  parameters: {
    tenant: {
      setup: (tenant) => tenant.failNext({ network: true, match: { operation: 'listOrganizationConnections' } }),
    },
  },
  play: async ({ canvasElement }) => {
    const list = await findList(canvasElement);
    await expect(list.querySelector('[data-error="network"]')).not.toBeNull();
    await expect(within(list).getByRole('alert')).toHaveTextContent(messages.errorNetwork);
    // Retry loads the list; the keyboard stays in it (on the list itself) rather than falling to the page.
    await userEvent.click(within(list).getByRole('button', { name: messages.retry }));
    await expect(await findRow(canvasElement, 'Acme Employees')).toBeVisible();
    await expect(list).toHaveFocus();
  },
};

/** Auth0 answered 429: the list says when it will try again, counts down, and then loads by itself. */
export const RateLimited: Story = {
  parameters: {
    tenant: {
      setup: (tenant) =>
        tenant.rateLimitNext({ retryAfterSeconds: 2, match: { operation: 'listOrganizationConnections' } }),
    },
  },
  play: async ({ canvasElement }) => {
    const list = await findList(canvasElement);
    await expect(list.querySelector('[data-error="rate_limited"]')).not.toBeNull();
    await expect(within(list).getByRole('alert')).toHaveTextContent(wordsBefore(messages.rateLimitedRetrying));
    await expect(await findRow(canvasElement, 'Acme Employees', { timeout: 6000 })).toBeVisible();
  },
};

/** The token lacks `read:organization_connections`: the list names the missing scope, and offers to try again (once granted). */
export const InsufficientScope: Story = {
  parameters: {
    tenant: { scopes: ALL_SCOPES.filter((scope) => scope !== 'read:organization_connections') },
  },
  play: async ({ canvasElement }) => {
    const list = await findList(canvasElement);
    await expect(list.querySelector('[data-error="forbidden"]')).not.toBeNull();
    await expect(within(list).getByRole('alert')).toHaveTextContent('read:organization_connections');
    await expect(within(list).getByRole('button', { name: messages.retry })).toBeInTheDocument();
  },
};

/** An organization id the tenant does not know. */
export const OrganizationNotFound: Story = {
  args: { organizationId: 'org_DoesNotExist0000' },
  play: async ({ canvasElement }) => {
    const list = await findList(canvasElement);
    await expect(within(list).getByRole('alert')).toHaveTextContent(messages.organizationNotFound);
  },
};

/** Initech has 10 connections, Auth0's limit: adding is blocked, and the list says why. */
export const AtTheConnectionLimit: Story = {
  args: { organizationId: organizations.initech },
  play: async ({ canvasElement }) => {
    const list = await findList(canvasElement);
    await expect(within(list).getByText(messages.connectionCount(10, 10, storyFormat))).toBeVisible();
    const add = within(list).getByRole('button', { name: messages.addConnection });
    await expect(add).toBeDisabled();
    await expect(add).toHaveAccessibleDescription(messages.limitReached(10, storyFormat));
  },
};

/** More rows than fit at a glance: search and a kind filter narrow them. */
export const SearchAndFilter: Story = {
  args: { organizationId: organizations.initech },
  play: async ({ canvasElement }) => {
    const list = within(await findList(canvasElement));
    await userEvent.type(list.getByRole('searchbox', { name: messages.searchLabel }), 'adfs');
    await waitFor(() => expect(list.getAllByRole('group')).toHaveLength(1));
    await expect(list.getByRole('group', { name: 'Initech ADFS' })).toBeVisible();
    await userEvent.clear(list.getByRole('searchbox', { name: messages.searchLabel }));
    await userEvent.selectOptions(list.getByRole('combobox', { name: messages.kindFilterLabel }), 'passwordless');
    await waitFor(() => expect(list.getAllByRole('group')).toHaveLength(2));
  },
};

/** Every enabled connection is enterprise and hidden from the login prompt: login would fail, and the list warns. */
export const NoVisibleConnectionsWarning: Story = {
  args: { organizationId: organizations.umbrella },
  play: async ({ canvasElement }) => {
    const list = within(await findList(canvasElement));
    const warning = list.getByRole('note');
    await expect(warning).toHaveTextContent(messages.visibilityWarning);
    // Showing one of them as a button clears the warning.
    const ping = within(list.getByRole('group', { name: 'Umbrella Ping' }));
    await userEvent.click(ping.getByRole('switch', { name: messages.fieldShowAsButton }));
    await waitFor(() => expect(list.queryByRole('note')).not.toBeInTheDocument());
  },
};

/**
 * Names from the server are text, never HTML: markup, accents, emoji, right-to-left text, and names at
 * the 50-character maximum (with and without spaces) stay inside their row.
 */
export const HostileAndLongNames: Story = {
  args: { organizationId: hostileNamesTenant.organizationId },
  parameters: { tenant: { setup: hostileNamesTenant.setup } },
  play: async ({ canvasElement }) => {
    const list = await findList(canvasElement);
    for (const name of hostileNamesTenant.names) {
      await expect(within(list).getByRole('group', { name })).toBeInTheDocument();
    }
    await expect(within(list).getByText(seedNames.markup)).toBeVisible();
    await expect(list.querySelector('img, script, svg[onload], b')).toBeNull();
    for (const row of list.querySelectorAll('[data-slot="row"]')) {
      await expect(row.scrollWidth).toBeLessThanOrEqual(row.clientWidth);
    }
  },
};

// ---- Changing settings ------------------------------------------------------------------------

/** A toggle moves at once, shows it is saving, and the tenant has the change when it settles. */
export const ToggleSaves: Story = {
  parameters: {
    tenant: { setup: (tenant) => tenant.setLatency((request) => (request.method === 'PATCH' ? 400 : 0)) },
  },
  play: async ({ canvasElement, ...context }) => {
    const { tenant } = fakeTenantOf(context);
    const row = await findRow(canvasElement, 'Sign in with Google');
    const enabled = within(row).getByRole('switch', { name: messages.fieldIsEnabled });
    await expect(enabled).toBeChecked();
    await userEvent.click(enabled);
    await expect(enabled).not.toBeChecked();
    await expect(row.closest('[data-slot="row"]')).toHaveAttribute('data-pending');
    await waitFor(() => expect(row.closest('[data-slot="row"]')).not.toHaveAttribute('data-pending'));
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(messages.saved('Sign in with Google'));
    const google = tenant
      .listOrganizationConnections(organizations.acme)
      .find((c) => c.connection_id === connections.google);
    await expect(google?.is_enabled).toBe(false);
  },
};

/** The server refuses the change: the switch rolls back, and the row and the screen reader say why. */
export const ToggleRollsBackOnFailure: Story = {
  parameters: {
    tenant: {
      setup: (tenant) => {
        tenant.setLatency((request) => (request.method === 'PATCH' ? 300 : 0));
        tenant.failNext({ status: 500, match: { operation: 'updateOrganizationConnection' } });
      },
    },
  },
  play: async ({ canvasElement }) => {
    const row = await findRow(canvasElement, 'Sign in with Google');
    const enabled = within(row).getByRole('switch', { name: messages.fieldIsEnabled });
    await userEvent.click(enabled);
    await expect(enabled).not.toBeChecked();
    await waitFor(() => expect(enabled).toBeChecked());
    // The rollback is the cache's; the failure is told when the mutation tells its observers, a task later.
    const failure = messages.changeFailed('Sign in with Google', messages.errorServer);
    await expect(await within(row.closest('li') ?? row).findByText(failure)).toBeVisible();
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(failure);
  },
};

/** Turning membership off turns signup off with it (signup needs membership), in one request. */
export const MembershipOffTurnsSignupOff: Story = {
  play: async ({ canvasElement, ...context }) => {
    const { tenant } = fakeTenantOf(context);
    const row = within(await findRow(canvasElement, 'Acme Employees'));
    await userEvent.click(row.getByRole('switch', { name: messages.fieldAssignMembershipOnLogin }));
    await expect(row.getByRole('switch', { name: messages.fieldIsSignupEnabled })).not.toBeChecked();
    await waitFor(() => expect(tenant.requests.filter((request) => request.method === 'PATCH')).toHaveLength(1));
    const patch = tenant.requests.find((request) => request.method === 'PATCH');
    await expect(patch?.body).toEqual({ assign_membership_on_login: false, is_signup_enabled: false });
  },
};

/** A tenant admin sets who may manage the connection; a connection without a name cannot leave `none`. */
export const ChangeAccessLevel: Story = {
  play: async ({ canvasElement, ...context }) => {
    const { tenant } = fakeTenantOf(context);
    const google = within(await findRow(canvasElement, 'Sign in with Google'));
    await userEvent.click(google.getByRole('combobox', { name: messages.fieldOrganizationAccessLevel }));
    await userEvent.click(await google.findByRole('option', { name: new RegExp(messages.accessLevelFull) }));
    await waitFor(() =>
      expect(
        tenant.listOrganizationConnections(organizations.acme).find((c) => c.connection_id === connections.google)
          ?.organization_access_level,
      ).toBe('full'),
    );

    const contoso = within(await findRow(canvasElement, 'contoso-entra-id'));
    await userEvent.click(contoso.getByRole('combobox', { name: messages.fieldOrganizationAccessLevel }));
    await userEvent.click(await contoso.findByRole('option', { name: new RegExp(messages.accessLevelReadonly) }));
    await expect(await within(canvasElement).findByText(messages.nameRequired)).toBeVisible();
  },
};

/** Rename the connection for this organization, inline; Enter saves. */
export const Rename: Story = {
  play: async ({ canvasElement, ...context }) => {
    const { tenant } = fakeTenantOf(context);
    const canvas = within(canvasElement);
    await findRow(canvasElement, 'Sign in with Google');
    await userEvent.click(canvas.getByRole('button', { name: messages.rename('Sign in with Google') }));
    const input = canvas.getByRole('textbox', { name: messages.fieldOrganizationConnectionName });
    await userEvent.clear(input);
    await userEvent.type(input, 'Google accounts{Enter}');
    await expect(await findRow(canvasElement, 'Google accounts')).toBeVisible();
    await waitFor(() =>
      expect(
        tenant.listOrganizationConnections(organizations.acme).find((c) => c.connection_id === connections.google)
          ?.organization_connection_name,
      ).toBe('Google accounts'),
    );
  },
};

/** Remove asks first; the connection leaves the organization and stays in the tenant. */
export const Remove: Story = {
  play: async ({ canvasElement, ...context }) => {
    const { tenant } = fakeTenantOf(context);
    const canvas = within(canvasElement);
    await findRow(canvasElement, 'Sign in with Google');
    await userEvent.click(canvas.getByRole('button', { name: messages.remove('Sign in with Google') }));
    const dialog = within(await within(document.body).findByRole('alertdialog'));
    await expect(dialog.getByText(messages.removeTitle('Sign in with Google'))).toBeVisible();
    await userEvent.click(dialog.getByRole('button', { name: messages.removeConfirm }));
    await waitFor(() => expect(within(document.body).queryByRole('alertdialog')).not.toBeInTheDocument());
    await expect(canvas.queryByRole('group', { name: 'Sign in with Google' })).not.toBeInTheDocument();
    await expect(canvas.getByText(messages.connectionCount(7, 10, storyFormat))).toBeVisible();
    await expect(
      tenant.listOrganizationConnections(organizations.acme).some((c) => c.connection_id === connections.google),
    ).toBe(false);
    await expect(tenant.getConnection(connections.google)).toBeDefined();
  },
};

// ---- No lockouts (issue 23) ---------------------------------------------------------------------

const writesOf = (tenant: ReturnType<typeof fakeTenantOf>['tenant']) =>
  tenant.requests.filter(
    (request) =>
      request.operation === 'updateOrganizationConnection' || request.operation === 'deleteOrganizationConnection',
  );

/**
 * The admin signed in with Google (`signedInWith`): switching it off asks first and says who loses access. Cancel
 * sends nothing and gives the switch its focus back; confirming switches it off as the click would.
 */
export const LockoutSignedInConnection: Story = {
  args: { signedInWith: connections.google },
  play: async ({ canvasElement, ...context }) => {
    const { tenant } = fakeTenantOf(context);
    const row = within(await findRow(canvasElement, 'Sign in with Google'));
    const enabled = row.getByRole('switch', { name: messages.fieldIsEnabled });
    await userEvent.click(enabled);
    const dialog = await within(document.body).findByRole('alertdialog', {
      name: messages.lockoutTitle('Sign in with Google'),
    });
    await expect(dialog).toHaveAccessibleDescription(messages.lockoutSignedInConnection);
    await userEvent.click(within(dialog).getByRole('button', { name: messages.cancel }));
    await waitFor(() => expect(within(document.body).queryByRole('alertdialog')).not.toBeInTheDocument());
    await expect(enabled).toHaveFocus();
    await expect(enabled).toBeChecked();
    await expect(writesOf(tenant)).toHaveLength(0);

    await userEvent.click(enabled);
    const again = await within(document.body).findByRole('alertdialog');
    await userEvent.click(within(again).getByRole('button', { name: messages.lockoutConfirm }));
    await expect(enabled).not.toBeChecked();
    await waitFor(() => expect(writesOf(tenant)).toHaveLength(1));
  },
};

/** The last enabled connection: switching it off or removing it asks first (nobody could sign in), by keyboard too. */
export const LockoutLastEnabledConnection: Story = {
  parameters: {
    tenant: { setup: onlyConnections(organizations.acme, [connections.usernamePassword, connections.contosoEntra]) },
  },
  play: async ({ canvasElement, ...context }) => {
    const { tenant } = fakeTenantOf(context);
    const row = within(await findRow(canvasElement, 'Acme Employees'));
    const enabled = row.getByRole('switch', { name: messages.fieldIsEnabled });
    enabled.focus();
    await userEvent.keyboard(' ');
    const dialog = await within(document.body).findByRole('alertdialog', {
      name: messages.lockoutTitle('Acme Employees'),
    });
    await expect(dialog).toHaveAttribute('data-lockout', 'last_enabled_connection');
    await expect(dialog).toHaveAccessibleDescription(messages.lockoutLastEnabledConnection);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(document.body).queryByRole('alertdialog')).not.toBeInTheDocument());
    await expect(enabled).toHaveFocus();

    await userEvent.click(within(canvasElement).getByRole('button', { name: messages.remove('Acme Employees') }));
    const remove = await within(document.body).findByRole('alertdialog', {
      name: messages.removeTitle('Acme Employees'),
    });
    await expect(within(remove).getByText(messages.lockoutLastEnabledConnection)).toBeVisible();
    await userEvent.click(within(remove).getByRole('button', { name: messages.cancel }));
    await waitFor(() => expect(within(document.body).queryByRole('alertdialog')).not.toBeInTheDocument());
    await expect(writesOf(tenant)).toHaveLength(0);
  },
};

/** Removing the connection the admin signed in with: the remove dialog says so before what removing does. */
export const LockoutRemoveSignedInConnection: Story = {
  args: { signedInWith: connections.google },
  play: async ({ canvasElement }) => {
    await findRow(canvasElement, 'Sign in with Google');
    await userEvent.click(within(canvasElement).getByRole('button', { name: messages.remove('Sign in with Google') }));
    const dialog = await within(document.body).findByRole('alertdialog', {
      name: messages.removeTitle('Sign in with Google'),
    });
    await expect(dialog).toHaveAttribute('data-lockout', 'signed_in_connection');
    await expect(within(dialog).getByText(messages.lockoutSignedInConnection)).toBeVisible();
  },
};

// ---- Refusals of @org-connections/server (issue 23) ----------------------------------------------

/** No session (401): sign in again. */
export const NotSignedIn: Story = {
  parameters: {
    tenant: {
      setup: (tenant) =>
        tenant.failNext({
          status: 401,
          body: { statusCode: 401, error: 'Unauthorized', message: 'Sign in.', errorCode: 'unauthorized' },
          // The client asks for a new token once after a 401.
          times: 2,
          match: { operation: 'listOrganizationConnections' },
        }),
    },
  },
  play: async ({ canvasElement }) => {
    const list = await findList(canvasElement);
    await expect(list.querySelector('[data-error="unauthorized"]')).not.toBeNull();
    await expect(within(list).getByRole('alert')).toHaveTextContent(messages.errorUnauthorized);
  },
};

/** Signed in, but the host does not let this account manage connections (403 `not_allowed`). */
export const SignedInNotAllowed: Story = {
  parameters: {
    tenant: {
      setup: (tenant) =>
        tenant.failNext({
          status: 403,
          body: { statusCode: 403, error: 'Forbidden', message: 'Not allowed.', errorCode: 'not_allowed' },
          match: { operation: 'listOrganizationConnections' },
        }),
    },
  },
  play: async ({ canvasElement }) => {
    const list = await findList(canvasElement);
    await expect(list.querySelector('[data-error="forbidden"]')).not.toBeNull();
    await expect(within(list).getByRole('alert')).toHaveTextContent(messages.errorNotAllowed);
  },
};

/** A read-only support role sees everything; a change is refused (403 `read_only_role`), rolled back and explained. */
export const ReadOnlyRole: Story = {
  parameters: {
    tenant: {
      setup: (tenant) =>
        tenant.failNext({
          status: 403,
          body: { statusCode: 403, error: 'Forbidden', message: 'Read only.', errorCode: 'read_only_role' },
          match: { operation: 'updateOrganizationConnection' },
        }),
    },
  },
  play: async ({ canvasElement }) => {
    const row = within(await findRow(canvasElement, 'Acme Okta'));
    const membership = row.getByRole('switch', { name: messages.fieldAssignMembershipOnLogin });
    await userEvent.click(membership);
    await expect(
      await within(canvasElement).findByText(messages.changeFailed('Acme Okta', messages.errorReadOnlyRole)),
    ).toBeVisible();
    await expect(membership).toBeChecked();
  },
};

/** A rename the server refuses: the editor stays open with the typed name and focus, and says why by the field. */
export const RenameFailureKeepsTheText: Story = {
  parameters: {
    tenant: {
      setup: (tenant) => tenant.failNext({ status: 503, match: { operation: 'updateOrganizationConnection' } }),
    },
  },
  play: async ({ canvasElement, ...context }) => {
    const { tenant } = fakeTenantOf(context);
    const canvas = within(canvasElement);
    await findRow(canvasElement, 'Sign in with Google');
    await userEvent.click(canvas.getByRole('button', { name: messages.rename('Sign in with Google') }));
    const input = canvas.getByRole('textbox', { name: messages.fieldOrganizationConnectionName });
    await userEvent.clear(input);
    await userEvent.type(input, 'Google accounts{Enter}');
    const failure = messages.changeFailed('Sign in with Google', messages.errorServer);
    await waitFor(() => expect(input).toHaveAccessibleDescription(failure));
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveValue('Google accounts');
    await expect(input).toHaveFocus();
    // Enter again, once the fault is gone: saved, and the editor closes.
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(canvas.queryByRole('textbox', { name: messages.fieldOrganizationConnectionName })).toBeNull(),
    );
    await expect(await findRow(canvasElement, 'Google accounts')).toBeVisible();
    await expect(
      tenant.listOrganizationConnections(organizations.acme).find((c) => c.connection_id === connections.google)
        ?.organization_connection_name,
    ).toBe('Google accounts');
  },
};

/** A removal the server refuses: the dialog stays, says why, and keeps focus on its confirm button. */
export const RemoveFailureKeepsFocus: Story = {
  parameters: {
    tenant: {
      setup: (tenant) => tenant.failNext({ status: 503, match: { operation: 'deleteOrganizationConnection' } }),
    },
  },
  play: async ({ canvasElement, ...context }) => {
    const { tenant } = fakeTenantOf(context);
    const canvas = within(canvasElement);
    await findRow(canvasElement, 'Sign in with Google');
    await userEvent.click(canvas.getByRole('button', { name: messages.remove('Sign in with Google') }));
    const dialog = within(await within(document.body).findByRole('alertdialog'));
    const confirm = dialog.getByRole('button', { name: messages.removeConfirm });
    await userEvent.click(confirm);
    await expect(await dialog.findByRole('alert')).toHaveTextContent(messages.errorServer);
    await expect(confirm).toHaveFocus();
    await expect(
      tenant.listOrganizationConnections(organizations.acme).some((c) => c.connection_id === connections.google),
    ).toBe(true);
  },
};

/** A tenant without the Early Access endpoints: no access level, no name, no `is_enabled` to show. */
export const EnabledConnectionsEndpoints: Story = {
  parameters: { client: { endpoints: 'enabled_connections' } },
  play: async ({ canvasElement }) => {
    const list = within(await findList(canvasElement));
    await expect(list.getAllByRole('group').length).toBeGreaterThan(0);
    await expect(list.queryByRole('combobox', { name: messages.fieldOrganizationAccessLevel })).not.toBeInTheDocument();
    await expect(list.queryByRole('switch', { name: messages.fieldIsEnabled })).not.toBeInTheDocument();
  },
};

/**
 * The same endpoints in the org-admin view: with no access levels nothing says what an organization administrator
 * may see, so the list says so and what to use instead, rather than showing an empty list.
 */
export const EnabledConnectionsEndpointsOrgAdmin: Story = {
  args: { view: 'org-admin' },
  parameters: { client: { endpoints: 'enabled_connections' } },
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('region', { name: messages.listLabel });
    await expect(list).toHaveAttribute('data-state', 'unsupported');
    await expect(within(list).getByText(messages.unsupportedTitle)).toBeVisible();
    await expect(within(list).getByText(messages.unsupportedDescription)).toBeVisible();
    await expect(within(list).getByText(messages.unsupportedAlternative)).toBeVisible();
    await expect(within(list).queryByRole('list')).not.toBeInTheDocument();
    await expect(within(list).queryByText(messages.emptyTitle)).not.toBeInTheDocument();
  },
};

// ---- Organization admin: one story per access level --------------------------------------------

/** `full`: shown; enabled, membership and signup (database) can be changed. Access level and name cannot. */
export const OrgAdminFull: Story = {
  args: { view: 'org-admin' },
  parameters: { tenant: { setup: onlyConnections(organizations.acme, [connections.usernamePassword]) } },
  play: async ({ canvasElement }) => {
    const row = within(await findRow(canvasElement, 'Acme Employees'));
    await expect(row.getByRole('switch', { name: messages.fieldIsEnabled })).toBeEnabled();
    await expect(row.getByRole('switch', { name: messages.fieldAssignMembershipOnLogin })).toBeEnabled();
    await expect(row.getByRole('switch', { name: messages.fieldIsSignupEnabled })).toBeEnabled();
    await expect(row.queryByRole('combobox')).not.toBeInTheDocument();
    await expect(within(canvasElement).queryByRole('button', { name: messages.renameButton })).not.toBeInTheDocument();
    await expect(within(canvasElement).queryByRole('button', { name: messages.removeButton })).not.toBeInTheDocument();
  },
};

/** `limited`: shown; only enabled and show-as-button (enterprise) can be changed, and the row says so. */
export const OrgAdminLimited: Story = {
  args: { view: 'org-admin' },
  parameters: { tenant: { setup: onlyConnections(organizations.acme, [connections.google]) } },
  play: async ({ canvasElement }) => {
    const row = within(await findRow(canvasElement, 'Sign in with Google'));
    await expect(row.getByRole('switch', { name: messages.fieldIsEnabled })).toBeEnabled();
    await expect(row.queryByRole('switch', { name: messages.fieldAssignMembershipOnLogin })).not.toBeInTheDocument();
    await expect(within(canvasElement).getByText(messages.limitedExplanation)).toBeVisible();
  },
};

/**
 * `limited` under the looser reading of Auth0's OpenAPI (`policy={{ limitedCanAssignMembership: true }}`
 * on the provider, and on the client): membership on authentication can be changed too.
 */
export const OrgAdminLimitedWithLooserPolicy: Story = {
  args: { view: 'org-admin' },
  parameters: {
    provider: { policy: { limitedCanAssignMembership: true } },
    tenant: { setup: onlyConnections(organizations.acme, [connections.google]) },
  },
  play: async ({ canvasElement, ...context }) => {
    const { tenant } = fakeTenantOf(context);
    const row = within(await findRow(canvasElement, 'Sign in with Google'));
    const membership = row.getByRole('switch', { name: messages.fieldAssignMembershipOnLogin });
    await userEvent.click(membership);
    await expect(membership).toBeChecked();
    await waitFor(() =>
      expect(
        tenant.listOrganizationConnections(organizations.acme).find((c) => c.connection_id === connections.google)
          ?.assign_membership_on_login,
      ).toBe(true),
    );
  },
};

/** `readonly`: shown, visibly locked; nothing can be changed. */
export const OrgAdminReadonly: Story = {
  args: { view: 'org-admin' },
  parameters: { tenant: { setup: onlyConnections(organizations.acme, [connections.oktaAcme]) } },
  play: async ({ canvasElement }) => {
    const row = within(await findRow(canvasElement, 'Acme Okta'));
    for (const toggle of row.getAllByRole('switch')) await expect(toggle).toBeDisabled();
    await expect(within(canvasElement).getByText(messages.readonlyExplanation)).toBeVisible();
  },
};

/**
 * `none` (and any level this version does not know): not rendered at all, not even hidden. Here the
 * organization has one `full` connection, one `none` and one with an unknown level; the org admin sees one.
 */
export const OrgAdminNoneIsAbsent: Story = {
  args: { view: 'org-admin' },
  parameters: {
    tenant: {
      setup: (tenant) => {
        const [employees, contoso, okta] = [
          connections.usernamePassword,
          connections.contosoEntra,
          connections.oktaAcme,
        ].map((id) => tenant.listOrganizationConnections(organizations.acme).find((c) => c.connection_id === id));
        if (!employees || !contoso || !okta) throw new Error('The seed changed.');
        // An access level from a future Auth0 release, which this version must treat as `none`.
        const future = { ...okta, organization_access_level: 'owner' as 'full' };
        tenant.setOrganizationConnections(organizations.acme, [employees, contoso, future]);
      },
    },
  },
  play: async ({ canvasElement }) => {
    const list = await findList(canvasElement);
    await expect(within(list).getAllByRole('group')).toHaveLength(1);
    await expect(list).not.toHaveTextContent('contoso-entra-id');
    await expect(list).not.toHaveTextContent('Acme Okta');
    await expect(list.querySelectorAll('[data-slot="row"]')).toHaveLength(1);
  },
};

/** Every level at once, as Acme's org admin sees them: seven rows (the `none` connection is absent). */
export const OrgAdminView: Story = {
  args: { view: 'org-admin' },
  play: async ({ canvasElement }) => {
    const list = within(await findList(canvasElement));
    await expect(list.getAllByRole('group')).toHaveLength(7);
    await expect(list.queryByText(messages.connectionCount(8, 10, storyFormat))).not.toBeInTheDocument();
    await expect(list.queryByRole('button', { name: messages.addConnection })).not.toBeInTheDocument();
  },
};

/** The org admin's own token against Auth0's My Organization API: its enterprise connections only. */
export const OrgAdminThroughMyOrganizationApi: Story = {
  args: { view: 'org-admin' },
  parameters: { client: { api: 'my-organization' } },
  play: async ({ canvasElement }) => {
    const list = await findList(canvasElement);
    for (const row of list.querySelectorAll('[data-slot="row"]')) {
      await expect(row).toHaveAttribute('data-kind', 'enterprise');
    }
    await expect(within(list).getByRole('group', { name: seedNames.accented })).toBeVisible();
  },
};

// ---- Right to left: what only Arabic shows (every story also runs in German and Arabic: vitest.config.ts) --------

/** Right to left: the list, its rows and switches mirror; the thumb of a checked switch sits at the left. */
export const TenantAdminArabic: Story = {
  ...TenantAdmin,
  globals: { locale: 'ar' },
  play: async (context) => {
    await TenantAdmin.play?.(context);
    const list = await findList(context.canvasElement);
    await expect(list).toHaveAttribute('dir', 'rtl');
    await expect(list).toHaveAttribute('lang', 'ar');
    const checked = list.querySelector('[data-slot="switch"][data-state="checked"]');
    const thumb = checked?.querySelector('[data-slot="switch-thumb"]');
    if (!checked || !thumb) throw new Error('No checked switch.');
    await expect(thumb.getBoundingClientRect().left - checked.getBoundingClientRect().left).toBeLessThan(
      checked.getBoundingClientRect().width / 2 - thumb.getBoundingClientRect().width / 2,
    );
  },
};
/** The remove dialog is portalled out of the list: it carries `dir="rtl"` itself. */
export const RemoveArabic: Story = {
  ...Remove,
  globals: { locale: 'ar' },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await findRow(context.canvasElement, 'Sign in with Google');
    await userEvent.click(canvas.getByRole('button', { name: messages.remove('Sign in with Google') }));
    await expect(await within(document.body).findByRole('alertdialog')).toHaveAttribute('dir', 'rtl');
    await userEvent.keyboard('{Escape}');
    await Remove.play?.(context);
  },
};

// ---- Styling ------------------------------------------------------------------------------------

/** `theme={{ colorScheme: 'dark' }}` on the provider; every token has a dark default. */
export const DarkTheme: Story = {
  parameters: { provider: { theme: { colorScheme: 'dark' } }, backgrounds: { disable: true } },
  decorators: [
    (Story) => (
      <div className="story-dark-canvas">
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const list = await findList(canvasElement);
    await expect(list).toHaveAttribute('data-color-scheme', 'dark');
    await expect(getComputedStyle(list).colorScheme).toBe('dark');
  },
};

const brand = {
  colors: { primary: '#6d28d9', primaryForeground: '#ffffff', ring: '#6d28d9', border: '#ddd6fe', muted: '#f5f3ff' },
  radius: '14px',
  font: 'Georgia, "Times New Roman", serif',
};

/** A brand through the `theme` prop: tokens become `--oc-*` custom properties on the component. */
export const BrandTheme: Story = {
  args: { theme: brand },
  play: async ({ canvasElement }) => {
    const list = await findList(canvasElement);
    await expect(list.style.getPropertyValue('--oc-primary')).toBe(brand.colors.primary);
    await expect(getComputedStyle(list).fontFamily).toContain('Georgia');
    const add = within(list).getByRole('button', { name: messages.addConnection });
    await expect(getComputedStyle(add).backgroundColor).toBe('rgb(109, 40, 217)');
  },
};

/** `classNames` adds a class per part (`data-slot`), after the library's own: plain host CSS wins. */
export const ClassNamesOverrides: Story = {
  args: {
    classNames: { root: 'story-list', row: 'story-row', name: 'story-row-name', 'kind-badge': 'story-badge' },
  },
  play: async ({ canvasElement }) => {
    const list = await findList(canvasElement);
    await expect(list).toHaveClass('story-list');
    const row = list.querySelector('[data-slot="row"]');
    await expect(row).toHaveClass('story-row');
    await expect(row && getComputedStyle(row).borderLeftColor).toBe('rgb(234, 88, 12)');
    const name = list.querySelector('[data-slot="name"]');
    await expect(name && getComputedStyle(name).textTransform).toBe('uppercase');
  },
};

/** `unstyled`: none of the library's CSS applies; `data-slot` and state attributes stay for the host's own. */
export const Unstyled: Story = {
  args: { unstyled: true },
  play: async ({ canvasElement }) => {
    const list = await findList(canvasElement);
    await expect(list).not.toHaveAttribute('data-oc-root');
    await expect(list.closest('[data-oc-root]')).toBeNull();
    await expect(list.querySelector('[data-slot="row"][data-kind="database"]')).not.toBeNull();
    await expect(within(list).getAllByRole('switch').length).toBeGreaterThan(0);
  },
};

// ---- Forced colors (Windows high contrast; the toolbar's "Forced colors") ----------------------------

/** Forced colors, light palette: each switch an outlined track when off, a filled one when on, the thumb at its side. */
export const ForcedColors: Story = {
  globals: inForcedColors('light'),
  parameters: { a11y: forcedColorsA11y },
  play: async ({ canvasElement }) => {
    const list = await findList(canvasElement);
    await expectSwitchesDrawn(list);
    const enabled = within(await findRow(canvasElement, 'Acme Okta')).getByRole('switch', {
      name: messages.fieldIsEnabled,
    });
    await userEvent.click(enabled);
    await expect(enabled).not.toBeChecked();
    await expectSwitchesDrawn(list);
  },
};

/** Forced colors, dark palette, on the dark theme. */
export const ForcedColorsDark: Story = {
  globals: inForcedColors('dark'),
  parameters: { a11y: forcedColorsA11y, provider: { theme: { colorScheme: 'dark' } } },
  play: async ({ canvasElement }) => {
    await expectSwitchesDrawn(await findList(canvasElement));
  },
};

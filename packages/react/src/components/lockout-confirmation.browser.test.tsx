import { type FakeTenant, seedIds } from '@org-connections/testing';
import { render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { setupWorker } from 'msw/browser';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createTestClients, serveFakeTenant } from '../../test/fake-tenant';
import { OrgConnectionsList, type OrgConnectionsListProps } from './org-connections-list';
import { OrgConnectionsProvider } from './org-connections-provider';
import '../styles.css';

// No lockouts (issue 23): switching off or removing the connection the admin signed in with, or the last enabled
// one, asks first and says what happens; Cancel sends nothing, confirming does what the click would have done.
const { acme } = seedIds.organizations;
const { google, usernamePassword, contosoEntra } = seedIds.connections;
const worker = setupWorker();
let tenant: FakeTenant;

serveFakeTenant(worker, (created) => {
  tenant = created;
});

const SIGNED_IN =
  'You signed in with this connection. You and everyone else who signs in with it will lose access to this organization until it is enabled again.';
const LAST =
  'This is the only enabled connection: nobody will be able to sign in to this organization until one is enabled again.';

function renderList(props: Partial<OrgConnectionsListProps> = {}) {
  const { queryClient, api } = createTestClients();
  return render(
    <OrgConnectionsProvider api={api} queryClient={queryClient}>
      <main>
        <OrgConnectionsList organizationId={acme} view="tenant-admin" {...props} />
      </main>
    </OrgConnectionsProvider>,
  );
}

const rowOf = (name: string) =>
  screen.getByText(name, { selector: '[data-slot="name"]' }).closest('[data-slot="row"]') as HTMLElement;
const enabledSwitch = (name: string) => within(rowOf(name)).getByRole('switch', { name: 'Enabled' });
const findRow = (name: string) => screen.findByText(name, { selector: '[data-slot="name"]' });
const writes = () =>
  tenant.requests.filter(
    (request) =>
      request.operation === 'updateOrganizationConnection' || request.operation === 'deleteOrganizationConnection',
  );
const onServer = (connectionId: string) =>
  tenant.listOrganizationConnections(acme).find((item) => item.connection_id === connectionId);

/** Acme with one enabled connection (the database) and one switched off. */
function onlyOneEnabled() {
  const [database, , , , , contoso] = tenant.listOrganizationConnections(acme);
  if (!database || !contoso) throw new Error('the seed changed');
  tenant.setOrganizationConnections(acme, [database, contoso]);
  expect(database.connection_id).toBe(usernamePassword);
  expect(contoso).toMatchObject({ connection_id: contosoEntra, is_enabled: false });
}

async function expectNoAxeViolations() {
  const results = await axe.run(document.body);
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

describe('switching off a connection that locks people out', () => {
  it('the one the admin signed in with: asks, says who loses access; Cancel sends nothing and returns to the switch', async () => {
    renderList({ signedInWith: google });
    await findRow('Sign in with Google');
    const enabled = enabledSwitch('Sign in with Google');
    await userEvent.click(enabled);

    const dialog = await screen.findByRole('alertdialog', { name: 'Turn off Sign in with Google?' });
    expect(dialog).toHaveAccessibleDescription(SIGNED_IN);
    expect(dialog).toHaveAttribute('data-lockout', 'signed_in_connection');
    // The safe choice has focus.
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(enabled).toBeChecked();
    await expectNoAxeViolations();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(enabled).toHaveFocus();
    expect(enabled).toBeChecked();
    expect(writes()).toEqual([]);
    expect(onServer(google)).toMatchObject({ is_enabled: true });
  });

  it('confirming switches it off as a click would (at once, then saved)', async () => {
    renderList({ signedInWith: google });
    await findRow('Sign in with Google');
    const enabled = enabledSwitch('Sign in with Google');
    await userEvent.click(enabled);
    const dialog = await screen.findByRole('alertdialog', { name: 'Turn off Sign in with Google?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Turn off' }));

    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(enabled).not.toBeChecked();
    await waitFor(() => expect(rowOf('Sign in with Google')).not.toHaveAttribute('data-pending'));
    expect(enabled).toHaveFocus();
    expect(writes().map((request) => request.body)).toEqual([{ is_enabled: false }]);
    expect(onServer(google)).toMatchObject({ is_enabled: false });
    expect(screen.getByRole('status')).toHaveTextContent('Sign in with Google saved.');
  });

  it('the last enabled connection: asks even without signedInWith, by keyboard; Escape sends nothing', async () => {
    onlyOneEnabled();
    renderList();
    await findRow('Acme Employees');
    const enabled = enabledSwitch('Acme Employees');
    enabled.focus();
    await userEvent.keyboard(' ');
    const dialog = await screen.findByRole('alertdialog', { name: 'Turn off Acme Employees?' });
    expect(dialog).toHaveAccessibleDescription(LAST);
    expect(dialog).toHaveAttribute('data-lockout', 'last_enabled_connection');
    await expectNoAxeViolations();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(enabled).toHaveFocus();
    expect(enabled).toBeChecked();
    expect(writes()).toEqual([]);

    await userEvent.keyboard(' ');
    await screen.findByRole('alertdialog', { name: 'Turn off Acme Employees?' });
    await userEvent.keyboard('{Tab}');
    expect(screen.getByRole('button', { name: 'Turn off' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(onServer(usernamePassword)).toMatchObject({ is_enabled: false }));
    expect(writes()).toHaveLength(1);
    expect(enabled).not.toBeChecked();
  });

  it('asks an org admin too (a connection they may switch off)', async () => {
    renderList({ view: 'org-admin', signedInWith: google });
    await findRow('Sign in with Google');
    await userEvent.click(enabledSwitch('Sign in with Google'));
    expect(
      await screen.findByRole('alertdialog', { name: 'Turn off Sign in with Google?' }),
    ).toHaveAccessibleDescription(SIGNED_IN);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(writes()).toEqual([]);
  });

  it('does not ask for another connection, nor to switch one on', async () => {
    renderList({ signedInWith: google });
    await findRow('Acme Okta');
    await userEvent.click(enabledSwitch('Acme Okta'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(onServer(seedIds.connections.oktaAcme)).toMatchObject({ is_enabled: false }));
    await userEvent.click(enabledSwitch('contoso-entra-id'));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(onServer(contosoEntra)).toMatchObject({ is_enabled: true }));
  });
});

describe('removing a connection that locks people out', () => {
  it('the one the admin signed in with: the remove dialog says who loses access; Cancel sends nothing', async () => {
    renderList({ signedInWith: google });
    await findRow('Sign in with Google');
    const remove = screen.getByRole('button', { name: 'Remove Sign in with Google' });
    await userEvent.click(remove);
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Sign in with Google?' });
    expect(dialog).toHaveAttribute('data-lockout', 'signed_in_connection');
    expect(within(dialog).getByText(SIGNED_IN)).toHaveAttribute('data-slot', 'confirm-warning');
    // Read first, then what removing does.
    expect(dialog).toHaveAccessibleDescription(
      `${SIGNED_IN} Members will no longer log in to this organization with it. The connection itself stays in the tenant.`,
    );
    await expectNoAxeViolations();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(remove).toHaveFocus();
    expect(writes()).toEqual([]);

    await userEvent.click(remove);
    await userEvent.click(
      within(await screen.findByRole('alertdialog', { name: 'Remove Sign in with Google?' })).getByRole('button', {
        name: 'Remove',
      }),
    );
    await waitFor(() => expect(screen.queryByText('Sign in with Google')).toBeNull());
    expect(writes().map((request) => request.operation)).toEqual(['deleteOrganizationConnection']);
    expect(onServer(google)).toBeUndefined();
  });

  it('the last enabled connection: says nobody will be able to sign in; removing proceeds once confirmed', async () => {
    onlyOneEnabled();
    renderList();
    await findRow('Acme Employees');
    await userEvent.click(screen.getByRole('button', { name: 'Remove Acme Employees' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Acme Employees?' });
    expect(dialog).toHaveAttribute('data-lockout', 'last_enabled_connection');
    expect(within(dialog).getByText(LAST)).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(writes()).toEqual([]);

    // The connection that is off locks nobody out: its dialog says nothing more.
    await userEvent.click(screen.getByRole('button', { name: 'Remove contoso-entra-id' }));
    const other = await screen.findByRole('alertdialog', { name: 'Remove contoso-entra-id?' });
    expect(other).not.toHaveAttribute('data-lockout');
    expect(within(other).queryByText(LAST)).toBeNull();
    await userEvent.keyboard('{Escape}');

    await userEvent.click(screen.getByRole('button', { name: 'Remove Acme Employees' }));
    await userEvent.click(
      within(await screen.findByRole('alertdialog', { name: 'Remove Acme Employees?' })).getByRole('button', {
        name: 'Remove',
      }),
    );
    await waitFor(() => expect(onServer(usernamePassword)).toBeUndefined());
    expect(writes()).toHaveLength(1);
  });
});

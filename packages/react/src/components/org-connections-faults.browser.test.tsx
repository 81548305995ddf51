import { type FakeTenant, seedIds } from '@org-connections/testing';
import { render, screen, waitFor, within } from '@testing-library/react';
import { setupWorker } from 'msw/browser';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createTestClients, serveFakeTenant } from '../../test/fake-tenant';
import { faults, scopeOf } from '../../test/fault-table';
import { OrgConnectionsList } from './org-connections-list';
import { OrgConnectionsProvider } from './org-connections-provider';
import '../styles.css';

/*
 * The fault sweep: each request the list makes (and the add dialog and picker it embeds), answered with each fault of
 * the table. Every case shows a specific message, leaves the screen equal to the tenant, loses nothing typed, keeps
 * the keyboard off `<body>`, and succeeds when tried again once the fault has cleared. (Rename and remove, which also
 * keep an editor or a dialog open, are swept in `org-connections-list.browser.test.tsx`.)
 */

const { acme } = seedIds.organizations;
const { oktaAcme, apple } = seedIds.connections;
const worker = setupWorker();
let tenant: FakeTenant;

serveFakeTenant(worker, (created) => {
  tenant = created;
});

function renderList() {
  // No retries of its own: each fault reaches the screen once, and the person's retry is the one that succeeds.
  const { queryClient, api } = createTestClients();
  return render(
    <OrgConnectionsProvider api={api} queryClient={queryClient}>
      <main>
        <OrgConnectionsList organizationId={acme} view="tenant-admin" />
      </main>
    </OrgConnectionsProvider>,
  );
}

const onServer = (connectionId: string) =>
  tenant.listOrganizationConnections(acme).find((item) => item.connection_id === connectionId);
const rowOf = (name: string) =>
  screen.getByText(name, { selector: '[data-slot="name"]' }).closest('[data-slot="row"]') as HTMLElement;
const rowMessage = (name: string) => rowOf(name).querySelector('[data-slot="row-message"]');
const focusIsOffTheBody = () => expect(document.activeElement).not.toBe(document.body);
const listRoot = (container: HTMLElement) => container.querySelector('[data-slot="root"]') as HTMLElement;

describe.each(faults)('under $fault, in a real browser', ({ inject, says, listSays }) => {
  it('a toggle rolls back to what the tenant has, says why by its row, keeps focus, and applies once the fault clears', async () => {
    renderList();
    await screen.findByText('Acme Okta', { selector: '[data-slot="name"]' });
    const enabled = within(rowOf('Acme Okta')).getByRole('switch', { name: 'Enabled' });
    inject(tenant, 'updateOrganizationConnection');
    await userEvent.click(enabled);

    await waitFor(() =>
      expect(rowMessage('Acme Okta')).toHaveTextContent(says(scopeOf('updateOrganizationConnection'))),
    );
    expect(rowMessage('Acme Okta')).toHaveTextContent(/^Acme Okta was not changed\./);
    expect(enabled).toBeChecked();
    expect(onServer(oktaAcme)?.is_enabled).toBe(true);
    expect(enabled).toHaveFocus();

    await userEvent.click(enabled);
    await waitFor(() => expect(onServer(oktaAcme)?.is_enabled).toBe(false));
    await waitFor(() => expect(rowMessage('Acme Okta')).toBeNull());
    expect(enabled).not.toBeChecked();
    expect(enabled).toHaveFocus();
  });

  it('an access level change goes back to the level the tenant has, says why, keeps focus, and applies once the fault clears', async () => {
    renderList();
    await screen.findByText('Acme Okta', { selector: '[data-slot="name"]' });
    const level = within(rowOf('Acme Okta')).getByRole('combobox', { name: 'Organization admin access' });
    expect(level).toHaveTextContent('Read only');
    inject(tenant, 'updateOrganizationConnection');
    await userEvent.click(level);
    await userEvent.click(screen.getByRole('option', { name: /^Full/ }));

    await waitFor(() =>
      expect(rowMessage('Acme Okta')).toHaveTextContent(says(scopeOf('updateOrganizationConnection'))),
    );
    expect(level).toHaveTextContent('Read only');
    expect(onServer(oktaAcme)?.organization_access_level).toBe('readonly');
    expect(level).toHaveFocus();

    await userEvent.click(level);
    await userEvent.click(screen.getByRole('option', { name: /^Full/ }));
    await waitFor(() => expect(onServer(oktaAcme)?.organization_access_level).toBe('full'));
    await waitFor(() => expect(rowMessage('Acme Okta')).toBeNull());
    expect(level).toHaveTextContent('Full');
    expect(level).toHaveFocus();
  });

  it('adding keeps the dialog and everything typed in it, says why, keeps focus, and adds once the fault clears', async () => {
    renderList();
    await screen.findByText('Acme Okta', { selector: '[data-slot="name"]' });
    await userEvent.click(screen.getByRole('button', { name: 'Add connection' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a connection' });
    await userEvent.type(within(dialog).getByRole('searchbox'), 'apple');
    await userEvent.click(await within(dialog).findByRole('option', { name: /^Apple/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Next' }));
    const name = within(dialog).getByRole('textbox', { name: 'Name in this organization' });
    await userEvent.fill(name, 'Apple ID');
    inject(tenant, 'createOrganizationConnection');
    const save = within(dialog).getByRole('button', { name: 'Save' });
    await userEvent.click(save);

    await waitFor(() =>
      expect(within(dialog).getByRole('alert')).toHaveTextContent(says(scopeOf('createOrganizationConnection'))),
    );
    expect(screen.getByRole('dialog', { name: 'Add a connection' })).toBe(dialog);
    expect(name).toHaveValue('Apple ID');
    expect(onServer(apple)).toBeUndefined();
    expect(save).toHaveFocus();

    await userEvent.click(save);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onServer(apple)).toMatchObject({ organization_connection_name: 'Apple ID' });
    expect(await screen.findByText('Apple ID', { selector: '[data-slot="name"]' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Add connection' })).toHaveFocus();
  });

  it('a list that could not be loaded says why, and shows the connections when tried again, with the keyboard in the list', async () => {
    inject(tenant, 'listOrganizationConnections');
    const { container } = renderList();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(listSays(scopeOf('listOrganizationConnections')));
    expect(screen.queryByText('Acme Okta', { selector: '[data-slot="name"]' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Acme Okta', { selector: '[data-slot="name"]' })).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getAllByRole('listitem')).toHaveLength(tenant.listOrganizationConnections(acme).length);
    expect(listRoot(container)).toHaveFocus();
  });

  it("the add dialog's picker that could not read the tenant says why, and lists the connections when tried again", async () => {
    renderList();
    await screen.findByText('Acme Okta', { selector: '[data-slot="name"]' });
    inject(tenant, 'listConnections');
    await userEvent.click(screen.getByRole('button', { name: 'Add connection' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a connection' });
    const status = within(dialog).getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent(says(scopeOf('listConnections'))));
    expect(within(dialog).queryAllByRole('option')).toHaveLength(0);
    focusIsOffTheBody();

    await userEvent.click(within(status).getByRole('button', { name: 'Retry' }));
    expect((await within(dialog).findAllByRole('option')).length).toBeGreaterThan(0);
    expect(within(dialog).queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(within(dialog).getByRole('listbox')).toHaveFocus();
  });
});

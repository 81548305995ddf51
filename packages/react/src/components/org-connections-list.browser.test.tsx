import { type FakeTenant, seedIds } from '@org-connections/testing';
import { render, screen, waitFor, within } from '@testing-library/react';
import { setupWorker } from 'msw/browser';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createTestClients, serveFakeTenant } from '../../test/fake-tenant';
import { faults, scopeOf } from '../../test/fault-table';
import { OrgConnectionsList, type OrgConnectionsListProps } from './org-connections-list';
import { OrgConnectionsProvider } from './org-connections-provider';
import '../styles.css';

const { acme } = seedIds.organizations;
const worker = setupWorker();
let tenant: FakeTenant;

serveFakeTenant(worker, (created) => {
  tenant = created;
});

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
const switchOf = (name: string, label: string) => within(rowOf(name)).getByRole('switch', { name: label });
const findRow = (name: string) => screen.findByText(name, { selector: '[data-slot="name"]' });

describe('OrgConnectionsList in a real browser', () => {
  it('moves a switch in the same frame, shows it pending, and rolls it back when the server fails', async () => {
    renderList();
    await findRow('Sign in with Google');
    // The server answers after 2 s: on a loaded machine the click's own round trip through Playwright can take
    // longer than a few hundred milliseconds, and the rollback must not come before the first assertion.
    tenant.setLatency(2000);
    tenant.failNext({ status: 503, match: { operation: 'updateOrganizationConnection' } });
    const enabled = switchOf('Sign in with Google', 'Enabled');
    await userEvent.click(enabled);
    expect(enabled).not.toBeChecked();
    expect(rowOf('Sign in with Google')).toHaveAttribute('data-pending');
    // The rollback is written to the cache in the mutation's error handler; the pending state ends when the mutation
    // tells its observers, a task later: both within the frame.
    await waitFor(
      () => {
        expect(enabled).toBeChecked();
        expect(rowOf('Sign in with Google')).not.toHaveAttribute('data-pending');
      },
      { timeout: 5000 },
    );
    expect(within(rowOf('Sign in with Google')).getByText(/server had a problem/)).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('Sign in with Google was not changed.');
    expect(
      tenant.listOrganizationConnections(acme).find((item) => item.connection_id === seedIds.connections.google),
    ).toMatchObject({ is_enabled: true });
  });

  it('paints a toggled switch in the very next frame after the click, long before the server answers', async () => {
    const googleOnServer = () =>
      tenant.listOrganizationConnections(acme).find((item) => item.connection_id === seedIds.connections.google);
    renderList();
    await findRow('Sign in with Google');
    tenant.setLatency(500);
    const enabled = switchOf('Sign in with Google', 'Enabled');
    expect(enabled).toHaveAttribute('aria-checked', 'true');
    const nextFrame = new Promise<string[]>((resolve) => {
      enabled.addEventListener(
        'click',
        () =>
          requestAnimationFrame(() =>
            resolve([
              enabled.getAttribute('aria-checked') ?? '',
              enabled.dataset.state ?? '',
              rowOf('Sign in with Google').dataset.pending ?? 'absent',
              String(googleOnServer()?.is_enabled),
            ]),
          ),
        { once: true },
      );
    });
    await userEvent.click(enabled);
    // Checked, its frame: off, pending, and the server still has it on.
    expect(await nextFrame).toEqual(['false', 'unchecked', '', 'true']);
    await waitFor(() => expect(rowOf('Sign in with Google')).not.toHaveAttribute('data-pending'), { timeout: 3000 });
    expect(enabled).toHaveAttribute('aria-checked', 'false');
    expect(googleOnServer()).toMatchObject({ is_enabled: false });
  });

  it('is operated with the keyboard: switches, inline rename and the remove dialog', async () => {
    renderList();
    await findRow('Acme Okta');
    const membership = switchOf('Acme Okta', 'Membership on authentication');
    membership.focus();
    await userEvent.keyboard(' ');
    expect(membership).not.toBeChecked();
    await waitFor(() => expect(rowOf('Acme Okta')).not.toHaveAttribute('data-pending'));

    const rename = screen.getByRole('button', { name: 'Rename Acme Okta' });
    rename.focus();
    await userEvent.keyboard('{Enter}');
    const input = screen.getByRole('textbox', { name: 'Name in this organization' });
    expect(input).toHaveFocus();
    await userEvent.keyboard(' (old){Escape}');
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByRole('button', { name: 'Rename Acme Okta' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{Control>}a{/Control}Okta for staff{Enter}');
    await findRow('Okta for staff');
    expect(screen.getByRole('button', { name: 'Rename Okta for staff' })).toHaveFocus();

    await userEvent.keyboard('{Tab}');
    expect(screen.getByRole('button', { name: 'Remove Okta for staff' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Okta for staff?' });
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Remove Okta for staff' })).toHaveFocus();
  });

  it('draws from the theme tokens, keeps host CSS outside its layer winning, and draws nothing when unstyled', async () => {
    const { unmount } = renderList({ theme: { colors: { primary: 'rgb(200, 0, 0)' }, radius: '3px' } });
    await findRow('Acme Employees');
    const on = switchOf('Acme Employees', 'Enabled');
    expect(getComputedStyle(on).backgroundColor).toBe('rgb(200, 0, 0)');
    const list = document.querySelector('[data-slot="list"]') as HTMLElement;
    expect(getComputedStyle(list).borderTopLeftRadius).toBe('3px');

    const host = document.createElement('style');
    host.textContent = '[data-slot="switch"] { background: rgb(0, 0, 200); }';
    document.head.append(host);
    expect(getComputedStyle(on).backgroundColor).toBe('rgb(0, 0, 200)');
    host.remove();
    unmount();

    renderList({ unstyled: true });
    await findRow('Acme Employees');
    expect(getComputedStyle(switchOf('Acme Employees', 'Enabled')).backgroundColor).not.toBe('rgb(36, 86, 214)');
    expect(getComputedStyle(document.querySelector('[data-slot="list"]') as HTMLElement).listStyleType).toBe('disc');
  });

  it('switches to dark colours with the dark scheme on its own root only, and follows the system otherwise', async () => {
    const { unmount } = renderList({ theme: { colorScheme: 'dark' } });
    await findRow('Acme Employees');
    const root = document.querySelector('[data-slot="root"]') as HTMLElement;
    expect(getComputedStyle(root).color).toBe('rgb(244, 244, 245)');
    expect(getComputedStyle(document.body).colorScheme).toBe('normal');
    unmount();
    renderList({ theme: { colorScheme: 'system' } });
    await findRow('Acme Employees');
    const systemIsDark = matchMedia('(prefers-color-scheme: dark)').matches;
    expect(getComputedStyle(document.querySelector('[data-slot="root"]') as HTMLElement).color).toBe(
      systemIsDark ? 'rgb(244, 244, 245)' : 'rgb(24, 24, 27)',
    );
  });
});

const { oktaAcme } = seedIds.connections;
const oktaOnServer = () => tenant.listOrganizationConnections(acme).find((item) => item.connection_id === oktaAcme);
const focusIsOffTheBody = () => expect(document.activeElement).not.toBe(document.body);

describe('OrgConnectionsList under server and network faults, in a real browser', () => {
  it.each(faults)(
    'a rename under $fault keeps the editor, the typed name and focus, says why, and saves on Enter once the fault clears',
    async ({ inject, says }) => {
      const message = says(scopeOf('updateOrganizationConnection'));
      renderList();
      await screen.findByText('Acme Okta', { selector: '[data-slot="name"]' });
      await userEvent.click(screen.getByRole('button', { name: 'Rename Acme Okta' }));
      const input = screen.getByRole('textbox', { name: 'Name in this organization' });
      await userEvent.keyboard('{Control>}a{/Control}Okta for staff');
      // Slow enough that the pending state is still there when the keyboard's round trip returns on a loaded machine.
      tenant.setLatency(1500);
      inject(tenant, 'updateOrganizationConnection');
      await userEvent.keyboard('{Enter}');

      // Pending: the field keeps its text and focus; the save button says it is not available.
      expect(input).toHaveFocus();
      expect(input).toHaveValue('Okta for staff');
      expect(screen.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');

      // Failed: the reason by the field, the text still there, focus still in it, the server unchanged.
      await waitFor(() => expect(input).toHaveAccessibleDescription(message), { timeout: 5000 });
      expect(input).toHaveAttribute('aria-invalid', 'true');
      expect(input).toHaveValue('Okta for staff');
      expect(input).toHaveFocus();
      expect(screen.getByRole('status')).toHaveTextContent(message);
      expect(oktaOnServer()?.organization_connection_name).toBe('Acme Okta');
      expect(screen.getByRole('group', { name: 'Acme Okta' })).toBeInTheDocument();

      // Retried with Enter once the fault has cleared.
      tenant.setLatency(0);
      await userEvent.keyboard('{Enter}');
      const renamed = await screen.findByRole('button', { name: 'Rename Okta for staff' });
      expect(screen.queryByRole('textbox', { name: 'Name in this organization' })).toBeNull();
      expect(renamed).toHaveFocus();
      expect(screen.getByText('Okta for staff', { selector: '[data-slot="name"]' })).toBeVisible();
      expect(oktaOnServer()?.organization_connection_name).toBe('Okta for staff');
    },
  );

  it.each(faults)(
    'a removal under $fault keeps focus on the confirm button, says why in the dialog, and removes once the fault clears',
    async ({ inject, says }) => {
      const message = says(scopeOf('deleteOrganizationConnection'));
      const { container } = renderList();
      await screen.findByText('Acme Okta', { selector: '[data-slot="name"]' });
      await userEvent.click(screen.getByRole('button', { name: 'Remove Acme Okta' }));
      const dialog = await screen.findByRole('alertdialog', { name: 'Remove Acme Okta?' });
      const confirm = within(dialog).getByRole('button', { name: 'Remove' });
      tenant.setLatency(1500);
      inject(tenant, 'deleteOrganizationConnection');
      await userEvent.click(confirm);

      // Pending: still focused, marked unavailable, and a second click (which Playwright would wait to make) sends nothing.
      // (The mutation's pending state reaches React on TanStack Query's notify timer, not in the click itself.)
      await waitFor(() => expect(confirm).toHaveAttribute('aria-disabled', 'true'));
      expect(confirm).toHaveFocus();
      confirm.click();

      // Failed: the reason in the dialog, focus on the confirm button, the connection still there on both sides.
      await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent(message), { timeout: 5000 });
      expect(confirm).toHaveFocus();
      expect(confirm).not.toHaveAttribute('aria-disabled', 'true');
      expect(tenant.requests.filter((request) => request.operation === 'deleteOrganizationConnection')).toHaveLength(1);
      expect(oktaOnServer()).toBeDefined();
      // The list behind the modal is hidden from the accessibility tree: found by its name's text.
      expect(screen.getByText('Acme Okta', { selector: '[data-slot="name"]' })).toBeInTheDocument();
      focusIsOffTheBody();

      // Retried once the fault has cleared: the dialog closes and focus moves to the list.
      tenant.setLatency(0);
      await userEvent.click(confirm);
      await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
      expect(screen.queryByText('Acme Okta', { selector: '[data-slot="name"]' })).toBeNull();
      expect(container.querySelector('[data-slot="root"]')).toHaveFocus();
      expect(oktaOnServer()).toBeUndefined();
    },
  );
});

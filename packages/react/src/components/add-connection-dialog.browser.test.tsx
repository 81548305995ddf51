import { createManagementApiClient } from '@org-connections/core';
import {
  createFakeFetch,
  createFakeTenant,
  createLargeTenant,
  type FakeTenant,
  seedIds,
} from '@org-connections/testing';
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { AddConnectionDialog } from './add-connection-dialog';
import { OrgConnectionsProvider } from './org-connections-provider';
import '../styles.css';

const BASE_URL = 'https://tenant.test/api/v2';
const { globex } = seedIds.organizations;

function renderDialog(tenant: FakeTenant) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const api = createManagementApiClient({
    baseUrl: BASE_URL,
    fetch: createFakeFetch(tenant, { managementBaseUrl: BASE_URL }),
    retry: { attempts: 0 },
  });
  return render(
    <OrgConnectionsProvider api={api} queryClient={queryClient}>
      <main>
        <button type="button">before</button>
        <AddConnectionDialog organizationId={globex} />
      </main>
    </OrgConnectionsProvider>,
  );
}

const listConnections = (tenant: FakeTenant) =>
  tenant.requests.filter((request) => request.operation === 'listConnections');

describe('AddConnectionDialog in a real browser', () => {
  it('traps focus while open and returns it to the trigger when closed', async () => {
    renderDialog(createFakeTenant({ authentication: 'optional', rateLimits: false }));
    const trigger = screen.getByRole('button', { name: 'Add connection' });
    await userEvent.click(trigger);
    const dialog = screen.getByRole('dialog');
    await screen.findAllByRole('option');
    expect(screen.getByRole('searchbox')).toHaveFocus();
    for (let step = 0; step < 12; step++) {
      await userEvent.keyboard('{Tab}');
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(dialog.contains(document.activeElement)).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(trigger).toHaveFocus();
  });

  it('adds a connection with the keyboard alone', async () => {
    const tenant = createFakeTenant({ authentication: 'optional', rateLimits: false });
    renderDialog(tenant);
    screen.getByRole('button', { name: 'before' }).focus();
    await userEvent.keyboard('{Tab}{Enter}');
    await screen.findAllByRole('option');
    await userEvent.keyboard('okta');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getByRole('listbox')).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('textbox', { name: 'Name in this organization' })).toHaveFocus();
    await userEvent.keyboard('Acme staff{Tab}');
    expect(screen.getByRole('combobox', { name: 'Organization admin access' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}{End}{Enter}');
    expect(screen.getByRole('combobox')).toHaveTextContent('Full');
    await userEvent.keyboard('{Tab}{Tab} ');
    expect(screen.getByRole('switch', { name: 'Membership on authentication' })).toBeChecked();
    screen.getByRole('button', { name: 'Save' }).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('button', { name: 'Add connection' })).toHaveFocus();
    expect(tenant.listOrganizationConnections(globex)).toEqual([
      expect.objectContaining({
        connection_id: seedIds.connections.oktaAcme,
        organization_connection_name: 'Acme staff',
        organization_access_level: 'full',
        assign_membership_on_login: true,
        show_as_button: true,
      }),
    ]);
  });

  it('stays small on a tenant of 10,000 connections: bounded rows, pages loaded as the list is scrolled', async () => {
    const tenant = createLargeTenant({ authentication: 'optional', rateLimits: false, connections: 10_000 });
    renderDialog(tenant);
    await userEvent.click(screen.getByRole('button', { name: 'Add connection' }));
    await screen.findAllByRole('option');
    const list = screen.getByRole('listbox');
    expect(listConnections(tenant)).toHaveLength(1);
    expect(listConnections(tenant)[0]?.query.take).toBe('100');
    expect(screen.getAllByRole('option').length).toBeLessThan(60);

    for (let page = 2; page <= 4; page++) {
      await waitFor(() => {
        list.scrollTop = list.scrollHeight;
        expect(listConnections(tenant).length).toBeGreaterThanOrEqual(page);
      });
      expect(screen.getAllByRole('option').length).toBeLessThan(60);
    }
    // Only as far as scrolled: nowhere near the 100 pages of the whole tenant.
    expect(listConnections(tenant).length).toBeLessThan(8);
    expect(listConnections(tenant).at(-1)?.query.from).toEqual(expect.any(String));

    list.focus();
    await userEvent.keyboard('{End}');
    const last = document.getElementById(list.getAttribute('aria-activedescendant') ?? '');
    expect(last).toHaveAttribute('aria-posinset', expect.stringMatching(/^\d{3}$/));
    expect(last?.getBoundingClientRect().bottom).toBeLessThanOrEqual(list.getBoundingClientRect().bottom + 1);
    expect(screen.getAllByRole('option').length).toBeLessThan(60);
  });

  it('keeps the keyboard on the picker after an option is clicked, even once that option is windowed out', async () => {
    const tenant = createLargeTenant({ authentication: 'optional', rateLimits: false, connections: 10_000 });
    renderDialog(tenant);
    await userEvent.click(screen.getByRole('button', { name: 'Add connection' }));
    await screen.findAllByRole('option');
    const list = screen.getByRole('listbox');
    const picker = list.closest('[data-slot="picker"]') as HTMLElement;
    list.scrollTop = 5 * (screen.getAllByRole('option')[0]?.offsetHeight ?? 0);
    await new Promise(requestAnimationFrame);
    const scrolled = list.scrollTop;
    const clicked = screen.getAllByRole('option').find((option) => Number(option.getAttribute('aria-posinset')) === 8);
    if (!clicked) throw new Error('option 8 is not drawn');
    await userEvent.click(clicked);
    // The clicked option is chosen and active, in place: nothing scrolled away under the pointer.
    expect(clicked).toHaveAttribute('aria-selected', 'true');
    expect(list).toHaveAttribute('aria-activedescendant', clicked.id);
    expect(list.scrollTop).toBe(scrolled);
    expect(list).toHaveFocus();

    await userEvent.keyboard('{End}');
    expect(clicked.isConnected).toBe(false);
    const last = list.getAttribute('aria-activedescendant');
    expect(document.getElementById(last ?? '')).toHaveAttribute('aria-posinset', expect.stringMatching(/^\d{3}$/));
    await userEvent.keyboard('{ArrowUp}');
    const above = list.getAttribute('aria-activedescendant');
    expect(above).not.toBe(last);
    expect(Number(document.getElementById(above ?? '')?.getAttribute('aria-posinset'))).toBe(
      Number(document.getElementById(last ?? '')?.getAttribute('aria-posinset') ?? 0) - 1,
    );
    expect(picker).toContainElement(document.activeElement as HTMLElement);
  });
});

import { isOrgConnectionsError, type OrgConnection, type OrgConnectionSettings } from '@org-connections/core';
import { type FakeTenant, seedIds } from '@org-connections/testing';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestClients, serveFakeTenant } from '../../test/fake-tenant';
import { OrgConnectionsList } from '../components/org-connections-list';
import { OrgConnectionsProvider } from '../components/org-connections-provider';
import type { OrgConnectionsErrorDetails } from './org-connections-events';

const { acme } = seedIds.organizations;
const { google, oktaAcme, apple } = seedIds.connections;
const server = setupServer();
configure({ defaultHidden: true });
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

/** The organization's settings for a connection as the fake tenant holds them, read when a callback runs. */
const stored = (connectionId: string) =>
  tenant.listOrganizationConnections(acme).find((item) => item.connection_id === connectionId);

function renderWithEvents() {
  // Each callback records what the tenant held when it ran: "after the server answered" is then visible.
  const seen: { event: string; stored: ReturnType<typeof stored> }[] = [];
  const onAdded = vi.fn((connection: OrgConnection) => {
    seen.push({ event: 'added', stored: stored(connection.connectionId) });
  });
  const onRemoved = vi.fn((connection: OrgConnection) => {
    seen.push({ event: 'removed', stored: stored(connection.connectionId) });
  });
  const onUpdated = vi.fn((connection: OrgConnection, _changes: Partial<OrgConnectionSettings>) => {
    seen.push({ event: 'updated', stored: stored(connection.connectionId) });
  });
  const onError = vi.fn((_error: Error, _details: OrgConnectionsErrorDetails) => {});
  const { queryClient, api } = createTestClients();
  render(
    <OrgConnectionsProvider api={api} queryClient={queryClient}>
      <OrgConnectionsList
        organizationId={acme}
        view="tenant-admin"
        onAdded={onAdded}
        onRemoved={onRemoved}
        onUpdated={onUpdated}
        onError={onError}
      />
    </OrgConnectionsProvider>,
  );
  return { onAdded, onRemoved, onUpdated, onError, seen };
}

const rowOf = async (name: string) =>
  (await screen.findByText(name, { selector: '[data-slot="name"]' })).closest('[data-slot="row"]') as HTMLElement;
const switchOf = async (name: string, label: string) => within(await rowOf(name)).getByRole('switch', { name: label });
/** Lets answers that are still on their way arrive, so a second call would have been seen. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('OrgConnectionsList events', () => {
  it('onUpdated: once, after the server saved the change, with the whole connection and the changes sent', async () => {
    const user = userEvent.setup();
    const events = renderWithEvents();
    tenant.setLatency((request) => (request.operation === 'updateOrganizationConnection' ? 100 : 0));
    const enabled = await switchOf('Sign in with Google', 'Enabled');
    const before = enabled.getAttribute('aria-checked');
    await user.click(enabled);
    // The optimistic write is on screen; the host has heard nothing yet.
    expect(enabled).toHaveAttribute('aria-checked', before === 'true' ? 'false' : 'true');
    expect(events.onUpdated).not.toHaveBeenCalled();

    await waitFor(() => expect(events.onUpdated).toHaveBeenCalledTimes(1));
    await settle();
    expect(events.onUpdated).toHaveBeenCalledTimes(1);
    const [connection, changes] = events.onUpdated.mock.calls[0] ?? [];
    const isEnabled = before !== 'true';
    expect(changes).toEqual({ isEnabled });
    expect(connection).toMatchObject({ connectionId: google, isEnabled, connection: { strategy: 'google-oauth2' } });
    expect(events.seen).toEqual([{ event: 'updated', stored: expect.objectContaining({ is_enabled: isEnabled }) }]);
    expect(events.onError).not.toHaveBeenCalled();
  });

  it('onUpdated: once per change when two changes of one row overlap', async () => {
    const user = userEvent.setup();
    const events = renderWithEvents();
    tenant.setLatency((request) => (request.operation === 'updateOrganizationConnection' ? 150 : 0));
    await user.click(await switchOf('Acme Okta', 'Show as button'));
    await user.click(await switchOf('Acme Okta', 'Enabled'));
    await waitFor(() => expect(events.onUpdated).toHaveBeenCalledTimes(2));
    await settle();
    expect(events.onUpdated).toHaveBeenCalledTimes(2);
    expect(events.onUpdated.mock.calls.map(([, changes]) => Object.keys(changes))).toEqual([
      ['showAsButton'],
      ['isEnabled'],
    ]);
  });

  it('onError, not onUpdated, once for a refused change that is rolled back', async () => {
    const user = userEvent.setup();
    const events = renderWithEvents();
    const enabled = await switchOf('Sign in with Google', 'Enabled');
    const before = enabled.getAttribute('aria-checked');
    tenant.failNext({ status: 503, match: { operation: 'updateOrganizationConnection' } });
    await user.click(enabled);
    await waitFor(() => expect(events.onError).toHaveBeenCalledTimes(1));
    await settle();
    expect(events.onError).toHaveBeenCalledTimes(1);
    const [error, details] = events.onError.mock.calls[0] ?? [];
    expect(details).toEqual({ operation: 'update', connectionId: google });
    expect(isOrgConnectionsError(error) && error.status).toBe(503);
    expect(enabled).toHaveAttribute('aria-checked', before);
    expect(events.onUpdated).not.toHaveBeenCalled();
  });

  it('onUpdated with the new name after a rename', async () => {
    const user = userEvent.setup();
    const events = renderWithEvents();
    await user.click(await screen.findByRole('button', { name: 'Rename Acme Okta' }));
    const input = screen.getByRole('textbox', { name: 'Name in this organization' });
    await user.clear(input);
    await user.type(input, 'Okta Workforce{Enter}');
    await waitFor(() => expect(events.onUpdated).toHaveBeenCalledTimes(1));
    expect(events.onUpdated).toHaveBeenCalledWith(
      expect.objectContaining({ connectionId: oktaAcme, organizationConnectionName: 'Okta Workforce' }),
      { organizationConnectionName: 'Okta Workforce' },
    );
  });

  it('onRemoved: once, after the server removed it, with the connection as it was', async () => {
    const user = userEvent.setup();
    const events = renderWithEvents();
    await user.click(await screen.findByRole('button', { name: 'Remove Acme Okta' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(events.onRemoved).toHaveBeenCalledTimes(1));
    await settle();
    expect(events.onRemoved).toHaveBeenCalledTimes(1);
    expect(events.onRemoved).toHaveBeenCalledWith(
      expect.objectContaining({ connectionId: oktaAcme, organizationConnectionName: 'Acme Okta' }),
    );
    expect(events.seen).toEqual([{ event: 'removed', stored: undefined }]);
    expect(events.onError).not.toHaveBeenCalled();
  });

  it('onError once, not onRemoved, when the removal fails', async () => {
    const user = userEvent.setup();
    const events = renderWithEvents();
    await user.click(await screen.findByRole('button', { name: 'Remove Acme Okta' }));
    tenant.failNext({ network: true, match: { operation: 'deleteOrganizationConnection' } });
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(events.onError).toHaveBeenCalledTimes(1));
    await settle();
    expect(events.onError).toHaveBeenCalledTimes(1);
    expect(events.onError.mock.calls[0]?.[1]).toEqual({ operation: 'remove', connectionId: oktaAcme });
    expect(events.onRemoved).not.toHaveBeenCalled();
    expect(stored(oktaAcme)).toBeDefined();
  });

  it('onAdded: once, after the server added it, with the server answer', async () => {
    const user = userEvent.setup();
    const events = renderWithEvents();
    await user.click(await screen.findByRole('button', { name: 'Add connection' }));
    await user.click(await screen.findByRole('option', { name: /Apple/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(events.onAdded).toHaveBeenCalledTimes(1));
    await settle();
    expect(events.onAdded).toHaveBeenCalledTimes(1);
    expect(events.onAdded).toHaveBeenCalledWith(expect.objectContaining({ connectionId: apple }));
    expect(events.seen).toEqual([{ event: 'added', stored: expect.objectContaining({ connection_id: apple }) }]);
    expect(events.onError).not.toHaveBeenCalled();
  });

  it('onError once, not onAdded, when adding fails', async () => {
    const user = userEvent.setup();
    const events = renderWithEvents();
    await user.click(await screen.findByRole('button', { name: 'Add connection' }));
    await user.click(await screen.findByRole('option', { name: /Apple/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    tenant.failNext({ status: 409, match: { operation: 'createOrganizationConnection' } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(events.onError).toHaveBeenCalledTimes(1));
    await settle();
    expect(events.onError).toHaveBeenCalledTimes(1);
    const [error, details] = events.onError.mock.calls[0] ?? [];
    expect(details).toEqual({ operation: 'add', connectionId: apple });
    expect(isOrgConnectionsError(error) && error.kind).toBe('conflict');
    expect(events.onAdded).not.toHaveBeenCalled();
    expect(stored(apple)).toBeUndefined();
  });
});

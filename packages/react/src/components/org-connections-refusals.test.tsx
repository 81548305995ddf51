import { type FakeTenant, seedIds } from '@org-connections/testing';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { setupServer } from 'msw/node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestClients, serveFakeTenant } from '../../test/fake-tenant';
import type { OrgConnectionsMessages } from '../i18n/messages';
import { messages as de } from '../locales/de';
import { AddConnectionDialog } from './add-connection-dialog';
import { OrgConnectionsList } from './org-connections-list';
import { OrgConnectionsProvider } from './org-connections-provider';

// What `@org-connections/server` answers when it refuses (issue 23's protocol): a 401 for no session, a 403 with its
// own errorCode for each other refusal. The components say each in its own words.
const { acme, globex } = seedIds.organizations;
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

const refusal = (status: number, errorCode: string) => ({
  status,
  body: { statusCode: status, error: status === 401 ? 'Unauthorized' : 'Forbidden', message: 'refused', errorCode },
});

function renderList(messages?: Partial<OrgConnectionsMessages>) {
  const { queryClient, api } = createTestClients();
  return render(
    <OrgConnectionsProvider api={api} queryClient={queryClient} messages={messages}>
      <main>
        <OrgConnectionsList organizationId={acme} view="tenant-admin" />
      </main>
    </OrgConnectionsProvider>,
  );
}

function renderAddDialog() {
  const { queryClient, api } = createTestClients();
  return render(
    <OrgConnectionsProvider api={api} queryClient={queryClient}>
      <main>
        <AddConnectionDialog organizationId={globex} />
      </main>
    </OrgConnectionsProvider>,
  );
}

async function openAndPick(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole('button', { name: 'Add connection' }));
  await user.click(await screen.findByRole('option', { name: new RegExp(name) }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

/** The list's load error: its state part, and what its alert says. */
const loadError = async () => {
  const alert = await screen.findByRole('alert');
  return { state: alert.closest('[data-slot="state"]') as HTMLElement, text: alert.textContent };
};

describe('refusals in their own words', { timeout: 20_000 }, () => {
  it('no session (401): sign in again', async () => {
    tenant.failNext({ ...refusal(401, 'unauthorized'), times: 2, match: { operation: 'listOrganizationConnections' } });
    renderList();
    const { state, text } = await loadError();
    expect(state).toHaveAttribute('data-error', 'unauthorized');
    expect(text).toBe('Connections could not be loaded. Your session has expired. Sign in again.');
  });

  it('signed in but not allowed (403 not_allowed): says so, not that the session expired', async () => {
    tenant.failNext({ ...refusal(403, 'not_allowed'), match: { operation: 'listOrganizationConnections' } });
    const { container } = renderList();
    const { state, text } = await loadError();
    expect(state).toHaveAttribute('data-error', 'forbidden');
    expect(text).toBe(
      'Connections could not be loaded. You are signed in, but not allowed to manage the connections of this organization.',
    );
    expect((await axe.run(container)).violations).toEqual([]);
  });

  it('in every language: the German words for not_allowed', async () => {
    tenant.failNext({ ...refusal(403, 'not_allowed'), match: { operation: 'listOrganizationConnections' } });
    renderList(de);
    expect((await loadError()).text).toBe(`${de.loadErrorTitle} ${de.errorNotAllowed}`);
  });

  it("a read-only role's change (403 read_only_role) is rolled back and says the role can view but not change", async () => {
    const user = userEvent.setup();
    tenant.failNext({ ...refusal(403, 'read_only_role'), match: { operation: 'updateOrganizationConnection' } });
    renderList();
    const name = await screen.findByText('Magic link ✉️', { selector: '[data-slot="name"]' });
    const row = name.closest('[data-slot="row"]') as HTMLElement;
    const membership = within(row).getByRole('switch', { name: 'Membership on authentication' });
    await user.click(membership);
    await within(row).findByText(
      'Magic link ✉️ was not changed. Your role can view these connections but not change them.',
    );
    expect(membership).not.toBeChecked();
    expect(within(row).getByText(/Your role can view/)).toHaveAttribute('data-error', 'forbidden');
  });

  it.each([
    ['connection_not_attachable', 'This connection cannot be added to this organization.'],
    ['attachable_unavailable', 'Could not check whether this connection may be added. Try again later.'],
  ])('the add dialog says why the server refused the connection (%s), and keeps it picked', async (code, text) => {
    const user = userEvent.setup();
    tenant.failNext({ ...refusal(403, code), match: { operation: 'createOrganizationConnection' } });
    renderAddDialog();
    await openAndPick(user, 'Partner Portal');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(text);
    expect(screen.getByRole('dialog')).toHaveAccessibleDescription(
      'Choose how Partner Portal works for this organization.',
    );
    expect(tenant.listOrganizationConnections(globex)).toEqual([]);
  });
});

describe('membership on authentication in the add dialog', { timeout: 20_000 }, () => {
  const notice = 'Everyone who can sign in through this identity provider will become a member of this organization.';

  it('for an enterprise connection, says who will become a member while it is on, read with the switch', async () => {
    const user = userEvent.setup();
    const { baseElement } = renderAddDialog();
    await openAndPick(user, 'Acme Okta Workforce');
    const membership = screen.getByRole('switch', { name: 'Membership on authentication' });
    expect(membership).not.toBeChecked();
    expect(screen.queryByText(notice)).toBeNull();
    await user.click(membership);
    expect(screen.getByText(notice)).toHaveAttribute('data-slot', 'field-note');
    expect(membership).toHaveAccessibleDescription(notice);
    expect((await axe.run(baseElement)).violations).toEqual([]);
    await user.click(membership);
    expect(screen.queryByText(notice)).toBeNull();
  });

  it('is not said for a database connection', async () => {
    const user = userEvent.setup();
    renderAddDialog();
    await openAndPick(user, 'Partner Portal');
    await user.click(screen.getByRole('switch', { name: 'Membership on authentication' }));
    await waitFor(() => expect(screen.getByRole('switch', { name: 'Membership on authentication' })).toBeChecked());
    expect(screen.queryByText(notice)).toBeNull();
  });
});

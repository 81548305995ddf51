import type { ManagementApiEndpoints, View } from '@org-connections/core';
import { type FakeTenant, seedIds } from '@org-connections/testing';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { createTestClients, serveFakeTenant } from '../../test/fake-tenant';
import { PSEUDO_OPEN, pseudoMessages, unmarkedTexts } from '../../test/pseudo-messages';
import { LoginPromptPreview } from '../components/login-prompt-preview';
import { OrgConnectionsList } from '../components/org-connections-list';
import { OrgConnectionsProvider } from '../components/org-connections-provider';

// Every text a person can see or hear must come from the messages: in the pseudo-locale each one is between ⟦ ⟧, so
// any unmarked text is wording from elsewhere (core, the server, a literal in a component). A connection's name and
// strategy are data from the tenant, not wording: `unmarkedTexts` skips the parts that show them (`data-slot` name,
// strategy, picker-option-name, picker-option-strategy) and the group named after the connection.

const { acme, globex, initech, umbrella } = seedIds.organizations;
const server = setupServer();
configure({ defaultHidden: true });
let tenant: FakeTenant;

serveFakeTenant(server, (created) => {
  tenant = created;
});

function renderList(
  options: { organizationId?: string; view?: View; endpoints?: ManagementApiEndpoints; scopes?: string[] } = {},
) {
  const { queryClient, api } = createTestClients({ endpoints: options.endpoints });
  return render(
    <OrgConnectionsProvider api={api} queryClient={queryClient} locale="en-XA" messages={pseudoMessages}>
      <OrgConnectionsList organizationId={options.organizationId ?? acme} view={options.view ?? 'tenant-admin'} />
    </OrgConnectionsProvider>,
  );
}

const list = () => screen.getByRole('region');
/** Waits until the list has an answer, then returns what is not marked, on the whole page (dialogs are portalled). */
async function unmarkedOnceLoaded() {
  await waitFor(() => expect(list()).not.toHaveAttribute('data-state', 'loading'));
  return unmarkedTexts(document.body);
}

describe('in a pseudo-locale, every visible text comes from the messages', () => {
  it('the check finds text that does not', () => {
    const element = document.createElement('p');
    element.innerHTML = `<span>${PSEUDO_OPEN}marked⟧</span> <b>not marked</b> <i aria-label="no"></i>`;
    expect(unmarkedTexts(element)).toEqual(['not marked', 'aria-label="no"']);
  });

  it("a tenant admin's list, with its count, kinds, switches and actions", async () => {
    renderList();
    await screen.findAllByRole('switch');
    expect(await unmarkedOnceLoaded()).toEqual([]);
  });

  it('the access level list, the rename editor with a broken rule, and a rolled-back change', async () => {
    const user = userEvent.setup();
    renderList();
    const [select] = await screen.findAllByRole('combobox');
    if (!select) throw new Error('No access level select.');
    await user.click(select);
    expect(unmarkedTexts(document.body)).toEqual([]);
    await user.keyboard('{Escape}');

    tenant.failNext({ status: 503, match: { operation: 'updateOrganizationConnection' } });
    const [toggle] = screen.getAllByRole('switch');
    if (!toggle) throw new Error('No switch.');
    await user.click(toggle);
    await waitFor(() => expect(list().querySelector('[data-slot="row-message"]')).not.toBeNull());

    const [rename] = screen.getAllByRole('button', { name: /rename/i });
    if (!rename) throw new Error('No rename button.');
    await user.click(rename);
    const input = screen.getByRole('textbox');
    await user.clear(input);
    await user.type(input, `${'x'.repeat(51)}{Enter}`);
    await screen.findByRole('alert');
    expect(unmarkedTexts(document.body)).toEqual([]);
  });

  it('the add dialog: the picker and the settings of the picked connection', async () => {
    const user = userEvent.setup();
    renderList();
    const add = await within(list()).findByRole('button', { name: pseudoMessages.addConnection });
    await user.click(add);
    const dialog = await screen.findByRole('dialog');
    const [option] = await within(dialog).findAllByRole('option');
    expect(unmarkedTexts(document.body)).toEqual([]);
    if (!option) throw new Error('No tenant connection to add.');
    await user.dblClick(option);
    await within(dialog).findByRole('textbox');
    expect(unmarkedTexts(document.body)).toEqual([]);
  });

  it('the remove dialog', async () => {
    const user = userEvent.setup();
    renderList();
    const [remove] = await within(list()).findAllByRole('button', { name: /remove/i });
    if (!remove) throw new Error('No remove button.');
    await user.click(remove);
    await screen.findByRole('alertdialog');
    expect(unmarkedTexts(document.body)).toEqual([]);
  });

  it.each([
    ['a server error', () => tenant.failNext({ status: 503, match: { operation: 'listOrganizationConnections' } })],
    ['a lost network', () => tenant.failNext({ network: true, match: { operation: 'listOrganizationConnections' } })],
    [
      'a rate limit, with its countdown',
      () => tenant.rateLimitNext({ retryAfterSeconds: 30, match: { operation: 'listOrganizationConnections' } }),
    ],
    [
      'a bad request',
      () =>
        tenant.failNext({
          status: 400,
          body: { statusCode: 400, error: 'Bad Request', message: 'English from the server' },
          match: { operation: 'listOrganizationConnections' },
        }),
    ],
  ])('the load error after %s', async (_, fault) => {
    fault();
    renderList();
    await screen.findByRole('alert');
    expect(await unmarkedOnceLoaded()).toEqual([]);
  });

  it.each([
    ['Acme, for a tenant admin', acme, 'tenant-admin' as const],
    ['Acme, for an organization admin', acme, 'org-admin' as const],
    ['an organization whose connections are all hidden', umbrella, 'tenant-admin' as const],
    ['an empty organization', globex, 'tenant-admin' as const],
  ])('the login prompt preview of %s', async (_, organizationId, view) => {
    const { queryClient, api } = createTestClients();
    render(
      <OrgConnectionsProvider api={api} queryClient={queryClient} locale="en-XA" messages={pseudoMessages}>
        <LoginPromptPreview organizationId={organizationId} view={view} />
      </OrgConnectionsProvider>,
    );
    await waitFor(() => expect(screen.getByRole('region')).not.toHaveAttribute('data-state', 'loading'));
    expect(unmarkedTexts(document.body)).toEqual([]);
  });

  it.each([
    ['an organization admin', { view: 'org-admin' as const }],
    ['an empty organization', { organizationId: globex }],
    ['an organization at the limit, with search', { organizationId: initech }],
    ['an organization whose connections are all hidden', { organizationId: umbrella }],
    ['an unknown organization', { organizationId: 'org_DoesNotExist0000' }],
    [
      'an org admin on a source without access levels',
      { view: 'org-admin' as const, endpoints: 'enabled_connections' as const },
    ],
  ])('the list of %s', async (_, options) => {
    renderList(options);
    expect(await unmarkedOnceLoaded()).toEqual([]);
  });
});

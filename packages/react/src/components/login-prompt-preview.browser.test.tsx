import { type FakeTenant, seedIds } from '@org-connections/testing';
import { render, screen, waitFor, within } from '@testing-library/react';
import { setupWorker } from 'msw/browser';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createTestClients, serveFakeTenant } from '../../test/fake-tenant';
import { defaultMessages as messages } from '../i18n/messages';
import { LoginPromptPreview } from './login-prompt-preview';
import { OrgConnectionsList } from './org-connections-list';
import { OrgConnectionsProvider } from './org-connections-provider';
import '../styles.css';

const { acme, umbrella } = seedIds.organizations;
const worker = setupWorker();
let tenant: FakeTenant;

serveFakeTenant(worker, (created) => {
  tenant = created;
});

/** The list and the preview of one organization side by side, as a settings page puts them. */
function renderBesideTheList(organizationId: string) {
  const { queryClient, api } = createTestClients();
  return render(
    <OrgConnectionsProvider api={api} queryClient={queryClient}>
      <main>
        <OrgConnectionsList organizationId={organizationId} view="tenant-admin" />
        <LoginPromptPreview organizationId={organizationId} view="tenant-admin" />
      </main>
    </OrgConnectionsProvider>,
  );
}

const preview = () => screen.getByRole('region', { name: messages.loginPromptLabel });
const findPrompt = () => screen.findByRole('figure', { name: messages.loginPromptCaption });
const texts = (root: Element, slot: string) =>
  [...root.querySelectorAll(`[data-slot="${slot}"]`)].map((element) => element.textContent ?? '');
const switchOf = async (name: string, label: string) =>
  within(await screen.findByRole('group', { name })).getByRole('switch', { name: label });

/** What the preview and the server say in the first frame after `control` is clicked. */
function inTheNextFrame(control: HTMLElement, read: () => string[]) {
  return new Promise<string[]>((resolve) => {
    control.addEventListener('click', () => requestAnimationFrame(() => resolve(read())), { once: true });
  });
}

describe('LoginPromptPreview beside the list, in a real browser', () => {
  it('puts a connection shown as a button in the list on the prompt in the next frame, clearing the failure', async () => {
    const pingOnServer = () =>
      tenant
        .listOrganizationConnections(umbrella)
        .find((item) => item.connection_id === seedIds.connections.pingUmbrella);
    renderBesideTheList(umbrella);
    await findPrompt();
    expect(preview()).toHaveAttribute('data-state', 'failure');
    tenant.setLatency(500);
    const showAsButton = await switchOf('Umbrella Ping', messages.fieldShowAsButton);
    const nextFrame = inTheNextFrame(showAsButton, () => [
      preview().dataset.state ?? '',
      ...texts(preview(), 'prompt-connection'),
      ...texts(preview(), 'hidden-name'),
      `on the server: ${pingOnServer()?.show_as_button}`,
    ]);
    await userEvent.click(showAsButton);
    expect(await nextFrame).toEqual([
      'ready',
      messages.loginPromptContinueWith('Umbrella Ping'),
      'Umbrella SAML',
      'on the server: false',
    ]);
    await waitFor(() => expect(pingOnServer()?.show_as_button).toBe(true), { timeout: 3000 });
    expect(texts(preview(), 'prompt-connection')).toEqual([messages.loginPromptContinueWith('Umbrella Ping')]);
  });

  it('takes a switched-off connection off the prompt in the next frame, and puts it back when the server refuses', async () => {
    renderBesideTheList(acme);
    await findPrompt();
    expect(texts(preview(), 'prompt-form-name')).toEqual(['Acme Employees', 'Magic link ✉️']);
    // The refusal comes after 2 s, so on a loaded machine it cannot land before the click's own round trip returns.
    tenant.setLatency(2000);
    tenant.failNext({ status: 503, match: { operation: 'updateOrganizationConnection' } });
    const enabled = await switchOf('Acme Employees', messages.fieldIsEnabled);
    const nextFrame = inTheNextFrame(enabled, () => texts(preview(), 'prompt-form-name'));
    await userEvent.click(enabled);
    expect(await nextFrame).toEqual(['Magic link ✉️']);
    await waitFor(() => expect(texts(preview(), 'prompt-form-name')).toEqual(['Acme Employees', 'Magic link ✉️']), {
      timeout: 5000,
    });
  });
});

import type { LoginPromptFlow, ManagementApiEndpoints } from '@org-connections/core';
import { type FakeTenant, seedIds, seedNames } from '@org-connections/testing';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { setupServer } from 'msw/node';
import { createRef, type Ref } from 'react';
import { describe, expect, it } from 'vitest';
import { createTestClients, serveFakeTenant } from '../../test/fake-tenant';
import { messageFormat } from '../i18n/message-format';
import { defaultMessages as messages } from '../i18n/messages';
import { LoginPromptPreview, type LoginPromptPreviewProps } from './login-prompt-preview';
import { OrgConnectionsList } from './org-connections-list';
import { OrgConnectionsProvider } from './org-connections-provider';

const { acme, globex, umbrella } = seedIds.organizations;
const { connections } = seedIds;
const server = setupServer();
configure({ defaultHidden: true });
let tenant: FakeTenant;

serveFakeTenant(server, (created) => {
  tenant = created;
});

interface RenderOptions extends Partial<LoginPromptPreviewProps> {
  ref?: Ref<HTMLElement>;
  withList?: boolean;
  endpoints?: ManagementApiEndpoints;
}

function renderPreview({ withList = false, endpoints, ...props }: RenderOptions = {}) {
  const { queryClient, api } = createTestClients({ endpoints });
  const view = props.view ?? 'tenant-admin';
  return render(
    <OrgConnectionsProvider api={api} queryClient={queryClient}>
      <main>
        {withList && <OrgConnectionsList organizationId={props.organizationId ?? acme} view={view} />}
        <LoginPromptPreview organizationId={acme} {...props} view={view} />
      </main>
    </OrgConnectionsProvider>,
  );
}

const preview = () => screen.getByRole('region', { name: messages.loginPromptLabel });
/** Waits for the pictured prompt (the figure, named by its caption). */
const findPrompt = () => screen.findByRole('figure', { name: messages.loginPromptCaption });
const texts = (root: HTMLElement, slot: string) =>
  [...root.querySelectorAll(`[data-slot="${slot}"]`)].map((element) => element.textContent);

async function expectNoAxeViolations(container: HTMLElement) {
  const results = await axe.run(container);
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

describe('LoginPromptPreview', () => {
  it("draws Acme's prompt: the forms, a button per shown connection, the hidden one apart, the disabled one absent", async () => {
    renderPreview();
    const prompt = await findPrompt();
    expect(preview()).toHaveAttribute('data-state', 'ready');
    expect(texts(prompt, 'prompt-form-name')).toEqual(['Acme Employees', 'Magic link ✉️']);
    const [database, passwordless] = prompt.querySelectorAll<HTMLElement>('[data-slot="prompt-form"]');
    expect(database).toHaveAttribute('data-kind', 'database');
    expect(texts(database as HTMLElement, 'prompt-input')).toEqual([
      messages.loginPromptEmail,
      messages.loginPromptPassword,
    ]);
    expect(texts(database as HTMLElement, 'prompt-link')).toEqual([messages.loginPromptSignup]);
    expect(passwordless).toHaveAttribute('data-kind', 'passwordless');
    expect(texts(passwordless as HTMLElement, 'prompt-link')).toEqual([]);
    expect(passwordless).toHaveAttribute('data-channel', 'email');
    expect(texts(prompt, 'prompt-connection')).toEqual([
      messages.loginPromptContinueWith('Sign in with Google'),
      messages.loginPromptContinueWith(seedNames.longest),
      messages.loginPromptContinueWith('Acme Okta'),
      messages.loginPromptContinueWith(seedNames.markup),
    ]);
    expect(texts(preview(), 'hidden-name')).toEqual([seedNames.accented]);
    expect(texts(preview(), 'hidden-route')).toEqual([messages.loginPromptHiddenByParameter]);
    expect(screen.getByText(messages.loginPromptHiddenTitle(1, messageFormat('en')))).toBeInTheDocument();
    // contoso-entra-id is switched off for Acme: not on the prompt, not in the notes.
    expect(preview()).not.toHaveTextContent('contoso');
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('renders names as text: markup from the server is shown, never parsed', async () => {
    renderPreview();
    const prompt = await findPrompt();
    expect(within(prompt).getByText(messages.loginPromptContinueWith(seedNames.markup))).toBeInTheDocument();
    expect(preview().querySelector('img')).toBeNull();
  });

  it('is a picture, not a form: nothing in it can be focused or typed in, and axe finds no violation', async () => {
    const { container } = renderPreview();
    await findPrompt();
    expect(
      preview().querySelectorAll('input, button, select, textarea, a, [tabindex], [contenteditable]'),
    ).toHaveLength(0);
    await userEvent.tab();
    expect(document.body).toHaveFocus();
    await expectNoAxeViolations(container);
  });

  it('shows the failure when every enabled connection is a hidden enterprise connection', async () => {
    const { container } = renderPreview({ organizationId: umbrella });
    const prompt = await findPrompt();
    expect(preview()).toHaveAttribute('data-state', 'failure');
    expect(within(prompt).getByRole('note')).toHaveTextContent(messages.visibilityWarning);
    expect(texts(prompt, 'prompt-form')).toEqual([]);
    expect(texts(prompt, 'prompt-connection')).toEqual([]);
    expect(texts(preview(), 'hidden-name')).toEqual(['Umbrella Ping', 'Umbrella SAML']);
    expect(screen.getByText(messages.loginPromptHiddenTitle(2, messageFormat('en')))).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it.each<[LoginPromptFlow, string]>([
    ['organization-known', messages.loginPromptHiddenByParameter],
    ['prompt-for-credentials', messages.loginPromptHiddenByDiscovery],
  ])('with the %s flow, says how a hidden connection is reached', async (flow, route) => {
    renderPreview({ flow });
    await findPrompt();
    expect(preview()).toHaveAttribute('data-flow', flow);
    expect(texts(preview(), 'hidden-route')).toEqual([route]);
  });

  it('says nobody can log in when no connection is enabled', async () => {
    renderPreview({ organizationId: globex });
    const prompt = await findPrompt();
    expect(preview()).toHaveAttribute('data-state', 'empty');
    expect(within(prompt).getByText(messages.loginPromptEmpty)).toBeInTheDocument();
  });

  it('in the org-admin view never names a connection at level none, and says provider connections may appear', async () => {
    tenant.setOrganizationConnections(
      acme,
      tenant
        .listOrganizationConnections(acme)
        .map((item) => (item.connection_id === connections.contosoEntra ? { ...item, is_enabled: true } : item)),
    );
    const { unmount } = renderPreview();
    await findPrompt();
    expect(preview()).toHaveTextContent(messages.loginPromptContinueWith('contoso-entra-id'));
    expect(screen.queryByText(messages.loginPromptProviderNote)).toBeNull();
    unmount();

    const { container } = renderPreview({ view: 'org-admin' });
    const prompt = await findPrompt();
    expect(container).not.toHaveTextContent('contoso');
    expect(texts(prompt, 'prompt-connection')).not.toContain(messages.loginPromptContinueWith('contoso-entra-id'));
    expect(screen.getByText(messages.loginPromptProviderNote)).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('follows a change made in the list: showing the hidden connection as a button puts it on the prompt', async () => {
    renderPreview({ withList: true });
    const prompt = await findPrompt();
    const row = (await screen.findByText(seedNames.accented, { selector: '[data-slot="name"]' })).closest(
      '[data-slot="row"]',
    ) as HTMLElement;
    await userEvent.click(within(row).getByRole('switch', { name: messages.fieldShowAsButton }));
    expect(texts(prompt, 'prompt-connection')).toContain(messages.loginPromptContinueWith(seedNames.accented));
    expect(preview().querySelector('[data-slot="hidden"]')).toBeNull();
    await waitFor(() => expect(row).not.toHaveAttribute('data-pending'));
    expect(texts(prompt, 'prompt-connection')).toContain(messages.loginPromptContinueWith(seedNames.accented));
  });

  it('shares the list request: one read of the organization for both', async () => {
    renderPreview({ withList: true });
    await findPrompt();
    expect(tenant.requests.filter((request) => request.operation === 'listOrganizationConnections')).toHaveLength(1);
  });

  it('shows loading, then the error of the list with a retry that loads the prompt', async () => {
    tenant.failNext({ status: 503, match: { operation: 'listOrganizationConnections' } });
    renderPreview();
    expect(preview()).toHaveAttribute('data-state', 'loading');
    expect(preview()).toHaveAttribute('aria-busy', 'true');
    expect(within(preview()).getByText(messages.loading)).toBeInTheDocument();
    const alert = await within(preview()).findByRole('alert');
    expect(preview()).toHaveAttribute('data-state', 'error');
    expect(alert).toHaveTextContent(messages.loadErrorTitle);
    await userEvent.click(within(preview()).getByRole('button', { name: messages.retry }));
    await findPrompt();
    expect(preview()).toHaveAttribute('data-state', 'ready');
    // The retry button went with the error: the keyboard is on the preview, not on <body>.
    expect(preview()).toHaveFocus();
  });

  it('in the org-admin view on a source without access levels, says it cannot show the prompt and what to use', async () => {
    renderPreview({ view: 'org-admin', endpoints: 'enabled_connections' });
    expect(preview()).toHaveAttribute('data-state', 'unsupported');
    expect(within(preview()).getByText(messages.unsupportedTitle)).toBeInTheDocument();
    expect(within(preview()).getByText(messages.unsupportedAlternative)).toBeInTheDocument();
    expect(screen.queryByRole('figure')).toBeNull();
  });

  it('takes a ref, DOM props, classNames, messages, and draws nothing of its own when unstyled', async () => {
    const ref = createRef<HTMLElement>();
    renderPreview({
      ref,
      id: 'preview',
      className: 'host',
      classNames: { root: 'root-class', 'prompt-connection': 'button-class' },
      messages: { loginPromptContinueWith: (name) => `Weiter mit ${name}` },
      unstyled: true,
    });
    const prompt = await findPrompt();
    expect(ref.current).toBe(preview());
    expect(preview()).toHaveAttribute('id', 'preview');
    expect(preview()).toHaveClass('root-class', 'host');
    expect(preview()).not.toHaveAttribute('data-oc-root');
    expect(within(prompt).getByText('Weiter mit Acme Okta')).toHaveClass('button-class');
  });
});

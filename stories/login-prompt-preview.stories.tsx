import { LoginPromptPreview, OrgConnectionsList } from '@org-connections/react';
import { createOrgConnectionsHandler } from '@org-connections/server';
import { createFakeFetch, seedIds, seedNames } from '@org-connections/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { storyMessages as messages, storyFormat } from '../.storybook/story-locale';
import type { StoryBackend } from '../.storybook/story-parameters';
import { hostileNamesTenant, NEVER_ANSWERS, onlyConnections, withSettings } from './fake-tenant-scenarios';
import { expectForcedColorsInTests, forcedColorsA11y, inForcedColors } from './forced-colors';

const { organizations, connections } = seedIds;

const meta = {
  title: 'LoginPromptPreview',
  component: LoginPromptPreview,
  tags: ['autodocs'],
  args: { organizationId: organizations.acme, view: 'tenant-admin', flow: 'organization-known' },
  argTypes: {
    organizationId: {
      control: 'select',
      options: Object.values(organizations),
      description: 'One of the seed organizations (`seedIds.organizations`).',
    },
    view: { control: 'inline-radio', options: ['tenant-admin', 'org-admin'] },
    flow: { control: 'inline-radio', options: ['organization-known', 'prompt-for-credentials'] },
  },
} satisfies Meta<typeof LoginPromptPreview>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The preview's root, once it has an answer. */
async function findPreview(canvasElement: HTMLElement) {
  const preview = await within(canvasElement).findByRole('region', { name: messages.loginPromptLabel });
  await waitFor(() => expect(preview).not.toHaveAttribute('data-state', 'loading'));
  return preview;
}
/** The pictured prompt, named by its caption. */
const promptOf = (preview: HTMLElement) => within(preview).getByRole('figure', { name: messages.loginPromptCaption });
const textsOf = (root: HTMLElement, slot: string) =>
  [...root.querySelectorAll(`[data-slot="${slot}"]`)].map((element) => element.textContent);
/** Nothing in the picture can be focused or typed in. */
const expectInert = (preview: HTMLElement) =>
  expect(preview.querySelectorAll('input, button, select, textarea, a, [tabindex], [contenteditable]')).toHaveLength(0);

/** Every enabled connection is an enterprise connection hidden from the prompt: login fails, and the preview says so. */
/** `@org-connections/server` in the page, for Umbrella's org admin (no index: an org admin never reads the tenant's). */
const umbrellaAdminThroughServer: StoryBackend = ({ tenant, basePath }) =>
  createOrgConnectionsHandler({
    domain: 'fake-tenant.test',
    basePath,
    managementBaseUrl: 'https://fake-tenant.test/api/v2',
    fetch: createFakeFetch(tenant, { managementBaseUrl: 'https://fake-tenant.test/api/v2' }),
    getManagementToken: () => tenant.defaultToken,
    authorize: () => ({ view: 'org-admin', actor: 'user|umbrella-admin', organizationId: organizations.umbrella }),
    index: false,
  });

/** The database connection in Umbrella at `none`: an org admin never sees it. */
const umbrellaDatabaseAtNone = (isEnabled: boolean) => ({
  connection_id: connections.usernamePassword,
  organization_access_level: 'none' as const,
  is_enabled: isEnabled,
  assign_membership_on_login: false,
  is_signup_enabled: false,
  show_as_button: true,
});

/** The list and the preview side by side, as a settings page shows them. */
const besideTheList: Story['render'] = (args) => (
  <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))', gap: '1rem' }}>
    <OrgConnectionsList organizationId={args.organizationId} view={args.view} />
    <LoginPromptPreview {...args} />
  </div>
);

export const OnlyHiddenEnterpriseConnections: Story = {
  args: { organizationId: organizations.umbrella },
  play: async ({ canvasElement }) => {
    const preview = await findPreview(canvasElement);
    await expect(preview).toHaveAttribute('data-state', 'failure');
    const prompt = promptOf(preview);
    await expect(within(prompt).getByRole('note')).toHaveTextContent(
      'no connections enabled for the organization are visible',
    );
    await expect(textsOf(prompt, 'prompt-connection')).toEqual([]);
    await expect(within(preview).getByText(messages.loginPromptHiddenTitle(2, storyFormat))).toBeVisible();
    await expect(textsOf(preview, 'hidden-name')).toEqual(['Umbrella Ping', 'Umbrella SAML']);
    await expectInert(preview);
  },
};

/** A database connection with signup and membership on authentication: its form has a sign-up link. */
export const DatabaseWithSignup: Story = {
  parameters: { tenant: { setup: onlyConnections(organizations.acme, [connections.usernamePassword]) } },
  play: async ({ canvasElement }) => {
    const prompt = promptOf(await findPreview(canvasElement));
    await expect(within(prompt).getByText('Acme Employees')).toBeVisible();
    await expect(within(prompt).getByText(messages.loginPromptEmail)).toBeVisible();
    await expect(within(prompt).getByText(messages.loginPromptPassword)).toBeVisible();
    await expect(within(prompt).getByText(messages.loginPromptSignup)).toBeVisible();
  },
};

/** The same connection with signup off: the form, without the sign-up link. */
export const DatabaseWithoutSignup: Story = {
  parameters: {
    tenant: {
      setup: (tenant) => {
        onlyConnections(organizations.acme, [connections.usernamePassword])(tenant);
        withSettings(organizations.acme, connections.usernamePassword, { is_signup_enabled: false })(tenant);
      },
    },
  },
  play: async ({ canvasElement }) => {
    const prompt = promptOf(await findPreview(canvasElement));
    await expect(within(prompt).getByText(messages.loginPromptPassword)).toBeVisible();
    await expect(within(prompt).queryByText(messages.loginPromptSignup)).not.toBeInTheDocument();
  },
};

/**
 * Acme's connections of every kind: the database and passwordless forms, a button per social connection and per
 * enterprise connection shown as a button, the hidden one listed apart; the switched-off one is absent.
 */
export const MixedKinds: Story = {
  play: async ({ canvasElement }) => {
    const preview = await findPreview(canvasElement);
    const prompt = promptOf(preview);
    await expect(textsOf(prompt, 'prompt-form-name')).toEqual(['Acme Employees', 'Magic link ✉️']);
    await expect(within(prompt).getByText(messages.loginPromptOr)).toBeVisible();
    await expect(textsOf(prompt, 'prompt-connection')).toEqual([
      messages.loginPromptContinueWith('Sign in with Google'),
      messages.loginPromptContinueWith(seedNames.longest),
      messages.loginPromptContinueWith('Acme Okta'),
      messages.loginPromptContinueWith(seedNames.markup),
    ]);
    await expect(textsOf(preview, 'hidden-name')).toEqual([seedNames.accented]);
    await expect(within(preview).getByText(messages.loginPromptHiddenByParameter)).toBeVisible();
    await expect(preview).not.toHaveTextContent('contoso');
    await expectInert(preview);
  },
};

/** With "Prompt for Credentials" (no `org_id` sent), a hidden enterprise connection is also reached by its email domain. */
export const PromptForCredentialsFlow: Story = {
  args: { flow: 'prompt-for-credentials' },
  play: async ({ canvasElement }) => {
    const preview = await findPreview(canvasElement);
    await expect(preview).toHaveAttribute('data-flow', 'prompt-for-credentials');
    await expect(within(preview).getByText(messages.loginPromptHiddenByDiscovery)).toBeVisible();
  },
};

/** Passwordless connections only: a form by email and one by SMS, with a phone number. */
export const Passwordless: Story = {
  args: { organizationId: organizations.initech },
  parameters: {
    tenant: {
      setup: onlyConnections(organizations.initech, [connections.emailPasswordless, connections.smsPasswordless]),
    },
  },
  play: async ({ canvasElement }) => {
    const prompt = promptOf(await findPreview(canvasElement));
    const forms = prompt.querySelectorAll('[data-slot="prompt-form"]');
    await expect([...forms].map((form) => form.getAttribute('data-channel'))).toEqual(['email', 'sms']);
    await expect(within(prompt).getByText(messages.loginPromptPhone)).toBeVisible();
    await expect(within(prompt).queryByText(messages.loginPromptPassword)).not.toBeInTheDocument();
    await expect(textsOf(prompt, 'prompt-connection')).toEqual([]);
  },
};

/** Initech at the limit of ten: three forms, five buttons, one hidden connection; the switched-off one is absent. */
export const TenConnections: Story = {
  args: { organizationId: organizations.initech },
  play: async ({ canvasElement }) => {
    const preview = await findPreview(canvasElement);
    const prompt = promptOf(preview);
    await expect(textsOf(prompt, 'prompt-form-name')).toEqual(['Initech Staff', 'email', 'sms']);
    await expect(textsOf(prompt, 'prompt-connection')).toEqual(
      ['google-oauth2', 'github', 'apple', 'windowslive', 'Initech ADFS'].map((name) =>
        messages.loginPromptContinueWith(name),
      ),
    );
    await expect(within(prompt).queryByText(messages.loginPromptSignup)).not.toBeInTheDocument();
    await expect(textsOf(preview, 'hidden-name')).toEqual(['office365-legacy']);
    await expect(preview).not.toHaveTextContent('linkedin');
  },
};

/** Names at the 50-character limit (with and without spaces), markup and right-to-left text: text that stays inside. */
export const LongNames: Story = {
  args: { organizationId: hostileNamesTenant.organizationId },
  parameters: { tenant: { setup: hostileNamesTenant.setup } },
  play: async ({ canvasElement }) => {
    const preview = await findPreview(canvasElement);
    const prompt = promptOf(preview);
    for (const name of hostileNamesTenant.names) {
      await expect(preview.textContent).toContain(name);
    }
    // 50 characters without a space name the database form; 50 with spaces, an enterprise button.
    await expect(within(prompt).getByText('W'.repeat(50))).toBeVisible();
    await expect(within(prompt).getByText(messages.loginPromptContinueWith(seedNames.longest))).toBeVisible();
    await expect(preview.querySelector('img, script, svg, b')).toBeNull();
    for (const part of preview.querySelectorAll('[data-slot="prompt-connection"], [data-slot="prompt-form"]')) {
      await expect(part.scrollWidth).toBeLessThanOrEqual(part.clientWidth);
    }
  },
};

/**
 * The org-admin view: built only from what the organization admin may see. contoso-entra-id is switched on here at
 * level `none`: it is on the real prompt, never named in this view, which says provider connections may also appear.
 */
export const OrgAdmin: Story = {
  args: { view: 'org-admin' },
  parameters: {
    tenant: { setup: withSettings(organizations.acme, connections.contosoEntra, { is_enabled: true }) },
  },
  play: async ({ canvasElement }) => {
    const preview = await findPreview(canvasElement);
    await expect(within(preview).getByText(messages.loginPromptProviderNote)).toBeVisible();
    await expect(canvasElement).not.toHaveTextContent('contoso');
    await expect(textsOf(promptOf(preview), 'prompt-connection')).toContain(
      messages.loginPromptContinueWith('Acme Okta'),
    );
  },
};

/**
 * An org admin through `@org-connections/server`, with a database connection at `none` enabled for Umbrella: every
 * connection the admin sees is hidden, yet login works. The server judges all of them and says so (`login_prompt`):
 * neither the list nor the preview warns, and the hidden database connection is never named (issue 23).
 */
export const OrgAdminWithHiddenDatabaseConnection: Story = {
  args: { organizationId: organizations.umbrella, view: 'org-admin' },
  parameters: {
    tenant: {
      setup: (tenant) =>
        tenant.setOrganizationConnections(organizations.umbrella, [
          ...tenant.listOrganizationConnections(organizations.umbrella),
          umbrellaDatabaseAtNone(true),
        ]),
    },
    client: { backend: umbrellaAdminThroughServer },
  },
  render: besideTheList,
  play: async ({ canvasElement }) => {
    const preview = await findPreview(canvasElement);
    await expect(preview).toHaveAttribute('data-state', 'ready');
    await expect(textsOf(preview, 'hidden-name')).toEqual(['Umbrella Ping', 'Umbrella SAML']);
    await expect(canvasElement.querySelector('[data-slot="failure"], [data-slot="warning"]')).toBeNull();
    await expect(canvasElement).not.toHaveTextContent('Username-Password-Authentication');
  },
};

/**
 * An org admin through `@org-connections/server` whose organization has no connection enabled, the `none` database
 * connection the admin does not see included: the server says the prompt is empty (`login_prompt`), so the preview
 * draws the empty prompt, and nothing warns of a failure.
 */
export const OrgAdminWithNothingEnabled: Story = {
  args: { organizationId: organizations.umbrella, view: 'org-admin' },
  parameters: {
    tenant: {
      setup: (tenant) =>
        tenant.setOrganizationConnections(organizations.umbrella, [
          ...tenant
            .listOrganizationConnections(organizations.umbrella)
            .map((connection) => ({ ...connection, is_enabled: false })),
          umbrellaDatabaseAtNone(false),
        ]),
    },
    client: { backend: umbrellaAdminThroughServer },
  },
  render: besideTheList,
  play: async ({ canvasElement }) => {
    const preview = await findPreview(canvasElement);
    await expect(preview).toHaveAttribute('data-state', 'empty');
    await expect(within(promptOf(preview)).getByText(messages.loginPromptEmpty)).toBeVisible();
    await expect(canvasElement.querySelector('[data-slot="failure"], [data-slot="warning"]')).toBeNull();
    await expect(canvasElement).not.toHaveTextContent('Username-Password-Authentication');
  },
};

/** Beside the list: a switch moved in the list changes the preview at once. */
export const BesideTheList: Story = {
  args: { organizationId: organizations.umbrella },
  render: besideTheList,
  play: async ({ canvasElement }) => {
    const preview = await findPreview(canvasElement);
    await expect(preview).toHaveAttribute('data-state', 'failure');
    const ping = within(await within(canvasElement).findByRole('group', { name: 'Umbrella Ping' }));
    await userEvent.click(ping.getByRole('switch', { name: messages.fieldShowAsButton }));
    await expect(preview).toHaveAttribute('data-state', 'ready');
    await expect(textsOf(promptOf(preview), 'prompt-connection')).toEqual([
      messages.loginPromptContinueWith('Umbrella Ping'),
    ]);
  },
};

/** Nothing has answered yet: a placeholder, and the preview says it is busy. */
export const Loading: Story = {
  parameters: { tenant: { latency: NEVER_ANSWERS } },
  play: async ({ canvasElement }) => {
    const preview = await within(canvasElement).findByRole('region', { name: messages.loginPromptLabel });
    await expect(preview).toHaveAttribute('data-state', 'loading');
    await expect(preview).toHaveAttribute('aria-busy', 'true');
    await expect(within(preview).getByText(messages.loading)).toBeVisible();
  },
};

/** No connection is enabled: nobody can log in to the organization, and the preview says so. */
export const NoConnections: Story = {
  args: { organizationId: organizations.globex },
  play: async ({ canvasElement }) => {
    const preview = await findPreview(canvasElement);
    await expect(preview).toHaveAttribute('data-state', 'empty');
    await expect(within(promptOf(preview)).getByText(messages.loginPromptEmpty)).toBeVisible();
  },
};

/** The server failed once: the preview says so, and Retry draws the prompt with the keyboard on the preview. */
export const LoadError: Story = {
  parameters: {
    tenant: {
      setup: (tenant) => tenant.failNext({ status: 503, match: { operation: 'listOrganizationConnections' } }),
    },
  },
  play: async ({ canvasElement }) => {
    const preview = await findPreview(canvasElement);
    await expect(preview).toHaveAttribute('data-state', 'error');
    await expect(within(preview).getByRole('alert')).toHaveTextContent(messages.loadErrorTitle);
    await userEvent.click(within(preview).getByRole('button', { name: messages.retry }));
    await waitFor(() => expect(preview).toHaveAttribute('data-state', 'ready'));
    await expect(preview).toHaveFocus();
  },
};

/**
 * The org-admin view on a data source without access levels: nothing says what an organization administrator may
 * see, so the preview says it cannot be drawn, and what to use instead.
 */
export const EnabledConnectionsEndpointsOrgAdmin: Story = {
  args: { view: 'org-admin' },
  parameters: { client: { endpoints: 'enabled_connections' } },
  play: async ({ canvasElement }) => {
    const preview = await within(canvasElement).findByRole('region', { name: messages.loginPromptLabel });
    await expect(preview).toHaveAttribute('data-state', 'unsupported');
    await expect(within(preview).getByText(messages.unsupportedTitle)).toBeVisible();
    await expect(within(preview).getByText(messages.unsupportedAlternative)).toBeVisible();
    await expect(within(preview).queryByRole('figure')).not.toBeInTheDocument();
  },
};

/** Forced colors (Windows high contrast; the toolbar's "Forced colors"): the prompt's boxes keep their edges. */
export const ForcedColors: Story = {
  globals: inForcedColors('light'),
  parameters: { a11y: forcedColorsA11y },
  play: async ({ canvasElement }) => {
    await expectForcedColorsInTests();
    const prompt = promptOf(await findPreview(canvasElement));
    for (const box of prompt.querySelectorAll('[data-slot="prompt-input"], [data-slot="prompt-action"]')) {
      await expect(getComputedStyle(box).borderTopColor).not.toBe(getComputedStyle(prompt).backgroundColor);
    }
  },
};

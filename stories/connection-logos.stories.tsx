import { AddConnectionDialog, LoginPromptPreview, OrgConnectionsList } from '@org-connections/react';
import { connectionIcons } from '@org-connections/react/icons';
import { type FakeTenant, seedIds } from '@org-connections/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { storyMessages as messages } from '../.storybook/story-locale';

const { organizations, connections: c } = seedIds;
const organizationId = organizations.globex;

/** Brands the seed has no connection for, added to the tenant for the social story. */
const EXTRA_SOCIAL = [
  { id: 'con_Facebook00000901', name: 'facebook', strategy: 'facebook', display_name: 'Facebook' },
  { id: 'con_Twitter000000902', name: 'twitter', strategy: 'twitter', display_name: 'X' },
];

/** Globex (empty in the seed) with these tenant connections enabled, each shown as a button on the login prompt. */
const organizationWith = (connectionIds: readonly string[], extra: typeof EXTRA_SOCIAL = []) => ({
  setup: (tenant: FakeTenant) => {
    tenant.addConnections(extra);
    tenant.setOrganizationConnections(
      organizationId,
      connectionIds.map((connectionId) => ({
        connection_id: connectionId,
        organization_access_level: 'none',
        is_enabled: true,
        assign_membership_on_login: true,
        is_signup_enabled: false,
        show_as_button: true,
      })),
    );
  },
});

/** The list and the login prompt preview side by side, with the opt-in logos passed to the provider. */
function ListAndPreview() {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))', gap: '1.5rem' }}>
      <OrgConnectionsList organizationId={organizationId} view="tenant-admin" />
      <LoginPromptPreview organizationId={organizationId} view="tenant-admin" />
    </div>
  );
}

const meta = {
  title: 'Recipes/Logos',
  component: ListAndPreview,
  parameters: { provider: { icons: connectionIcons } },
} satisfies Meta<typeof ListAndPreview>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every row shows its strategy's logo (or its kind's), hidden from screen readers: the name beside it is read. */
async function expectLogos(canvasElement: HTMLElement, strategies: readonly string[]) {
  const list = await within(canvasElement).findByRole('region', { name: messages.listLabel });
  await waitFor(() => expect(list.querySelectorAll('[data-slot="row"]')).toHaveLength(strategies.length));
  const rows = [...list.querySelectorAll<HTMLElement>('[data-slot="row"]')];
  const drawn = rows.map((row) => {
    const logo = row.querySelector('[data-slot="row-header"] > svg[data-slot="logo"]');
    expect(logo).toHaveAttribute('aria-hidden', 'true');
    return logo?.querySelector('path')?.getAttribute('d');
  });
  const shown = rows.map((row) => row.querySelector('[data-slot="strategy"]')?.textContent ?? '');
  await expect(shown).toEqual(strategies);
  await expect(drawn).toEqual(strategies.map((strategy) => connectionIcons.strategies?.[strategy]?.path));
  // The login prompt preview draws the same logos.
  const preview = within(canvasElement).getByRole('region', { name: messages.loginPromptLabel });
  await waitFor(() =>
    expect(preview.querySelectorAll('svg[data-slot="logo"][aria-hidden="true"]').length).toBeGreaterThan(0),
  );
}

export const Database: Story = {
  parameters: { tenant: organizationWith([c.usernamePassword, c.partnersDatabase]) },
  play: ({ canvasElement }) => expectLogos(canvasElement, ['auth0', 'auth0']),
};

export const Social: Story = {
  parameters: {
    tenant: organizationWith(
      [c.google, c.github, c.apple, c.linkedin, c.windowsLive, ...EXTRA_SOCIAL.map(({ id }) => id)],
      EXTRA_SOCIAL,
    ),
  },
  play: ({ canvasElement }) =>
    expectLogos(canvasElement, ['google-oauth2', 'github', 'apple', 'linkedin', 'windowslive', 'facebook', 'twitter']),
};

export const Enterprise: Story = {
  parameters: {
    tenant: organizationWith([
      c.oktaAcme,
      c.contosoEntra,
      c.googleWorkspace,
      c.adfsInitech,
      c.pingUmbrella,
      c.samlUmbrella,
      c.oidcMarkup,
    ]),
  },
  play: ({ canvasElement }) =>
    expectLogos(canvasElement, ['okta', 'waad', 'google-apps', 'adfs', 'pingfederate', 'samlp', 'oidc']),
};

export const Passwordless: Story = {
  parameters: { tenant: organizationWith([c.emailPasswordless, c.smsPasswordless]) },
  play: ({ canvasElement }) => expectLogos(canvasElement, ['email', 'sms']),
};

/** The add dialog's picker: each tenant connection with its logo beside its name. */
export const Picker: Story = {
  render: () => <AddConnectionDialog organizationId={organizationId} />,
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: messages.addConnection }));
    const body = within(canvasElement.ownerDocument.body);
    const listbox = await body.findByRole('listbox');
    await waitFor(() => expect(within(listbox).getAllByRole('option').length).toBeGreaterThan(3));
    for (const option of within(listbox).getAllByRole('option')) {
      const logo = option.querySelector('svg[data-slot="logo"]');
      await expect(logo).toHaveAttribute('aria-hidden', 'true');
    }
  },
};

import { CONNECTION_KINDS } from '@org-connections/core';
import { render, screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { createTestClients, serveFakeTenant } from '../test/fake-tenant';
import { OrgConnectionsList } from './components/org-connections-list';
import { OrgConnectionsProvider } from './components/org-connections-provider';
import { connectionIcons, type OrgConnectionsIcons } from './icons';

const server = setupServer();
serveFakeTenant(server);

/** The strategies issue 22 names: Google, Microsoft / Entra ID, GitHub, Apple, LinkedIn, Facebook, X, Okta, Ping, ADFS,
 * Google Workspace, SAML, OIDC, database, email and SMS passwordless. */
const STRATEGIES = [
  'google-oauth2',
  'waad',
  'windowslive',
  'github',
  'apple',
  'linkedin',
  'facebook',
  'twitter',
  'okta',
  'pingfederate',
  'adfs',
  'google-apps',
  'samlp',
  'oidc',
  'auth0',
  'email',
  'sms',
];

function renderList(icons?: OrgConnectionsIcons) {
  const { queryClient, api } = createTestClients();
  return render(
    <OrgConnectionsProvider api={api} queryClient={queryClient} icons={icons}>
      <OrgConnectionsList organizationId="org_AcmeCorp00000001" view="tenant-admin" />
    </OrgConnectionsProvider>,
  );
}

describe('@org-connections/react/icons', () => {
  it('has a logo for every common strategy, and one for every kind', () => {
    for (const strategy of STRATEGIES) expect(connectionIcons.strategies?.[strategy]?.path).toMatch(/^M[\d.\s-]/);
    for (const kind of CONNECTION_KINDS) expect(connectionIcons.kinds?.[kind]?.path).toMatch(/^M[\d.\s-]/);
  });

  it('draws a logo before each row’s name, hidden from screen readers, only when the provider is given icons', async () => {
    const { container, unmount } = renderList();
    await screen.findByText('Sign in with Google');
    expect(container.querySelector('svg')).toBeNull();
    unmount();

    const { container: withIcons } = renderList(connectionIcons);
    const name = await screen.findByText('Sign in with Google');
    const header = name.closest('[data-slot="row-header"]') as HTMLElement;
    const logo = header.querySelector('svg[data-slot="logo"]');
    expect(logo).toHaveAttribute('aria-hidden', 'true');
    expect(logo?.querySelector('path')).toHaveAttribute('d', connectionIcons.strategies?.['google-oauth2']?.path);
    expect(withIcons.querySelectorAll('[data-slot="row"]').length).toBe(
      withIcons.querySelectorAll('[data-slot="row-header"] > svg[data-slot="logo"]').length,
    );
    // The row's settings are still named by the connection's name alone.
    expect(within(name.closest('[data-slot="row"]') as HTMLElement).getByRole('group')).toHaveAccessibleName(
      'Sign in with Google',
    );
  });
});

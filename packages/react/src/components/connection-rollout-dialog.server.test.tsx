import { createManagementApiClient, serverRollouts } from '@org-connections/core';
import { createOrgConnectionsHandler, type OrgConnectionsHandler } from '@org-connections/server';
import {
  createFakeFetch,
  createFakeTenant,
  createSeedTenantData,
  type FakeOrganizationConnection,
  type FakeTenant,
  generateOrganizations,
  seedIds,
} from '@org-connections/testing';
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { messageFormat } from '../i18n/message-format';
import { defaultRolloutMessages as words } from '../i18n/rollout-messages';
import { ConnectionRolloutDialog } from './connection-rollout-dialog';
import { OrgConnectionsProvider } from './org-connections-provider';

/*
 * Integration: the rollout dialog on a page whose client points at @org-connections/server's handler, in front of the
 * fake tenant with generated organizations. Nothing of ours is replaced: the page's client, the handler's rollout
 * engine and the tenant each do what they do in production.
 */

const CONNECTION = seedIds.connections.google;
const BASE = 'https://app.test/api/org-connections';
const CLIENT = { clientId: 'rollout-m2m-client', clientSecret: 'rollout-client-secret' };
const format = messageFormat(undefined);

/** 40 organizations: every tenth has the connection already, every seventh (not tenth) is at the 10-connection limit. */
function tenantWithOrganizations(): FakeTenant {
  const data = createSeedTenantData();
  data.organizations = generateOrganizations(40, { seed: 40 });
  data.organizationConnections = {};
  const others = data.connections.filter(({ id }) => id !== CONNECTION).slice(0, 10);
  const record = (connectionId: string): FakeOrganizationConnection => ({
    connection_id: connectionId,
    organization_access_level: 'none',
    is_enabled: true,
    assign_membership_on_login: false,
    is_signup_enabled: false,
    show_as_button: true,
  });
  data.organizations.forEach(({ id }, index) => {
    data.organizationConnections[id] =
      index % 10 === 0 ? [record(CONNECTION)] : index % 7 === 0 ? others.map((other) => record(other.id)) : [];
  });
  return createFakeTenant({ data, clients: [CLIENT], rateLimits: false });
}

let tenant: FakeTenant;
let handler: OrgConnectionsHandler;
beforeEach(() => {
  tenant = tenantWithOrganizations();
  handler = createOrgConnectionsHandler({
    domain: 'fake-tenant.test',
    ...CLIENT,
    basePath: '/api/org-connections',
    fetch: createFakeFetch(tenant),
    authorize: () => ({ view: 'tenant-admin', actor: 'user|staff' }),
    limits: { perActor: false, perOrganization: false },
  });
});

function renderPage() {
  const api = createManagementApiClient({
    baseUrl: BASE,
    rollouts: serverRollouts,
    fetch: (input, init) => {
      // What a browser adds to the page's own requests (the handler refuses a write from another site).
      const headers = new Headers(init.headers);
      headers.set('origin', new URL(BASE).origin);
      return handler(new Request(input, { ...init, headers }));
    },
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <OrgConnectionsProvider api={api} queryClient={queryClient}>
      <ConnectionRolloutDialog connectionId={CONNECTION} defaultOpen pollInterval={500} />
    </OrgConnectionsProvider>,
  );
}

/** The Management API writes Auth0 received (the token request aside). */
const writes = () =>
  tenant.requests.filter(
    (request) => request.api === 'management' && (request.method === 'POST' || request.method === 'PATCH'),
  );

describe('ConnectionRolloutDialog through @org-connections/server', () => {
  it('previews the exact counts with no write, then rolls out to every organization and ends with the same counts', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: words.rolloutPreview }));
    // 40 organizations: 4 have it (0, 10, 20, 30), 5 are full (7, 14, 21, 28, 35), 31 get it.
    const preview = `${words.rolloutPreviewResult(31, 5, format)} ${words.rolloutPreviewAlreadyEnabled(4, format)}`;
    expect(await screen.findByText(preview)).toBeInTheDocument();
    expect(writes()).toEqual([]);

    await user.click(screen.getByRole('button', { name: words.rolloutStart }));
    expect(await screen.findByRole('progressbar', { name: words.rolloutProgressLabel })).toBeInTheDocument();
    expect(await screen.findByText(words.rolloutStatusDone, {}, { timeout: 15_000 })).toBeInTheDocument();
    const bar = screen.getByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuenow', '40');
    expect(bar).toHaveAttribute('aria-valuemax', '40');
    const counts = screen.getByRole('dialog').querySelector('[data-slot="rollout-counts"]') as HTMLElement;
    const count = (field: string) =>
      within(counts).getByText(
        (_, element) =>
          element?.closest('[data-count]')?.getAttribute('data-count') === field && element.tagName === 'DD',
      );
    expect(count('added')).toHaveTextContent('31');
    expect(count('skippedEnabled')).toHaveTextContent('4');
    expect(count('skippedLimit')).toHaveTextContent('5');
    expect(count('failed')).toHaveTextContent('0');
    // One add per organization, none sent twice (Auth0's 409 says "already enabled" or "at the limit"), and now every
    // organization but the 5 full ones has the connection.
    const adds = writes().filter((request) => request.method === 'POST');
    expect(adds).toHaveLength(40);
    expect(new Set(adds.map((request) => request.path)).size).toBe(40);
    const withIt = tenant
      .listOrganizations()
      .filter(({ id }) => tenant.listOrganizationConnections(id).some((c) => c.connection_id === CONNECTION));
    expect(withIt).toHaveLength(35);
    await waitFor(() => expect(screen.getByRole('button', { name: words.rolloutNew })).toBeInTheDocument());
  }, 30_000);
});

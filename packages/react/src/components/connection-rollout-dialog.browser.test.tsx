import { createManagementApiClient, serverRollouts } from '@org-connections/core';
import { createOrgConnectionsHandler } from '@org-connections/server';
import {
  AUTH0_ORGANIZATION_CONNECTION_WRITE_LIMITS,
  createFakeFetch,
  createLargeTenant,
  seedIds,
} from '@org-connections/testing';
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { defaultRolloutMessages as words } from '../i18n/rollout-messages';
import { ConnectionRolloutDialog } from './connection-rollout-dialog';
import { OrgConnectionsProvider } from './org-connections-provider';
import '../styles.css';

const BASE = 'https://app.test/api/org-connections';
const UPSTREAM = 'https://fake-tenant.test/api/v2';

/**
 * The page's client calls @org-connections/server's handler (run in the page) in front of a fake tenant of 300
 * generated organizations, paced under Auth0's Essentials limit (25 organization connection writes a minute).
 */
function renderPage() {
  const tenant = createLargeTenant({
    connections: 0,
    organizations: 300,
    rateLimits: { 'management-organization-connection-write': AUTH0_ORGANIZATION_CONNECTION_WRITE_LIMITS.essentials },
  });
  const handler = createOrgConnectionsHandler({
    domain: 'fake-tenant.test',
    basePath: '/api/org-connections',
    managementBaseUrl: UPSTREAM,
    fetch: createFakeFetch(tenant, { managementBaseUrl: UPSTREAM }),
    getManagementToken: () => tenant.defaultToken,
    authorize: () => ({ view: 'tenant-admin', actor: 'user|staff' }),
    limits: { perActor: false, perOrganization: false },
  });
  const api = createManagementApiClient({
    baseUrl: BASE,
    rollouts: serverRollouts,
    fetch: (input, init) => {
      // As the server receives the page's own requests: a page cannot set `Sec-Fetch-Site` (the browser's network
      // layer adds it), and the handler refuses a write without it or a same-site origin.
      const request = new Request(input, init);
      const headers = new Headers(request.headers);
      headers.set('sec-fetch-site', 'same-origin');
      return handler(Object.defineProperty(request, 'headers', { value: headers }));
    },
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <OrgConnectionsProvider api={api} queryClient={queryClient}>
      <main>
        <ConnectionRolloutDialog connectionId={seedIds.connections.google} pollInterval={500} />
      </main>
    </OrgConnectionsProvider>,
  );
  return { tenant, queryClient };
}

describe('ConnectionRolloutDialog in a real browser', () => {
  it('is operated by keyboard alone: open, preview, start, pause, close, and open again onto the same rollout', async () => {
    const { queryClient } = renderPage();
    const trigger = screen.getByRole('button', { name: words.rolloutButton });
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    await screen.findByRole('radio', { name: words.rolloutAllOrganizations });

    // Tab to Preview (focus stays inside the dialog on the way) and press it.
    const preview = screen.getByRole('button', { name: words.rolloutPreview });
    for (let step = 0; step < 30 && document.activeElement !== preview; step++) {
      await userEvent.keyboard('{Tab}');
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    expect(preview).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    // The dry run runs on the server and is read until it is done; the keyboard stays on the button all along.
    await waitFor(
      () => expect(dialog.querySelector('[data-slot="rollout-preview"]')).toHaveAttribute('data-state', 'done'),
      { timeout: 10_000 },
    );
    expect(preview).toHaveFocus();
    expect(preview).toHaveTextContent(words.rolloutPreview);

    await userEvent.keyboard('{Tab}');
    expect(screen.getByRole('button', { name: words.rolloutStart })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    // The progress takes the keyboard: its status has focus.
    const bar = await screen.findByRole('progressbar', { name: words.rolloutProgressLabel });
    await waitFor(() => expect(screen.getByText(words.rolloutStatusRunning)).toHaveFocus());
    await waitFor(() => expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0), { timeout: 10_000 });
    expect((await axe.run(dialog)).violations).toEqual([]);

    const pause = screen.getByRole('button', { name: words.rolloutPause });
    for (let step = 0; step < 10 && document.activeElement !== pause; step++) await userEvent.keyboard('{Tab}');
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText(words.rolloutStatusPaused)).toBeInTheDocument();
    // Pause became Resume in place: the keyboard is still on it.
    expect(screen.getByRole('button', { name: words.rolloutResume })).toHaveFocus();

    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(trigger).toHaveFocus();
    // A new page's cache (a reload): opening again finds the paused rollout, and cancel ends it.
    queryClient.clear();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText(words.rolloutStatusPaused)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: words.rolloutCancel }));
    expect(await screen.findByText(words.rolloutStatusCancelled)).toBeInTheDocument();
  }, 30_000);
});

import { createMyOrganizationApiClient, type OrgConnectionsApi, serverRollouts } from '@org-connections/core';
import { createFakeFetch, type FakeTenant, seedIds } from '@org-connections/testing';
import type { QueryClient } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { setupServer } from 'msw/node';
import { beforeEach, describe, expect, it } from 'vitest';
import { BASE_URL, createTestClients, serveFakeTenant } from '../../test/fake-tenant';
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoMessages, unmarkedTexts } from '../../test/pseudo-messages';
import { createRolloutRoutes } from '../../test/rollout-routes';
import { messageFormat } from '../i18n/message-format';
import { defaultMessages as messages } from '../i18n/messages';
import { type ConnectionRolloutMessages, defaultRolloutMessages } from '../i18n/rollout-messages';
import { messages as de } from '../locales/de';
import { messages as deRollout } from '../locales/de/rollout';
import { ConnectionRolloutDialog } from './connection-rollout-dialog';
import { OrgConnectionsProvider } from './org-connections-provider';

const words = defaultRolloutMessages;
const { google, usernamePassword } = seedIds.connections;
const { acme, globex } = seedIds.organizations;
const server = setupServer();
const format = messageFormat(undefined);
let tenant: FakeTenant;
let routes: ReturnType<typeof createRolloutRoutes>;

serveFakeTenant(server, (created) => {
  tenant = created;
});
beforeEach(() => {
  routes = createRolloutRoutes(BASE_URL);
  server.use(...routes.handlers);
});

function renderDialog(
  options: { api?: OrgConnectionsApi; queryClient?: QueryClient; connectionId?: string; locale?: string } = {},
) {
  const clients = createTestClients({ rollouts: serverRollouts });
  return render(
    <OrgConnectionsProvider
      api={options.api ?? clients.api}
      queryClient={options.queryClient ?? clients.queryClient}
      locale={options.locale}
      messages={options.locale === 'de' ? { ...de, ...deRollout } : undefined}
    >
      <ConnectionRolloutDialog connectionId={options.connectionId ?? google} defaultOpen pollInterval={500} />
    </OrgConnectionsProvider>,
  );
}

const dialog = () => screen.getByRole('dialog');
const rolloutRequests = (method: string) => routes.requests.filter((request) => request.method === method);
const startRequests = () => rolloutRequests('POST').filter((request) => request.path.endsWith('/rollouts'));

async function openSettings() {
  renderDialog();
  await screen.findByRole('radio', { name: words.rolloutAllOrganizations });
}

describe('ConnectionRolloutDialog: the settings and the dry run', () => {
  it('previews a rollout to listed organizations: the counts, and nothing started', async () => {
    const user = userEvent.setup();
    await openSettings();
    expect(screen.getByRole('heading', { name: words.rolloutTitle('Google') })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: words.rolloutListedOrganizations }));
    await user.type(screen.getByRole('textbox', { name: words.rolloutOrganizationIds }), `${acme}\n${globex}, `);
    await user.click(screen.getByRole('radio', { name: words.rolloutIfEnabledUpdate }));
    await user.click(screen.getByRole('button', { name: words.rolloutPreview }));

    const expected = `${words.rolloutPreviewResult(4812, 37, format)} ${words.rolloutPreviewAlreadyEnabled(12, format)}`;
    await waitFor(() => expect(within(dialog()).getAllByRole('status').at(-1)).toHaveTextContent(expected));
    expect(screen.getByText(/4,812 organizations will get it, 37 are at their limit\./)).toBeInTheDocument();
    expect(startRequests()).toEqual([
      {
        method: 'POST',
        path: '/api/v2/rollouts',
        body: {
          connection_id: google,
          organizations: [acme, globex],
          if_enabled: 'update',
          // The add dialog's settings for a social connection, as the add body's wire fields.
          settings: expect.objectContaining({ is_enabled: true, organization_access_level: expect.any(String) }),
          dry_run: true,
        },
      },
    ]);
    expect(routes.rollouts).toEqual([]);
  });

  it('words the preview in German with German numbers', async () => {
    const user = userEvent.setup();
    renderDialog({ locale: 'de' });
    await user.click(await screen.findByRole('button', { name: deRollout.rolloutPreview }));
    expect(await screen.findByText(/4\.812 Organisationen erhalten sie, 37 haben ihr Limit erreicht\./)).toBeVisible();
  });

  it('refuses an empty list of organizations before any request, says why next to the field, and keeps the input', async () => {
    const user = userEvent.setup();
    await openSettings();
    await user.click(screen.getByRole('radio', { name: words.rolloutListedOrganizations }));
    await user.click(screen.getByRole('button', { name: words.rolloutStart }));
    const field = screen.getByRole('textbox', { name: words.rolloutOrganizationIds });
    expect(field).toHaveAccessibleDescription(words.rolloutOrganizationsEmpty);
    expect(field).toHaveFocus();
    await user.type(field, `${acme} ${acme}`);
    await user.click(screen.getByRole('button', { name: words.rolloutPreview }));
    expect(field).toHaveAccessibleDescription(words.rolloutOrganizationDuplicate);
    expect(field).toHaveValue(`${acme} ${acme}`);
    expect(routes.requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('a refused start says why and loses nothing: the settings stay as they were', async () => {
    const user = userEvent.setup();
    await openSettings();
    await user.click(screen.getByRole('radio', { name: words.rolloutIfEnabledUpdate }));
    routes.failNext = { status: 500, body: { statusCode: 500, message: 'Internal Server Error' } };
    await user.click(screen.getByRole('button', { name: words.rolloutStart }));
    expect(await screen.findByRole('alert')).toHaveTextContent(messages.errorServer);
    expect(screen.getByRole('radio', { name: words.rolloutIfEnabledUpdate })).toBeChecked();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    // The same click again starts it.
    await user.click(screen.getByRole('button', { name: words.rolloutStart }));
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(startRequests().map((request) => request.body)).toEqual([
      expect.objectContaining({ if_enabled: 'update' }),
      expect.objectContaining({ if_enabled: 'update' }),
    ]);
  });
});

describe('ConnectionRolloutDialog: the preview is a dry run on the server, with its progress', () => {
  const controls = () => rolloutRequests('POST').filter((request) => /\/rollouts\/[^/]+\/\w+$/.test(request.path));

  it('shows "Checked N of M organizations" as the dry run moves, then the counts; the keyboard stays on its button', async () => {
    const user = userEvent.setup();
    routes.previewReads = 0;
    await openSettings();
    const previewButton = screen.getByRole('button', { name: words.rolloutPreview });
    await user.click(previewButton);
    const bar = await screen.findByRole('progressbar', { name: words.rolloutPreviewProgressLabel });
    expect(bar).toHaveAttribute('aria-valuemax', '4861');
    expect(bar).toHaveAttribute('aria-valuetext', words.rolloutPreviewProgress(0, 4861, format));
    // The same button stops it while it runs.
    await waitFor(() => expect(previewButton).toHaveTextContent(words.rolloutPreviewStop));
    expect(previewButton).not.toHaveAttribute('aria-disabled', 'true');
    const [dryRun] = routes.dryRuns;
    expect(dryRun).toMatchObject({ connection_id: google, dry_run: true, status: 'running' });

    routes.update(dryRun?.id ?? '', { counts: { added: 1990, skipped_limit: 10, pending: 2861 } });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '2000'), { timeout: 3000 });
    expect(screen.getByText('Checked 2,000 of 4,861 organizations')).toBeInTheDocument();

    routes.update(dryRun?.id ?? '', { status: 'done', counts: { ...routes.preview, pending: 0 } });
    const expected = `${words.rolloutPreviewResult(4812, 37, format)} ${words.rolloutPreviewAlreadyEnabled(12, format)}`;
    await waitFor(() => expect(within(dialog()).getAllByRole('status').at(-1)).toHaveTextContent(expected), {
      timeout: 3000,
    });
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(previewButton).toHaveTextContent(words.rolloutPreview);
    expect(previewButton).toHaveFocus();
    // Nothing started, nothing listed as a rollout, nothing cancelled.
    expect(routes.rollouts).toEqual([]);
    expect(controls()).toEqual([]);
  });

  it('Stop preview (the same button, by keyboard) cancels the dry run on the server; the focus stays on it', async () => {
    const user = userEvent.setup();
    routes.previewReads = 0;
    await openSettings();
    await user.click(screen.getByRole('button', { name: words.rolloutPreview }));
    await screen.findByRole('progressbar', { name: words.rolloutPreviewProgressLabel });
    const stop = await screen.findByRole('button', { name: words.rolloutPreviewStop });
    stop.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByRole('progressbar')).not.toBeInTheDocument());
    // The cancel is sent as the dry run leaves the screen.
    await waitFor(() => expect(routes.dryRuns[0]?.status).toBe('cancelled'));
    expect(controls().map((request) => request.path)).toEqual([`/api/v2/rollouts/${routes.dryRuns[0]?.id}/cancel`]);
    expect(screen.getByRole('button', { name: words.rolloutPreview })).toHaveFocus();
    expect(screen.queryByRole('button', { name: words.rolloutPreviewStop })).not.toBeInTheDocument();
  });

  it('a change to the settings, or closing the dialog, stops the dry run that counted the old ones', async () => {
    const user = userEvent.setup();
    routes.previewReads = 0;
    await openSettings();
    await user.click(screen.getByRole('button', { name: words.rolloutPreview }));
    await screen.findByRole('progressbar', { name: words.rolloutPreviewProgressLabel });
    await user.click(screen.getByRole('radio', { name: words.rolloutIfEnabledUpdate }));
    await waitFor(() => expect(routes.dryRuns[0]?.status).toBe('cancelled'));
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: words.rolloutPreview }));
    await screen.findByRole('progressbar', { name: words.rolloutPreviewProgressLabel });
    expect(routes.dryRuns[0]?.if_enabled).toBe('update');
    await user.click(screen.getByRole('button', { name: messages.cancel }));
    await waitFor(() => expect(routes.dryRuns[0]?.status).toBe('cancelled'));
    expect(routes.dryRuns.map((dryRun) => dryRun.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('a preview that could not start says why, and Preview runs it again', async () => {
    const user = userEvent.setup();
    await openSettings();
    routes.failNext = { status: 503, body: { statusCode: 503, message: 'Service Unavailable' } };
    await user.click(screen.getByRole('button', { name: words.rolloutPreview }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(words.rolloutPreviewFailed);
    expect(alert).toHaveTextContent(messages.errorServer);
    await user.click(screen.getByRole('button', { name: words.rolloutPreview }));
    await screen.findByText(words.rolloutPreviewResult(4812, 37, format), { exact: false });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(startRequests().map((request) => request.body)).toEqual([
      expect.objectContaining({ dry_run: true }),
      expect.objectContaining({ dry_run: true }),
    ]);
  });

  it('a failed read of a running dry run keeps its progress and Stop, says why, and the next read clears it', async () => {
    const user = userEvent.setup();
    routes.previewReads = 0;
    await openSettings();
    await user.click(screen.getByRole('button', { name: words.rolloutPreview }));
    const bar = await screen.findByRole('progressbar', { name: words.rolloutPreviewProgressLabel });
    const id = routes.dryRuns[0]?.id ?? '';
    routes.update(id, { counts: { added: 1990, skipped_limit: 10, pending: 2861 } });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '2000'), { timeout: 3000 });
    routes.failedReads = 1;
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert).toHaveTextContent(messages.errorServer);
    expect(alert).not.toHaveTextContent(words.rolloutPreviewFailed);
    // It goes on on the server: the progress and Stop stay, and nothing runs it again.
    expect(bar).toBeInTheDocument();
    expect(bar).toHaveAttribute('aria-valuenow', '2000');
    expect(screen.getByRole('button', { name: words.rolloutPreviewStop })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument(), { timeout: 3000 });
    routes.update(id, { status: 'done', counts: { ...routes.preview, pending: 0 } });
    await screen.findByText(words.rolloutPreviewResult(4812, 37, format), { exact: false }, { timeout: 3000 });
    expect(routes.dryRuns).toHaveLength(1);
    expect(controls()).toEqual([]);
  });

  it('a dry run that stopped on its own (Auth0 refused the walk) says why; Preview runs a new one', async () => {
    const user = userEvent.setup();
    routes.previewReads = 0;
    await openSettings();
    await user.click(screen.getByRole('button', { name: words.rolloutPreview }));
    await screen.findByRole('progressbar', { name: words.rolloutPreviewProgressLabel });
    routes.update(routes.dryRuns[0]?.id ?? '', {
      status: 'paused',
      paused_reason: { kind: 'forbidden', code: 'insufficient_scope', status: 403 },
    });
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert).toHaveTextContent(words.rolloutPreviewFailed);
    expect(alert).toHaveTextContent(messages.errorForbidden([], format));
    routes.previewReads = 1;
    await user.click(screen.getByRole('button', { name: words.rolloutPreview }));
    await screen.findByText(words.rolloutPreviewResult(4812, 37, format), { exact: false });
    expect(routes.dryRuns).toHaveLength(2);
  });

  it('a dry run listed among the rollouts (a server that should not) is not picked up as the running rollout', async () => {
    routes.add({ connection_id: google, dry_run: true });
    await openSettings();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: words.rolloutStart })).toBeInTheDocument();
  });

  it('has no axe violations while the dry run runs, and after it failed', async () => {
    const user = userEvent.setup();
    routes.previewReads = 0;
    await openSettings();
    await user.click(screen.getByRole('button', { name: words.rolloutPreview }));
    await screen.findByRole('progressbar', { name: words.rolloutPreviewProgressLabel });
    expect(await axe.run(dialog())).toHaveProperty('violations', []);
    routes.update(routes.dryRuns[0]?.id ?? '', { status: 'paused', paused_reason: { kind: 'server', status: 503 } });
    await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(await axe.run(dialog())).toHaveProperty('violations', []);
  });
});

describe('ConnectionRolloutDialog: a running rollout', () => {
  it('starts, then shows the progress as the server reports it: value, rate and time left', async () => {
    const user = userEvent.setup();
    await openSettings();
    await user.click(screen.getByRole('button', { name: words.rolloutStart }));
    const bar = await screen.findByRole('progressbar', { name: words.rolloutProgressLabel });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '4861');
    expect(screen.getByText(words.rolloutStatusRunning)).toBeInTheDocument();
    const [started] = routes.rollouts;
    expect(started).toMatchObject({ connection_id: google, organizations: 'all', if_enabled: 'skip' });

    routes.update(started?.id ?? '', {
      counts: { added: 1500, skipped_limit: 20, failed: 0, pending: 3341 },
      rate_per_minute: 150,
    });
    // Read again while it runs (every 500 ms here).
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '1520'), { timeout: 3000 });
    expect(bar).toHaveAttribute('aria-valuetext', words.rolloutProgress(1520, 4861, format));
    const details = screen.getByText(words.rolloutProgress(1520, 4861, format), { exact: false });
    expect(details).toHaveTextContent(words.rolloutRate(150, format));
    // 3,341 left at 150 a minute: about 22 minutes.
    expect(details).toHaveTextContent(words.rolloutTimeLeft('22 minutes'));
  });

  it('pauses, resumes and cancels with one request each, and says the status', async () => {
    const user = userEvent.setup();
    const running = routes.add({ connection_id: google });
    renderDialog();
    await user.click(await screen.findByRole('button', { name: words.rolloutPause }));
    expect(await screen.findByText(words.rolloutStatusPaused)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: words.rolloutResume }));
    expect(await screen.findByText(words.rolloutStatusRunning)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: words.rolloutCancel }));
    expect(await screen.findByText(words.rolloutStatusCancelled)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: words.rolloutPause })).not.toBeInTheDocument();
    expect(rolloutRequests('POST').map((request) => request.path)).toEqual([
      `/api/v2/rollouts/${running.id}/pause`,
      `/api/v2/rollouts/${running.id}/resume`,
      `/api/v2/rollouts/${running.id}/cancel`,
    ]);
  });

  it('lists the failed organizations with their reasons, and "Retry failed" sends them again', async () => {
    const user = userEvent.setup();
    const finished = routes.add({
      connection_id: google,
      status: 'done',
      counts: { added: 4800, updated: 0, skipped_enabled: 12, skipped_limit: 37, failed: 2, pending: 0 },
      failures: [
        {
          organization_id: 'org_<b>hostile</b>',
          error: { kind: 'forbidden', code: 'insufficient_scope', status: 403 },
        },
        { organization_id: 'org_2', error: { kind: 'rate_limited', status: 429 } },
      ],
    });
    // A finished rollout is not picked up on its own; here the server still calls it running until it is read.
    routes.update(finished.id, { status: 'running' });
    renderDialog();
    await screen.findByRole('progressbar');
    routes.update(finished.id, { status: 'done' });
    expect(await screen.findByText(words.rolloutStatusDone, {}, { timeout: 3000 })).toBeInTheDocument();
    const failures = screen.getByRole('region', { name: words.rolloutFailuresTitle(2, format) });
    const items = within(failures).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(`org_<b>hostile</b> ${messages.errorForbidden([], format)}`);
    expect(items[0]?.querySelector('b')).toBeNull();
    expect(items[1]).toHaveTextContent(`org_2 ${messages.errorRateLimited(undefined)}`);

    await user.click(screen.getByRole('button', { name: words.rolloutRetryFailed }));
    expect(await screen.findByText(words.rolloutStatusRunning)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: words.rolloutFailuresTitle(2, format) })).not.toBeInTheDocument();
    expect(rolloutRequests('POST').map((request) => request.path)).toEqual([`/api/v2/rollouts/${finished.id}/retry`]);
  });

  it('a failed control says why and keeps the rollout on screen', async () => {
    const user = userEvent.setup();
    routes.add({ connection_id: google });
    renderDialog();
    routes.failNext = { status: 403, body: { statusCode: 403, message: 'Forbidden', errorCode: 'not_allowed' } };
    await user.click(await screen.findByRole('button', { name: words.rolloutPause }));
    expect(await screen.findByRole('alert')).toHaveTextContent(messages.errorNotAllowed);
    expect(screen.getByText(words.rolloutStatusRunning)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: words.rolloutPause })).toBeEnabled();
  });

  it('a control the rollout no longer allows (it ended meanwhile) says so and shows where it stands', async () => {
    const user = userEvent.setup();
    const running = routes.add({ connection_id: google });
    renderDialog();
    const pause = await screen.findByRole('button', { name: words.rolloutPause });
    routes.update(running.id, { status: 'done', counts: { added: 4861, pending: 0 } });
    routes.failNext = {
      status: 409,
      body: {
        statusCode: 409,
        message: 'The rollout cannot pause in its present state.',
        errorCode: 'rollout_state_conflict',
      },
    };
    await user.click(pause);
    expect(await screen.findByRole('alert')).toHaveTextContent(words.rolloutControlConflict);
    expect(await screen.findByText(words.rolloutStatusDone)).toBeInTheDocument();
  });

  it('reads a running rollout again, and a paused one no more', async () => {
    const user = userEvent.setup();
    const running = routes.add({ connection_id: google });
    renderDialog();
    const reads = () => rolloutRequests('GET').filter((request) => request.path.endsWith(running.id)).length;
    await screen.findByRole('progressbar');
    const before = reads();
    await waitFor(() => expect(reads()).toBeGreaterThan(before), { timeout: 3000 });
    await user.click(screen.getByRole('button', { name: words.rolloutPause }));
    await screen.findByText(words.rolloutStatusPaused);
    const paused = reads();
    // Three poll intervals (500 ms each here) later: no read.
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(reads()).toBe(paused);
  });

  it('says why a rollout paused on its own (Auth0 refused to list the organizations) beside the status', async () => {
    routes.add({
      connection_id: google,
      status: 'paused',
      paused_reason: { kind: 'forbidden', code: 'insufficient_scope', status: 403 },
      total: null,
    });
    renderDialog();
    await screen.findByRole('progressbar');
    const status = screen.getByText(words.rolloutStatusPaused, { exact: false });
    expect(status).toHaveTextContent(
      `${words.rolloutStatusPaused} ${words.rolloutPausedBecause(messages.errorForbidden([], format))}`,
    );
    expect(screen.getByRole('button', { name: words.rolloutResume })).toBeInTheDocument();
  });

  it('shows no reason for a paused rollout that was paused by hand', async () => {
    routes.add({ connection_id: google, status: 'paused', total: 10 });
    renderDialog();
    await screen.findByRole('progressbar');
    expect(screen.getByText(words.rolloutStatusPaused)).toHaveTextContent(/^Paused$/);
  });

  it("after a reload, picks up this connection's running rollout (not another connection's) without starting one", async () => {
    routes.add({ connection_id: usernamePassword });
    const mine = routes.add({
      connection_id: google,
      status: 'paused',
      counts: { added: 10, updated: 0, skipped_enabled: 0, skipped_limit: 0, failed: 0, pending: 90 },
      total: 100,
    });
    routes.add({ connection_id: usernamePassword });
    renderDialog();
    const bar = await screen.findByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuenow', '10');
    expect(screen.getByText(words.rolloutStatusPaused)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: words.rolloutResume })).toBeInTheDocument();
    expect(startRequests()).toEqual([]);
    expect(rolloutRequests('GET').map((request) => request.path)).toContain(`/api/v2/rollouts/${mine.id}`);
  });

  it('"New rollout" after the end goes back to the settings as they were', async () => {
    const user = userEvent.setup();
    await openSettings();
    await user.click(screen.getByRole('radio', { name: words.rolloutIfEnabledUpdate }));
    await user.click(screen.getByRole('button', { name: words.rolloutStart }));
    await screen.findByRole('progressbar');
    act(() => routes.update(routes.rollouts[0]?.id ?? '', { status: 'done', counts: { added: 4861, pending: 0 } }));
    await user.click(await screen.findByRole('button', { name: words.rolloutNew }, { timeout: 3000 }));
    expect(await screen.findByRole('radio', { name: words.rolloutIfEnabledUpdate })).toBeChecked();
  });
});

describe('ConnectionRolloutDialog: sources without rollouts', () => {
  it('says rollouts need the server package on the My Organization API, with no request', async () => {
    const api = createMyOrganizationApiClient({ baseUrl: 'https://tenant.test/my-org/v1', getAccessToken: () => 't' });
    renderDialog({ api });
    expect(await screen.findByText(words.rolloutUnsupported)).toBeInTheDocument();
    expect(routes.requests).toEqual([]);
    expect(await axe.run(document.body)).toHaveProperty('violations', []);
  });

  it('says so on a Management API client not given serverRollouts, with no request', async () => {
    const { api } = createTestClients();
    renderDialog({ api });
    expect(await screen.findByText(words.rolloutUnsupported)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: words.rolloutStart })).not.toBeInTheDocument();
    expect(routes.requests).toEqual([]);
  });

  it('says so too when given serverRollouts but pointed straight at Auth0, which answers 404 for the rollouts', async () => {
    const { api } = createTestClients({
      fetch: createFakeFetch(tenant, { managementBaseUrl: BASE_URL }),
      rollouts: serverRollouts,
    });
    renderDialog({ api });
    expect(await screen.findByText(words.rolloutUnsupported)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: words.rolloutStart })).not.toBeInTheDocument();
  });
});

describe('ConnectionRolloutDialog: in a pseudo-locale, every visible text comes from the messages', () => {
  const pseudoRollout = Object.fromEntries(
    Object.entries(defaultRolloutMessages).map(([key, message]) => [
      key,
      typeof message === 'function'
        ? (...args: never[]) => `${PSEUDO_OPEN}${(message as (...args: never[]) => string)(...args)}${PSEUDO_CLOSE}`
        : `${PSEUDO_OPEN}${message}${PSEUDO_CLOSE}`,
    ]),
  ) as unknown as ConnectionRolloutMessages;

  it('in the settings with a preview, and in the progress with failures', async () => {
    const user = userEvent.setup();
    const { api, queryClient } = createTestClients({ rollouts: serverRollouts });
    const view = render(
      <OrgConnectionsProvider
        api={api}
        queryClient={queryClient}
        locale="en-XA"
        messages={{ ...pseudoMessages, ...pseudoRollout }}
      >
        <ConnectionRolloutDialog connectionId={google} defaultOpen pollInterval={500} />
      </OrgConnectionsProvider>,
    );
    await user.click(await screen.findByRole('button', { name: pseudoRollout.rolloutPreview }));
    await screen.findByText(pseudoRollout.rolloutPreviewResult(4812, 37, messageFormat('en-XA')), { exact: false });
    expect(unmarkedTexts(document.body)).toEqual([]);
    view.unmount();

    routes.add({
      connection_id: google,
      status: 'paused',
      rate_per_minute: 25,
      failures: [{ organization_id: 'org_1', error: { kind: 'forbidden', status: 403 } }],
      counts: { added: 10, updated: 0, skipped_enabled: 0, skipped_limit: 0, failed: 1, pending: 89 },
      total: 100,
    });
    render(
      <OrgConnectionsProvider
        api={api}
        queryClient={createTestClients({ rollouts: serverRollouts }).queryClient}
        locale="en-XA"
        messages={{ ...pseudoMessages, ...pseudoRollout }}
      >
        <ConnectionRolloutDialog connectionId={google} defaultOpen pollInterval={500} />
      </OrgConnectionsProvider>,
    );
    await screen.findByRole('button', { name: pseudoRollout.rolloutRetryFailed });
    expect(unmarkedTexts(document.body)).toEqual([]);
  });
});

describe('ConnectionRolloutDialog: accessibility', () => {
  it('has no axe violations in the settings and in the progress', async () => {
    const user = userEvent.setup();
    await openSettings();
    expect(await axe.run(dialog())).toHaveProperty('violations', []);
    await user.click(screen.getByRole('button', { name: words.rolloutStart }));
    await screen.findByRole('progressbar');
    expect(await axe.run(dialog())).toHaveProperty('violations', []);
  });
});

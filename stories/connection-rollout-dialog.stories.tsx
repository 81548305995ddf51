import { ConnectionRolloutDialog } from '@org-connections/react';
import { createOrgConnectionsHandler } from '@org-connections/server';
import {
  AUTH0_ORGANIZATION_CONNECTION_WRITE_LIMITS,
  createFakeFetch,
  type FakeTenant,
  seedIds,
} from '@org-connections/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, HttpResponse, http } from 'msw';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { fakeTenantOf } from '../.storybook/fake-tenant-loader';
import {
  storyFormat as format,
  storyMessages as messages,
  storyRolloutMessages as words,
} from '../.storybook/story-locale';
import type { StoryBackend } from '../.storybook/story-parameters';
import { createRolloutRoutes } from '../packages/react/test/rollout-routes';

const CONNECTION = seedIds.connections.google;
/** Where the route finds Auth0: the story's fake tenant, in memory (`createFakeFetch`), never the network. */
const UPSTREAM = 'https://fake-tenant.test/api/v2';

/**
 * The host backend's route, as `@org-connections/server` builds it, run in the page by MSW: the tenant's staff is
 * signed in (`authorize`), and the route's rollouts read and write the story's fake tenant.
 */
const serverRoute: StoryBackend = ({ tenant, basePath }) =>
  createOrgConnectionsHandler({
    domain: 'fake-tenant.test',
    basePath,
    managementBaseUrl: UPSTREAM,
    fetch: createFakeFetch(tenant, { managementBaseUrl: UPSTREAM }),
    getManagementToken: () => tenant.defaultToken,
    authorize: () => ({ view: 'tenant-admin', actor: 'user|staff' }),
    limits: { perActor: false, perOrganization: false },
  });

/** 200 generated organizations besides the seed's: every tenth already has Google, every seventh is full. */
const ORGANIZATIONS = 200;
function organizationsInStates(tenant: FakeTenant) {
  const others = tenant
    .listConnections()
    .filter(({ id }) => id !== CONNECTION)
    .slice(0, 10);
  const record = (connectionId: string) => ({
    connection_id: connectionId,
    organization_access_level: 'none' as const,
    is_enabled: true,
    assign_membership_on_login: false,
    is_signup_enabled: false,
    show_as_button: true,
  });
  const seeded: readonly string[] = Object.values(seedIds.organizations);
  tenant
    .listOrganizations()
    .filter(({ id }) => !seeded.includes(id))
    .forEach(({ id }, index) => {
      if (index % 10 === 0) tenant.setOrganizationConnections(id, [record(CONNECTION)]);
      else if (index % 7 === 0)
        tenant.setOrganizationConnections(
          id,
          others.map(({ id: other }) => record(other)),
        );
    });
}

/**
 * `@org-connections/server`'s rollout routes answered from memory (the React tests' double), for the states a real
 * rollout passes through too quickly or too slowly to show: `setup` puts the rollouts the server holds before each
 * render.
 */
function rolloutsHeld(setup: (routes: ReturnType<typeof createRolloutRoutes>) => void) {
  const routes = createRolloutRoutes('*/api/v2');
  return {
    routes,
    parameters: { msw: { handlers: routes.handlers } },
    beforeEach: () => {
      routes.rollouts.length = 0;
      routes.dryRuns.length = 0;
      routes.requests.length = 0;
      routes.previewReads = 1;
      routes.failedReads = 0;
      setup(routes);
    },
  };
}

const meta = {
  title: 'ConnectionRolloutDialog',
  component: ConnectionRolloutDialog,
  args: { connectionId: CONNECTION, defaultOpen: true, pollInterval: 500 },
  parameters: {
    tenant: { connections: 0, organizations: ORGANIZATIONS, setup: organizationsInStates },
  },
} satisfies Meta<typeof ConnectionRolloutDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** What the tenant holds before the rollout: organizations with Google, organizations full (10 others), the rest. */
function organizationStates(tenant: FakeTenant) {
  const organizations = tenant.listOrganizations();
  const connectionsOf = (id: string) => tenant.listOrganizationConnections(id);
  const enabled = organizations.filter(({ id }) => connectionsOf(id).some((c) => c.connection_id === CONNECTION));
  const full = organizations.filter(
    ({ id }) => connectionsOf(id).length >= 10 && !connectionsOf(id).some((c) => c.connection_id === CONNECTION),
  );
  return {
    total: organizations.length,
    enabled: enabled.length,
    full: full.length,
    rest: organizations.length - enabled.length - full.length,
  };
}

const dialogOf = (canvasElement: HTMLElement) =>
  within(canvasElement.ownerDocument.body).findByRole('dialog', {}, { timeout: 5000 });

/** The settings: the add dialog's form, which organizations, and what to do where it is enabled; keyboard only. */
export const Settings: Story = {
  parameters: { client: { backend: serverRoute } },
  play: async ({ canvasElement }) => {
    const dialog = within(await dialogOf(canvasElement));
    const all = await dialog.findByRole('radio', { name: words.rolloutAllOrganizations }, { timeout: 5000 });
    await expect(all).toBeChecked();
    await expect(dialog.getByRole('switch', { name: messages.fieldIsEnabled })).toBeChecked();
    // The radio group by keyboard: focus the checked radio, arrow to the list, and type the IDs.
    all.focus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(dialog.getByRole('radio', { name: words.rolloutListedOrganizations })).toBeChecked();
    const ids = dialog.getByRole('textbox', { name: words.rolloutOrganizationIds });
    await userEvent.click(ids);
    await userEvent.keyboard(`${seedIds.organizations.acme}{Enter}${seedIds.organizations.globex}`);
    await expect(ids).toHaveValue(`${seedIds.organizations.acme}\n${seedIds.organizations.globex}`);
  },
};

/**
 * The dry run through the server package (a rollout that writes nothing, read as it runs): what the rollout would
 * do, nothing written to Auth0, and no rollout listed.
 */
export const DryRunPreview: Story = {
  parameters: { client: { backend: serverRoute } },
  play: async ({ canvasElement, ...context }) => {
    const { tenant } = fakeTenantOf(context);
    const dialog = within(await dialogOf(canvasElement));
    await userEvent.click(await dialog.findByRole('button', { name: words.rolloutPreview }, { timeout: 5000 }));
    const states = organizationStates(tenant);
    const preview = await dialog.findByText(words.rolloutPreviewResult(states.rest, states.full, format), {
      exact: false,
    });
    await expect(preview).toHaveTextContent(words.rolloutPreviewAlreadyEnabled(states.enabled, format));
    await expect(tenant.requests.filter((request) => request.api === 'management' && request.method !== 'GET')).toEqual(
      [],
    );
    await expect(dialog.queryByRole('progressbar')).not.toBeInTheDocument();
    await expect(dialog.getByRole('button', { name: words.rolloutStart })).toBeInTheDocument();
  },
};

const previewing = rolloutsHeld((routes) => {
  // Each dry run stays where the play function puts it.
  routes.previewReads = 0;
});

/** Starts the preview and moves its dry run to 2,000 of 4,861 organizations checked. */
async function previewHalfway(canvasElement: HTMLElement) {
  const dialog = within(await dialogOf(canvasElement));
  await userEvent.click(await dialog.findByRole('button', { name: words.rolloutPreview }, { timeout: 5000 }));
  const bar = await dialog.findByRole('progressbar', { name: words.rolloutPreviewProgressLabel }, { timeout: 5000 });
  // The bar shows from the click; the dry run exists once the server has the request.
  await waitFor(() => expect(previewing.routes.dryRuns).toHaveLength(1), { timeout: 5000 });
  const id = previewing.routes.dryRuns[0]?.id ?? '';
  previewing.routes.update(id, { counts: { added: 1990, skipped_limit: 10, pending: 2861 } });
  const text = words.rolloutPreviewProgress(2000, 4861, format);
  await waitFor(() => expect(bar).toHaveAttribute('aria-valuetext', text), { timeout: 5000 });
  return { dialog, bar, id, text };
}

/** A preview over thousands of organizations, as it runs: "Checked N of M organizations" and a way to stop it. */
export const PreviewInProgress: Story = {
  parameters: previewing.parameters,
  beforeEach: previewing.beforeEach,
  play: async ({ canvasElement }) => {
    const { dialog, bar, text } = await previewHalfway(canvasElement);
    await expect(bar).toHaveAttribute('aria-valuenow', '2000');
    await expect(dialog.getByText(text)).toBeVisible();
    await expect(await dialog.findByRole('button', { name: words.rolloutPreviewStop })).toBeVisible();
    await expect(previewing.routes.rollouts).toEqual([]);
  },
};

/** Stopped by keyboard: the dry run is cancelled on the server; the focus stays on the button, Preview again. */
export const PreviewStopped: Story = {
  parameters: previewing.parameters,
  beforeEach: previewing.beforeEach,
  play: async ({ canvasElement }) => {
    const { dialog, id } = await previewHalfway(canvasElement);
    (await dialog.findByRole('button', { name: words.rolloutPreviewStop }, { timeout: 5000 })).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(dialog.queryByRole('progressbar')).not.toBeInTheDocument(), { timeout: 5000 });
    // The cancel is sent as the dry run leaves the screen.
    await waitFor(() => expect(previewing.routes.find(id)?.status).toBe('cancelled'), { timeout: 5000 });
    await expect(dialog.getByRole('button', { name: words.rolloutPreview })).toHaveFocus();
  },
};

/**
 * The server cannot be read while the preview runs (the network dropped): the progress and Stop stay, an alert says
 * why, and the next read that answers clears it. Nothing starts a second dry run.
 */
export const PreviewReadFailing: Story = {
  parameters: previewing.parameters,
  beforeEach: previewing.beforeEach,
  play: async ({ canvasElement }) => {
    const { dialog, bar } = await previewHalfway(canvasElement);
    previewing.routes.failedReads = Number.POSITIVE_INFINITY;
    const alert = await dialog.findByRole('alert', {}, { timeout: 5000 });
    await expect(alert).toHaveTextContent(messages.errorServer);
    await expect(bar).toHaveAttribute('aria-valuenow', '2000');
    await expect(dialog.getByRole('button', { name: words.rolloutPreviewStop })).toBeVisible();
    await expect(previewing.routes.dryRuns).toHaveLength(1);
  },
};

/** The dry run stopped on its own (Auth0 refused to list the organizations): why, and Preview to run it again. */
export const PreviewFailed: Story = {
  parameters: previewing.parameters,
  beforeEach: previewing.beforeEach,
  play: async ({ canvasElement }) => {
    const { dialog, id } = await previewHalfway(canvasElement);
    previewing.routes.update(id, {
      status: 'paused',
      paused_reason: { kind: 'forbidden', code: 'insufficient_scope', status: 403 },
    });
    const alert = await dialog.findByRole('alert', {}, { timeout: 5000 });
    await expect(alert).toHaveTextContent(words.rolloutPreviewFailed);
    await expect(alert).toHaveTextContent(messages.errorForbidden([], format));
    await expect(dialog.getByRole('button', { name: words.rolloutPreview })).toBeVisible();
  },
};

/**
 * A rollout paced under Auth0's Essentials limit (25 organization connection writes a minute, half of it for the
 * rollout): started, paused, resumed and cancelled through the server package.
 */
export const RunningPauseResumeCancel: Story = {
  parameters: {
    client: { backend: serverRoute },
    tenant: {
      connections: 0,
      organizations: ORGANIZATIONS,
      setup: organizationsInStates,
      rateLimits: { 'management-organization-connection-write': AUTH0_ORGANIZATION_CONNECTION_WRITE_LIMITS.essentials },
    },
  },
  play: async ({ canvasElement, ...context }) => {
    const { total } = organizationStates(fakeTenantOf(context).tenant);
    const dialog = within(await dialogOf(canvasElement));
    await userEvent.click(await dialog.findByRole('button', { name: words.rolloutStart }, { timeout: 5000 }));
    const bar = await dialog.findByRole('progressbar', { name: words.rolloutProgressLabel }, { timeout: 5000 });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuemax', String(total)), { timeout: 5000 });
    await expect(dialog.getByText(words.rolloutStatusRunning)).toBeInTheDocument();
    await userEvent.click(dialog.getByRole('button', { name: words.rolloutPause }));
    await expect(await dialog.findByText(words.rolloutStatusPaused)).toBeInTheDocument();
    await userEvent.click(dialog.getByRole('button', { name: words.rolloutResume }));
    await expect(await dialog.findByText(words.rolloutStatusRunning)).toBeInTheDocument();
    await userEvent.click(dialog.getByRole('button', { name: words.rolloutCancel }));
    await expect(await dialog.findByText(words.rolloutStatusCancelled)).toBeInTheDocument();
    await expect(dialog.getByRole('button', { name: words.rolloutNew })).toBeInTheDocument();
  },
};

const picked = rolloutsHeld((routes) => {
  routes.add({
    connection_id: CONNECTION,
    counts: { added: 1500, updated: 0, skipped_enabled: 120, skipped_limit: 37, failed: 3, pending: 3201 },
    total: 4861,
    rate_per_minute: 75,
  });
});

/** A running rollout picked up again after a page reload: its progress, rate and time left, read while it runs. */
export const RunningAfterReload: Story = {
  parameters: picked.parameters,
  beforeEach: picked.beforeEach,
  play: async ({ canvasElement }) => {
    const dialog = within(await dialogOf(canvasElement));
    const bar = await dialog.findByRole('progressbar', {}, { timeout: 5000 });
    await expect(bar).toHaveAttribute('aria-valuenow', '1660');
    await expect(bar).toHaveAttribute('aria-valuetext', words.rolloutProgress(1660, 4861, format));
    await expect(dialog.getByText(words.rolloutRate(75, format), { exact: false })).toBeInTheDocument();
    await expect(dialog.getByRole('button', { name: words.rolloutPause })).toBeInTheDocument();
    await expect(picked.routes.requests.filter((request) => request.method === 'POST')).toEqual([]);
  },
};

const failed = rolloutsHeld((routes) => {
  routes.add({
    connection_id: CONNECTION,
    status: 'paused',
    counts: { added: 2400, updated: 0, skipped_enabled: 12, skipped_limit: 37, failed: 3, pending: 2400 },
    total: 4852,
    failures: [
      { organization_id: 'org_aurora4k2x', error: { kind: 'forbidden', code: 'insufficient_scope', status: 403 } },
      { organization_id: 'org_<img src=x onerror=alert(1)>', error: { kind: 'not_found', status: 404 } },
      { organization_id: 'org_zenith77', error: { kind: 'server', status: 503 } },
    ],
  });
});

/** Paused with failures: each organization with its reason (a hostile id as text), and "Retry failed". */
export const FailuresAndRetry: Story = {
  parameters: failed.parameters,
  beforeEach: failed.beforeEach,
  play: async ({ canvasElement }) => {
    const dialog = within(await dialogOf(canvasElement));
    const list = await dialog.findByRole('region', { name: words.rolloutFailuresTitle(3, format) }, { timeout: 5000 });
    const items = within(list).getAllByRole('listitem');
    await expect(items[0]).toHaveTextContent(messages.errorForbidden([], format));
    await expect(items[1]).toHaveTextContent('org_<img src=x onerror=alert(1)>');
    await expect(items[1]?.querySelector('img')).toBeNull();
    await expect(items[2]).toHaveTextContent(messages.errorServer);
    await userEvent.click(await dialog.findByRole('button', { name: words.rolloutRetryFailed }, { timeout: 5000 }));
    await expect(await dialog.findByText(words.rolloutStatusRunning)).toBeInTheDocument();
  },
};

/** On the My Organization API (or Auth0 without the server package, which answers 404): rollouts need the server. */
export const Unsupported: Story = {
  parameters: { client: { api: 'my-organization' } },
  play: async ({ canvasElement }) => {
    const dialog = within(await dialogOf(canvasElement));
    await expect(await dialog.findByText(words.rolloutUnsupported)).toBeInTheDocument();
    await expect(dialog.queryByRole('button', { name: words.rolloutStart })).not.toBeInTheDocument();
  },
};

/** While the rollouts are read. */
export const Loading: Story = {
  parameters: {
    msw: { handlers: [http.get('*/api/v2/rollouts', () => delay('infinite'))] },
  },
  play: async ({ canvasElement }) => {
    const dialog = within(await dialogOf(canvasElement));
    await expect(await dialog.findByRole('status')).toHaveTextContent(words.rolloutLoading);
  },
};

/** The server's rollout routes holding no rollout. */
const noRollouts = rolloutsHeld(() => {});

/**
 * A connection the tenant no longer has (one request finds that out): why, and Retry, and nothing to start. The
 * backend serves rollouts (none running); without them the dialog would say rollouts are unavailable instead.
 */
export const ConnectionNotFound: Story = {
  args: { connectionId: 'con_NoSuchConnection1' },
  parameters: noRollouts.parameters,
  beforeEach: noRollouts.beforeEach,
  play: async ({ canvasElement }) => {
    const dialog = within(await dialogOf(canvasElement));
    const alert = await dialog.findByRole('alert', {}, { timeout: 5000 });
    await expect(alert).toHaveTextContent(words.rolloutLoadError);
    await expect(alert).toHaveTextContent(messages.errorNotFound);
    await expect(dialog.getByRole('button', { name: messages.retry })).toBeInTheDocument();
    await expect(dialog.queryByRole('button', { name: words.rolloutStart })).not.toBeInTheDocument();
  },
};

/** The rollouts could not be read: why, and Retry (which reads them again). */
export const LoadError: Story = {
  parameters: {
    msw: {
      handlers: [
        http.get('*/api/v2/rollouts', () =>
          HttpResponse.json({ statusCode: 503, message: 'Service Unavailable' }, { status: 503 }),
        ),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const dialog = within(await dialogOf(canvasElement));
    const alert = await dialog.findByRole('alert', {}, { timeout: 5000 });
    await expect(alert).toHaveTextContent(words.rolloutLoadError);
    await expect(alert).toHaveTextContent(messages.errorServer);
    await expect(dialog.getByRole('button', { name: messages.retry })).toBeInTheDocument();
  },
};

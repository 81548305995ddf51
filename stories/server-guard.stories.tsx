import type { AccessPolicy } from '@org-connections/core';
import { OrgConnectionsList } from '@org-connections/react';
import { createOrgConnectionsHandler, type OrgConnectionsAuditEvent } from '@org-connections/server';
import { createFakeFetch, type FakeTenant, seedIds, seedNames } from '@org-connections/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { fakeTenantOf } from '../.storybook/fake-tenant-loader';
import { storyMessages as messages } from '../.storybook/story-locale';
import type { StoryBackend } from '../.storybook/story-parameters';
import { onlyConnections } from './fake-tenant-scenarios';
import { findList, findRow } from './find-in-list';

const { organizations, connections } = seedIds;

/** Where the guard finds Auth0: the story's fake tenant, in memory (`createFakeFetch`), never the network. */
const UPSTREAM = 'https://fake-tenant.test/api/v2';

/** What each story's route passed to `onAudit`, by the story's tenant. */
const auditLogs = new WeakMap<FakeTenant, OrgConnectionsAuditEvent[]>();
const auditLogOf = (tenant: FakeTenant) => auditLogs.get(tenant) ?? [];

/**
 * The host backend's route, as `@org-connections/server` builds it, run in the page by MSW: Acme's administrator
 * is signed in (`authorize`), and the route reads and writes the story's fake tenant with the tenant's token. The
 * browser's client calls the route without any token.
 */
function guardedRoute(options: { policy?: AccessPolicy } = {}): StoryBackend {
  return ({ tenant, basePath }) => {
    const auditLog: OrgConnectionsAuditEvent[] = [];
    auditLogs.set(tenant, auditLog);
    return createOrgConnectionsHandler({
      domain: 'fake-tenant.test',
      basePath,
      managementBaseUrl: UPSTREAM,
      fetch: createFakeFetch(tenant, { managementBaseUrl: UPSTREAM }),
      getManagementToken: () => tenant.defaultToken,
      authorize: () => ({ view: 'org-admin', actor: 'user|acme-admin', organizationId: organizations.acme }),
      onAudit: (event) => {
        auditLog.push(event);
      },
      ...options,
    });
  };
}

const meta = {
  title: 'Server/Org admin through the guard',
  component: OrgConnectionsList,
  args: { organizationId: organizations.acme, view: 'org-admin' },
  parameters: { client: { backend: guardedRoute() } },
} satisfies Meta<typeof OrgConnectionsList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One of Acme's connections as the tenant holds it now. */
function acmeConnection(tenant: FakeTenant, connectionId: string) {
  const found = tenant.listOrganizationConnections(organizations.acme).find((c) => c.connection_id === connectionId);
  if (found === undefined) throw new Error(`${connectionId} is not enabled for Acme.`);
  return found;
}

/** Changes one of Acme's connections in the tenant, as the tenant admin would in another tab. */
function changeUpstream(tenant: FakeTenant, connectionId: string, changes: Partial<ReturnType<typeof acmeConnection>>) {
  const all = tenant.listOrganizationConnections(organizations.acme);
  tenant.setOrganizationConnections(
    organizations.acme,
    all.map((c) => (c.connection_id === connectionId ? { ...c, ...changes } : c)),
  );
}

const patchesReceived = (tenant: FakeTenant) => tenant.requests.filter((request) => request.method === 'PATCH');

/**
 * Acme's administrator, through the guard: the `none` connection never leaves the server, `readonly` rows are
 * locked, `limited` rows offer Enabled (and Show as button), and a permitted change is saved in Auth0.
 */
export const OrgAdminList: Story = {
  play: async ({ canvasElement, ...context }) => {
    const { tenant } = fakeTenantOf(context);
    const list = await findList(canvasElement);
    await expect(within(list).getAllByRole('group')).toHaveLength(7);
    // The guard dropped `none` from the list it read; the browser never received it.
    await expect(list).not.toHaveTextContent('contoso-entra-id');

    const okta = within(await findRow(canvasElement, 'Acme Okta'));
    for (const toggle of okta.getAllByRole('switch')) await expect(toggle).toBeDisabled();

    const oidc = within(await findRow(canvasElement, seedNames.markup));
    await expect(oidc.getByRole('switch', { name: messages.fieldIsEnabled })).toBeEnabled();
    await expect(oidc.getByRole('switch', { name: messages.fieldShowAsButton })).toBeEnabled();
    await expect(oidc.queryByRole('switch', { name: messages.fieldAssignMembershipOnLogin })).not.toBeInTheDocument();

    const google = await findRow(canvasElement, 'Sign in with Google');
    const enabled = within(google).getByRole('switch', { name: messages.fieldIsEnabled });
    await expect(within(google).getAllByRole('switch')).toEqual([enabled]);
    await userEvent.click(enabled);
    await expect(await within(canvasElement).findByText(messages.saved('Sign in with Google'))).toBeInTheDocument();
    await expect(enabled).not.toBeChecked();
    await expect(acmeConnection(tenant, connections.google).is_enabled).toBe(false);
    await expect(patchesReceived(tenant).map((request) => request.body)).toEqual([{ is_enabled: false }]);
  },
};

/**
 * The guard refused the change for the access level (its audit log holds the refused update, body read), Auth0
 * received no write, and the row and the screen reader say the change was not made.
 */
async function expectRefusedChange(
  { canvasElement, tenant }: { canvasElement: HTMLElement; tenant: FakeTenant },
  row: HTMLElement,
  refused: { name: string; connectionId: string; changes: OrgConnectionsAuditEvent['changes'] },
) {
  // The guard's 403 (errorCode org_connections_refused) is worded as a refusal by the connection's access level.
  const failure = messages.changeFailed(refused.name, messages.errorNotPermitted);
  await expect(await within(row.closest('li') ?? row).findByText(failure)).toBeVisible();
  await expect(within(canvasElement).getByRole('status')).toHaveTextContent(failure);
  await expect(auditLogOf(tenant)).toEqual([
    expect.objectContaining({
      action: 'update',
      connectionId: refused.connectionId,
      changes: refused.changes,
      outcome: 'refused',
      status: 403,
    }),
  ]);
  await expect(patchesReceived(tenant)).toEqual([]);
}

/**
 * A stale page: after the list loaded, the tenant admin lowered Acme Employees from `full` to `readonly`. The page
 * still offers the switch; the guard reads the connection from Auth0, refuses, and the switch rolls back.
 */
export const RefusedBecauseThePageIsStale: Story = {
  // Google stays enabled beside it, so switching Acme Employees off is no lockout (that asks first; another story).
  parameters: {
    tenant: { setup: onlyConnections(organizations.acme, [connections.usernamePassword, connections.google]) },
  },
  play: async ({ canvasElement, ...context }) => {
    const { tenant } = fakeTenantOf(context);
    const row = await findRow(canvasElement, 'Acme Employees');
    const enabled = within(row).getByRole('switch', { name: messages.fieldIsEnabled });
    await expect(enabled).toBeEnabled();

    changeUpstream(tenant, connections.usernamePassword, { organization_access_level: 'readonly' });
    await userEvent.click(enabled);
    await expectRefusedChange({ canvasElement, tenant }, row, {
      name: 'Acme Employees',
      connectionId: connections.usernamePassword,
      changes: { isEnabled: false },
    });
    await expect(enabled).toBeChecked();
    await expect(acmeConnection(tenant, connections.usernamePassword).is_enabled).toBe(true);
    // The list is read again after the refusal: the row now shows the level Auth0 has, locked.
    await waitFor(() => expect(within(row).getByRole('switch', { name: messages.fieldIsEnabled })).toBeDisabled());
    await expect(within(row.closest('li') ?? row).getByText(messages.readonlyExplanation)).toBeVisible();
  },
};

/**
 * A policy mismatch: the page's provider lets `limited` assign membership (`limitedCanAssignMembership`), the
 * server keeps the strict default. The UI offers Membership on Google; the guard refuses it.
 */
export const RefusedByTheServersPolicy: Story = {
  parameters: {
    provider: { policy: { limitedCanAssignMembership: true } },
    tenant: { setup: onlyConnections(organizations.acme, [connections.google]) },
  },
  play: async ({ canvasElement, ...context }) => {
    const { tenant } = fakeTenantOf(context);
    const row = await findRow(canvasElement, 'Sign in with Google');
    const membership = within(row).getByRole('switch', { name: messages.fieldAssignMembershipOnLogin });
    await userEvent.click(membership);
    await expectRefusedChange({ canvasElement, tenant }, row, {
      name: 'Sign in with Google',
      connectionId: connections.google,
      changes: { assignMembershipOnLogin: true },
    });
    await expect(membership).not.toBeChecked();
    await expect(acmeConnection(tenant, connections.google).assign_membership_on_login).toBe(false);
  },
};

/** Requests written by hand (devtools), sent to the same route the list uses. */
const handMadeRequests = [
  {
    label: 'Read contoso-entra-id (access level none)',
    method: 'GET',
    path: `/organizations/${organizations.acme}/connections/${connections.contosoEntra}`,
  },
  {
    label: 'Turn off Acme Okta (access level readonly)',
    method: 'PATCH',
    path: `/organizations/${organizations.acme}/connections/${connections.oktaAcme}`,
    body: { is_enabled: false },
  },
] as const;

interface Answer {
  label: string;
  status: number;
  body: string;
}

/** A small devtools stand-in: sends each hand-made request with `fetch` and shows the raw answer. */
function HandMadeRequests({ baseUrl }: { baseUrl: string }) {
  const [answers, setAnswers] = useState<readonly Answer[]>([]);
  async function send(request: (typeof handMadeRequests)[number]) {
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      ...('body' in request
        ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(request.body) }
        : {}),
    });
    const answer = { label: request.label, status: response.status, body: await response.text() };
    setAnswers((previous) => [...previous, answer]);
  }
  return (
    <section aria-label="Hand-made requests">
      {handMadeRequests.map((request) => (
        <button key={request.label} type="button" onClick={() => send(request)}>
          {request.label}
        </button>
      ))}
      <ul aria-label="Answers">
        {answers.map((answer) => (
          <li key={answer.label}>
            {answer.label}: {answer.status} <code>{answer.body}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * What the UI hides is refused by the route too: a hidden connection read by hand is a 404 (its existence does not
 * leak), a `readonly` connection changed by hand is a 403 naming the field, and Auth0 receives no write.
 */
export const HandMadeRequestsRefused: Story = {
  render: (args, context) => (
    <>
      <OrgConnectionsList {...args} />
      <HandMadeRequests baseUrl={fakeTenantOf(context).backendBaseUrl} />
    </>
  ),
  play: async ({ canvasElement, ...context }) => {
    const { tenant } = fakeTenantOf(context);
    const canvas = within(canvasElement);
    await findList(canvasElement);
    const answers = canvas.getByRole('list', { name: 'Answers' });
    const [hidden, readonly] = handMadeRequests;

    await userEvent.click(canvas.getByRole('button', { name: hidden.label }));
    const notFound = await within(answers).findByRole('listitem');
    await expect(notFound).toHaveTextContent(`${hidden.label}: 404`);
    await expect(notFound).toHaveTextContent('"errorCode":"inexistent_organization_connection"');

    await userEvent.click(canvas.getByRole('button', { name: readonly.label }));
    await waitFor(() => expect(within(answers).getAllByRole('listitem')).toHaveLength(2));
    const refused = within(answers).getAllByRole('listitem')[1];
    await expect(refused).toHaveTextContent(`${readonly.label}: 403`);
    await expect(refused).toHaveTextContent('does not let an organization administrator change is_enabled');

    // The guard read contoso-entra-id from Auth0 to learn its level; nothing was written.
    await expect(
      tenant.requests.filter((request) => request.path.endsWith(connections.contosoEntra)).map((r) => r.method),
    ).toEqual(['GET']);
    await expect(patchesReceived(tenant)).toEqual([]);
    await expect(acmeConnection(tenant, connections.oktaAcme).is_enabled).toBe(true);
  },
};

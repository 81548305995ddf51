// The three mutation hooks (update, add, remove): the cache they write, and core's guard before any request.
import { isOrgConnectionsError, type OrgConnectionsErrorKind, orgConnectionsKeys } from '@org-connections/core';
import { type FakeTenant, seedIds } from '@org-connections/testing';
import { act, renderHook, waitFor } from '@testing-library/react';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { createTestClients, serveFakeTenant } from '../../test/fake-tenant';
import { OrgConnectionsProvider } from '../components/org-connections-provider';
import type { OrgConnectionMutationOptions } from './org-connection-mutation-options';
import { tenantConnectionsQueryOptions } from './org-connections-query-options';
import { useAddOrgConnection } from './use-add-org-connection';
import { useOrgConnections } from './use-org-connections';
import { useRemoveOrgConnection } from './use-remove-org-connection';
import { useUpdateOrgConnection } from './use-update-org-connection';

const { acme, globex } = seedIds.organizations;
const { github, google, usernamePassword } = seedIds.connections;
const server = setupServer();
let tenant: FakeTenant;

serveFakeTenant(server, (created) => {
  tenant = created;
});

/**
 * The organization's list (loaded) and the three mutation hooks for `options.view`; with `tenantConnections`,
 * the tenant's connections are cached first, as the picker leaves them.
 */
async function renderMutations(
  options: OrgConnectionMutationOptions = { view: 'tenant-admin' },
  { organizationId = acme, tenantConnections = false }: { organizationId?: string; tenantConnections?: boolean } = {},
) {
  const { queryClient, api } = createTestClients();
  if (tenantConnections) await queryClient.fetchInfiniteQuery(tenantConnectionsQueryOptions(api, { take: 100 }));
  const wrapper = ({ children }: { children: ReactNode }) => (
    <OrgConnectionsProvider api={api} queryClient={queryClient}>
      {children}
    </OrgConnectionsProvider>
  );
  const hook = renderHook(
    () => ({
      list: useOrgConnections(organizationId),
      update: useUpdateOrgConnection(organizationId, options),
      add: useAddOrgConnection(organizationId, options),
      remove: useRemoveOrgConnection(organizationId, options),
    }),
    { wrapper },
  );
  await waitFor(() => expect(hook.result.current.list.data).toBeDefined());
  const cached = (connectionId: string) =>
    hook.result.current.list.data?.items.find((item) => item.connectionId === connectionId);
  return { ...hook, queryClient, cached };
}

const requestsOf = (operation: string) => tenant.requests.filter((request) => request.operation === operation);
const updates = () => requestsOf('updateOrganizationConnection');

/** The kind of error a mutation was refused with, or `undefined` when it succeeded. */
async function refusedWith(mutation: Promise<unknown>): Promise<OrgConnectionsErrorKind | undefined> {
  let kind: OrgConnectionsErrorKind | undefined;
  await act(() =>
    mutation.then(
      () => undefined,
      (error) => {
        kind = isOrgConnectionsError(error) ? error.kind : undefined;
      },
    ),
  );
  return kind;
}

describe('useUpdateOrgConnection', () => {
  it('shows the change in the cached list before the server answers, then keeps its answer', async () => {
    tenant.setLatency(100);
    const { result, cached } = await renderMutations();
    act(() => result.current.update.mutate({ connectionId: google, changes: { isEnabled: false } }));
    await waitFor(() => expect(cached(google)?.isEnabled).toBe(false));
    expect(result.current.update.isPending).toBe(true);
    await waitFor(() => expect(result.current.update.isSuccess).toBe(true));
    expect(cached(google)?.isEnabled).toBe(false);
    expect(tenant.requests.filter((request) => request.operation === 'listOrganizationConnections')).toHaveLength(1);
  });

  it('rolls back only the connection that failed', async () => {
    const { result, cached, queryClient } = await renderMutations();
    tenant.failNext({ status: 500, match: { operation: 'updateOrganizationConnection' } });
    const before = queryClient.getQueryData(orgConnectionsKeys.list(acme));
    await act(() =>
      result.current.update.mutateAsync({ connectionId: google, changes: { isEnabled: false } }).catch(() => undefined),
    );
    // The mutation tells its observers on TanStack Query's notify timer, which `act` may not flush on a loaded machine.
    await waitFor(() => expect(result.current.update.error).toMatchObject({ kind: 'server' }));
    expect(cached(google)?.isEnabled).toBe(true);
    expect(queryClient.getQueryData(orgConnectionsKeys.list(acme))).toEqual(before);
  });

  it("keeps the connection's name and strategy when the server's answer leaves them out", async () => {
    const { result, cached } = await renderMutations();
    const before = cached(google);
    // Auth0's OpenAPI does not require `connection` in a PATCH answer.
    tenant.failNext({
      status: 200,
      match: { operation: 'updateOrganizationConnection' },
      body: {
        connection_id: google,
        organization_connection_name: 'Sign in with Google',
        organization_access_level: 'limited',
        is_enabled: false,
        assign_membership_on_login: false,
        is_signup_enabled: false,
        show_as_button: true,
      },
    });
    await act(() => result.current.update.mutateAsync({ connectionId: google, changes: { isEnabled: false } }));
    // The list's observer hears of the cache write on TanStack Query's notify timer, which `act` may not flush on a
    // loaded machine (a fresh-clone CI run read the list before it).
    await waitFor(() => expect(cached(google)).toEqual({ ...before, isEnabled: false }));
  });

  it('reads the list again after the server refuses the change, so the row shows the connection as it is now', async () => {
    const { result } = await renderMutations();
    tenant.failNext({
      status: 403,
      match: { operation: 'updateOrganizationConnection' },
      body: { statusCode: 403, error: 'Forbidden', message: 'Refused.', errorCode: 'org_connections_refused' },
    });
    await act(() =>
      result.current.update.mutateAsync({ connectionId: google, changes: { isEnabled: false } }).catch(() => undefined),
    );
    await waitFor(() =>
      expect(result.current.update.error).toMatchObject({ kind: 'forbidden', code: 'org_connections_refused' }),
    );
    await waitFor(() => expect(requestsOf('listOrganizationConnections')).toHaveLength(2));
  });

  it("refuses, before any request, a change the view's capabilities forbid", async () => {
    const { result, cached } = await renderMutations({ view: 'org-admin' });
    let kind: OrgConnectionsErrorKind | undefined;
    await act(() =>
      result.current.update.mutateAsync({ connectionId: github, changes: { isEnabled: false } }).catch((error) => {
        kind = isOrgConnectionsError(error) ? error.kind : undefined;
      }),
    );
    expect(kind).toBe('not_permitted');
    expect(updates()).toHaveLength(0);
    expect(cached(github)?.isEnabled).toBe(true);
  });
});

describe('useAddOrgConnection', () => {
  it('an org admin cannot add a connection: refused before any request', async () => {
    const { result } = await renderMutations(
      { view: 'org-admin' },
      { organizationId: globex, tenantConnections: true },
    );
    const adding = result.current.add.mutateAsync({ connectionId: usernamePassword, isEnabled: true });
    expect(await refusedWith(adding)).toBe('not_permitted');
    expect(requestsOf('createOrganizationConnection')).toHaveLength(0);
  });

  it("refuses, before any request, a setting the connection's kind does not have (signup on a social connection)", async () => {
    const { result } = await renderMutations(
      { view: 'tenant-admin' },
      { organizationId: globex, tenantConnections: true },
    );
    const adding = result.current.add.mutateAsync({ connectionId: google, isSignupEnabled: true });
    expect(await refusedWith(adding)).toBe('not_permitted');
    expect(requestsOf('createOrganizationConnection')).toHaveLength(0);
  });

  it('a tenant admin adds a connection, and the cached list holds it', async () => {
    const { result, cached } = await renderMutations(
      { view: 'tenant-admin' },
      { organizationId: globex, tenantConnections: true },
    );
    expect(await refusedWith(result.current.add.mutateAsync({ connectionId: google, isEnabled: true }))).toBe(
      undefined,
    );
    expect(requestsOf('createOrganizationConnection')).toHaveLength(1);
    await waitFor(() => expect(cached(google)?.isEnabled).toBe(true));
  });
});

describe('useRemoveOrgConnection', () => {
  it('an org admin cannot remove a connection: refused with a clear message before any request', async () => {
    const { result, cached } = await renderMutations({ view: 'org-admin' });
    let message: string | undefined;
    const removing = result.current.remove.mutateAsync(google).catch((error: Error) => {
      message = error.message;
      throw error;
    });
    expect(await refusedWith(removing)).toBe('not_permitted');
    expect(message).toBe('Only a tenant administrator can remove a connection from the organization.');
    expect(requestsOf('deleteOrganizationConnection')).toHaveLength(0);
    expect(cached(google)).toBeDefined();
  });

  it('a tenant admin removes a connection, and the cached list drops it', async () => {
    const { result, cached } = await renderMutations({ view: 'tenant-admin' });
    expect(await refusedWith(result.current.remove.mutateAsync(google))).toBe(undefined);
    expect(requestsOf('deleteOrganizationConnection')).toHaveLength(1);
    await waitFor(() => expect(cached(google)).toBeUndefined());
  });
});

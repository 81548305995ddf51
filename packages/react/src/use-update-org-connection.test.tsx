import {
  createManagementApiClient,
  isOrgConnectionsError,
  type OrgConnectionsErrorKind,
  orgConnectionsKeys,
} from '@org-connections/core';
import { createFakeTenant, createHandlers, type FakeTenant, seedIds } from '@org-connections/testing';
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OrgConnectionsProvider } from './org-connections-provider';
import { useOrgConnections } from './use-org-connections';
import { type UseUpdateOrgConnectionOptions, useUpdateOrgConnection } from './use-update-org-connection';

const BASE_URL = 'https://tenant.test/api/v2';
const { acme } = seedIds.organizations;
const { github, google } = seedIds.connections;
const server = setupServer();
let tenant: FakeTenant;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  tenant = createFakeTenant({ authentication: 'optional', rateLimits: false });
  server.use(...createHandlers(tenant, { managementBaseUrl: BASE_URL }));
});
afterEach(() => server.resetHandlers());

async function renderUpdate(options: UseUpdateOrgConnectionOptions = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const api = createManagementApiClient({ baseUrl: BASE_URL, retry: { attempts: 0 } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <OrgConnectionsProvider api={api} queryClient={queryClient}>
      {children}
    </OrgConnectionsProvider>
  );
  const hook = renderHook(() => ({ list: useOrgConnections(acme), update: useUpdateOrgConnection(acme, options) }), {
    wrapper,
  });
  await waitFor(() => expect(hook.result.current.list.data).toBeDefined());
  const cached = (connectionId: string) =>
    hook.result.current.list.data?.items.find((item) => item.connectionId === connectionId);
  return { ...hook, queryClient, cached };
}

const updates = () => tenant.requests.filter((request) => request.operation === 'updateOrganizationConnection');

describe('useUpdateOrgConnection', () => {
  it('shows the change in the cached list before the server answers, then keeps its answer', async () => {
    tenant.setLatency(100);
    const { result, cached } = await renderUpdate();
    act(() => result.current.update.mutate({ connectionId: google, changes: { isEnabled: false } }));
    await waitFor(() => expect(cached(google)?.isEnabled).toBe(false));
    expect(result.current.update.isPending).toBe(true);
    await waitFor(() => expect(result.current.update.isSuccess).toBe(true));
    expect(cached(google)?.isEnabled).toBe(false);
    expect(tenant.requests.filter((request) => request.operation === 'listOrganizationConnections')).toHaveLength(1);
  });

  it('rolls back only the connection that failed', async () => {
    const { result, cached, queryClient } = await renderUpdate();
    tenant.failNext({ status: 500, match: { operation: 'updateOrganizationConnection' } });
    const before = queryClient.getQueryData(orgConnectionsKeys.list(acme));
    await act(() =>
      result.current.update.mutateAsync({ connectionId: google, changes: { isEnabled: false } }).catch(() => undefined),
    );
    expect(result.current.update.error).toMatchObject({ kind: 'server' });
    expect(cached(google)?.isEnabled).toBe(true);
    expect(queryClient.getQueryData(orgConnectionsKeys.list(acme))).toEqual(before);
  });

  it("refuses, before any request, a change the view's capabilities forbid", async () => {
    const { result, cached } = await renderUpdate({ view: 'org-admin' });
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

import { createManagementApiClient, isOrgConnectionsError, orgConnectionsKeys } from '@org-connections/core';
import { createFakeTenant, createHandlers, type FakeTenant, seedIds } from '@org-connections/testing';
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OrgConnectionMutationOptions } from './org-connection-mutation-options';
import { OrgConnectionsProvider } from './org-connections-provider';
import { useOrgConnections } from './use-org-connections';
import { useRemoveOrgConnection } from './use-remove-org-connection';

const BASE_URL = 'https://tenant.test/api/v2';
const { acme } = seedIds.organizations;
const { google } = seedIds.connections;
const server = setupServer();
let tenant: FakeTenant;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  tenant = createFakeTenant({ authentication: 'optional', rateLimits: false });
  server.use(...createHandlers(tenant, { managementBaseUrl: BASE_URL }));
});
afterEach(() => server.resetHandlers());

async function renderRemove(options: OrgConnectionMutationOptions) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const api = createManagementApiClient({ baseUrl: BASE_URL, retry: { attempts: 0 } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <OrgConnectionsProvider api={api} queryClient={queryClient}>
      {children}
    </OrgConnectionsProvider>
  );
  const hook = renderHook(() => ({ list: useOrgConnections(acme), remove: useRemoveOrgConnection(acme, options) }), {
    wrapper,
  });
  await waitFor(() => expect(hook.result.current.list.data).toBeDefined());
  return { ...hook, queryClient };
}

const removals = () => tenant.requests.filter((request) => request.operation === 'deleteOrganizationConnection');
const cachedIds = (queryClient: QueryClient) =>
  queryClient
    .getQueryData<{ items: { connectionId: string }[] }>(orgConnectionsKeys.list(acme))
    ?.items.map((item) => item.connectionId);

describe('useRemoveOrgConnection', () => {
  it('an org admin cannot remove a connection: refused with a clear message before any request', async () => {
    const { result, queryClient } = await renderRemove({ view: 'org-admin' });
    let error: unknown;
    await act(() => result.current.remove.mutateAsync(google).catch((caught) => (error = caught)));
    expect(isOrgConnectionsError(error) && error.kind).toBe('not_permitted');
    expect((error as Error).message).toBe('Only a tenant administrator can remove a connection from the organization.');
    expect(removals()).toHaveLength(0);
    expect(cachedIds(queryClient)).toContain(google);
  });

  it('a tenant admin removes a connection and the cached list drops it', async () => {
    const { result, queryClient } = await renderRemove({ view: 'tenant-admin' });
    await act(() => result.current.remove.mutateAsync(google));
    expect(removals()).toHaveLength(1);
    expect(cachedIds(queryClient)).not.toContain(google);
  });
});

import { createManagementApiClient, isOrgConnectionsError, type OrgConnectionsErrorKind } from '@org-connections/core';
import { createFakeTenant, createHandlers, type FakeTenant, seedIds } from '@org-connections/testing';
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OrgConnectionMutationOptions } from './org-connection-mutation-options';
import { OrgConnectionsProvider } from './org-connections-provider';
import { tenantConnectionsQueryOptions } from './org-connections-query-options';
import { useAddOrgConnection } from './use-add-org-connection';

const BASE_URL = 'https://tenant.test/api/v2';
const { globex } = seedIds.organizations;
const { google, usernamePassword } = seedIds.connections;
const server = setupServer();
let tenant: FakeTenant;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  tenant = createFakeTenant({ authentication: 'optional', rateLimits: false });
  server.use(...createHandlers(tenant, { managementBaseUrl: BASE_URL }));
});
afterEach(() => server.resetHandlers());

/** The hook, with the tenant's connections cached as the picker leaves them. */
async function renderAdd(options: OrgConnectionMutationOptions) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const api = createManagementApiClient({ baseUrl: BASE_URL, retry: { attempts: 0 } });
  await queryClient.fetchInfiniteQuery(tenantConnectionsQueryOptions(api, { take: 100 }));
  const wrapper = ({ children }: { children: ReactNode }) => (
    <OrgConnectionsProvider api={api} queryClient={queryClient}>
      {children}
    </OrgConnectionsProvider>
  );
  return renderHook(() => useAddOrgConnection(globex, options), { wrapper });
}

const additions = () => tenant.requests.filter((request) => request.operation === 'createOrganizationConnection');

async function refusal(add: ReturnType<typeof useAddOrgConnection>, input: Parameters<typeof add.mutateAsync>[0]) {
  let kind: OrgConnectionsErrorKind | undefined;
  await act(() =>
    add.mutateAsync(input).catch((error) => {
      kind = isOrgConnectionsError(error) ? error.kind : undefined;
    }),
  );
  return kind;
}

describe('useAddOrgConnection', () => {
  it('an org admin cannot add a connection: refused before any request', async () => {
    const { result } = await renderAdd({ view: 'org-admin' });
    expect(await refusal(result.current, { connectionId: usernamePassword, isEnabled: true })).toBe('not_permitted');
    expect(additions()).toHaveLength(0);
  });

  it("refuses, before any request, a setting the connection's kind does not have (signup on a social connection)", async () => {
    const { result } = await renderAdd({ view: 'tenant-admin' });
    expect(await refusal(result.current, { connectionId: google, isSignupEnabled: true })).toBe('not_permitted');
    expect(additions()).toHaveLength(0);
  });

  it('a tenant admin adds a connection with valid settings', async () => {
    const { result } = await renderAdd({ view: 'tenant-admin' });
    const added = await act(() => result.current.mutateAsync({ connectionId: google, isEnabled: true }));
    expect(added.connectionId).toBe(google);
    expect(additions()).toHaveLength(1);
  });
});

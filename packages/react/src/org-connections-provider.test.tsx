import { createManagementApiClient, orgConnectionsKeys } from '@org-connections/core';
import { createFakeTenant, createHandlers, seedIds } from '@org-connections/testing';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, renderHook, screen, waitFor } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OrgConnectionsProvider, useOrgConnectionsContext } from './org-connections-provider';
import { useOrgConnections } from './use-org-connections';

const BASE_URL = 'https://tenant.test/api/v2';
const { acme } = seedIds.organizations;
const server = setupServer();
const api = createManagementApiClient({ baseUrl: BASE_URL, retry: { attempts: 0 } });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  server.use(
    ...createHandlers(createFakeTenant({ authentication: 'optional', rateLimits: false }), {
      managementBaseUrl: BASE_URL,
    }),
  );
});
afterEach(() => server.resetHandlers());

function Count() {
  const { data } = useOrgConnections(acme);
  return <p>{data ? `${data.items.length} connections` : 'loading'}</p>;
}

describe('OrgConnectionsProvider', () => {
  it('caches in the QueryClient it is given', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <OrgConnectionsProvider api={api} queryClient={queryClient}>
        <Count />
      </OrgConnectionsProvider>,
    );
    expect(await screen.findByText('8 connections')).toBeInTheDocument();
    expect(queryClient.getQueryData(orgConnectionsKeys.list(acme))).toMatchObject({ items: expect.any(Array) });
  });

  it("uses the host's QueryClientProvider when it is given none", async () => {
    const hostClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={hostClient}>
        <OrgConnectionsProvider api={api}>
          <Count />
        </OrgConnectionsProvider>
      </QueryClientProvider>,
    );
    expect(await screen.findByText('8 connections')).toBeInTheDocument();
    expect(hostClient.getQueryData(orgConnectionsKeys.list(acme))).toBeDefined();
  });

  it('creates its own cache when there is no QueryClient at all', async () => {
    const { result } = renderHook(() => useOrgConnectionsContext(), {
      wrapper: ({ children }) => <OrgConnectionsProvider api={api}>{children}</OrgConnectionsProvider>,
    });
    expect(result.current.queryClient).toBeInstanceOf(QueryClient);
    render(
      <OrgConnectionsProvider api={api}>
        <Count />
      </OrgConnectionsProvider>,
    );
    await waitFor(() => expect(screen.getByText('8 connections')).toBeInTheDocument());
  });

  it('completes the messages with the English defaults', () => {
    const { result } = renderHook(() => useOrgConnectionsContext(), {
      wrapper: ({ children }) => (
        <OrgConnectionsProvider api={api} messages={{ retry: 'Nochmal' }}>
          {children}
        </OrgConnectionsProvider>
      ),
    });
    expect(result.current.messages.retry).toBe('Nochmal');
    expect(result.current.messages.cancel).toBe('Cancel');
  });

  it('says what is missing when a component is rendered outside it', () => {
    expect(() => renderHook(() => useOrgConnectionsContext())).toThrow(/inside <OrgConnectionsProvider>/);
  });
});

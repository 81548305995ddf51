import { createManagementApiClient, orgConnectionsKeys } from '@org-connections/core';
import { seedIds } from '@org-connections/testing';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { BASE_URL, serveFakeTenant } from '../../test/fake-tenant';
import { useOrgConnections } from '../hooks/use-org-connections';
import { messages as ar } from '../locales/ar';
import { messages as de } from '../locales/de';
import { OrgConnectionsList } from './org-connections-list';
import { OrgConnectionsProvider, useOrgConnectionsContext } from './org-connections-provider';

const { acme } = seedIds.organizations;
const server = setupServer();
const api = createManagementApiClient({ baseUrl: BASE_URL, retry: { attempts: 0 } });

serveFakeTenant(server);

function Count() {
  const { data } = useOrgConnections(acme);
  return <p>{data ? `${data.items.length} connections` : 'loading'}</p>;
}

describe('OrgConnectionsProvider', () => {
  it("words the components in the locale's messages, with its numbers, plurals, lang and dir", async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <OrgConnectionsProvider api={api} queryClient={queryClient} locale="de" messages={de}>
        <OrgConnectionsList organizationId={acme} view="tenant-admin" />
      </OrgConnectionsProvider>,
    );
    const list = await screen.findByRole('region', { name: 'Verbindungen der Organisation' });
    expect(await within(list).findByText('8 von 10 Verbindungen')).toBeInTheDocument();
    expect(list).toHaveAttribute('lang', 'de');
    expect(list).toHaveAttribute('dir', 'ltr');
  });

  it('lays out right to left for Arabic, the dialogs too (they are portalled out of the list)', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <OrgConnectionsProvider api={api} queryClient={queryClient} locale="ar" messages={ar}>
        <OrgConnectionsList organizationId={acme} view="tenant-admin" />
      </OrgConnectionsProvider>,
    );
    const list = await screen.findByRole('region', { name: ar.listLabel });
    expect(await within(list).findByText('8 من 10 اتصالات')).toBeInTheDocument();
    expect(list).toHaveAttribute('dir', 'rtl');
    await userEvent.click(within(list).getByRole('button', { name: ar.addConnection }));
    expect(await screen.findByRole('dialog')).toHaveAttribute('dir', 'rtl');
  });

  it('leaves lang and dir to the page without a locale', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <OrgConnectionsProvider api={api} queryClient={queryClient}>
        <OrgConnectionsList organizationId={acme} view="tenant-admin" />
      </OrgConnectionsProvider>,
    );
    const list = await screen.findByRole('region');
    expect(list).not.toHaveAttribute('lang');
    expect(list).not.toHaveAttribute('dir');
  });

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

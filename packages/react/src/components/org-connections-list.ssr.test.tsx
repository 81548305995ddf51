// @vitest-environment node
import { createManagementApiClient } from '@org-connections/core';
import { seedIds } from '@org-connections/testing';
import { QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { expect, it } from 'vitest';
import { OrgConnectionsList } from './org-connections-list';
import { OrgConnectionsProvider } from './org-connections-provider';

it('renders on a server, where there is no window, as a busy skeleton', () => {
  expect(typeof window).toBe('undefined');
  const api = createManagementApiClient({ baseUrl: 'https://tenant.test/api/v2' });
  const html = renderToString(
    <OrgConnectionsProvider api={api} queryClient={new QueryClient()}>
      <OrgConnectionsList organizationId={seedIds.organizations.acme} view="tenant-admin" />
    </OrgConnectionsProvider>,
  );
  expect(html).toContain('aria-busy="true"');
  expect(html).toContain('data-state="loading"');
});

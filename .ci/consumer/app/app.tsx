// A browser application: the page of the README's example with a locale entry, type-checked and bundled with the
// stylesheet.
import { createManagementApiClient } from '@org-connections/core';
import { OrgConnectionsList, type OrgConnectionsListProps, OrgConnectionsProvider } from '@org-connections/react';
import { connectionIcons } from '@org-connections/react/icons';
import { messages } from '@org-connections/react/locales/en';
import '@org-connections/react/styles.css';
import { createRoot } from 'react-dom/client';

const api = createManagementApiClient({ baseUrl: '/api/org-connections' });

export function ConnectionsSettings({
  organizationId,
  view,
}: Pick<OrgConnectionsListProps, 'organizationId' | 'view'>) {
  return (
    <OrgConnectionsProvider api={api} messages={messages} icons={connectionIcons}>
      <OrgConnectionsList organizationId={organizationId} view={view} />
    </OrgConnectionsProvider>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<ConnectionsSettings organizationId="org_acme" view="org-admin" />);

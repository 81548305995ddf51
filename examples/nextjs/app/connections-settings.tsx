'use client';
import { createManagementApiClient, type View } from '@org-connections/core';
import { OrgConnectionsList, OrgConnectionsProvider } from '@org-connections/react';
import { useState } from 'react';

/**
 * A client component: the list runs in the browser and talks to this app's route handler
 * (app/api/org-connections/[...path]/route.ts), which holds the Management API credentials.
 */
export function ConnectionsSettings({ organizationId, view }: { organizationId: string; view: View }) {
  const [api] = useState(() => createManagementApiClient({ baseUrl: '/api/org-connections' }));
  const [notice, setNotice] = useState('');
  return (
    <OrgConnectionsProvider api={api}>
      <OrgConnectionsList
        organizationId={organizationId}
        view={view}
        onUpdated={(connection) => setNotice(`Saved ${connection.connection.name}.`)}
        onError={(error) => setNotice(`Not saved: ${error.message}`)}
      />
      <p data-testid="host-notice">{notice}</p>
    </OrgConnectionsProvider>
  );
}

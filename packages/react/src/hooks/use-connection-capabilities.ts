import { type ConnectionControls, connectionControlsFor, type OrgConnection, type View } from '@org-connections/core';
import { useMemo } from 'react';
import { useOrgConnectionsContext } from '../components/org-connections-provider';

/** What `view` may see, change and do with a connection, under the provider's `policy` (core's `connectionControlsFor`). */
export function useConnectionCapabilities(
  connection: Pick<OrgConnection, 'organizationAccessLevel' | 'kind'>,
  view: View,
): ConnectionControls {
  const { policy } = useOrgConnectionsContext();
  const { organizationAccessLevel: accessLevel, kind } = connection;
  return useMemo(() => connectionControlsFor({ view, accessLevel, kind, policy }), [view, accessLevel, kind, policy]);
}

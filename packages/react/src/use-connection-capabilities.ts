import { type Capabilities, capabilitiesFor, type OrgConnection, type View } from '@org-connections/core';
import { useMemo } from 'react';
import { useOrgConnectionsContext } from './org-connections-provider';

/** What `view` may see and change of a connection, under the provider's `policy`. */
export function useConnectionCapabilities(
  connection: Pick<OrgConnection, 'organizationAccessLevel' | 'kind'>,
  view: View,
): Capabilities {
  const { policy } = useOrgConnectionsContext();
  const { organizationAccessLevel: accessLevel, kind } = connection;
  return useMemo(() => capabilitiesFor({ view, accessLevel, kind, policy }), [view, accessLevel, kind, policy]);
}

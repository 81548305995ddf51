import type { OrgConnection } from '@org-connections/core';
import { useCallback, useSyncExternalStore } from 'react';
import { findCachedConnection } from './org-connections-cache';
import { useOrgConnectionsContext } from './org-connections-provider';

/**
 * The connection as the organization's cached list holds it now, `rendered` when the list does not hold it.
 * `useQuery` hears of a cache write on a timer; the query cache's own listeners are called in the writer's
 * event, so an optimistic change (written by `useUpdateOrgConnection`) shows in the click's own frame.
 */
export function useCachedOrgConnection(organizationId: string, rendered: OrgConnection): OrgConnection {
  const { queryClient } = useOrgConnectionsContext();
  const subscribe = useCallback(
    (onChange: () => void) => queryClient.getQueryCache().subscribe(onChange),
    [queryClient],
  );
  const snapshot = () => findCachedConnection(queryClient, organizationId, rendered.connectionId) ?? rendered;
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

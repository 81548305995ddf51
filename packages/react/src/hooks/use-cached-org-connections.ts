import { type ListOrganizationConnectionsResult, type OrgConnection, orgConnectionsKeys } from '@org-connections/core';
import { useCallback, useSyncExternalStore } from 'react';
import { useOrgConnectionsContext } from '../components/org-connections-provider';

/**
 * The organization's connections as its cached list holds them now (`undefined` until loaded). `useQuery` hears of
 * a cache write on a timer; the query cache's own listeners are called in the writer's event, so an optimistic
 * change (written by `useUpdateOrgConnection` in the click's handler) shows in the click's own frame. A change
 * replaces only the connection it changed, so memoized rows of the others skip rendering.
 */
export function useCachedOrgConnections(organizationId: string): readonly OrgConnection[] | undefined {
  const { queryClient } = useOrgConnectionsContext();
  const subscribe = useCallback(
    (onChange: () => void) => queryClient.getQueryCache().subscribe(onChange),
    [queryClient],
  );
  const snapshot = () =>
    queryClient.getQueryData<ListOrganizationConnectionsResult>(orgConnectionsKeys.list(organizationId))?.items;
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

import { useMutation } from './externals';
import { updateCachedConnections } from './org-connections-cache';
import { useOrgConnectionsContext } from './org-connections-provider';

/** Takes a connection off the organization (it stays in the tenant); the cached list drops it. */
export function useRemoveOrgConnection(organizationId: string) {
  const { api, queryClient } = useOrgConnectionsContext();
  return useMutation<void, Error, string>({
    mutationFn: (connectionId) => api.removeOrganizationConnection(organizationId, connectionId),
    onSuccess: (_, connectionId) => {
      updateCachedConnections(queryClient, organizationId, (items) =>
        items.filter((item) => item.connectionId !== connectionId),
      );
    },
  });
}

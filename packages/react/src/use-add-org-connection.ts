import type { AddOrganizationConnectionInput, OrgConnection } from '@org-connections/core';
import { useMutation } from './externals';
import { updateCachedConnections } from './org-connections-cache';
import { useOrgConnectionsContext } from './org-connections-provider';

/** Enables a tenant connection for the organization; the server's answer joins the cached list. */
export function useAddOrgConnection(organizationId: string) {
  const { api, queryClient } = useOrgConnectionsContext();
  return useMutation<OrgConnection, Error, AddOrganizationConnectionInput>({
    mutationFn: (input) => api.addOrganizationConnection(organizationId, input),
    onSuccess: (added) => {
      updateCachedConnections(queryClient, organizationId, (items) => [
        ...items.filter((item) => item.connectionId !== added.connectionId),
        added,
      ]);
    },
  });
}

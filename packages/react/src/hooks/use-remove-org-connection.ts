import { canAddOrRemoveConnections, OrgConnectionsError, VIEW_NOT_PERMITTED_CODE } from '@org-connections/core';
import { useMutation } from '@tanstack/react-query';
import { useOrgConnectionsContext } from '../components/org-connections-provider';
import type { OrgConnectionMutationOptions } from './org-connection-mutation-options';
import { updateCachedConnections } from './org-connections-cache';

export type UseRemoveOrgConnectionOptions = OrgConnectionMutationOptions;

/**
 * Takes a connection off the organization (it stays in the tenant); the cached list drops it. Only a tenant
 * admin may: for `org-admin` it is refused (`not_permitted`) with no request.
 */
export function useRemoveOrgConnection(organizationId: string, { view }: UseRemoveOrgConnectionOptions) {
  const { api, queryClient } = useOrgConnectionsContext();
  return useMutation<void, Error, string>({
    mutationFn: (connectionId) => {
      if (!canAddOrRemoveConnections(view)) {
        throw new OrgConnectionsError({
          kind: 'not_permitted',
          code: VIEW_NOT_PERMITTED_CODE,
          message: 'Only a tenant administrator can remove a connection from the organization.',
        });
      }
      return api.removeOrganizationConnection(organizationId, connectionId);
    },
    onSuccess: (_, connectionId) => {
      updateCachedConnections(queryClient, organizationId, (items) =>
        items.filter((item) => item.connectionId !== connectionId),
      );
    },
  });
}

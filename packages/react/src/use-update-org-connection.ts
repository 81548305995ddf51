import {
  assertChangesPermitted,
  capabilitiesFor,
  type OrgConnection,
  type OrgConnectionSettings,
  orgConnectionsKeys,
  type View,
} from '@org-connections/core';
import { useMutation } from './externals';
import { findCachedConnection, replaceCachedConnection } from './org-connections-cache';
import { useOrgConnectionsContext } from './org-connections-provider';

export interface UpdateOrgConnectionVariables {
  connectionId: string;
  changes: Partial<OrgConnectionSettings>;
}

export interface UseUpdateOrgConnectionOptions {
  /** When given, changes this view may not make are refused (`not_permitted`) before any request. */
  view?: View;
}

/**
 * Changes settings of one connection optimistically: the cached list shows the change at once, rolls
 * that connection back if the server refuses, and takes the server's answer when it agrees (no refetch).
 */
export function useUpdateOrgConnection(organizationId: string, options: UseUpdateOrgConnectionOptions = {}) {
  const { api, queryClient, policy } = useOrgConnectionsContext();
  return useMutation<OrgConnection, Error, UpdateOrgConnectionVariables, { previous: OrgConnection | undefined }>({
    mutationFn: ({ connectionId, changes }) => api.updateOrganizationConnection(organizationId, connectionId, changes),
    onMutate: async ({ connectionId, changes }) => {
      const previous = findCachedConnection(queryClient, organizationId, connectionId);
      if (previous && options.view) {
        const { organizationAccessLevel: accessLevel, kind } = previous;
        assertChangesPermitted(capabilitiesFor({ view: options.view, accessLevel, kind, policy }), changes);
      }
      await queryClient.cancelQueries({ queryKey: orgConnectionsKeys.list(organizationId) });
      if (previous) replaceCachedConnection(queryClient, organizationId, { ...previous, ...changes });
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) replaceCachedConnection(queryClient, organizationId, context.previous);
    },
    onSuccess: (updated) => replaceCachedConnection(queryClient, organizationId, updated),
  });
}

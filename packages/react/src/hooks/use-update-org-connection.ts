import {
  guardOrganizationConnectionChanges,
  isOrgConnectionsError,
  type ListOrganizationConnectionsResult,
  type OrgConnection,
  type OrgConnectionSettings,
  orgConnectionsKeys,
  UNKNOWN_STRATEGY,
} from '@org-connections/core';
import { useMutation } from '@tanstack/react-query';
import { useOrgConnectionsContext } from '../components/org-connections-provider';
import type { OrgConnectionMutationOptions } from './org-connection-mutation-options';
import { findCachedConnection, replaceCachedConnection } from './org-connections-cache';

export interface UpdateOrgConnectionVariables {
  connectionId: string;
  changes: Partial<OrgConnectionSettings>;
}

export type UseUpdateOrgConnectionOptions = OrgConnectionMutationOptions;

/**
 * Changes settings of one connection optimistically: core's guard first refuses, with no request, a change
 * `view` may not make to the connection as cached (or one breaking a rule); the cached list then shows the
 * change at once (in the caller's own event: TanStack Query runs `onMutate` synchronously), rolls that
 * connection back if the server refuses, and takes the server's answer when it agrees (no refetch).
 */
export function useUpdateOrgConnection(organizationId: string, { view }: UseUpdateOrgConnectionOptions) {
  const { api, queryClient, policy } = useOrgConnectionsContext();
  return useMutation<OrgConnection, Error, UpdateOrgConnectionVariables, { previous: OrgConnection | undefined }>({
    // Auth0's write answers may leave out `connection` (its name and strategy): the cached ones stay, so the answer
    // every caller gets (the cache, `data`, each call's callbacks) is the whole connection.
    mutationFn: async ({ connectionId, changes }) => {
      const updated = await api.updateOrganizationConnection(organizationId, connectionId, changes);
      const cached = findCachedConnection(queryClient, organizationId, connectionId);
      return cached && updated.connection.strategy === UNKNOWN_STRATEGY
        ? { ...updated, connection: cached.connection, kind: cached.kind }
        : updated;
    },
    onMutate: async ({ connectionId, changes }) => {
      const previous = findCachedConnection(queryClient, organizationId, connectionId);
      if (previous) {
        guardOrganizationConnectionChanges({ view, policy, current: previous, changes });
        replaceCachedConnection(queryClient, organizationId, { ...previous, ...changes });
      }
      // After the write: a refetch it cancels reverts to the written state, not to the one before it.
      await queryClient.cancelQueries({ queryKey: orgConnectionsKeys.list(organizationId) });
      return { previous };
    },
    onError: (error, _variables, context) => {
      if (context?.previous) replaceCachedConnection(queryClient, organizationId, context.previous);
      // The server judged the connection as it is now (another admin may have changed its level or removed it):
      // show that, rather than the copy the refused change was made on.
      if (isOrgConnectionsError(error) && (error.kind === 'forbidden' || error.kind === 'not_found')) {
        void queryClient.invalidateQueries({ queryKey: orgConnectionsKeys.list(organizationId) });
      }
    },
    onSuccess: (updated) => {
      replaceCachedConnection(queryClient, organizationId, updated);
      // The server's verdict on the login prompt covers connections this list does not hold: ask for it again.
      const key = orgConnectionsKeys.list(organizationId);
      if (queryClient.getQueryData<ListOrganizationConnectionsResult>(key)?.loginPrompt) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    },
  });
}

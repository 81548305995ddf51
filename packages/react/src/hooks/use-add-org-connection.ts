import {
  type AddOrganizationConnectionInput,
  guardNewOrganizationConnection,
  type OrgConnection,
} from '@org-connections/core';
import { useMutation } from '@tanstack/react-query';
import { useOrgConnectionsContext } from '../components/org-connections-provider';
import type { OrgConnectionMutationOptions } from './org-connection-mutation-options';
import { findCachedTenantConnection, updateCachedConnections } from './org-connections-cache';

export type UseAddOrgConnectionOptions = OrgConnectionMutationOptions;

/**
 * Enables a tenant connection for the organization; the server's answer joins the cached list. Core's guard
 * first refuses, with no request, settings `view` may not set or that break a rule for the connection's kind
 * (known when the tenant connection is cached, as the picker leaves it).
 */
export function useAddOrgConnection(organizationId: string, { view }: UseAddOrgConnectionOptions) {
  const { api, queryClient, policy } = useOrgConnectionsContext();
  return useMutation<OrgConnection, Error, AddOrganizationConnectionInput>({
    mutationFn: ({ connectionId, ...settings }) => {
      const kind = findCachedTenantConnection(queryClient, connectionId)?.kind;
      const allowed = guardNewOrganizationConnection({ view, policy, kind, settings });
      return api.addOrganizationConnection(organizationId, { connectionId, ...allowed });
    },
    onSuccess: (added) => {
      updateCachedConnections(queryClient, organizationId, (items) => [
        ...items.filter((item) => item.connectionId !== added.connectionId),
        added,
      ]);
    },
  });
}

import { orgConnectionsKeys, unsupportedFeatureError } from '@org-connections/core';
import { useQuery } from '@tanstack/react-query';
import { useOrgConnectionsContext } from '../components/org-connections-provider';
import { findCachedTenantConnection } from './org-connections-cache';

export interface UseTenantConnectionOptions {
  /** `false` holds the request back (e.g. while a dialog is closed). */
  enabled?: boolean;
}

/**
 * One tenant connection by id (`data`): from the picker's cached pages when they hold it (no request), else one
 * `getTenantConnection` request, however large the tenant. A missing one is a `not_found` error.
 */
export function useTenantConnection(connectionId: string, options: UseTenantConnectionOptions = {}) {
  const { api, queryClient } = useOrgConnectionsContext();
  return useQuery({
    queryKey: orgConnectionsKeys.tenantConnection(connectionId),
    queryFn: ({ signal }) => {
      if (api.getTenantConnection === undefined || api.supports?.('getTenantConnection') === false) {
        throw unsupportedFeatureError('getTenantConnection');
      }
      return api.getTenantConnection(connectionId, { signal });
    },
    initialData: () => findCachedTenantConnection(queryClient, connectionId),
    enabled: options.enabled ?? true,
    // As the tenant's list: its connections change rarely.
    staleTime: 5 * 60_000,
    // The data source retries what is worth retrying.
    retry: false,
  });
}

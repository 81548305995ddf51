import type { TenantConnectionsFilter } from '@org-connections/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useOrgConnectionsContext } from '../components/org-connections-provider';
import { tenantConnectionsQueryOptions } from './org-connections-query-options';

export interface UseTenantConnectionsOptions {
  /** `false` holds the first request back (e.g. while a dialog is closed). */
  enabled?: boolean;
  /** While a new filter's first page loads, go on showing the previous filter's pages (`isPlaceholderData`). */
  keepPrevious?: boolean;
}

/** The tenant's connections for the picker; `fetchNextPage` follows the checkpoint. */
export function useTenantConnections(filter: TenantConnectionsFilter = {}, options: UseTenantConnectionsOptions = {}) {
  const { api } = useOrgConnectionsContext();
  return useInfiniteQuery({
    ...tenantConnectionsQueryOptions(api, filter),
    enabled: options.enabled ?? true,
    ...(options.keepPrevious && { placeholderData: keepPreviousData }),
  });
}

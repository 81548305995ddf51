import { useQuery } from '@tanstack/react-query';
import { useOrgConnectionsContext } from '../components/org-connections-provider';
import { orgConnectionsQueryOptions } from './org-connections-query-options';

/** The connections enabled for an organization (`data.items`), shared by every component that asks. */
export function useOrgConnections(organizationId: string) {
  const { api } = useOrgConnectionsContext();
  return useQuery(orgConnectionsQueryOptions(api, organizationId));
}

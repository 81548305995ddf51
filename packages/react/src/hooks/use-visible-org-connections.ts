import { capabilitiesFor, type OrgConnectionsFeature, seesEveryConnection, type View } from '@org-connections/core';
import { useCallback, useMemo } from 'react';
import { useOrgConnectionsContext } from '../components/org-connections-provider';
import { useCachedOrgConnections } from './use-cached-org-connections';
import { useOrgConnections } from './use-org-connections';

/** Whether the connections can be shown: `unsupported` when the data source cannot serve the view at all. */
export type VisibleOrgConnectionsStatus = 'loading' | 'error' | 'unsupported' | 'loaded';

/**
 * What a component shows of an organization's connections in `view`: the ones the view may see (under the
 * provider's `policy`), read from the cache in the writer's event (`undefined` until loaded), the query (for its
 * error and refetch), what the data source supports, and the state to show: `unsupported` when the data source cannot
 * serve the view at all, else `loaded`, `error` or `loading`.
 */
export function useVisibleOrgConnections(organizationId: string, view: View) {
  const { api, policy } = useOrgConnectionsContext();
  const query = useOrgConnections(organizationId);
  const items = useCachedOrgConnections(organizationId);
  const visible = useMemo(
    () =>
      items?.filter(
        (connection) =>
          capabilitiesFor({ view, accessLevel: connection.organizationAccessLevel, kind: connection.kind, policy })
            .visible,
      ),
    [items, view, policy],
  );
  const supports = useCallback((feature: OrgConnectionsFeature) => api.supports?.(feature) !== false, [api]);
  // Without access levels (the `enabled_connections` endpoints) nothing says what an org admin may see.
  const status: VisibleOrgConnectionsStatus =
    !seesEveryConnection(view) && !supports('organizationAccessLevel')
      ? 'unsupported'
      : visible
        ? 'loaded'
        : query.isError
          ? 'error'
          : 'loading';
  // `@org-connections/server`'s verdict on the login prompt over all the organization's connections (an org admin's).
  return { query, visible, supports, status, loginPrompt: query.data?.loginPrompt };
}

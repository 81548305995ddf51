import type { OrgConnection } from './org-connection';

/**
 * What list and get responses last said about each organization's connections, so a client can gate a
 * mutation (kind, access level, current settings) without asking the server again.
 */
export interface KnownConnections {
  remember(organizationId: string, connection: OrgConnection): void;
  recall(organizationId: string, connectionId: string): OrgConnection | undefined;
  forget(organizationId: string, connectionId: string): void;
}

export function createKnownConnections(): KnownConnections {
  const organizations = new Map<string, Map<string, OrgConnection>>();
  return {
    remember(organizationId, connection) {
      let connections = organizations.get(organizationId);
      if (connections === undefined) {
        connections = new Map();
        organizations.set(organizationId, connections);
      }
      connections.set(connection.connectionId, connection);
    },
    recall(organizationId, connectionId) {
      return organizations.get(organizationId)?.get(connectionId);
    },
    forget(organizationId, connectionId) {
      organizations.get(organizationId)?.delete(connectionId);
    },
  };
}

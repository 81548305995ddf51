import type { FakeConnection, FakeOrganization, FakeOrganizationConnection, FakeTenantData } from '../data/tenant-data';

/** The tenant's mutable state with the lookups the endpoints need (by id, and connections sorted for paging). */
export interface TenantStore {
  readonly data: FakeTenantData;
  organization(organizationId: string): FakeOrganization | undefined;
  /** Organization ids in listing order (`GET /organizations`: by id). */
  sortedOrganizationIds(): readonly string[];
  connection(connectionId: string): FakeConnection | undefined;
  /** `undefined` when the organization does not exist. */
  organizationConnections(organizationId: string): FakeOrganizationConnection[] | undefined;
  /** Connections in listing order: by lower-cased name, then id. */
  sortedConnections(): readonly FakeConnection[];
  /** The sort keys of `sortedConnections()`, index for index. */
  sortedKeys(): readonly string[];
  /** Call after changing `data.connections` directly. */
  connectionsChanged(): void;
  /** My Organization API `options` an org admin changed, by connection id. */
  readonly identityProviderOptions: Map<string, Record<string, unknown>>;
}

export function connectionSortKey(connection: FakeConnection): string {
  return `${connection.name.toLowerCase()}\u0000${connection.id}`;
}

export function createTenantStore(data: FakeTenantData): TenantStore {
  let byId: Map<string, FakeConnection> | undefined;
  let organizationsById: { count: number; map: Map<string, FakeOrganization> } | undefined;
  let sortedOrganizationIds: { count: number; ids: string[] } | undefined;
  let sorted: { connections: FakeConnection[]; keys: string[] } | undefined;
  function sort() {
    sorted ??= (() => {
      const entries = data.connections
        .map((connection) => ({ connection, key: connectionSortKey(connection) }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return { connections: entries.map(({ connection }) => connection), keys: entries.map(({ key }) => key) };
    })();
    return sorted;
  }
  return {
    data,
    identityProviderOptions: new Map(),
    organization(organizationId) {
      // Organizations are only ever added (pushed), so the count tells when the map is stale.
      if (organizationsById?.count !== data.organizations.length) {
        organizationsById = {
          count: data.organizations.length,
          map: new Map(data.organizations.map((organization) => [organization.id, organization])),
        };
      }
      return organizationsById.map.get(organizationId);
    },
    sortedOrganizationIds() {
      if (sortedOrganizationIds?.count !== data.organizations.length) {
        const ids = data.organizations.map(({ id }) => id).sort();
        sortedOrganizationIds = { count: data.organizations.length, ids };
      }
      return sortedOrganizationIds.ids;
    },
    connection(connectionId) {
      byId ??= new Map(data.connections.map((connection) => [connection.id, connection]));
      return byId.get(connectionId);
    },
    organizationConnections(organizationId) {
      if (this.organization(organizationId) === undefined) return undefined;
      data.organizationConnections[organizationId] ??= [];
      return data.organizationConnections[organizationId];
    },
    sortedConnections() {
      return sort().connections;
    },
    sortedKeys() {
      return sort().keys;
    },
    connectionsChanged() {
      byId = undefined;
      sorted = undefined;
    },
  };
}

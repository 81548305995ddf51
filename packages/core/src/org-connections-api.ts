import type { OrgConnection, OrgConnectionSettings, TenantConnection } from './org-connection';

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface ListOrganizationConnectionsOptions extends RequestOptions {
  /** Zero-based page. */
  page?: number;
  /** 1–100 (Auth0's default is 50). */
  perPage?: number;
}

export interface ListOrganizationConnectionsResult {
  items: OrgConnection[];
  total?: number;
}

export interface ListTenantConnectionsOptions extends RequestOptions {
  /** The checkpoint returned as `next` by the previous page. */
  from?: string;
  /** 1–100 (Auth0's default is 50). */
  take?: number;
  /** Only connections of these strategies. */
  strategy?: string | string[];
  /** Only the connection with this name. */
  name?: string;
}

/** What narrows the tenant's connection list (the picker's search); also part of its query key. */
export type TenantConnectionsFilter = Pick<ListTenantConnectionsOptions, 'strategy' | 'name' | 'take'>;

export interface ListTenantConnectionsResult {
  items: TenantConnection[];
  /** Absent on the last page. */
  next?: string;
}

export interface AddOrganizationConnectionInput extends OrgConnectionSettings {
  connectionId: string;
}

/** A feature of the port that a given data source may not offer. */
export type OrgConnectionsFeature =
  | 'organizationAccessLevel'
  | 'organizationConnectionName'
  | 'isEnabled'
  | 'addConnection'
  | 'removeConnection'
  | 'listTenantConnections';

/**
 * The port every data source implements: the Management API client, the My Organization API client,
 * a host's own backend, or a test double. A data source retries what is worth retrying (both clients send a
 * GET again after a dropped connection, a 429 or a 5xx); the components do not retry on top of it.
 */
export interface OrgConnectionsApi {
  listOrganizationConnections(
    organizationId: string,
    options?: ListOrganizationConnectionsOptions,
  ): Promise<ListOrganizationConnectionsResult>;
  getOrganizationConnection(
    organizationId: string,
    connectionId: string,
    options?: RequestOptions,
  ): Promise<OrgConnection>;
  addOrganizationConnection(
    organizationId: string,
    input: AddOrganizationConnectionInput,
    options?: RequestOptions,
  ): Promise<OrgConnection>;
  updateOrganizationConnection(
    organizationId: string,
    connectionId: string,
    changes: Partial<OrgConnectionSettings>,
    options?: RequestOptions,
  ): Promise<OrgConnection>;
  removeOrganizationConnection(organizationId: string, connectionId: string, options?: RequestOptions): Promise<void>;
  listTenantConnections(options?: ListTenantConnectionsOptions): Promise<ListTenantConnectionsResult>;
  /** Which optional features this source offers. A missing function means every feature is offered. */
  supports?(feature: OrgConnectionsFeature): boolean;
}

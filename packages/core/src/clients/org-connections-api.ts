import type { ConnectionKind } from '../model/connection-kind';
import type { OrgConnection, OrgConnectionSettings, TenantConnection } from '../model/org-connection';
import type { Rollout, RolloutControl, RolloutInput, RolloutStatus } from '../model/rollout';
import type { LoginPromptVerdict } from '../rules/visibility-warning';

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
  /**
   * `@org-connections/server`'s answer for an org admin's list: the organization's login prompt (`ready`, `failure`,
   * `empty`: `loginPromptVerdict`), judged over all its connections (the hidden ones included, never named).
   */
  loginPrompt?: LoginPromptVerdict;
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
  /**
   * Connections whose name or display name contains this (case- and accent-insensitive). Only a source that
   * searches the whole tenant understands it (one whose pages say `tenantSearch`); send it only to such a source.
   */
  search?: string;
  /** Only connections of this kind; like `search`, only for a source that says `tenantSearch`. */
  kind?: ConnectionKind;
  /**
   * The organization a connection is being added to: `@org-connections/server` then lists only the connections
   * its host's `attachable` allows for it (sent as the `TENANT_CONNECTIONS_ORGANIZATION_HEADER` header, which Auth0
   * and any other source ignore).
   */
  organizationId?: string;
}

/** The request header that names the organization a tenant connection list is for (`organizationId`). */
export const TENANT_CONNECTIONS_ORGANIZATION_HEADER = 'x-org-connections-organization';

export interface GetTenantConnectionOptions extends RequestOptions {
  /**
   * The organization the connection is read for: `@org-connections/server` then answers it only if its host's
   * `attachable` allows it there (sent as the `TENANT_CONNECTIONS_ORGANIZATION_HEADER` header, as for the list).
   */
  organizationId?: string;
}

/** What narrows the tenant's connection list (the picker's search); also part of its query key. */
export type TenantConnectionsFilter = Pick<
  ListTenantConnectionsOptions,
  'strategy' | 'name' | 'take' | 'search' | 'kind' | 'organizationId'
>;

export interface ListTenantConnectionsResult {
  items: TenantConnection[];
  /** Absent on the last page. */
  next?: string;
  /**
   * Present only when the source searched the whole tenant (the server package's connection index): `complete`,
   * or `partial` while its first read of the tenant is still running (ask again for the rest). Absent straight
   * from Auth0, whose `GET /connections` matches names only whole.
   */
  tenantSearch?: 'complete' | 'partial';
  /** How many connections match this search and filter (over what the source has read so far), when it says. */
  total?: number;
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
  | 'listTenantConnections'
  | 'getTenantConnection'
  | 'rollouts';

/**
 * What `startRollout` answers: the new rollout's id and status; `dryRun: true` for a dry run (a rollout that writes
 * nothing), whose progress and counts `getRollout` reads.
 */
export interface RolloutStartResult {
  dryRun: boolean;
  id: string;
  status: RolloutStatus;
}

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
  /**
   * One tenant connection by id, in one request (a source without it, or whose `supports('getTenantConnection')`
   * is false, has no tenant connections: the My Organization API). A missing one is `not_found`.
   */
  getTenantConnection?(connectionId: string, options?: GetTenantConnectionOptions): Promise<TenantConnection>;
  /**
   * Rollouts (one connection enabled in many organizations), served by `@org-connections/server` only: present on
   * the Management API client, which `supports('rollouts')`; straight against Auth0 they answer 404.
   */
  startRollout?(input: RolloutInput, options?: RequestOptions): Promise<RolloutStartResult>;
  getRollout?(rolloutId: string, options?: RequestOptions): Promise<Rollout>;
  /** Recent rollouts, newest first. */
  listRollouts?(options?: RequestOptions): Promise<{ items: Rollout[] }>;
  /** Pause, resume, cancel, or retry the failed organizations; answers the rollout as it is then. */
  controlRollout?(rolloutId: string, control: RolloutControl, options?: RequestOptions): Promise<Rollout>;
  /** Which optional features this source offers. A missing function means every feature is offered. */
  supports?(feature: OrgConnectionsFeature): boolean;
}

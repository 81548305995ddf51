import type { DataSource } from '../model/data-source-features';
import type { OrgConnection, OrgConnectionSettings } from '../model/org-connection';
import type { HttpRequest } from './http-client';
import type { ListOrganizationConnectionsResult } from './org-connections-api';

/**
 * Which family of organization connection endpoints to call:
 * - `connections`: `/organizations/{id}/connections` (Early Access): access level, name and `is_enabled`;
 * - `enabled_connections`: `/organizations/{id}/enabled_connections` (generally available), for tenants without
 *   the Early Access family.
 *   It has no access level, name or `is_enabled`: `supports()` says so and changing them is refused.
 */
export type ManagementApiEndpoints = 'connections' | 'enabled_connections';

/**
 * One family of the Management API's organization connection endpoints: its wire shapes, behind the one
 * Management API client. Each method sends exactly the request it is given, with its body, and maps the answer.
 */
export interface OrganizationConnectionsEndpoints {
  /** The path segment below `/organizations/{id}/`. */
  family: ManagementApiEndpoints;
  /** How errors name this source. */
  source: DataSource;
  list(request: HttpRequest): Promise<ListOrganizationConnectionsResult>;
  get(request: HttpRequest): Promise<OrgConnection>;
  /** `settings` are the ones this family can write (see `dataSourceFeatures`). */
  add(request: HttpRequest, connectionId: string, settings: OrgConnectionSettings): Promise<OrgConnection>;
  update(request: HttpRequest, connectionId: string, settings: OrgConnectionSettings): Promise<OrgConnection>;
}

import { type AccessLevel, ORG_CONNECTION_SETTINGS, type OrgConnectionSettingDefinition } from '@org-connections/core';

/*
 * The fake tenant's data, kept in Auth0's wire shape (snake_case) so what the fake stores is what it sends.
 */

/** An organization of the tenant. Auth0 ids are `org_` followed by 16 letters or digits. */
export interface FakeOrganization {
  id: string;
  /** The slug-like name (Auth0: lowercase letters, digits, `-` and `_`). */
  name: string;
  display_name?: string;
}

/** A connection of the tenant, as `GET /connections` lists it. Ids are `con_` followed by 16 letters or digits. */
export interface FakeConnection {
  id: string;
  /** Auth0's connection name: letters, digits and `-`, unique in the tenant. */
  name: string;
  display_name?: string;
  strategy: string;
  realms?: string[];
  is_domain_connection?: boolean;
  show_as_button?: boolean;
  metadata?: Record<string, string>;
}

/** One connection enabled for one organization, in the shape of the `/organizations/{id}/connections` family. */
export interface FakeOrganizationConnection {
  connection_id: string;
  /** 1–50 characters, no NUL; required before the access level leaves `none`. */
  organization_connection_name?: string;
  /** One of Auth0's four levels; any other string stands for a level Auth0 may add (clients treat it as `none`). */
  organization_access_level: AccessLevel | (string & {});
  is_enabled: boolean;
  assign_membership_on_login: boolean;
  is_signup_enabled: boolean;
  show_as_button: boolean;
}

/** A connection just enabled for an organization: Auth0's default for each setting (core's settings table). */
export function defaultOrganizationConnection(connectionId: string): FakeOrganizationConnection {
  const record: Record<string, unknown> = { connection_id: connectionId };
  const settings: OrgConnectionSettingDefinition[] = Object.values(ORG_CONNECTION_SETTINGS);
  for (const { wireName, defaultValue } of settings) {
    if (defaultValue !== undefined) record[wireName] = defaultValue;
  }
  return record as unknown as FakeOrganizationConnection;
}

/** Everything a fake tenant holds. `organizationConnections` is keyed by organization id. */
export interface FakeTenantData {
  organizations: FakeOrganization[];
  connections: FakeConnection[];
  organizationConnections: Record<string, FakeOrganizationConnection[]>;
}

/** A deep copy, so a tenant never shares arrays with the data it was created from. */
export function cloneTenantData(data: FakeTenantData): FakeTenantData {
  return structuredClone(data);
}

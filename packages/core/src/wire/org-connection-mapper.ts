import { connectionKind, UNKNOWN_STRATEGY } from '../model/connection-kind';
import {
  ORG_CONNECTION_FIELDS,
  type OrgConnection,
  type OrgConnectionSettings,
  type TenantConnection,
} from '../model/org-connection';
import {
  type OrgConnectionSettingWireName,
  ORG_CONNECTION_SETTINGS as SETTINGS,
} from '../model/org-connection-settings-table';
import type {
  WireEnabledConnection,
  WireOrganizationConnection,
  WireTenantConnection,
  WireUpdateOrganizationConnection,
} from './management-api-wire-schemas';
import type { WireIdentityProvider } from './my-organization-api-wire-schemas';

const { isEnabled, assignMembershipOnLogin, isSignupEnabled, showAsButton, organizationAccessLevel } = SETTINGS;

/** Maps an item of either Management API family to the model, with Auth0's documented defaults. */
export function fromWireOrganizationConnection(
  wire: WireOrganizationConnection | WireEnabledConnection,
): OrgConnection {
  const strategy = wire.connection?.strategy ?? UNKNOWN_STRATEGY;
  const connection: OrgConnection = {
    connectionId: wire.connection_id,
    isEnabled: 'is_enabled' in wire && wire.is_enabled !== undefined ? wire.is_enabled : isEnabled.defaultValue,
    assignMembershipOnLogin: wire.assign_membership_on_login ?? assignMembershipOnLogin.defaultValue,
    isSignupEnabled: wire.is_signup_enabled ?? isSignupEnabled.defaultValue,
    showAsButton: wire.show_as_button ?? showAsButton.defaultValue,
    connection: { name: wire.connection?.name ?? wire.connection_id, strategy },
    kind: connectionKind(strategy),
  };
  if ('organization_connection_name' in wire && wire.organization_connection_name !== undefined) {
    connection.organizationConnectionName = wire.organization_connection_name;
  }
  if ('organization_access_level' in wire && wire.organization_access_level !== undefined) {
    connection.organizationAccessLevel = wire.organization_access_level;
  }
  return connection;
}

/** Maps an identity provider of the My Organization API (enterprise only) to the model. */
export function fromWireIdentityProvider(wire: WireIdentityProvider): OrgConnection {
  const strategy = wire.strategy ?? UNKNOWN_STRATEGY;
  const connection: OrgConnection = {
    connectionId: wire.id,
    isEnabled: wire.is_enabled ?? isEnabled.defaultValue,
    assignMembershipOnLogin: wire.assign_membership_on_login ?? assignMembershipOnLogin.defaultValue,
    isSignupEnabled: isSignupEnabled.defaultValue,
    showAsButton: wire.show_as_button ?? showAsButton.defaultValue,
    connection: { name: wire.name ?? wire.display_name ?? wire.id, strategy },
    // The API has only enterprise identity providers.
    kind: strategy === UNKNOWN_STRATEGY ? 'enterprise' : connectionKind(strategy),
    organizationAccessLevel: wire.access_level ?? organizationAccessLevel.defaultValue,
  };
  if (wire.display_name !== undefined) connection.organizationConnectionName = wire.display_name;
  return connection;
}

export function fromWireTenantConnection(wire: WireTenantConnection): TenantConnection {
  const connection: TenantConnection = {
    id: wire.id,
    name: wire.name,
    strategy: wire.strategy,
    kind: connectionKind(wire.strategy),
  };
  if (wire.display_name !== undefined) connection.displayName = wire.display_name;
  return connection;
}

/** The snake_case body for the settings given; fields left `undefined` are not sent. */
export function toWireSettings(settings: Partial<OrgConnectionSettings>): WireUpdateOrganizationConnection {
  const wire: Record<string, unknown> = {};
  for (const field of ORG_CONNECTION_FIELDS) {
    const value = settings[field];
    if (value !== undefined) wire[SETTINGS[field].wireName] = value;
  }
  return wire as WireUpdateOrganizationConnection;
}

/**
 * The settings of a validated request body (`wireUpdateOrganizationConnectionSchema` or the create schema),
 * by their model names; the inverse of `toWireSettings`. A `null` (PATCH: reset) is kept as `null`.
 */
export function fromWireSettings(
  wire: Partial<Record<OrgConnectionSettingWireName, unknown>>,
): Partial<OrgConnectionSettings> {
  const settings: Record<string, unknown> = {};
  for (const field of ORG_CONNECTION_FIELDS) {
    const value = wire[SETTINGS[field].wireName];
    if (value !== undefined) settings[field] = value;
  }
  return settings as Partial<OrgConnectionSettings>;
}

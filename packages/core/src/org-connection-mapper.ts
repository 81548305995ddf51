import { connectionKind } from './connection-kind';
import type {
  WireEnabledConnection,
  WireOrganizationConnection,
  WireTenantConnection,
  WireUpdateOrganizationConnection,
} from './management-api-wire-schemas';
import type { WireIdentityProvider } from './my-organization-api-wire-schemas';
import type { OrgConnection, OrgConnectionSettings, TenantConnection } from './org-connection';

/** Maps an item of either Management API family to the model, with Auth0's documented defaults. */
export function fromWireOrganizationConnection(
  wire: WireOrganizationConnection | WireEnabledConnection,
): OrgConnection {
  const strategy = wire.connection?.strategy ?? '';
  const connection: OrgConnection = {
    connectionId: wire.connection_id,
    isEnabled: 'is_enabled' in wire && wire.is_enabled !== undefined ? wire.is_enabled : true,
    assignMembershipOnLogin: wire.assign_membership_on_login ?? false,
    isSignupEnabled: wire.is_signup_enabled ?? false,
    showAsButton: wire.show_as_button ?? true,
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
  const strategy = wire.strategy ?? '';
  const connection: OrgConnection = {
    connectionId: wire.id,
    isEnabled: wire.is_enabled ?? true,
    assignMembershipOnLogin: wire.assign_membership_on_login ?? false,
    isSignupEnabled: false,
    showAsButton: wire.show_as_button ?? true,
    connection: { name: wire.name ?? wire.display_name ?? wire.id, strategy },
    kind: strategy === '' ? 'enterprise' : connectionKind(strategy),
    organizationAccessLevel: wire.access_level ?? 'none',
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

const WIRE_NAMES = {
  organizationConnectionName: 'organization_connection_name',
  organizationAccessLevel: 'organization_access_level',
  isEnabled: 'is_enabled',
  assignMembershipOnLogin: 'assign_membership_on_login',
  isSignupEnabled: 'is_signup_enabled',
  showAsButton: 'show_as_button',
} as const satisfies Record<keyof OrgConnectionSettings, string>;

/** The snake_case body for the settings given; fields left `undefined` are not sent. */
export function toWireSettings(settings: Partial<OrgConnectionSettings>): WireUpdateOrganizationConnection {
  const wire: Record<string, unknown> = {};
  for (const [field, wireName] of Object.entries(WIRE_NAMES)) {
    const value = settings[field as keyof OrgConnectionSettings];
    if (value !== undefined) wire[wireName] = value;
  }
  return wire as WireUpdateOrganizationConnection;
}

/**
 * The settings of a validated request body (`wireUpdateOrganizationConnectionSchema` or the create schema),
 * by their model names; the inverse of `toWireSettings`. A `null` (PATCH: reset) is kept as `null`.
 */
export function fromWireSettings(
  wire: Partial<Record<(typeof WIRE_NAMES)[keyof OrgConnectionSettings], unknown>>,
): Partial<OrgConnectionSettings> {
  const settings: Record<string, unknown> = {};
  for (const [field, wireName] of Object.entries(WIRE_NAMES)) {
    if (wire[wireName] !== undefined) settings[field] = wire[wireName];
  }
  return settings as Partial<OrgConnectionSettings>;
}

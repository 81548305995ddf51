import { type AccessLevel, type AccessLevelValue, isAccessLevel } from './access-level';
import type { ConnectionKind } from './connection-kind';
import {
  ORG_CONNECTION_FIELDS,
  type OrgConnectionField,
  type OrgConnectionSettings,
  type View,
} from './org-connection';
import { settingDefinition } from './org-connection-settings-table';

/**
 * How strictly `limited` is read. Auth0's docs name only `is_enabled` and `show_as_button`; its OpenAPI
 * also lets `limited` change `assign_membership_on_login`. The default is the docs' stricter reading.
 */
export interface AccessPolicy {
  limitedCanAssignMembership?: boolean;
}

export interface CapabilitiesInput {
  view: View;
  /** The connection's `organizationAccessLevel`; `undefined` or an unknown value behaves as `none` for an org admin. */
  accessLevel: AccessLevelValue | undefined;
  kind: ConnectionKind;
  policy?: AccessPolicy;
}

export interface Capabilities {
  /** Whether the connection may be rendered at all. */
  visible: boolean;
  /** Which settings may be changed, by their model names. */
  editable: Record<OrgConnectionField, boolean>;
}

/** Whether a kind of connection has a setting (signup: database; show as button: enterprise), as the table says. */
export function fieldAppliesTo(field: OrgConnectionField, kind: ConnectionKind): boolean {
  return settingDefinition(field).kinds?.includes(kind) ?? true;
}

/** Whether an org admin at `level` may change `field` (on a kind that has it), as the table says. */
function orgAdminMayChange(field: OrgConnectionField, level: AccessLevel, policy: AccessPolicy | undefined): boolean {
  const { orgAdminLevels, limitedMayChangeWith } = settingDefinition(field);
  if (orgAdminLevels?.includes(level)) return true;
  return level === 'limited' && limitedMayChangeWith !== undefined && policy?.[limitedMayChangeWith] === true;
}

/** Whether `view` may add connections to an organization or remove them: only a tenant admin may. */
export function canAddOrRemoveConnections(view: View): boolean {
  return view === 'tenant-admin';
}

/** What one view may see and change of one connection. The UI renders from this; the change guard enforces it. */
export function capabilitiesFor({ view, accessLevel, kind, policy }: CapabilitiesInput): Capabilities {
  const editable = {} as Record<OrgConnectionField, boolean>;
  if (view === 'tenant-admin') {
    for (const field of ORG_CONNECTION_FIELDS) editable[field] = fieldAppliesTo(field, kind);
    return { visible: true, editable };
  }
  const level = isAccessLevel(accessLevel) ? accessLevel : 'none';
  for (const field of ORG_CONNECTION_FIELDS) {
    editable[field] = orgAdminMayChange(field, level, policy) && fieldAppliesTo(field, kind);
  }
  return { visible: level !== 'none', editable };
}

/** The fields of `changes` that `capabilities` does not allow, in the order they were given. */
export function forbiddenChanges(
  capabilities: Capabilities,
  changes: Partial<OrgConnectionSettings>,
): OrgConnectionField[] {
  return (Object.keys(changes) as OrgConnectionField[]).filter(
    (field) => changes[field] !== undefined && !capabilities.editable[field],
  );
}

/** Why some settings of a connection are locked for a view: `readonly`, none may be changed; `limited`, some. */
export type LockReason = 'readonly' | 'limited';

/** The on/off settings of a connection, each shown as a switch. */
const SWITCH_FIELDS: readonly OrgConnectionField[] = [
  'isEnabled',
  'assignMembershipOnLogin',
  'isSignupEnabled',
  'showAsButton',
];

/** What a view gets to do with one connection, as the UI asks it. Derived from `capabilitiesFor`. */
export interface ConnectionControls extends Capabilities {
  /** May give the connection a name for the organization. */
  rename: boolean;
  /** May set the connection's access level. */
  changeAccessLevel: boolean;
  /** May remove the connection from the organization. */
  remove: boolean;
  /** Why some of the connection's settings are locked, or `undefined` when every setting of its kind may change. */
  lockReason: LockReason | undefined;
  /** Which settings are shown: those that may change, and all of the kind's when none may (to read them). */
  shown: Record<OrgConnectionField, boolean>;
  /** Whether a signup switch locked because membership is off says why (not when every setting is locked anyway). */
  explainSignupOff: boolean;
}

/** What `view` gets to do with one connection: `capabilitiesFor`, with every question the UI asks answered. */
export function connectionControlsFor(input: CapabilitiesInput): ConnectionControls {
  const capabilities = capabilitiesFor(input);
  const { editable } = capabilities;
  const settings = SWITCH_FIELDS.filter((field) => fieldAppliesTo(field, input.kind));
  const changeable = settings.filter((field) => editable[field]).length;
  const lockReason: LockReason | undefined =
    changeable === 0 ? 'readonly' : changeable < settings.length ? 'limited' : undefined;
  const shown = {} as Record<OrgConnectionField, boolean>;
  for (const field of ORG_CONNECTION_FIELDS) {
    shown[field] = editable[field] || (lockReason === 'readonly' && settings.includes(field));
  }
  return {
    ...capabilities,
    rename: editable.organizationConnectionName,
    changeAccessLevel: editable.organizationAccessLevel,
    remove: canAddOrRemoveConnections(input.view),
    lockReason,
    shown,
    explainSignupOff: lockReason !== 'readonly',
  };
}

/** What a view gets to do with an organization's connections as a whole. */
export interface ViewControls {
  /** May add connections to the organization and remove them. */
  addOrRemove: boolean;
  /** Sees every connection of the organization (so the count against the limit is its to show). */
  seesAllConnections: boolean;
  /** Needs the data source's access levels to know which connections it may see. */
  needsAccessLevels: boolean;
}

/** What `view` gets to do with an organization's connections as a whole. */
export function viewControlsFor(view: View): ViewControls {
  const tenantAdmin = canAddOrRemoveConnections(view);
  return { addOrRemove: tenantAdmin, seesAllConnections: tenantAdmin, needsAccessLevels: !tenantAdmin };
}

/**
 * Whether membership on authentication makes members of everyone the connection lets in, which a form says:
 * an enterprise connection's identity provider decides who that is, not the organization.
 */
export function membershipAdmitsProviderUsers(kind: ConnectionKind): boolean {
  return kind === 'enterprise';
}

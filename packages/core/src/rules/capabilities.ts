import { type AccessLevel, type AccessLevelValue, isAccessLevel } from '../model/access-level';
import type { ConnectionKind } from '../model/connection-kind';
import {
  ORG_CONNECTION_FIELDS,
  type OrgConnectionField,
  type OrgConnectionSettings,
  type View,
} from '../model/org-connection';
import { settingDefinition } from '../model/org-connection-settings-table';

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
  /**
   * Whether the viewer may see the connection at all (an org admin: not at `none`); whether the login prompt shows it
   * is another question (`shownOnLoginPrompt`).
   */
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
export const SWITCH_FIELDS = [
  'isEnabled',
  'assignMembershipOnLogin',
  'isSignupEnabled',
  'showAsButton',
] as const satisfies readonly OrgConnectionField[];

/**
 * What a view gets to do with one connection, as the UI asks it; derived from `capabilitiesFor`. Renaming and
 * setting the access level are `editable.organizationConnectionName` and `editable.organizationAccessLevel`.
 */
export interface ConnectionControls extends Capabilities {
  /** May remove the connection from the organization. */
  remove: boolean;
  /** Why some of the connection's settings are locked, or `undefined` when every setting of its kind may change. */
  lockReason: LockReason | undefined;
  /** Whether a setting is shown: one that may change, and every one of the kind when none may (to be read). */
  shown: (field: OrgConnectionField) => boolean;
}

/** What `view` gets to do with one connection: `capabilitiesFor`, with every question the UI asks answered. */
export function connectionControlsFor(input: CapabilitiesInput): ConnectionControls {
  const capabilities = capabilitiesFor(input);
  const { editable } = capabilities;
  const settings: OrgConnectionField[] = SWITCH_FIELDS.filter((field) => fieldAppliesTo(field, input.kind));
  const changeable = settings.filter((field) => editable[field]).length;
  return {
    ...capabilities,
    remove: canAddOrRemoveConnections(input.view),
    lockReason: !changeable ? 'readonly' : changeable < settings.length ? 'limited' : undefined,
    shown: (field) => editable[field] || (!changeable && settings.includes(field)),
  };
}

/**
 * Whether `view` sees every connection of the organization: a tenant admin does (the count against the limit is
 * theirs to show); an org admin sees those its access levels allow, so it needs the data source's access levels.
 */
export function seesEveryConnection(view: View): boolean {
  return canAddOrRemoveConnections(view);
}

/**
 * Whether membership on authentication makes members of everyone the connection lets in, which a form says:
 * an enterprise connection's identity provider decides who that is, not the organization.
 */
export function membershipAdmitsProviderUsers(kind: ConnectionKind): boolean {
  return kind === 'enterprise';
}

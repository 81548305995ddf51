import { type AccessLevelValue, isAccessLevel } from './access-level';
import type { ConnectionKind } from './connection-kind';
import {
  ORG_CONNECTION_FIELDS,
  type OrgConnectionField,
  type OrgConnectionSettings,
  type View,
} from './org-connection';

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

/** Which settings exist for a kind of connection: signup is for database, show-as-button for enterprise. */
export function fieldAppliesTo(field: OrgConnectionField, kind: ConnectionKind): boolean {
  if (field === 'isSignupEnabled') return kind === 'database';
  if (field === 'showAsButton') return kind === 'enterprise';
  return true;
}

const ORG_ADMIN_FIELDS: Record<'readonly' | 'limited' | 'full', readonly OrgConnectionField[]> = {
  readonly: [],
  limited: ['isEnabled', 'showAsButton'],
  full: ['isEnabled', 'showAsButton', 'assignMembershipOnLogin', 'isSignupEnabled'],
};

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
  const allowed: OrgConnectionField[] = level === 'none' ? [] : [...ORG_ADMIN_FIELDS[level]];
  if (level === 'limited' && policy?.limitedCanAssignMembership) allowed.push('assignMembershipOnLogin');
  for (const field of ORG_CONNECTION_FIELDS) editable[field] = allowed.includes(field) && fieldAppliesTo(field, kind);
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

import type { AccessPolicy } from '../rules/capabilities';
import { ACCESS_LEVELS, type AccessLevel } from './access-level';
import type { ConnectionKind } from './connection-kind';
import type { DataSource } from './data-source-features';
import type { OrgConnectionField } from './org-connection';

/** The longest `organizationConnectionName` Auth0 accepts: the name's limit in the table below. */
export const ORGANIZATION_CONNECTION_NAME_MAX_LENGTH = 50;

/** One setting of an organization connection, as Auth0 defines it and as this library lets people change it. */
export interface OrgConnectionSettingDefinition {
  /** Its name in Auth0's requests and answers. */
  wireName: string;
  /** The kinds of connection that have it, when not every kind does; giving it for another is `otherKindCode`. */
  kinds?: readonly ConnectionKind[];
  /** The issue code for giving it for a kind that does not have it (only for settings some kinds lack). */
  otherKindCode?: 'signup_not_database' | 'show_as_button_not_enterprise';
  /** Auth0's value when it is not sent, or not in an answer; none for a name, which is optional. */
  defaultValue?: string | boolean;
  /** Text limits, counted in UTF-16 code units: the name is 1–50 characters without NUL. */
  text?: { minLength: number; maxLength: number; allowsNul: boolean };
  /** The values it may take, when they are a closed list. */
  values?: readonly string[];
  /** The access levels at which an organization's administrator may change it (none when absent; a tenant admin
   * may change every setting). */
  orgAdminLevels?: readonly AccessLevel[];
  /** The `AccessPolicy` option that also lets an org admin at `limited` change it. */
  limitedMayChangeWith?: keyof AccessPolicy;
  /** Data sources that do not write it: `read` (they report it, their write bodies cannot carry it) or `absent`. */
  notWrittenBy?: Partial<Record<DataSource, 'read' | 'absent'>>;
}

/**
 * Every setting of an organization connection, in the order forms and requests list them: the one place that says
 * which kinds have a setting, its default, its wire name, its limits, and who (access level, data source) may change
 * it. `fieldAppliesTo`, the settings rules, draft defaults, the change guard, the wire schemas and mappers, the data
 * sources' features and the fake tenant's defaults all read it.
 */
export const ORG_CONNECTION_SETTINGS = {
  organizationConnectionName: {
    wireName: 'organization_connection_name',
    text: { minLength: 1, maxLength: ORGANIZATION_CONNECTION_NAME_MAX_LENGTH, allowsNul: false },
    notWrittenBy: { "Management API's enabled_connections endpoints": 'absent', 'My Organization API': 'absent' },
  },
  organizationAccessLevel: {
    wireName: 'organization_access_level',
    defaultValue: 'none',
    values: ACCESS_LEVELS,
    notWrittenBy: { "Management API's enabled_connections endpoints": 'absent', 'My Organization API': 'read' },
  },
  isEnabled: {
    wireName: 'is_enabled',
    defaultValue: true,
    orgAdminLevels: ['limited', 'full'],
    notWrittenBy: { "Management API's enabled_connections endpoints": 'absent' },
  },
  assignMembershipOnLogin: {
    wireName: 'assign_membership_on_login',
    defaultValue: false,
    orgAdminLevels: ['full'],
    limitedMayChangeWith: 'limitedCanAssignMembership',
  },
  isSignupEnabled: {
    wireName: 'is_signup_enabled',
    kinds: ['database'],
    otherKindCode: 'signup_not_database',
    defaultValue: false,
    orgAdminLevels: ['full'],
    notWrittenBy: { 'My Organization API': 'read' },
  },
  showAsButton: {
    wireName: 'show_as_button',
    kinds: ['enterprise'],
    otherKindCode: 'show_as_button_not_enterprise',
    defaultValue: true,
    orgAdminLevels: ['limited', 'full'],
  },
} as const satisfies Record<OrgConnectionField, OrgConnectionSettingDefinition>;

/** A setting's name on the wire. */
export type OrgConnectionSettingWireName = (typeof ORG_CONNECTION_SETTINGS)[OrgConnectionField]['wireName'];

/** The definition of one setting, without its literal types. */
export function settingDefinition(field: OrgConnectionField): OrgConnectionSettingDefinition {
  return ORG_CONNECTION_SETTINGS[field];
}

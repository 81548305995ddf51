import { isAccessLevel } from '../model/access-level';
import type { ConnectionKind } from '../model/connection-kind';
import { ORG_CONNECTION_FIELDS, type OrgConnectionField, type OrgConnectionSettings } from '../model/org-connection';
import { ORG_CONNECTION_SETTINGS, settingDefinition } from '../model/org-connection-settings-table';
import { fieldAppliesTo } from './capabilities';
import { characterCount } from './character-count';

export { ORGANIZATION_CONNECTION_NAME_MAX_LENGTH } from '../model/org-connection-settings-table';

/** Every reason settings can be refused, as a finite set a UI can map to its own messages. */
export const ORG_CONNECTION_SETTINGS_ISSUE_CODES = [
  'not_an_object',
  'unreadable',
  'invalid_type',
  'name_required',
  'name_too_short',
  'name_too_long',
  'name_has_nul',
  'unknown_access_level',
  'signup_not_database',
  'signup_requires_membership',
  'show_as_button_not_enterprise',
] as const;

export type OrgConnectionSettingsIssueCode = (typeof ORG_CONNECTION_SETTINGS_ISSUE_CODES)[number];

/** A rule settings break, without words: a UI shows its own message for the code. */
export interface OrgConnectionSettingsCodedIssue {
  /** The setting at fault, or `settings` when the value as a whole cannot be read. */
  field: OrgConnectionField | 'settings';
  code: OrgConnectionSettingsIssueCode;
}

/**
 * Makes one issue. `value` is what is at fault: the setting's value, the whole `settings` for
 * `not_an_object`, the access level for `name_required`; `undefined` when the code says it all. `kind` is
 * the kind of connection the settings were checked for.
 */
export type OrgConnectionSettingsIssueFactory<Issue> = (
  field: OrgConnectionSettingsCodedIssue['field'],
  code: OrgConnectionSettingsIssueCode,
  value: unknown,
  kind: ConnectionKind,
) => Issue;

/** The on/off settings: those the table gives a `true` or `false` default. */
const BOOLEAN_FIELDS = ORG_CONNECTION_FIELDS.filter(
  (field) => typeof settingDefinition(field).defaultValue === 'boolean',
);

/**
 * Whether these settings let signup be on: signup needs membership on authentication (a user who signs up through
 * the organization's prompt must become a member). The one statement of the rule: the settings rules, drafts, the
 * login prompt and the switches ask it.
 */
export function allowsSignup(settings: Pick<OrgConnectionSettings, 'assignMembershipOnLogin'>): boolean {
  return settings.assignMembershipOnLogin === true;
}

function fieldIssues<Issue>(
  settings: Record<string, unknown>,
  kind: ConnectionKind,
  issue: (
    field: OrgConnectionSettingsCodedIssue['field'],
    code: OrgConnectionSettingsIssueCode,
    value?: unknown,
  ) => Issue,
): Issue[] {
  const issues: Issue[] = [];
  const name = settings.organizationConnectionName;
  const level = settings.organizationAccessLevel;
  const nameField = 'organizationConnectionName';
  const nameLimits = ORG_CONNECTION_SETTINGS.organizationConnectionName.text;

  // Name: optional, but when given within the table's limits (Auth0's minLength is 1). A form turns its empty text
  // box into "not set" before it validates.
  if (typeof name === 'string') {
    const length = characterCount(name);
    if (length < nameLimits.minLength) issues.push(issue(nameField, 'name_too_short', name));
    if (length > nameLimits.maxLength) issues.push(issue(nameField, 'name_too_long', name));
    if (!nameLimits.allowsNul && name.includes('\u0000')) issues.push(issue(nameField, 'name_has_nul'));
  } else if (name !== undefined) {
    issues.push(issue(nameField, 'invalid_type', name));
  }
  if (name === undefined && isAccessLevel(level) && level !== 'none') {
    issues.push(issue(nameField, 'name_required', level));
  }

  // Access level: optional; one of the four levels.
  if (level !== undefined && !isAccessLevel(level)) {
    issues.push(
      issue('organizationAccessLevel', typeof level === 'string' ? 'unknown_access_level' : 'invalid_type', level),
    );
  }

  for (const field of BOOLEAN_FIELDS) {
    const value = settings[field];
    if (value !== undefined && typeof value !== 'boolean') issues.push(issue(field, 'invalid_type', value));
  }

  // Kind-specific settings: present at all (even `false`) on another kind is refused, so nothing
  // inapplicable is ever sent.
  for (const field of ORG_CONNECTION_FIELDS) {
    const { otherKindCode } = settingDefinition(field);
    if (settings[field] === undefined) continue;
    if (otherKindCode !== undefined && !fieldAppliesTo(field, kind)) {
      issues.push(issue(field, otherKindCode));
    } else if (
      field === 'isSignupEnabled' &&
      settings[field] === true &&
      !allowsSignup(settings as OrgConnectionSettings)
    ) {
      issues.push(issue(field, 'signup_requires_membership'));
    }
  }
  return issues;
}

/**
 * The rules organization connection settings break for a kind of connection, as codes without words
 * (`validateOrgConnectionSettings` adds English messages). Settings are checked as they would be sent:
 * an absent setting takes Auth0's default (so `isSignupEnabled: true` needs `assignMembershipOnLogin: true`
 * beside it), and fields it does not know are ignored. Never throws, whatever `settings` is.
 *
 * Lengths are counted in UTF-16 code units, as the request schemas do; a name Auth0 would accept is
 * refused only when it has characters outside the Basic Multilingual Plane.
 *
 * `issue` makes each issue; by default `{ field, code }`.
 */
export function orgConnectionSettingsIssues<Issue = OrgConnectionSettingsCodedIssue>(
  settings: unknown,
  kind: ConnectionKind,
  issue: OrgConnectionSettingsIssueFactory<Issue> = (field, code) => ({ field, code }) as Issue,
): Issue[] {
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) {
    return [issue('settings', 'not_an_object', settings, kind)];
  }
  try {
    return fieldIssues(settings as Record<string, unknown>, kind, (field, code, value) =>
      issue(field, code, value, kind),
    );
  } catch {
    // A proxy or a getter that throws: nothing can be said about the fields.
    return [issue('settings', 'unreadable', undefined, kind)];
  }
}

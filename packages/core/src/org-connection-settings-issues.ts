import { isAccessLevel } from './access-level';
import { characterCount } from './character-count';
import type { ConnectionKind } from './connection-kind';
import type { OrgConnectionField } from './org-connection';

/** The longest `organizationConnectionName` Auth0 accepts. */
export const ORGANIZATION_CONNECTION_NAME_MAX_LENGTH = 50;

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

const BOOLEAN_FIELDS = ['isEnabled', 'assignMembershipOnLogin', 'isSignupEnabled', 'showAsButton'] as const;

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
  const signup = settings.isSignupEnabled;
  const nameField = 'organizationConnectionName';

  // Name: optional, but when given 1–50 characters (Auth0's minLength is 1). A form turns its empty text box
  // into "not set" before it validates.
  if (typeof name === 'string') {
    if (name === '') issues.push(issue(nameField, 'name_too_short', name));
    if (characterCount(name) > ORGANIZATION_CONNECTION_NAME_MAX_LENGTH)
      issues.push(issue(nameField, 'name_too_long', name));
    if (name.includes('\u0000')) issues.push(issue(nameField, 'name_has_nul'));
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
  if (signup !== undefined && kind !== 'database') {
    issues.push(issue('isSignupEnabled', 'signup_not_database'));
  } else if (signup === true && settings.assignMembershipOnLogin !== true) {
    issues.push(issue('isSignupEnabled', 'signup_requires_membership'));
  }
  if (settings.showAsButton !== undefined && kind !== 'enterprise') {
    issues.push(issue('showAsButton', 'show_as_button_not_enterprise'));
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

import { ACCESS_LEVELS, isAccessLevel } from './access-level';
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
  'name_too_long',
  'name_has_nul',
  'unknown_access_level',
  'signup_not_database',
  'signup_requires_membership',
  'show_as_button_not_enterprise',
] as const;

export type OrgConnectionSettingsIssueCode = (typeof ORG_CONNECTION_SETTINGS_ISSUE_CODES)[number];

export interface OrgConnectionSettingsIssue {
  /** The setting at fault, or `settings` when the value as a whole cannot be read. */
  field: OrgConnectionField | 'settings';
  code: OrgConnectionSettingsIssueCode;
  /** English, for a person: names the setting and says what to do. */
  message: string;
}

export interface OrgConnectionSettingsValidation {
  ok: boolean;
  issues: OrgConnectionSettingsIssue[];
}

const LABELS: Record<OrgConnectionField, string> = {
  organizationConnectionName: 'Organization connection name',
  organizationAccessLevel: 'Organization access level',
  isEnabled: 'Enabled',
  assignMembershipOnLogin: 'Membership on authentication',
  isSignupEnabled: 'Signup',
  showAsButton: 'Show as button',
};

const BOOLEAN_FIELDS = ['isEnabled', 'assignMembershipOnLogin', 'isSignupEnabled', 'showAsButton'] as const;

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

function describeKind(kind: unknown): string {
  if (kind === 'enterprise') return 'an enterprise';
  return typeof kind === 'string' ? `a ${kind}` : 'this';
}

/** Shows a value the server or a caller sent inside a message, short enough to read. */
function quote(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(shown);
}

function issue(
  field: OrgConnectionSettingsIssue['field'],
  code: OrgConnectionSettingsIssueCode,
  message: string,
): OrgConnectionSettingsIssue {
  return { field, code, message };
}

function validateFields(settings: Record<string, unknown>, kind: ConnectionKind): OrgConnectionSettingsIssue[] {
  const issues: OrgConnectionSettingsIssue[] = [];
  const name = settings.organizationConnectionName;
  const level = settings.organizationAccessLevel;

  // Name: optional; an empty string counts as not set (a form's empty text box).
  const nameIsText = name === undefined || typeof name === 'string';
  if (!nameIsText) {
    issues.push(
      issue(
        'organizationConnectionName',
        'invalid_type',
        `${LABELS.organizationConnectionName} must be text, not ${describeType(name)}.`,
      ),
    );
  }
  if (typeof name === 'string' && characterCount(name) > ORGANIZATION_CONNECTION_NAME_MAX_LENGTH) {
    issues.push(
      issue(
        'organizationConnectionName',
        'name_too_long',
        `${LABELS.organizationConnectionName} has ${characterCount(name)} characters; shorten it to ${ORGANIZATION_CONNECTION_NAME_MAX_LENGTH} or fewer.`,
      ),
    );
  }
  if (typeof name === 'string' && name.includes('\u0000')) {
    issues.push(
      issue(
        'organizationConnectionName',
        'name_has_nul',
        `${LABELS.organizationConnectionName} contains a NUL character; remove it.`,
      ),
    );
  }
  if (nameIsText && !name && isAccessLevel(level) && level !== 'none') {
    issues.push(
      issue(
        'organizationConnectionName',
        'name_required',
        `Enter an organization connection name before setting the access level to ${level}.`,
      ),
    );
  }

  // Access level: optional; one of the four levels.
  if (level !== undefined && typeof level !== 'string') {
    issues.push(
      issue(
        'organizationAccessLevel',
        'invalid_type',
        `${LABELS.organizationAccessLevel} must be one of ${ACCESS_LEVELS.join(', ')}, not ${describeType(level)}.`,
      ),
    );
  } else if (typeof level === 'string' && !isAccessLevel(level)) {
    issues.push(
      issue(
        'organizationAccessLevel',
        'unknown_access_level',
        `${LABELS.organizationAccessLevel} ${quote(level)} is not known; choose one of ${ACCESS_LEVELS.join(', ')}.`,
      ),
    );
  }

  for (const field of BOOLEAN_FIELDS) {
    const value = settings[field];
    if (value !== undefined && typeof value !== 'boolean') {
      issues.push(issue(field, 'invalid_type', `${LABELS[field]} must be true or false, not ${describeType(value)}.`));
    }
  }

  // Kind-specific settings: present at all (even `false`) on another kind is refused, so nothing
  // inapplicable is ever sent.
  const signup = settings.isSignupEnabled;
  if (signup !== undefined && kind !== 'database') {
    issues.push(
      issue(
        'isSignupEnabled',
        'signup_not_database',
        `${LABELS.isSignupEnabled} applies only to database connections; remove it for ${describeKind(kind)} connection.`,
      ),
    );
  } else if (signup === true && settings.assignMembershipOnLogin !== true) {
    issues.push(
      issue('isSignupEnabled', 'signup_requires_membership', 'Turn on membership on authentication to allow signup.'),
    );
  }
  if (settings.showAsButton !== undefined && kind !== 'enterprise') {
    issues.push(
      issue(
        'showAsButton',
        'show_as_button_not_enterprise',
        `${LABELS.showAsButton} applies only to enterprise connections; remove it for ${describeKind(kind)} connection.`,
      ),
    );
  }
  return issues;
}

/**
 * Checks organization connection settings against Auth0's rules for a kind of connection, as they would be
 * sent: an absent setting takes Auth0's default (so `isSignupEnabled: true` needs `assignMembershipOnLogin: true`
 * beside it), and fields it does not know are ignored. Never throws, whatever `settings` is.
 *
 * Lengths are counted in UTF-16 code units, as the request schemas do; a name Auth0 would accept is
 * refused only when it has characters outside the Basic Multilingual Plane.
 */
export function validateOrgConnectionSettings(
  settings: unknown,
  kind: ConnectionKind,
): OrgConnectionSettingsValidation {
  let issues: OrgConnectionSettingsIssue[];
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) {
    issues = [
      issue(
        'settings',
        'not_an_object',
        `Settings must be an object of organization connection settings, not ${describeType(settings)}.`,
      ),
    ];
  } else {
    try {
      issues = validateFields(settings as Record<string, unknown>, kind);
    } catch {
      // A proxy or a getter that throws: nothing can be said about the fields.
      issues = [issue('settings', 'unreadable', 'Settings could not be read; pass a plain object of settings.')];
    }
  }
  return { ok: issues.length === 0, issues };
}

import { characterCount } from '../rules/character-count';
import {
  ORGANIZATION_CONNECTION_NAME_MAX_LENGTH,
  type OrgConnectionSettingsCodedIssue,
  type OrgConnectionSettingsIssueCode,
  type OrgConnectionSettingsIssueFactory,
} from '../rules/org-connection-settings-issues';
import { ACCESS_LEVELS } from './access-level';
import type { ConnectionKind } from './connection-kind';
import type { OrgConnectionField } from './org-connection';

/*
 * Core's only English: for developers, not for the people using a UI. It is what `validateOrgConnectionSettings`
 * and `visibilityWarning` answer in `message`, and what `@org-connections/server` puts in its problem bodies. A UI
 * words the codes from its own locale files (`@org-connections/react`'s messages), never from these.
 */

export interface OrgConnectionSettingsIssue extends OrgConnectionSettingsCodedIssue {
  /** English, for a developer: names the setting and says what to do. */
  message: string;
}

const LABELS: Record<OrgConnectionField, string> = {
  organizationConnectionName: 'Organization connection name',
  organizationAccessLevel: 'Organization access level',
  isEnabled: 'Enabled',
  assignMembershipOnLogin: 'Membership on authentication',
  isSignupEnabled: 'Signup',
  showAsButton: 'Show as button',
};

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

/** The English message for an issue. */
function englishMessage(
  field: OrgConnectionSettingsCodedIssue['field'],
  code: OrgConnectionSettingsIssueCode,
  value: unknown,
  kind: ConnectionKind,
): string {
  const label = field === 'settings' ? 'Settings' : LABELS[field];
  switch (code) {
    case 'not_an_object':
      return `Settings must be an object of organization connection settings, not ${describeType(value)}.`;
    case 'unreadable':
      return 'Settings could not be read; pass a plain object of settings.';
    case 'invalid_type':
      if (field === 'organizationConnectionName') return `${label} must be text, not ${describeType(value)}.`;
      if (field === 'organizationAccessLevel') {
        return `${label} must be one of ${ACCESS_LEVELS.join(', ')}, not ${describeType(value)}.`;
      }
      return `${label} must be true or false, not ${describeType(value)}.`;
    case 'name_required':
      return `Enter an organization connection name before setting the access level to ${String(value)}.`;
    case 'name_too_short':
      return `${label} is empty; enter 1 to ${ORGANIZATION_CONNECTION_NAME_MAX_LENGTH} characters, or leave it out.`;
    case 'name_too_long':
      return `${label} has ${characterCount(String(value))} characters; shorten it to ${ORGANIZATION_CONNECTION_NAME_MAX_LENGTH} or fewer.`;
    case 'name_has_nul':
      return `${label} contains a NUL character; remove it.`;
    case 'unknown_access_level':
      return `${label} ${quote(String(value))} is not known; choose one of ${ACCESS_LEVELS.join(', ')}.`;
    case 'signup_requires_membership':
      return 'Turn on membership on authentication to allow signup.';
    case 'signup_not_database':
      return `${label} applies only to database connections; remove it for ${describeKind(kind)} connection.`;
    case 'show_as_button_not_enterprise':
      return `${label} applies only to enterprise connections; remove it for ${describeKind(kind)} connection.`;
  }
}

/**
 * Makes an issue with its English message, for `orgConnectionSettingsIssues` or core's change guard (the
 * server package's answers use it); `value` is what is at fault, as `orgConnectionSettingsIssues` passes it.
 */
export const englishOrgConnectionSettingsIssue: OrgConnectionSettingsIssueFactory<OrgConnectionSettingsIssue> = (
  field,
  code,
  value,
  kind,
) => ({ field, code, message: englishMessage(field, code, value, kind) });

/** The English of the `no_visible_connections` warning (`visibilityWarning`). */
export const NO_VISIBLE_CONNECTIONS_ENGLISH =
  'No connections enabled for the organization are visible: every enabled connection is an enterprise connection hidden from the login page, so login will fail. Show at least one as a button, or enable a connection of another kind.';

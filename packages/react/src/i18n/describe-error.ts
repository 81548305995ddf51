import {
  CHANGE_REFUSED_CODE,
  isOrgConnectionsError,
  ORGANIZATION_CONNECTION_NAME_MAX_LENGTH,
  UNSUPPORTED_FEATURE_CODE,
} from '@org-connections/core';
import { formatTime, messageFormat } from './message-format';
import { keyPart, type OrgConnectionsMessages } from './messages';

export { formatTime } from './message-format';

/**
 * `@org-connections/server`'s codes for a refusal (`forbidden`): signed in but not allowed, a read-only role, a
 * connection the host does not let the organization add or could not judge in time.
 */
const REFUSAL_CODES = ['not_allowed', 'read_only_role', 'connection_not_attachable', 'attachable_unavailable'] as const;

/**
 * A sentence for a person, specific to the kind of error (`messages.error<Kind>`), worded from the error's data
 * only: its `message` is English for developers and is never shown.
 */
export function describeError(error: unknown, messages: OrgConnectionsMessages, locale?: string): string {
  if (!isOrgConnectionsError(error)) return messages.errorUnknown;
  const { kind, code } = error;
  // The server package's refusals that say who may do what; each has its own words.
  const refusal = REFUSAL_CODES.find((known) => known === code);
  if (refusal) return messages[`error${keyPart(refusal)}`];
  if (kind === 'rate_limited') return messages.errorRateLimited(error.retryAt && formatTime(error.retryAt, locale));
  // The server package refused the change for the connection's access level (not for a missing scope).
  if (kind === 'forbidden' && code === CHANGE_REFUSED_CODE) return messages.errorNotPermitted;
  if (kind === 'forbidden') return messages.errorForbidden(error.requiredScopes ?? [], messageFormat(locale));
  if (kind === 'not_permitted' && code === UNSUPPORTED_FEATURE_CODE) return messages.errorUnsupported;
  if (kind === 'invalid_request') {
    // A rule core's guard found has a code; a server names at most the field.
    const issue = error.issues?.find((found) => found.code) ?? error.issues?.[0];
    return issue?.code
      ? describeIssue(issue, messages, locale)
      : messages.errorInvalidRequest(fieldLabel(issue?.field, messages));
  }
  // A kind this version does not know reads as a server problem.
  return messages[`error${keyPart(kind)}`] ?? messages.errorServer;
}

/** A setting's label (`field*`) for a model name (`isEnabled`), wire name (`is_enabled`) or pointer (`/is_enabled`). */
function fieldLabel(field: string | undefined, messages: OrgConnectionsMessages): string | undefined {
  const label = field && (messages as unknown as Record<string, unknown>)[`field${keyPart(field.replace(/^\//, ''))}`];
  return typeof label === 'string' ? label : undefined;
}

/**
 * A settings issue in the person's words (no issue: the name is required). The name's issues are the ones a person
 * can cause (the other settings are switches and a select that take only valid values, and signup is off until
 * membership is on); any other rule is told by the setting's name.
 */
export function describeIssue(
  issue: { field?: string; code?: string } | undefined,
  messages: OrgConnectionsMessages,
  locale?: string,
): string {
  switch (issue?.code) {
    case undefined:
    case 'name_required':
    case 'name_too_short':
      return messages.nameRequired;
    case 'name_too_long':
      return messages.nameTooLong(ORGANIZATION_CONNECTION_NAME_MAX_LENGTH, messageFormat(locale));
    case 'name_has_nul':
      return messages.nameInvalidCharacters;
    case 'signup_requires_membership':
      return messages.signupNeedsMembership;
    default:
      return messages.errorInvalidRequest(fieldLabel(issue?.field, messages));
  }
}

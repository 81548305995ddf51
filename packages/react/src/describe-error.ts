import {
  CHANGE_REFUSED_CODE,
  isOrgConnectionsError,
  ORGANIZATION_CONNECTION_NAME_MAX_LENGTH,
  type OrgConnectionSettingsCodedIssue,
} from '@org-connections/core';
import { keyPart, type OrgConnectionsMessages } from './messages';

/** The time of day in the locale, e.g. `14:02:10`. */
export function formatTime(date: Date, locale?: string): string {
  return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/** A sentence for a person, specific to the kind of error (`messages.error<Kind>`). */
export function describeError(error: unknown, messages: OrgConnectionsMessages, locale?: string): string {
  if (!isOrgConnectionsError(error)) return messages.errorUnknown;
  const { kind } = error;
  if (kind === 'rate_limited') return messages.errorRateLimited(error.retryAt && formatTime(error.retryAt, locale));
  // The server package refused the change for the connection's access level (not for a missing scope).
  if (kind === 'forbidden' && error.code === CHANGE_REFUSED_CODE) return messages.errorNotPermitted;
  if (kind === 'forbidden') return messages.errorForbidden(error.requiredScopes ?? []);
  if (kind === 'invalid_request')
    return messages.errorInvalidRequest(error.issues?.map((issue) => issue.message).join(' ') || error.message);
  // A kind this version does not know reads as a server problem.
  return messages[`error${keyPart(kind)}`] ?? messages.errorServer;
}

/**
 * A settings issue in the person's words (no issue: the name is required). Only the name's issues can reach a person: the other
 * settings are switches and a select that take only valid values, and signup is off until membership is on.
 */
export function describeIssue(
  issue: OrgConnectionSettingsCodedIssue | undefined,
  messages: OrgConnectionsMessages,
): string {
  const code = issue?.code;
  return code === 'name_too_long'
    ? messages.nameTooLong(ORGANIZATION_CONNECTION_NAME_MAX_LENGTH)
    : code === 'name_has_nul'
      ? messages.nameInvalidCharacters
      : messages.nameRequired;
}

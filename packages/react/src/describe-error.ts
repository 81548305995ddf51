import {
  isOrgConnectionsError,
  ORGANIZATION_CONNECTION_NAME_MAX_LENGTH,
  type OrgConnectionSettingsIssue,
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
  if (kind === 'forbidden') return messages.errorForbidden(error.requiredScopes ?? []);
  if (kind === 'invalid_request')
    return messages.errorInvalidRequest(error.issues?.map((issue) => issue.message).join(' ') || error.message);
  // A kind this version does not know reads as a server problem.
  return messages[`error${keyPart(kind)}`] ?? messages.errorServer;
}

/** A settings issue in the person's words: the name's issues from `messages`, any other as core wrote it. */
export function describeIssue({ code, message }: OrgConnectionSettingsIssue, messages: OrgConnectionsMessages): string {
  return code === 'name_required'
    ? messages.nameRequired
    : code === 'name_too_long'
      ? messages.nameTooLong(ORGANIZATION_CONNECTION_NAME_MAX_LENGTH)
      : code === 'name_has_nul'
        ? messages.nameInvalidCharacters
        : message;
}

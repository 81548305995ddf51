import { isOrgConnectionsError } from '@org-connections/core';
import type { OrgConnectionsMessages } from './messages';

/** The time of day in the locale, e.g. `14:02:10`. */
export function formatTime(date: Date, locale?: string): string {
  return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

/** A sentence for a person, specific to the kind of error. */
export function describeError(error: unknown, messages: OrgConnectionsMessages, locale?: string): string {
  if (!isOrgConnectionsError(error)) return messages.errorUnknown;
  switch (error.kind) {
    case 'rate_limited':
      return messages.errorRateLimited(error.retryAt && formatTime(error.retryAt, locale));
    case 'forbidden':
      return messages.errorForbidden(error.requiredScopes ?? []);
    case 'unauthorized':
      return messages.errorUnauthorized;
    case 'not_found':
      return messages.errorNotFound;
    case 'conflict':
      return messages.errorConflict;
    case 'invalid_request':
      return messages.errorInvalidRequest(error.issues?.map((issue) => issue.message).join(' ') || error.message);
    case 'network':
      return messages.errorNetwork;
    case 'invalid_response':
      return messages.errorInvalidResponse;
    case 'not_permitted':
      return messages.errorNotPermitted;
    default:
      return messages.errorServer;
  }
}

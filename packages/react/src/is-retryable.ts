import { isOrgConnectionsError } from '@org-connections/core';

/** Only a lost network or a failing server is worth retrying by itself; everything else needs a person. */
export function isRetryable(error: unknown): boolean {
  return !isOrgConnectionsError(error) || error.kind === 'network' || error.kind === 'server';
}

import { ORG_CONNECTION_LIMIT } from '../model/org-connection';

/** How many connections an organization has against the most Auth0 allows. Text-free: the UI words it. */
export interface ConnectionLimitStatus {
  count: number;
  limit: number;
  /** How many more may be added; never below 0. */
  remaining: number;
  /** `true` once `count` reaches `limit`: adding must be blocked, saying why (React: `messages.limitReached`). */
  reached: boolean;
}

/**
 * Where an organization stands against `ORG_CONNECTION_LIMIT`. Every connection added to the organization
 * counts, switched on or off (`isEnabled: false` keeps it attached); pass all of them, or their number.
 */
export function connectionLimitStatus(connections: readonly unknown[] | number): ConnectionLimitStatus {
  const raw = typeof connections === 'number' ? connections : connections.length;
  const count = raw > 0 ? Math.floor(raw) : 0; // NaN and negatives count as none
  const limit = ORG_CONNECTION_LIMIT;
  return { count, limit, remaining: Math.max(0, limit - count), reached: count >= limit };
}

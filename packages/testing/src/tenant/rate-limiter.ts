import type { FakeApi } from '../http/api-routes';

/** The fake keeps one bucket per API and kind of request, like Auth0's read and write limits, and one for token requests. */
export type RateLimitBucket =
  | 'management-read'
  | 'management-write'
  /** Writes to an organization's connections: Auth0 counts them apart (25 a minute on Essentials). */
  | 'management-organization-connection-write'
  | 'my-organization-read'
  | 'my-organization-write'
  | 'authentication-token';

export interface RateLimitBucketOptions {
  /** Requests allowed per window (`X-RateLimit-Limit`). */
  limit: number;
  /** Length of the window; `X-RateLimit-Reset` is its end, in epoch seconds. */
  windowSeconds: number;
}

export type RateLimitsOptions = Partial<Record<RateLimitBucket, RateLimitBucketOptions>>;

/** Generous enough that paging through 10,000 connections in a test never trips it. */
export const DEFAULT_RATE_LIMITS: Record<RateLimitBucket, RateLimitBucketOptions> = {
  'management-read': { limit: 1000, windowSeconds: 1 },
  'management-write': { limit: 500, windowSeconds: 1 },
  'management-organization-connection-write': { limit: 500, windowSeconds: 1 },
  'my-organization-read': { limit: 1000, windowSeconds: 1 },
  'my-organization-write': { limit: 500, windowSeconds: 1 },
  'authentication-token': { limit: 500, windowSeconds: 1 },
};

/**
 * Auth0's documented limits for writes to organization connections (per tenant): 25 a minute on Essentials and
 * Professional, 150 on Enterprise. Give one as `rateLimits['management-organization-connection-write']`.
 */
export const AUTH0_ORGANIZATION_CONNECTION_WRITE_LIMITS = {
  essentials: { limit: 25, windowSeconds: 60 },
  professional: { limit: 25, windowSeconds: 60 },
  enterprise: { limit: 150, windowSeconds: 60 },
} as const satisfies Record<string, RateLimitBucketOptions>;

/** The operations counted in `management-organization-connection-write`. */
const ORGANIZATION_CONNECTION_WRITES: ReadonlySet<string> = new Set([
  'createOrganizationConnection',
  'updateOrganizationConnection',
  'deleteOrganizationConnection',
  'addEnabledConnection',
  'updateEnabledConnection',
  'deleteEnabledConnection',
]);

export interface RateLimitDecision {
  bucket: RateLimitBucket;
  outcome: 'allowed' | 'limited';
  limit: number;
  remaining: number;
  /** Epoch seconds. */
  reset: number;
  /** Seconds until the reset, at least 1. */
  retryAfter: number;
}

export interface RateLimiter {
  take(api: FakeApi, method: string, operation?: string): RateLimitDecision | undefined;
  configure(limits: RateLimitsOptions | false): void;
}

export function rateLimitBucket(api: FakeApi, method: string, operation?: string): RateLimitBucket {
  if (api === 'authentication') return 'authentication-token';
  if (api === 'management' && operation !== undefined && ORGANIZATION_CONNECTION_WRITES.has(operation)) {
    return 'management-organization-connection-write';
  }
  const kind = method.toUpperCase() === 'GET' ? 'read' : 'write';
  return `${api}-${kind}`;
}

/** Fixed windows per bucket. `false` turns rate limiting (and its headers) off. */
export function createRateLimiter(now: () => number, initial: RateLimitsOptions | false = {}): RateLimiter {
  let limits: Record<RateLimitBucket, RateLimitBucketOptions> | false = false;
  const windows = new Map<RateLimitBucket, { start: number; count: number }>();

  function configure(next: RateLimitsOptions | false) {
    limits = next === false ? false : { ...DEFAULT_RATE_LIMITS, ...next };
    windows.clear();
  }
  configure(initial);

  return {
    configure,
    take(api, method, operation) {
      if (limits === false) return undefined;
      const bucket = rateLimitBucket(api, method, operation);
      const { limit, windowSeconds } = limits[bucket];
      const windowMs = windowSeconds * 1000;
      const time = now();
      const start = Math.floor(time / windowMs) * windowMs;
      let window = windows.get(bucket);
      if (window === undefined || window.start !== start) {
        window = { start, count: 0 };
        windows.set(bucket, window);
      }
      const resetMs = start + windowMs;
      const reset = Math.ceil(resetMs / 1000);
      const retryAfter = Math.max(1, Math.ceil((resetMs - time) / 1000));
      if (window.count >= limit) return { bucket, outcome: 'limited', limit, remaining: 0, reset, retryAfter };
      window.count += 1;
      return { bucket, outcome: 'allowed', limit, remaining: limit - window.count, reset, retryAfter };
    },
  };
}

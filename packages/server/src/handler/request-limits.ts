import type { OrgConnectionsStore } from '../store/store';
import type { ManagementApiUpstream } from '../upstream/management-api-upstream';
import type { Problem } from './problem-response';

/** At most `requests` requests in each window of `perSeconds` seconds (a fixed window, counted in the store). */
export interface RequestLimit {
  requests: number;
  perSeconds: number;
}

/** The handler's `limits` option: each limit, or `false` for none. */
export interface RequestLimitsOptions {
  /** Per caller (`authorization.actor`), whatever the organization. */
  perActor?: RequestLimit | false;
  /** Per organization named in the path, whoever the caller (only for organizations the caller may reach). */
  perOrganization?: RequestLimit | false;
}

/**
 * A person in the components makes a few requests a minute (a list, a page, a switch: one request each) and
 * seldom more than 30 in a busy minute; a script makes several a second. 120 a minute per caller lets a person
 * work at twice that pace, and stops a loop within seconds; 600 a minute per organization lets several of its
 * administrators work at once, and keeps one organization to 10 requests a second of the tenant's shared limit.
 */
export const DEFAULT_REQUEST_LIMITS = {
  perActor: { requests: 120, perSeconds: 60 },
  perOrganization: { requests: 600, perSeconds: 60 },
} as const satisfies Required<RequestLimitsOptions>;

/** The longest hold taken from Auth0's `X-RateLimit-Reset` (a reset further away is read as this). */
export const MAX_UPSTREAM_HOLD_MS = 300_000;

/** Why a request was answered 429 without asking Auth0. */
export interface LimitVerdict {
  limit: 'per-actor' | 'per-organization' | 'upstream';
  retryAfterSeconds: number;
}

export interface RequestLimiter {
  /** Counts the request; a verdict when it is over a limit or Auth0's rate limit is being waited out. */
  check(actor: string, organizationId: string | undefined): Promise<LimitVerdict | undefined>;
  /** The upstream, noting each 429 Auth0 answers: every instance then holds back until its `X-RateLimit-Reset`. */
  watch(upstream: ManagementApiUpstream): ManagementApiUpstream;
  /** How long Auth0's shared hold still lasts, in milliseconds (0 when none): a rollout waits it out. */
  holdMs(): Promise<number>;
}

function checkLimit(name: string, limit: RequestLimit | false | undefined): void {
  if (limit === undefined || limit === false) return;
  const { requests, perSeconds } = limit;
  if (!Number.isInteger(requests) || requests < 1 || !(perSeconds > 0) || !Number.isFinite(perSeconds)) {
    throw new TypeError(
      `createOrgConnectionsHandler: \`limits.${name}\` must be { requests: a whole number >= 1, perSeconds: a number > 0 } or false.`,
    );
  }
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * The per-caller limits and Auth0's shared hold, counted in the store (`namespace` keeps tenants apart in one
 * store). A request over a limit is counted too, so a caller that keeps trying stays limited until its window ends.
 */
export function createRequestLimiter(options: {
  store: OrgConnectionsStore;
  limits: RequestLimitsOptions | undefined;
  namespace: string;
  now?: () => number;
}): RequestLimiter {
  const { store } = options;
  const now = options.now ?? Date.now;
  const perActor = options.limits?.perActor ?? DEFAULT_REQUEST_LIMITS.perActor;
  const perOrganization = options.limits?.perOrganization ?? DEFAULT_REQUEST_LIMITS.perOrganization;
  checkLimit('perActor', perActor);
  checkLimit('perOrganization', perOrganization);
  const holdKey = `hold:${options.namespace}`;

  async function count(key: string, limit: RequestLimit | false): Promise<number | undefined> {
    if (limit === false) return undefined;
    const { count, ttlMs } = await store.increment(key, limit.perSeconds * 1000);
    return count > limit.requests ? seconds(ttlMs) : undefined;
  }

  async function held(): Promise<number | undefined> {
    const until = Number(await store.get(holdKey));
    return Number.isFinite(until) && until > now() ? seconds(until - now()) : undefined;
  }

  return {
    async check(actor, organizationId) {
      const [hold, actorWait, organizationWait] = await Promise.all([
        held(),
        count(`limit:${options.namespace}:actor:${encodeURIComponent(actor)}`, perActor),
        organizationId === undefined
          ? undefined
          : count(`limit:${options.namespace}:organization:${organizationId}`, perOrganization),
      ]);
      if (actorWait !== undefined) return { limit: 'per-actor', retryAfterSeconds: actorWait };
      if (organizationWait !== undefined) return { limit: 'per-organization', retryAfterSeconds: organizationWait };
      if (hold !== undefined) return { limit: 'upstream', retryAfterSeconds: hold };
      return undefined;
    },
    async holdMs() {
      const until = Number(await store.get(holdKey));
      return Number.isFinite(until) && until > now() ? until - now() : 0;
    },
    watch(upstream) {
      return async (request) => {
        const answer = await upstream(request);
        if (answer.status !== 429) return answer;
        // Auth0's X-RateLimit-Reset (epoch seconds); a Retry-After (seconds) when that is missing.
        const reset = Number(answer.headers.get('x-ratelimit-reset') || Number.NaN);
        const retryAfter = Number(answer.headers.get('retry-after') || Number.NaN);
        const untilMs = Number.isFinite(reset) ? reset * 1000 - now() : retryAfter * 1000;
        const waitMs = Math.min(untilMs, MAX_UPSTREAM_HOLD_MS);
        if (Number.isFinite(waitMs) && waitMs > 0) {
          await store.set(holdKey, String(now() + waitMs), waitMs).catch(() => undefined);
        }
        return answer;
      };
    },
  };
}

/** The 429 the handler answers itself, in the Management API's error shape, with `Retry-After`. */
export function limitProblem(verdict: LimitVerdict): Problem {
  const wait = `try again in ${verdict.retryAfterSeconds} s.`;
  return {
    status: 429,
    errorCode: 'too_many_requests',
    message:
      verdict.limit === 'upstream'
        ? `The Management API’s rate limit is spent; ${wait}`
        : verdict.limit === 'per-actor'
          ? `Too many requests from this user; ${wait}`
          : `Too many requests for this organization; ${wait}`,
    headers: { 'retry-after': String(verdict.retryAfterSeconds) },
  };
}

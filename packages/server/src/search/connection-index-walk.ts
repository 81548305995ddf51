import type { ManagementApiUpstream, UpstreamAnswer } from '../upstream/management-api-upstream';
import { answerJson } from '../upstream/upstream-response';
import { toConnectionIndexEntry } from './connection-index-search';
import type { ConnectionIndexEntry } from './connection-index-state';

/** Connections per page of the walk: Auth0's largest `take`. */
export const WALK_PAGE_SIZE = 100;

/** Only what the index keeps. */
export const WALK_FIELDS = 'id,name,display_name,strategy,metadata';

/** A walk gives up after this many 429 answers in a row. */
const MAX_RATE_LIMITED_IN_A_ROW = 8;

/** The walk could not read the tenant: Auth0 refused a page (`answer`), or answered something unreadable. */
export class ConnectionIndexWalkError extends Error {
  override readonly name = 'ConnectionIndexWalkError';
  constructor(readonly answer: UpstreamAnswer | undefined) {
    super(
      answer === undefined
        ? 'The Management API answered a page of connections with something that could not be read.'
        : `The Management API answered a page of connections with ${answer.status}.`,
    );
  }
}

export interface WalkClock {
  now(): number;
  sleep(milliseconds: number): Promise<void>;
}

export const REAL_CLOCK: WalkClock = {
  now: () => Date.now(),
  sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
};

function headerNumber(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || !/^\d+(\.\d+)?$/.test(value.trim())) return undefined;
  return Number(value);
}

/**
 * Keeps the walk within `share` of the tenant's Management API rate limit, from Auth0's `X-RateLimit-*` headers
 * (`Limit`: the bucket size, `Remaining`: requests left, `Reset`: epoch seconds at which requests are added back).
 * Until that reset the walk sends at most `share × Limit` requests, and none while `Remaining` is at or below what
 * is left for everyone else (`Limit − share × Limit`, so other traffic using the bucket slows the walk too); then
 * it waits for the reset. Against fixed windows (the fake tenant) that is at most `share` of each window; against a
 * bucket that refills continuously, the walk never draws it below the part kept for live traffic, which always goes
 * first. Without the headers it does not pace.
 */
export function createRateLimitPacer(
  share: number,
  clock: WalkClock,
  options: {
    maxRateLimitedInARow?: number;
    /**
     * How long Auth0's shared 429 hold still lasts (milliseconds, 0 when none): the hold any instance's 429 sets,
     * during which the handler answers 429 itself. A paced sender waits it out too, whoever's 429 it was.
     */
    holdMs?: (() => Promise<number>) | undefined;
  } = {},
) {
  const maxLimitedInARow = options.maxRateLimitedInARow ?? MAX_RATE_LIMITED_IN_A_ROW;
  const { holdMs } = options;
  let period: { endMs: number; spent: number; limit: number; remaining: number } | undefined;
  let limitedInARow = 0;

  return {
    /** Waits until the walk may send its next request: within its share, and past the shared hold. */
    async beforeRequest(): Promise<void> {
      for (;;) {
        const now = clock.now();
        if (period !== undefined && now >= period.endMs) period = undefined;
        if (period !== undefined) {
          const budget = Math.max(1, Math.floor(share * period.limit));
          if (period.spent >= budget || period.remaining <= period.limit - budget) {
            await clock.sleep(period.endMs - now);
            continue;
          }
        }
        // A store that cannot say is no hold: the sender's own 429s still pace it.
        const held = holdMs === undefined ? 0 : await holdMs().catch(() => 0);
        if (held <= 0) return;
        await clock.sleep(held);
      }
    },
    /** Reads an answer's headers; for a 429, how long to wait before asking again (throws after too many). */
    afterAnswer(answer: UpstreamAnswer): number | undefined {
      const limit = headerNumber(answer.headers, 'x-ratelimit-limit');
      const remaining = headerNumber(answer.headers, 'x-ratelimit-remaining');
      const reset = headerNumber(answer.headers, 'x-ratelimit-reset');
      if (limit !== undefined && remaining !== undefined && reset !== undefined && limit > 0) {
        // A reset already past (or this second) still counts as one second: the header's own granularity.
        const endMs = Math.max(reset * 1000, clock.now() + 1000);
        if (period === undefined || endMs > period.endMs) period = { endMs, spent: 1, limit, remaining };
        else {
          period.spent += 1;
          period.limit = limit;
          period.remaining = remaining;
        }
      }
      if (answer.status !== 429) {
        limitedInARow = 0;
        return undefined;
      }
      limitedInARow += 1;
      if (limitedInARow > maxLimitedInARow) throw new ConnectionIndexWalkError(answer);
      const retryAfter = headerNumber(answer.headers, 'retry-after');
      if (retryAfter !== undefined) return Math.max(1000, retryAfter * 1000);
      if (reset !== undefined) return Math.max(1000, reset * 1000 - clock.now());
      return Math.min(60_000, 1000 * 2 ** (limitedInARow - 1));
    },
  };
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((item) => typeof item === 'string')
  );
}

/** The connections of one page, or `undefined` when the page is not what `GET /connections` answers. */
function readPage(answer: UpstreamAnswer): { entries: ConnectionIndexEntry[]; next: string | undefined } | undefined {
  const json = answerJson(answer);
  if (typeof json !== 'object' || json === null || !('connections' in json)) return undefined;
  const { connections, next } = json as { connections: unknown; next?: unknown };
  if (!Array.isArray(connections) || (next !== undefined && next !== null && typeof next !== 'string')) {
    return undefined;
  }
  const entries: ConnectionIndexEntry[] = [];
  for (const item of connections as Record<string, unknown>[]) {
    if (typeof item !== 'object' || item === null) return undefined;
    const { id, name, display_name, strategy, metadata } = item;
    if (typeof id !== 'string' || typeof name !== 'string' || typeof strategy !== 'string') return undefined;
    if (display_name !== undefined && display_name !== null && typeof display_name !== 'string') return undefined;
    entries.push(
      toConnectionIndexEntry({
        id,
        name,
        strategy,
        ...(typeof display_name === 'string' ? { display_name } : {}),
        ...(isStringRecord(metadata) ? { metadata } : {}),
      }),
    );
  }
  return { entries, next: typeof next === 'string' && next !== '' ? next : undefined };
}

export interface WalkOptions {
  upstream: ManagementApiUpstream;
  rateLimitShare: number;
  clock: WalkClock;
  /** Called with each page's connections as they arrive; `last` for the walk's last page. */
  onPage: (entries: ConnectionIndexEntry[], last: boolean) => void;
  /**
   * Asked after each page but the last, before the next is asked for: `false` stops the walk there (the index's
   * walk lock, extended at each page, was lost). Without it the walk goes on to the last page.
   */
  keepGoing?: () => Promise<boolean>;
  /** Auth0's shared 429 hold, in milliseconds left: the walk sends nothing while it lasts. */
  holdMs?: (() => Promise<number>) | undefined;
}

/**
 * Reads every connection of the tenant with checkpoint pagination (`from`/`take`), only the fields the index
 * keeps, paced under the rate limit and waiting out each 429; `undefined` when `keepGoing` stopped it. Throws
 * `ConnectionIndexWalkError` for any other answer that is not a page, and `UpstreamUnavailableError` when Auth0
 * cannot be reached.
 */
export async function walkTenantConnections(options: WalkOptions): Promise<ConnectionIndexEntry[] | undefined> {
  const pacer = createRateLimitPacer(options.rateLimitShare, options.clock, { holdMs: options.holdMs });
  const all: ConnectionIndexEntry[] = [];
  let from: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ take: String(WALK_PAGE_SIZE), fields: WALK_FIELDS, include_fields: 'true' });
    if (from !== undefined) query.set('from', from);
    await pacer.beforeRequest();
    const answer = await options.upstream({ method: 'GET', path: '/connections', query });
    const wait = pacer.afterAnswer(answer);
    if (wait !== undefined) {
      await options.clock.sleep(wait);
      continue;
    }
    if (answer.status < 200 || answer.status >= 300) throw new ConnectionIndexWalkError(answer);
    const page = readPage(answer);
    if (page === undefined) throw new ConnectionIndexWalkError(undefined);
    all.push(...page.entries);
    const last = page.next === undefined || page.entries.length === 0;
    options.onPage(page.entries, last);
    if (last) return all;
    if (options.keepGoing !== undefined && !(await options.keepGoing())) return undefined;
    from = page.next;
  }
}

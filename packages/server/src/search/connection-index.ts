import type { ManagementApiUpstream } from '../upstream/management-api-upstream';
import { isSorted, sortEntries } from './connection-index-search';
import {
  type ConnectionIndexEntry,
  type ConnectionIndexState,
  createMemoryConnectionIndexState,
} from './connection-index-state';
import { REAL_CLOCK, type WalkClock, walkTenantConnections } from './connection-index-walk';

/** The handler's `index` option: how the tenant's connections are indexed for search. */
export interface ConnectionIndexOptions {
  /** An index older than this is walked again in the background (the old one answers meanwhile). 300 000 ms by default. */
  maxAgeMs?: number;
  /** The largest share (0–1] of the tenant's Management API rate limit a walk may spend. 0.5 by default. */
  rateLimitShare?: number;
  /**
   * While the first walk runs, a search waits at most this long for its first page, then answers from what is
   * loaded, marked `partial`. 2 000 ms by default.
   */
  firstAnswerWaitMs?: number;
  /** After a failed background walk, the next waits at least this long. 30 000 ms by default. */
  retryAfterFailureMs?: number;
}

/** The connections a search is answered from. */
export interface ConnectionIndexView {
  /** Sorted as `GET /connections` sorts. */
  entries: readonly ConnectionIndexEntry[];
  /** `partial` while the first walk is still loading the tenant. */
  search: 'complete' | 'partial';
}

export interface ConnectionIndex {
  /** The index to answer from now: the last complete one (refreshed in the background when old), or the first walk's progress. */
  read(): Promise<ConnectionIndexView>;
  /**
   * The indexed connection with this id (from the last complete index, or what the first walk has loaded so far),
   * without starting or waiting for a walk: `undefined` when the index does not hold it (yet).
   */
  find(connectionId: string): Promise<ConnectionIndexEntry | undefined>;
  /** Walks the tenant now (after the walk in flight, if any); resolves when it ends, failed or not. */
  refresh(): Promise<void>;
}

export interface CreateConnectionIndexOptions extends ConnectionIndexOptions {
  upstream: ManagementApiUpstream;
  state?: ConnectionIndexState;
  clock?: WalkClock;
  /** The walk lock's time to live (`WALK_LOCK_TTL_MS`); shorter in tests against a real store's own clock. */
  walkLockTtlMs?: number;
  /** Auth0's shared 429 hold, in milliseconds left (the handler's): a walk sends nothing while it lasts. */
  holdMs?: () => Promise<number>;
}

/** Refuses settings that cannot work, as the handler refuses its other options: at creation, saying which. */
function checkConnectionIndexOptions(options: ConnectionIndexOptions): void {
  const { rateLimitShare } = options;
  if (rateLimitShare !== undefined && !(rateLimitShare > 0 && rateLimitShare <= 1)) {
    throw new TypeError('createOrgConnectionsHandler: `index.rateLimitShare` must be a number above 0 and at most 1.');
  }
  for (const name of ['maxAgeMs', 'firstAnswerWaitMs', 'retryAfterFailureMs'] as const) {
    const value = options[name];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new TypeError(
        `createOrgConnectionsHandler: \`index.${name}\` must be a number of milliseconds, 0 or more.`,
      );
    }
  }
}

/**
 * How long the walk lock lasts without progress: each page of the walk starts it again, so only a walk that stalls
 * (or dies with its process) this long loses it to another instance.
 */
export const WALK_LOCK_TTL_MS = 600_000;

/** A walk in flight on this instance. */
interface Walk {
  /** What it has loaded so far, sorted. */
  progress: ConnectionIndexEntry[];
  /** Resolves when the first page arrives or the walk ends. */
  firstPage: Promise<void>;
  /** Resolves when the walk ends; `error` is then set if it failed. */
  done: Promise<void>;
  error?: unknown;
}

/**
 * The tenant's connections, indexed for search, shared by every caller of one handler: one walk in flight at a
 * time however many callers ask, refreshed in the background past `maxAgeMs`, and a failed walk keeps the last
 * good index.
 *
 * While there is no index yet, a search answers from what the first walk has loaded, marked `partial`, rather
 * than waiting for the walk to end. Measured (packages/server/bench/connection-index.ts, 10,000 connections,
 * 100 ms per upstream request): the first partial answer comes after one page (~0.2 s), while a complete one
 * needs the whole walk (101 sequential pages, about 10 s, and far longer when the walk is paced under a real
 * tenant's limit: ~80 s at half of 150 requests a minute). No bounded wait short enough for a person to sit through covers a large tenant's walk, so the
 * search waits only for the first page (at most `firstAnswerWaitMs`) and the client asks again until `complete`.
 */
export function createConnectionIndex(options: CreateConnectionIndexOptions): ConnectionIndex {
  checkConnectionIndexOptions(options);
  const clock = options.clock ?? REAL_CLOCK;
  const state = options.state ?? createMemoryConnectionIndexState(clock.now);
  const maxAgeMs = options.maxAgeMs ?? 300_000;
  const rateLimitShare = options.rateLimitShare ?? 0.5;
  const firstAnswerWaitMs = options.firstAnswerWaitMs ?? 2000;
  const retryAfterFailureMs = options.retryAfterFailureMs ?? 30_000;
  const walkLockTtlMs = options.walkLockTtlMs ?? WALK_LOCK_TTL_MS;
  let walk: Walk | undefined;
  let lastFailureAt = Number.NEGATIVE_INFINITY;

  /**
   * The walk in flight here, or a new one. A new one first takes the state's lock: when another instance holds it,
   * this one ends at once without an error and without a snapshot (searches answer `partial` until that instance
   * saves its snapshot). The walk extends the lock at each page, so it outlasts a walk of any length that makes
   * progress; one that finds the lock gone (it made no progress for the lock's whole time to live, and another
   * instance took it) stops there, without an error and without a snapshot, and leaves the walk to the other.
   */
  function startWalk(): Walk {
    if (walk !== undefined) return walk;
    const owner = crypto.randomUUID();
    const claim = state.tryLockWalk(owner, walkLockTtlMs);
    let firstPageArrived = () => {};
    const current: Walk = {
      progress: [],
      firstPage: new Promise((resolve) => {
        firstPageArrived = resolve;
      }),
      done: Promise.resolve(),
    };
    walk = current;
    current.done = (async () => {
      const builtAt = clock.now();
      try {
        if (!(await claim)) return;
        try {
          const entries = await walkTenantConnections({
            upstream: options.upstream,
            rateLimitShare,
            clock,
            onPage(page, last) {
              const previous = current.progress.at(-1);
              const inOrder = isSorted(previous === undefined ? page : [previous, ...page]);
              current.progress.push(...page);
              if (!inOrder) current.progress = sortEntries(current.progress);
              // A walk of one page answers complete: the waiting search hears of it when the snapshot is saved.
              if (!last) firstPageArrived();
            },
            keepGoing: () => state.extendWalk(owner, walkLockTtlMs),
            holdMs: options.holdMs,
          });
          if (entries === undefined) return;
          await state.saveSnapshot({ builtAt, entries: isSorted(entries) ? entries : sortEntries(entries) });
        } finally {
          await state.releaseWalk(owner);
        }
      } catch (error) {
        current.error = error;
        lastFailureAt = clock.now();
      } finally {
        firstPageArrived();
        walk = undefined;
      }
    })();
    return current;
  }

  async function read(): Promise<ConnectionIndexView> {
    const snapshot = await state.loadSnapshot();
    if (snapshot !== undefined) {
      const now = clock.now();
      if (now - snapshot.builtAt >= maxAgeMs && now - lastFailureAt >= retryAfterFailureMs) void startWalk();
      return { entries: snapshot.entries, search: 'complete' };
    }
    const current = startWalk();
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      current.firstPage,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, firstAnswerWaitMs);
      }),
    ]);
    clearTimeout(timer);
    if (walk === current) return { entries: current.progress, search: 'partial' };
    await current.done;
    if (current.error !== undefined) throw current.error;
    const built = await state.loadSnapshot();
    return built === undefined ? { entries: [], search: 'partial' } : { entries: built.entries, search: 'complete' };
  }

  return {
    read,
    async find(connectionId) {
      const entries = (await state.loadSnapshot())?.entries ?? walk?.progress ?? [];
      return entries.find((entry) => entry.id === connectionId);
    },
    async refresh() {
      // A walk already in flight may have read the tenant before the change: a new one follows it.
      await walk?.done;
      await startWalk().done;
    },
  };
}

/**
 * Brings the index up to date after a write through the handler that shows it is out of date. The handler's writes
 * are organization-connection writes: none changes a tenant connection's id, name, display name, strategy or
 * metadata, so none calls for a walk by itself. But an add that Auth0 answers 404 `inexistent_connection` names a
 * connection the index still offers and the tenant no longer has: the index is walked again at once (in the
 * background; the answer is not held up).
 */
export async function noteWrite(index: ConnectionIndex, action: string, response: Response): Promise<void> {
  if (action !== 'add' || response.status !== 404) return;
  try {
    const body: unknown = await response.clone().json();
    if (
      typeof body === 'object' &&
      body !== null &&
      'errorCode' in body &&
      body.errorCode === 'inexistent_connection'
    ) {
      void index.refresh();
    }
  } catch {
    // A body that is not JSON says nothing about the index.
  }
}

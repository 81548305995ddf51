/** One connection of the tenant as the index keeps it: what the picker shows and filters on, and `metadata`. */
export interface ConnectionIndexEntry {
  id: string;
  name: string;
  display_name?: string;
  strategy: string;
  /** Kept for rules that read it on the server (never sent to the browser by the search route). */
  metadata?: Record<string, string>;
  /** The display name and the name, folded for search (`foldForSearch`), joined by a NUL so no match spans both. */
  folded: string;
}

/** A complete index: every connection of the tenant, sorted as `GET /connections` sorts them. */
export interface ConnectionIndexSnapshot {
  /** Epoch milliseconds at which the walk that built it started. */
  builtAt: number;
  entries: ConnectionIndexEntry[];
}

/**
 * Where the index keeps what may be shared between instances of the handler: the last complete snapshot and the
 * lock that lets one walk run at a time. In memory by default; a shared store (Redis) can take its place as long
 * as a snapshot survives a JSON round trip and the lock expires on its own (`ttlMs`) if its holder dies.
 *
 * The lock is held by an `owner` (a token the walk draws at random): only the owner extends or releases it, so a
 * walk whose lock expired and was taken by another never extends or releases the other's.
 */
export interface ConnectionIndexState {
  loadSnapshot(): Promise<ConnectionIndexSnapshot | undefined>;
  saveSnapshot(snapshot: ConnectionIndexSnapshot): Promise<void>;
  /** `true` when `owner` now holds the walk lock (for at most `ttlMs`), `false` when someone else does. */
  tryLockWalk(owner: string, ttlMs: number): Promise<boolean>;
  /** `true` when `owner` still held the lock and now holds it for `ttlMs` more; `false` when it no longer holds it. */
  extendWalk(owner: string, ttlMs: number): Promise<boolean>;
  /** Lets the lock go if `owner` holds it; leaves anyone else's. */
  releaseWalk(owner: string): Promise<void>;
}

/** The default state: this process's memory. */
export function createMemoryConnectionIndexState(now: () => number = Date.now): ConnectionIndexState {
  let snapshot: ConnectionIndexSnapshot | undefined;
  let lock: { owner: string; until: number } | undefined;
  const holds = (owner: string) => lock !== undefined && lock.owner === owner && now() < lock.until;
  return {
    async loadSnapshot() {
      return snapshot;
    },
    async saveSnapshot(next) {
      snapshot = next;
    },
    async tryLockWalk(owner, ttlMs) {
      if (lock !== undefined && now() < lock.until) return false;
      lock = { owner, until: now() + ttlMs };
      return true;
    },
    async extendWalk(owner, ttlMs) {
      if (!holds(owner)) return false;
      lock = { owner, until: now() + ttlMs };
      return true;
    },
    async releaseWalk(owner) {
      if (lock?.owner === owner) lock = undefined;
    },
  };
}

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
 */
export interface ConnectionIndexState {
  loadSnapshot(): Promise<ConnectionIndexSnapshot | undefined>;
  saveSnapshot(snapshot: ConnectionIndexSnapshot): Promise<void>;
  /** `true` when the caller now holds the walk lock (for at most `ttlMs`), `false` when someone else does. */
  tryLockWalk(ttlMs: number): Promise<boolean>;
  releaseWalk(): Promise<void>;
}

/** The default state: this process's memory. */
export function createMemoryConnectionIndexState(now: () => number = Date.now): ConnectionIndexState {
  let snapshot: ConnectionIndexSnapshot | undefined;
  let lockedUntil = 0;
  return {
    async loadSnapshot() {
      return snapshot;
    },
    async saveSnapshot(next) {
      snapshot = next;
    },
    async tryLockWalk(ttlMs) {
      if (now() < lockedUntil) return false;
      lockedUntil = now() + ttlMs;
      return true;
    },
    async releaseWalk() {
      lockedUntil = 0;
    },
  };
}

/**
 * Where handler instances share what they must agree on: the Management API token (encrypted), its refresh lock,
 * the per-caller counters, Auth0's rate-limit hold and the connection index. One process needs nothing more than
 * `createMemoryStore()` (the default); several instances share one `createRedisStore(client)`
 * (`@org-connections/server/redis`), or any object with these seven methods.
 *
 * Values are strings; every key the handler writes has a time to live. A method that throws or does not answer
 * within the handler's bound (`storeTimeoutMs`) is a store fault: the instance carries on with its own memory.
 */
export interface OrgConnectionsStore {
  /** The value, or `undefined` when absent or expired. */
  get(key: string): Promise<string | undefined>;
  /** Writes the value, replacing any, for `ttlMs` milliseconds. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Writes the value only if the key is absent (a lock): `true` when this call wrote it. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /**
   * A lock's holder keeps it: when the key holds `value` (the holder's own token), its time to live starts again at
   * `ttlMs` and the answer is `true`; when it holds anything else or nothing, it is left as it is: `false`.
   */
  extendIfEqual(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** A lock's holder lets it go: deletes the key only while it holds `value`; `true` when this call deleted it. */
  deleteIfEqual(key: string, value: string): Promise<boolean>;
  /**
   * Adds one to a counter, atomically across instances. A new counter starts at 1 and expires after `windowMs`
   * (a fixed window); the answer is the count after this call and the window's time left in milliseconds.
   */
  increment(key: string, windowMs: number): Promise<{ count: number; ttlMs: number }>;
}

interface MemoryEntry {
  value: string;
  expiresAt: number;
}

export interface MemoryStoreOptions {
  /** The clock, in epoch milliseconds; `Date.now` by default. */
  now?: () => number;
}

/** The default store: one process's memory. Expired entries are dropped when read, and swept as keys are added. */
export function createMemoryStore(options: MemoryStoreOptions = {}): OrgConnectionsStore {
  const now = options.now ?? Date.now;
  const entries = new Map<string, MemoryEntry>();
  let writesSinceSweep = 0;

  function live(key: string): MemoryEntry | undefined {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > now()) return entry;
    entries.delete(key);
    return undefined;
  }

  function write(key: string, value: string, ttlMs: number): MemoryEntry {
    // Counters of callers who came once would otherwise stay: sweep the expired ones now and then.
    if (++writesSinceSweep >= 1000) {
      writesSinceSweep = 0;
      const time = now();
      for (const [name, entry] of entries) if (entry.expiresAt <= time) entries.delete(name);
    }
    const entry = { value, expiresAt: now() + ttlMs };
    entries.set(key, entry);
    return entry;
  }

  return {
    async get(key) {
      return live(key)?.value;
    },
    async set(key, value, ttlMs) {
      write(key, value, ttlMs);
    },
    async setIfAbsent(key, value, ttlMs) {
      if (live(key) !== undefined) return false;
      write(key, value, ttlMs);
      return true;
    },
    async delete(key) {
      entries.delete(key);
    },
    async extendIfEqual(key, value, ttlMs) {
      const entry = live(key);
      if (entry?.value !== value) return false;
      entry.expiresAt = now() + ttlMs;
      return true;
    },
    async deleteIfEqual(key, value) {
      if (live(key)?.value !== value) return false;
      entries.delete(key);
      return true;
    },
    async increment(key, windowMs) {
      const entry = live(key);
      if (entry === undefined) {
        write(key, '1', windowMs);
        return { count: 1, ttlMs: windowMs };
      }
      entry.value = String(Number(entry.value) + 1);
      return { count: Number(entry.value), ttlMs: entry.expiresAt - now() };
    },
  };
}

/** What the handler logs: only store faults, once per outage, and never a token or a secret. */
export interface OrgConnectionsLogger {
  warn(message: string): void;
}

export interface ResilientStoreOptions {
  /** Each call to the shared store is given up after this long. */
  timeoutMs: number;
  /** After a fault, the instance uses its own memory for this long before asking the shared store again. */
  retryAfterMs: number;
  logger: OrgConnectionsLogger;
  now?: () => number;
}

export class StoreTimeoutError extends Error {
  override readonly name = 'StoreTimeoutError';
}

/** Settles like `promise`, or rejects after `timeoutMs`; the timer never keeps the process alive. */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreTimeoutError(message)), timeoutMs);
    timer.unref?.();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The shared store as the handler uses it: every call bounded by `timeoutMs`; a call that fails or times out is
 * answered by the instance's own memory instead, and so are the calls of the next `retryAfterMs` (so a stalled
 * store costs a request one bound, not one per call). The first fault of an outage is logged once; when the
 * shared store answers again, sharing resumes.
 */
export function createResilientStore(shared: OrgConnectionsStore, options: ResilientStoreOptions): OrgConnectionsStore {
  const now = options.now ?? Date.now;
  const local = createMemoryStore({ now });
  let localUntil = 0;
  let outage = false;

  async function call<T>(
    operation: (store: OrgConnectionsStore) => Promise<T>,
    fallback: (store: OrgConnectionsStore) => Promise<T> = operation,
  ): Promise<T> {
    if (now() < localUntil) return fallback(local);
    try {
      const result = await withTimeout(operation(shared), options.timeoutMs, 'timeout');
      outage = false;
      return result;
    } catch (error) {
      localUntil = now() + options.retryAfterMs;
      if (!outage) {
        outage = true;
        const what =
          error instanceof StoreTimeoutError ? `did not answer within ${options.timeoutMs} ms` : 'could not be reached';
        try {
          options.logger.warn(
            `org-connections: the shared store ${what}; this instance uses its own memory (token, limits, index) until it answers again.`,
          );
        } catch {
          // A logger that throws changes nothing.
        }
      }
      return fallback(local);
    }
  }

  return {
    get: (key) => call((store) => store.get(key)),
    set: (key, value, ttlMs) => call((store) => store.set(key, value, ttlMs)),
    setIfAbsent: (key, value, ttlMs) => call((store) => store.setIfAbsent(key, value, ttlMs)),
    delete: (key) => call((store) => store.delete(key)),
    // In its own memory the instance takes the lock it holds when no one holds it there, so an outage does not stop
    // the holder (nothing can tell it otherwise); once the shared store answers again, it extends there or loses it.
    extendIfEqual: (key, value, ttlMs) =>
      call(
        (store) => store.extendIfEqual(key, value, ttlMs),
        async (store) => (await store.extendIfEqual(key, value, ttlMs)) || store.setIfAbsent(key, value, ttlMs),
      ),
    deleteIfEqual: (key, value) => call((store) => store.deleteIfEqual(key, value)),
    increment: (key, windowMs) => call((store) => store.increment(key, windowMs)),
  };
}

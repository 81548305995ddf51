import { type OrgConnectionsStore, withTimeout } from './store/store';

export type { OrgConnectionsStore } from './store/store';

/**
 * The one method of an `ioredis` client (`Redis` or `Cluster`, ioredis 5 or 6) the store uses: commands by name.
 * Typed here so that this entry point needs no `ioredis` import of its own.
 */
export interface RedisStoreClient {
  call(command: string, ...args: (string | number)[]): Promise<unknown>;
}

export interface RedisStoreOptions {
  /** Put before every key, so that one Redis can serve other data too; `org-connections:` by default. */
  keyPrefix?: string;
  /** Each command is given up after this long (the handler then uses its own memory): 250 ms by default. */
  commandTimeoutMs?: number;
}

/**
 * A fixed-window counter in one round trip: INCR, and PEXPIRE when the counter is new (or lost its expiry);
 * answers the count and the window's time left.
 */
const INCREMENT = `local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

/** A lock's holder keeps it: PEXPIRE only while the key holds the holder's token; answers 1 when extended, else 0. */
const EXTEND_IF_EQUAL = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

/** A lock's holder lets it go: DEL only while the key holds the holder's token; answers 1 when deleted, else 0. */
const DELETE_IF_EQUAL = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/**
 * The handler's store on Redis, or any Redis-protocol server (Valkey, Redis 7, managed ones): GET, SET with PX
 * (and NX for a lock), DEL, and three short Lua scripts: the counters (INCR, PTTL, PEXPIRE), and a lock's holder
 * extending or deleting it only while it holds the holder's token (GET, then PEXPIRE or DEL).
 *
 * ```ts
 * import Redis from 'ioredis';
 * import { createRedisStore } from '@org-connections/server/redis';
 * const redis = new Redis(process.env.REDIS_URL, { enableAutoPipelining: true, maxRetriesPerRequest: 1 });
 * const store = createRedisStore(redis);
 * ```
 */
export function createRedisStore(client: RedisStoreClient, options: RedisStoreOptions = {}): OrgConnectionsStore {
  const prefix = options.keyPrefix ?? 'org-connections:';
  const timeoutMs = options.commandTimeoutMs ?? 250;
  if (!(timeoutMs > 0)) throw new TypeError('createRedisStore: `commandTimeoutMs` must be a positive number.');
  const command = (name: string, ...args: (string | number)[]) =>
    withTimeout(client.call(name, ...args), timeoutMs, `Redis did not answer ${name} within ${timeoutMs} ms.`);
  const ms = (value: number) => Math.max(1, Math.ceil(value));

  return {
    async get(key) {
      const value = await command('GET', prefix + key);
      if (value === null || value === undefined) return undefined;
      return typeof value === 'string' ? value : String(value);
    },
    async set(key, value, ttlMs) {
      await command('SET', prefix + key, value, 'PX', ms(ttlMs));
    },
    async setIfAbsent(key, value, ttlMs) {
      return (await command('SET', prefix + key, value, 'PX', ms(ttlMs), 'NX')) === 'OK';
    },
    async delete(key) {
      await command('DEL', prefix + key);
    },
    async extendIfEqual(key, value, ttlMs) {
      return Number(await command('EVAL', EXTEND_IF_EQUAL, 1, prefix + key, value, ms(ttlMs))) === 1;
    },
    async deleteIfEqual(key, value) {
      return Number(await command('EVAL', DELETE_IF_EQUAL, 1, prefix + key, value)) === 1;
    },
    async increment(key, windowMs) {
      const answer = await command('EVAL', INCREMENT, 1, prefix + key, ms(windowMs));
      if (!Array.isArray(answer) || answer.length !== 2) throw new Error('Redis answered the counter script oddly.');
      return { count: Number(answer[0]), ttlMs: Number(answer[1]) };
    },
  };
}

// What the handler relies on from a store, checked on both stores the package ships: the in-memory default and
// createRedisStore on a real redis-server.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedisServer } from '../../test/redis-server';
import { createRedisStore } from '../redis';
import { createMemoryStore, createResilientStore, type OrgConnectionsStore } from './store';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(['memory', 'redis'] as const)('the %s store', (kind) => {
  let redis: RedisServer | undefined;
  let client: Redis | undefined;
  let store: OrgConnectionsStore;
  let run = 0;
  /** A key of its own for each test (the Redis server lives for the whole file). */
  const key = (name: string) => `test:${run}:${name}`;

  beforeAll(async () => {
    if (kind === 'redis') {
      redis = await startRedisServer();
      client = new Redis(redis.url);
      store = createRedisStore(client, { keyPrefix: 'store-test:' });
    } else {
      store = createMemoryStore();
    }
  });
  afterAll(async () => {
    client?.disconnect();
    await redis?.stop();
  });

  it('reads what it was given until its time to live runs out', async () => {
    run += 1;
    expect(await store.get(key('a'))).toBeUndefined();
    await store.set(key('a'), 'first', 60_000);
    await store.set(key('a'), 'second', 60_000);
    expect(await store.get(key('a'))).toBe('second');
    await store.set(key('short'), 'gone soon', 30);
    await sleep(120);
    expect(await store.get(key('short'))).toBeUndefined();
    await store.delete(key('a'));
    expect(await store.get(key('a'))).toBeUndefined();
  });

  it('set-if-absent lets one caller of many hold a lock, until it is deleted or expires', async () => {
    run += 1;
    const claims = await Promise.all(Array.from({ length: 10 }, () => store.setIfAbsent(key('lock'), '1', 60_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    await store.delete(key('lock'));
    expect(await store.setIfAbsent(key('lock'), '1', 30)).toBe(true);
    await sleep(120);
    expect(await store.setIfAbsent(key('lock'), '1', 60_000)).toBe(true);
  });

  it('counts atomically in a fixed window that starts with the first count', async () => {
    run += 1;
    const answers = await Promise.all(Array.from({ length: 20 }, () => store.increment(key('count'), 60_000)));
    expect(answers.map((answer) => answer.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    for (const { ttlMs } of answers) {
      expect(ttlMs).toBeGreaterThan(0);
      expect(ttlMs).toBeLessThanOrEqual(60_000);
    }
    await store.increment(key('window'), 50);
    await sleep(150);
    expect((await store.increment(key('window'), 50)).count).toBe(1);
  });

  it('keeps keys of different prefixes apart (Redis) and names only what it was given', async () => {
    run += 1;
    await store.set(key('shared'), 'value', 60_000);
    if (client === undefined) return;
    expect(await client.get(`store-test:${key('shared')}`)).toBe('value');
    const other = createRedisStore(client, { keyPrefix: 'other-app:' });
    expect(await other.get(key('shared'))).toBeUndefined();
  });
});

describe('createResilientStore', () => {
  it('answers from its own memory when the store fails, says so once, and asks the store again after a while', async () => {
    let now = 0;
    let failing = true;
    const calls: string[] = [];
    const shared = createMemoryStore();
    const flaky: OrgConnectionsStore = {
      ...shared,
      get: async (key) => {
        calls.push(key);
        if (failing) throw new Error('connection refused');
        return shared.get(key);
      },
    };
    const warnings: string[] = [];
    const store = createResilientStore(flaky, {
      timeoutMs: 250,
      retryAfterMs: 5000,
      logger: { warn: (message) => warnings.push(message) },
      now: () => now,
    });
    await shared.set('k', 'shared value', 60_000);
    expect(await store.get('k')).toBeUndefined(); // this instance's memory has nothing yet
    expect(await store.get('k')).toBeUndefined();
    expect(calls).toEqual(['k']); // the second read did not wait on the failing store
    expect(warnings).toEqual([
      'org-connections: the shared store could not be reached; this instance uses its own memory (token, limits, index) until it answers again.',
    ]);
    failing = false;
    now += 5001;
    expect(await store.get('k')).toBe('shared value');
    failing = true;
    now += 1;
    await store.get('k');
    expect(warnings).toHaveLength(2); // a new outage is told again
  });
});

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

  it('a lock’s holder extends and deletes it only while it holds its own token', async () => {
    run += 1;
    expect(await store.setIfAbsent(key('lock'), 'token-a', 200)).toBe(true);
    // Another token neither extends nor deletes it.
    expect(await store.extendIfEqual(key('lock'), 'token-b', 60_000)).toBe(false);
    expect(await store.deleteIfEqual(key('lock'), 'token-b')).toBe(false);
    expect(await store.get(key('lock'))).toBe('token-a');
    // The holder's extension outlives the first time to live.
    expect(await store.extendIfEqual(key('lock'), 'token-a', 60_000)).toBe(true);
    await sleep(300);
    expect(await store.get(key('lock'))).toBe('token-a');
    expect(await store.setIfAbsent(key('lock'), 'token-b', 60_000)).toBe(false);
    expect(await store.deleteIfEqual(key('lock'), 'token-a')).toBe(true);
    expect(await store.get(key('lock'))).toBeUndefined();
    // Once expired and taken by another, the first holder can neither extend nor delete it.
    expect(await store.setIfAbsent(key('lock'), 'token-a', 30)).toBe(true);
    await sleep(120);
    expect(await store.extendIfEqual(key('lock'), 'token-a', 60_000)).toBe(false);
    expect(await store.get(key('lock'))).toBeUndefined();
    expect(await store.setIfAbsent(key('lock'), 'token-b', 60_000)).toBe(true);
    expect(await store.extendIfEqual(key('lock'), 'token-a', 60_000)).toBe(false);
    expect(await store.deleteIfEqual(key('lock'), 'token-a')).toBe(false);
    expect(await store.get(key('lock'))).toBe('token-b');
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

  it('a lock’s holder keeps it through an outage, and after it only if the store still names it', async () => {
    let now = 0;
    let failing = false;
    const shared = createMemoryStore({ now: () => now });
    const flaky: OrgConnectionsStore = {
      ...shared,
      extendIfEqual: async (key, value, ttlMs) => {
        if (failing) throw new Error('connection refused');
        return shared.extendIfEqual(key, value, ttlMs);
      },
    };
    const store = createResilientStore(flaky, {
      timeoutMs: 250,
      retryAfterMs: 5000,
      logger: { warn: () => undefined },
      now: () => now,
    });
    expect(await store.setIfAbsent('lock', 'holder', 60_000)).toBe(true);
    failing = true;
    now += 1000;
    // The store cannot say; in its own memory the holder takes the lock it holds, and keeps it there.
    expect(await store.extendIfEqual('lock', 'holder', 60_000)).toBe(true);
    expect(await store.extendIfEqual('lock', 'someone-else', 60_000)).toBe(false);
    failing = false;
    now += 5001;
    // Back on the store, which still names the holder: extended there.
    expect(await store.extendIfEqual('lock', 'holder', 60_000)).toBe(true);
    now += 59_000;
    expect(await shared.get('lock')).toBe('holder');
    // An outage past the lock's time to live: another took it in the store, and the holder hears so once it answers.
    failing = true;
    expect(await store.extendIfEqual('lock', 'holder', 60_000)).toBe(true);
    now += 61_000;
    expect(await shared.setIfAbsent('lock', 'another', 60_000)).toBe(true);
    failing = false;
    expect(await store.extendIfEqual('lock', 'holder', 60_000)).toBe(false);
    expect(await store.deleteIfEqual('lock', 'holder')).toBe(false);
    expect(await shared.get('lock')).toBe('another');
  });
});

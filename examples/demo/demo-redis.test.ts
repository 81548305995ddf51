// `REDIS_URL=redis://… pnpm demo`: the demo's handler keeps its shared state in Redis (a real redis-server here).
import { seedIds } from '@org-connections/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RedisServer, startRedisServer } from '../../packages/server/test/redis-server';
import { startDemo } from './start.mjs';

let redis: RedisServer;
let demo: Awaited<ReturnType<typeof startDemo>>;

beforeAll(async () => {
  redis = await startRedisServer();
  demo = await startDemo({ port: 0, environment: { REDIS_URL: redis.url }, log: () => undefined });
}, 30_000);
afterAll(async () => {
  await demo?.close();
  await redis?.stop();
});

it('with REDIS_URL, the handler shares its token (encrypted) and counts through Redis', async () => {
  expect(demo.store).toBe(`Redis at 127.0.0.1:${redis.port}`);
  const session = await fetch(`${demo.url}/demo/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'tenant-admin' }),
  });
  const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const list = await fetch(`${demo.url}/api/org-connections/organizations/${seedIds.organizations.acme}/connections`, {
    headers: { cookie, origin: demo.url },
  });
  expect(list.status).toBe(200);
  const client = new Redis(redis.url);
  try {
    const keys = await client.keys('org-connections:*');
    expect(keys).toContainEqual(expect.stringMatching(/^org-connections:token:/));
    expect(keys).toContainEqual(expect.stringMatching(/^org-connections:limit:.*:actor:demo%7Cstaff$/));
  } finally {
    client.disconnect();
  }
});

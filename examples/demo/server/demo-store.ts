import type { OrgConnectionsStore } from '@org-connections/server';
import { createRedisStore } from '@org-connections/server/redis';
import { Redis } from 'ioredis';

export interface DemoStore {
  /** The handler's store: Redis when `REDIS_URL` is set, else none (the handler's own memory). */
  store: OrgConnectionsStore | undefined;
  /** What the start line says. */
  description: string;
  close(): Promise<void>;
}

/**
 * With `REDIS_URL` (`redis://127.0.0.1:6379`), the demo's handler keeps the token, the per-caller counts, Auth0's
 * hold and the connection index in Redis, as several instances of a host would; the setup the README shows.
 */
export async function demoStoreFrom(environment: Record<string, string | undefined>): Promise<DemoStore> {
  const url = environment.REDIS_URL;
  if (!url)
    return {
      store: undefined,
      description: 'in memory (set REDIS_URL to share it through Redis)',
      close: async () => {},
    };
  const client = new Redis(url, { enableAutoPipelining: true, maxRetriesPerRequest: 1 });
  // The handler says once when the store is out of reach; ioredis would print every reconnection error.
  client.on('error', () => undefined);
  return {
    store: createRedisStore(client),
    description: `Redis at ${new URL(url).host}`,
    async close() {
      client.disconnect();
    },
  };
}

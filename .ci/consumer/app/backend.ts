// A Node backend (ESM): the server package's handler on node:http, and the wire schemas from core.
import { createServer } from 'node:http';
import { type WireOrganizationConnection, wireOrganizationConnectionSchema } from '@org-connections/core/wire';
import { createOrgConnectionsHandler, toNodeListener } from '@org-connections/server';
import { type BullMQRollouts, createBullMQRollouts } from '@org-connections/server/bullmq';
import { createRedisStore, type RedisStoreClient } from '@org-connections/server/redis';
import { createFakeTenantServer } from '@org-connections/testing/server';

const handler = createOrgConnectionsHandler({
  domain: 'tenant.example.com',
  clientId: 'client',
  clientSecret: 'secret',
  basePath: '/api/org-connections',
  authorize: async () => ({ view: 'tenant-admin', actor: 'staff' }),
});
// Several instances share one store; any client with ioredis's `call` (typed without importing ioredis).
export const sharedHandler = (client: RedisStoreClient) =>
  createOrgConnectionsHandler({
    domain: 'tenant.example.com',
    clientId: 'client',
    clientSecret: 'secret',
    basePath: '/api/org-connections',
    authorize: async () => ({ view: 'tenant-admin', actor: 'staff' }),
    store: createRedisStore(client, { keyPrefix: 'app:org-connections:' }),
  });
// Rollouts on a queue: typed without bullmq installed (it is loaded when a queue is first used).
export const queuedHandler = (client: RedisStoreClient): { rollouts: BullMQRollouts; handler: typeof handler } => {
  const rollouts = createBullMQRollouts({
    connection: { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null },
    domain: 'tenant.example.com',
    writeLimit: { requests: 25, perSeconds: 60 },
  });
  return {
    rollouts,
    handler: createOrgConnectionsHandler({
      domain: 'tenant.example.com',
      clientId: 'client',
      clientSecret: 'secret',
      basePath: '/api/org-connections',
      authorize: async () => ({ view: 'tenant-admin', actor: 'staff' }),
      store: createRedisStore(client),
      rollouts: { queue: rollouts, rateLimitShare: 0.5 },
    }),
  };
};
export const server = createServer(toNodeListener(handler));
export const parse = (body: unknown): WireOrganizationConnection => wireOrganizationConnectionSchema.parse(body);
export const fakeTenant = createFakeTenantServer;

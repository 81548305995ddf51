// A Node backend (ESM): the server package's handler on node:http, and the wire schemas from core.
import { createServer } from 'node:http';
import { type WireOrganizationConnection, wireOrganizationConnectionSchema } from '@org-connections/core/wire';
import { createOrgConnectionsHandler, toNodeListener } from '@org-connections/server';
import { createFakeTenantServer } from '@org-connections/testing/server';

const handler = createOrgConnectionsHandler({
  domain: 'tenant.example.com',
  clientId: 'client',
  clientSecret: 'secret',
  basePath: '/api/org-connections',
  authorize: async () => ({ view: 'tenant-admin', actor: 'staff' }),
});
export const server = createServer(toNodeListener(handler));
export const parse = (body: unknown): WireOrganizationConnection => wireOrganizationConnectionSchema.parse(body);
export const fakeTenant = createFakeTenantServer;

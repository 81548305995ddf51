import { createOrgConnectionsHandler } from '@org-connections/server';
import { exampleSession } from './example-session';
import { upstreamFrom } from './upstream';

type Handler = (request: Request) => Promise<Response>;

/** Where the route handler is mounted; the client's `createManagementApiClient({ baseUrl })` points here. */
export const BASE_PATH = '/api/org-connections';

/** One handler per server process (kept on `globalThis`, which `next dev`'s reloads keep too). */
const shared = globalThis as typeof globalThis & { orgConnectionsHandler?: Promise<Handler> };

async function createHandler(): Promise<Handler> {
  const upstream = await upstreamFrom();
  return createOrgConnectionsHandler({
    domain: upstream.domain,
    clientId: upstream.clientId,
    clientSecret: upstream.clientSecret,
    managementBaseUrl: upstream.managementBaseUrl,
    tokenUrl: upstream.tokenUrl,
    basePath: BASE_PATH,
    // Your own session check: null answers 401; an org admin is held to its organization.
    authorize: async (request) => {
      const session = await exampleSession(request);
      return session.view === 'tenant-admin'
        ? { view: 'tenant-admin', actor: session.actor }
        : { view: 'org-admin', actor: session.actor, organizationId: session.organizationId };
    },
  });
}

/** The guard, built on first use (the fake tenant, when it is the upstream, starts then). */
export function orgConnectionsHandler(): Promise<Handler> {
  shared.orgConnectionsHandler ??= createHandler().catch((error: unknown) => {
    shared.orgConnectionsHandler = undefined;
    throw error;
  });
  return shared.orgConnectionsHandler;
}

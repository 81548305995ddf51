import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOrgConnectionsHandler, type OrgConnectionsStore, toNodeListener } from '@org-connections/server';
import { demoRoleOf, handleDemoSession } from './demo-session';
import type { DemoUpstream } from './demo-upstream';

/** Where the demo mounts the guard; the page's `createManagementApiClient({ baseUrl })` points here. */
export const DEMO_BASE_PATH = '/api/org-connections';

export interface DemoServerOptions {
  upstream: DemoUpstream;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Serves every other request (the Vite page); answers 404 when absent. */
  pages?: (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
  /** Where audit lines go; `console.log` when absent. */
  log?: (line: string) => void;
  /** The handler's shared store (Redis with `REDIS_URL`); its own memory when absent. */
  store?: OrgConnectionsStore | undefined;
}

export interface DemoServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The host backend of the demo, on `node:http`: the guard from `@org-connections/server` at
 * `/api/org-connections` (through `toNodeListener`), a cookie session standing in for the host's own
 * login, and the page.
 */
export async function startDemoServer({
  upstream,
  host = '127.0.0.1',
  port = 0,
  pages,
  log = console.log,
  store,
}: DemoServerOptions): Promise<DemoServer> {
  const { organizationId } = upstream;
  const handler = createOrgConnectionsHandler({
    domain: upstream.domain,
    clientId: upstream.clientId,
    clientSecret: upstream.clientSecret,
    managementBaseUrl: upstream.managementBaseUrl,
    tokenUrl: upstream.tokenUrl,
    ...(store === undefined ? {} : { store }),
    basePath: DEMO_BASE_PATH,
    // The host's own session check. A real app reads its session here; the demo's cookie names a role.
    authorize: (request) => {
      const role = demoRoleOf(request.headers.get('cookie'));
      if (role === 'tenant-admin') return { view: 'tenant-admin', actor: 'demo|staff' };
      if (role === 'org-admin') return { view: 'org-admin', actor: 'demo|customer-admin', organizationId };
      return null;
    },
    onAudit: (event) =>
      log(
        `audit: ${event.actor} (${event.view}) ${event.action} ${event.connectionId ?? event.organizationId}: ${event.outcome} ${event.status}`,
      ),
  });
  const guard = toNodeListener(handler);
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    if (path === DEMO_BASE_PATH || path.startsWith(`${DEMO_BASE_PATH}/`) || path.startsWith(`${DEMO_BASE_PATH}?`)) {
      guard(request, response);
      return;
    }
    handleDemoSession(request, response, { organizationId, upstream: upstream.kind }).then(
      (handled) => {
        if (handled) return;
        const notFound = () => {
          response.writeHead(404, { 'content-type': 'text/plain' });
          response.end('Not found');
        };
        if (pages) pages(request, response, notFound);
        else notFound();
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(error instanceof Error ? error.message : 'Error');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

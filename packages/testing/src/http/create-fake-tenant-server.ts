import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeTenant, type FakeTenant, type FakeTenantOptions } from '../tenant/fake-tenant';
import { resolveBaseUrls, targetOf } from './api-base-urls';
import { TOKEN_PATH } from './authentication-api';

export interface CreateFakeTenantServerOptions {
  /** The tenant to serve; a new `createFakeTenant(tenantOptions)` when absent. */
  tenant?: FakeTenant;
  /** Options for the tenant created when `tenant` is absent. */
  tenantOptions?: FakeTenantOptions;
  /** A loopback address: `127.0.0.1` (the default), `::1` or `localhost`. */
  host?: string;
  /** 0 (the default) picks any free port. */
  port?: number;
}

/** A fake tenant answering real HTTP on loopback, at the paths Auth0 uses on `https://{domain}`. */
export interface FakeTenantServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `127.0.0.1:PORT`: the `{domain}` of the Management API audience `https://{domain}/api/v2/`. */
  domain: string;
  /** `url` + `/api/v2` */
  managementBaseUrl: string;
  /** `url` + `/my-org/v1` */
  myOrganizationBaseUrl: string;
  /** `url` + `/oauth/token` */
  tokenUrl: string;
  tenant: FakeTenant;
  /** Stops listening, drops open connections (a request waiting on `Infinity` latency too) and frees the port. */
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);
const MANAGEMENT_PATH = '/api/v2';
const MY_ORGANIZATION_PATH = '/my-org/v1';

/** Every origin is this server, so the bases are relative: a request by `localhost` or `127.0.0.1` is served alike. */
const BASES = resolveBaseUrls({
  managementBaseUrl: MANAGEMENT_PATH,
  myOrganizationBaseUrl: MY_ORGANIZATION_PATH,
  tokenUrl: TOKEN_PATH,
});

function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The request's URL as the client addressed it (its `Host`), so the token audience uses that host. */
function requestUrl(message: IncomingMessage, fallbackHost: string): URL {
  try {
    return new URL(message.url ?? '/', `http://${message.headers.host ?? fallbackHost}`);
  } catch {
    return new URL(message.url ?? '/', `http://${fallbackHost}`);
  }
}

async function readBody(message: IncomingMessage): Promise<Buffer | undefined> {
  if (message.method === 'GET' || message.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return chunks.length === 0 ? undefined : Buffer.concat(chunks);
}

function toRequest(message: IncomingMessage, url: URL, body: Buffer | undefined): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const init: RequestInit = { method: message.method ?? 'GET', headers };
  if (body !== undefined) init.body = new Uint8Array(body);
  return new Request(url, init);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

async function send(response: ServerResponse, answer: Response): Promise<void> {
  const headers: [string, string][] = [];
  answer.headers.forEach((value, name) => {
    headers.push([name, value]);
  });
  const body = Buffer.from(await answer.arrayBuffer());
  response.writeHead(answer.status, headers.flat());
  response.end(body);
}

/**
 * Serves a fake tenant over real HTTP on a loopback address (`node:http`, Node only): the Management API at
 * `/api/v2`, the My Organization API at `/my-org/v1` and `POST /oauth/token`. Anything else is a 404 with a
 * JSON body; a simulated network failure drops the connection.
 */
export async function createFakeTenantServer(options: CreateFakeTenantServerOptions = {}): Promise<FakeTenantServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) {
    throw new Error(`The fake tenant server listens on loopback only; "${host}" is not 127.0.0.1, ::1 or localhost.`);
  }
  if (options.tenant !== undefined && options.tenantOptions !== undefined) {
    throw new Error('Pass either tenant or tenantOptions to createFakeTenantServer, not both.');
  }
  const tenant = options.tenant ?? createFakeTenant(options.tenantOptions);
  let domain = host;

  const server = createServer(async (message, response) => {
    try {
      const url = requestUrl(message, domain);
      const target = targetOf(url, BASES);
      if (target === undefined) {
        sendJson(response, 404, {
          statusCode: 404,
          error: 'Not Found',
          message: `The fake tenant does not serve ${message.method} ${url.pathname}.`,
        });
        return;
      }
      const answer = await tenant.handle(toRequest(message, url, await readBody(message)), target);
      if (answer.type === 'error') {
        message.socket.destroy();
        return;
      }
      await send(response, answer);
    } catch (error) {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      sendJson(response, 500, {
        statusCode: 500,
        error: 'Internal Server Error',
        message: `The fake tenant server failed: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  });

  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => {
      reject(new Error(`The fake tenant server could not listen on ${host}:${options.port ?? 0}: ${error.message}`));
    };
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', fail);
      resolve();
    });
  });

  const { address, port } = server.address() as AddressInfo;
  domain = `${address.includes(':') ? `[${address}]` : address}:${port}`;
  const url = `http://${domain}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    domain,
    managementBaseUrl: `${url}${MANAGEMENT_PATH}`,
    myOrganizationBaseUrl: `${url}${MY_ORGANIZATION_PATH}`,
    tokenUrl: `${url}${TOKEN_PATH}`,
    tenant,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOrgConnectionsHandler, toNodeListener } from '@org-connections/server';
import { createFakeFetch, createFakeTenant, type FakeTenant } from '@org-connections/testing';
import react from '@vitejs/plugin-react';
import { build, type Plugin, preview } from 'vite';
import { BENCH_HANDLER_BASE_URL, BENCH_MANAGEMENT_BASE_URL } from '../src/bench-api';
import { createBenchTenantData } from './bench-tenant';

export interface BenchServerOptions {
  /** Milliseconds the fake tenant waits before answering each request. */
  latency: number;
  /** `false` keeps function names readable in CPU profiles. Default `true`, as shipped. */
  minify?: boolean;
}

export interface BenchServer {
  /** The page's address on 127.0.0.1. */
  url: string;
  tenant: FakeTenant;
  /**
   * Resolves once no request has been in flight for 400 ms (counted from the call at the earliest) and, after the page answered `pageIdle`
   * (a frame and a task: its main thread is free again), none started: a page still rendering the last
   * answer cannot have sent its next request yet.
   */
  waitForQuiet(pageIdle: () => Promise<void>): Promise<void>;
  /** Requests the page sent to the server package's handler since the last call (the fake tenant counts its own). */
  takeHandlerRequests(): number;
  /**
   * Until the handler's connection index has read the whole tenant (its first walk, 100 ms per upstream page), so
   * what is timed afterwards is a warm server. Resolves with how long that took, in milliseconds.
   */
  warmUpHandler(): Promise<number>;
  close(): Promise<void>;
}

/** Where the handler finds the fake tenant: Auth0's shape, served in this process by the fake fetch. */
const HANDLER_UPSTREAM = 'https://bench-tenant.test/api/v2';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(packageRoot, 'dist');

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Builds the page with Vite (production mode: React's production build, minified), then serves it
 * with `vite preview`, the fake tenant's Management API answering under `/api/v2` on the same origin,
 * as a host backend's proxy route would. The tenant runs in this Node process, off the page's main thread.
 */
export async function startBenchServer({ latency, minify = true }: BenchServerOptions): Promise<BenchServer> {
  // Vite's module runner (bench/run.mjs) set NODE_ENV to `development`, which would build React's
  // development build; the benchmark measures what ships.
  process.env.NODE_ENV = 'production';
  await build({
    root: packageRoot,
    configFile: false,
    mode: 'production',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, minify },
  });

  const tenant = createFakeTenant({
    data: createBenchTenantData(),
    latency,
    rateLimits: false,
    authentication: 'optional',
  });
  const fakeFetch = createFakeFetch(tenant, { managementBaseUrl: BENCH_MANAGEMENT_BASE_URL });
  let inFlight = 0;
  let started = 0;
  let lastActivity = Date.now();

  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    inFlight += 1;
    started += 1;
    lastActivity = Date.now();
    try {
      const method = request.method ?? 'GET';
      const headers = new Headers();
      for (const name of ['accept', 'authorization', 'content-type']) {
        const value = request.headers[name];
        if (typeof value === 'string') headers.set(name, value);
      }
      const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(request);
      const init: RequestInit = { method, headers };
      if (body !== undefined) init.body = new Uint8Array(body);
      const answer = await fakeFetch(new URL(request.url ?? '/', 'http://127.0.0.1').href, init);
      response.statusCode = answer.status;
      answer.headers.forEach((value, name) => {
        response.setHeader(name, value);
      });
      response.end(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      response.statusCode = 502;
      response.end(String(error));
    } finally {
      inFlight -= 1;
      lastActivity = Date.now();
    }
  };

  // @org-connections/server in front of the same tenant, as a host backend mounts it: the page's client -> the
  // handler (its connection index) -> the fake tenant, each upstream request `latency` ms. A staff caller; the index
  // is not refreshed during a run (an hour's age), and the per-caller limits are off (the runner is one caller
  // making hundreds of requests).
  const handler = createOrgConnectionsHandler({
    domain: new URL(HANDLER_UPSTREAM).host,
    managementBaseUrl: HANDLER_UPSTREAM,
    getManagementToken: () => tenant.defaultToken,
    fetch: createFakeFetch(tenant, { managementBaseUrl: HANDLER_UPSTREAM }),
    basePath: BENCH_HANDLER_BASE_URL,
    authorize: () => ({ view: 'tenant-admin', actor: 'bench|staff' }),
    index: { maxAgeMs: 60 * 60_000 },
    limits: { perActor: false, perOrganization: false },
  });
  const handlerListener = toNodeListener(handler);
  let handlerRequests = 0;
  const serveHandler = async (request: IncomingMessage, response: ServerResponse) => {
    inFlight += 1;
    started += 1;
    handlerRequests += 1;
    lastActivity = Date.now();
    try {
      await handlerListener(request, response);
    } finally {
      inFlight -= 1;
      lastActivity = Date.now();
    }
  };

  const fakeTenantRoute: Plugin = {
    name: 'org-connections-bench-fake-tenant',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url?.startsWith(`${BENCH_MANAGEMENT_BASE_URL}/`)) void serve(request, response);
        else if (request.url?.startsWith(`${BENCH_HANDLER_BASE_URL}/`)) void serveHandler(request, response);
        else next();
      });
    },
  };

  const server = await preview({
    root: packageRoot,
    configFile: false,
    logLevel: 'warn',
    plugins: [fakeTenantRoute],
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('vite preview did not report its address.');

  return {
    url,
    tenant,
    async waitForQuiet(pageIdle) {
      const deadline = Date.now() + 180_000;
      // Quiet is counted from now at the earliest: a debounced request may be about to start.
      lastActivity = Math.max(lastActivity, Date.now());
      const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
      for (;;) {
        while (inFlight > 0 || Date.now() - lastActivity < 400) {
          if (Date.now() > deadline) throw new Error('The page kept requesting for 3 minutes.');
          await sleep(50);
        }
        const seen = started;
        await pageIdle();
        await sleep(100);
        if (started === seen && inFlight === 0) return;
      }
    },
    takeHandlerRequests() {
      const count = handlerRequests;
      handlerRequests = 0;
      return count;
    },
    async warmUpHandler() {
      const begun = Date.now();
      const probe = `http://127.0.0.1${BENCH_HANDLER_BASE_URL}/connections?q=warm-up&take=1`;
      for (;;) {
        const answer = (await (await handler(new Request(probe))).json()) as { search?: string };
        if (answer.search === 'complete') return Date.now() - begun;
        if (answer.search === undefined) throw new Error('The handler answered without its connection index.');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    close: () => server.close(),
  };
}

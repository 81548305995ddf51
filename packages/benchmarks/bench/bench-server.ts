import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFakeFetch, createFakeTenant, type FakeTenant } from '@org-connections/testing';
import react from '@vitejs/plugin-react';
import { build, type Plugin, preview } from 'vite';
import { BENCH_MANAGEMENT_BASE_URL } from '../src/bench-api';
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
  close(): Promise<void>;
}

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

  const fakeTenantRoute: Plugin = {
    name: 'org-connections-bench-fake-tenant',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url?.startsWith(`${BENCH_MANAGEMENT_BASE_URL}/`)) void serve(request, response);
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
    close: () => server.close(),
  };
}

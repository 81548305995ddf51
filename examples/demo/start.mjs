#!/usr/bin/env node
// `pnpm demo`: the components -> the guard (@org-connections/server on node:http) -> the fake tenant (a real HTTP
// server on loopback), or a real Auth0 tenant when AUTH0_DOMAIN, AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET are set.
// With REDIS_URL set, the handler keeps its shared state (token, limits, index) in that Redis.
// Vite serves the page and loads the TypeScript server modules (the workspace packages resolve to their sources).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Starts the demo; resolves once it serves. `port` 0 picks a free one. */
export async function startDemo({
  port = 5173,
  host = '127.0.0.1',
  environment = process.env,
  log = console.log,
} = {}) {
  const vite = await createServer({
    root,
    configFile: false,
    plugins: [react()],
    appType: 'spa',
    logLevel: 'warn',
    server: { middlewareMode: true, hmr: false },
  });
  try {
    const { demoUpstreamFrom } = await vite.ssrLoadModule('/server/demo-upstream.ts');
    const { startDemoServer } = await vite.ssrLoadModule('/server/demo-server.ts');
    const { demoStoreFrom } = await vite.ssrLoadModule('/server/demo-store.ts');
    const upstream = await demoUpstreamFrom(environment);
    const shared = await demoStoreFrom(environment);
    const demo = await startDemoServer({ upstream, host, port, pages: vite.middlewares, log, store: shared.store });
    return {
      url: demo.url,
      upstream: upstream.kind,
      store: shared.description,
      organizationId: upstream.organizationId,
      generatedConnections: upstream.generatedConnections ?? 0,
      generatedOrganizations: upstream.generatedOrganizations ?? 0,
      writeWindowSeconds: upstream.writeWindowSeconds,
      async close() {
        await demo.close();
        await upstream.close();
        await shared.close();
        await vite.close();
      },
    };
  } catch (error) {
    await vite.close();
    throw error;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 5173);
  const demo = await startDemo({ port }).catch((error) => {
    console.error(`The demo could not start: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
  console.log(`org-connections demo: ${demo.url}`);
  console.log(
    demo.upstream === 'fake'
      ? '  upstream: the fake Auth0 tenant on loopback (set AUTH0_DOMAIN, AUTH0_CLIENT_ID, AUTH0_CLIENT_SECRET for a real one)'
      : '  upstream: the Auth0 tenant of AUTH0_DOMAIN',
  );
  console.log(`  store: ${demo.store}`);
  if (demo.generatedConnections > 0) {
    console.log(`  with ${demo.generatedConnections} generated connections (DEMO_TENANT_CONNECTIONS)`);
  } else if (demo.upstream === 'fake') {
    console.log("  DEMO_TENANT_CONNECTIONS=10000 pnpm demo: a large tenant, to try the picker's search");
  }
  if (demo.upstream === 'fake') {
    console.log(
      `  rollouts: ${demo.generatedOrganizations} generated organizations (DEMO_TENANT_ORGANIZATIONS), Auth0's 25 writes ` +
        `per ${demo.writeWindowSeconds} s instead of per minute (DEMO_WRITE_WINDOW_SECONDS)`,
    );
  }
  const stop = () => demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

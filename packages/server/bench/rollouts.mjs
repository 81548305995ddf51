// Node 20 cannot strip types: the benchmark (a TypeScript file) runs through a Vite module runner, kept open
// while it runs (the proxy loads the auth0 SDK on first use, with a dynamic import).
import { fileURLToPath } from 'node:url';
import { createServer, createServerModuleRunner } from 'vite';

const server = await createServer({
  configFile: false,
  logLevel: 'error',
  server: { middlewareMode: true, hmr: false },
});
const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
try {
  const module = await runner.import(fileURLToPath(new URL('./rollouts.ts', import.meta.url)));
  await module.main();
} finally {
  await runner.close();
  await server.close();
}

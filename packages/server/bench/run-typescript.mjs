// Node 20 cannot strip types: a benchmark (a TypeScript file) runs through a Vite module runner, kept open
// while it runs (the proxy loads the auth0 SDK on first use, with a dynamic import). Its exported `main` gets the
// command line's arguments.
import { fileURLToPath } from 'node:url';
import { createServer, createServerModuleRunner } from 'vite';

/** Runs the `main` of the TypeScript module at `url` (a `file:` URL beside the caller). */
export async function runTypeScript(url) {
  const server = await createServer({
    configFile: false,
    logLevel: 'error',
    server: { middlewareMode: true, hmr: false },
  });
  const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
  try {
    const module = await runner.import(fileURLToPath(url));
    await module.main(process.argv.slice(2));
  } finally {
    await runner.close();
    await server.close();
  }
}

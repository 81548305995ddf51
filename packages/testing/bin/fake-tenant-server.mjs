#!/usr/bin/env node
// A fake Auth0 tenant over HTTP on loopback. `fake-tenant-server --help` lists the options.
//
// Installed from the registry, the package holds the built `dist/server.js`. Inside the workspace (a fresh
// clone, no build step) only the TypeScript sources exist, which Node 20 cannot run: Vite (the workspace's
// devDependency) loads them instead.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sourceEntry = fileURLToPath(new URL('../src/server.ts', import.meta.url));

async function loadServerEntry() {
  if (!existsSync(sourceEntry)) return import('../dist/server.js');
  const { runnerImport } = await import('vite');
  const { module } = await runnerImport(sourceEntry);
  return module;
}

const entry = await loadServerEntry();
let options;
try {
  options = entry.parseFakeTenantCliArguments(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
if (options.command === 'help') {
  console.log(entry.FAKE_TENANT_CLI_USAGE);
  process.exit(0);
}
let server;
try {
  server = await entry.startFakeTenantCli(options, (line) => console.log(line));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const stop = () => {
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

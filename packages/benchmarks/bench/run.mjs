// Runs one of the TypeScript scripts beside this file through Vite's module runner (Node 20 cannot
// strip types itself): `node bench/run.mjs run-benchmarks`. The script's exported `main` gets the remaining arguments.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const [script, ...args] = process.argv.slice(2);
if (script === undefined || !/^[a-z-]+$/.test(script)) {
  console.error('usage: node bench/run.mjs <script-name> [arguments]');
  process.exit(2);
}
const { module } = await runnerImport(fileURLToPath(new URL(`./${script}.ts`, import.meta.url)), {
  configFile: false,
  logLevel: 'error',
});
await module.main(args);

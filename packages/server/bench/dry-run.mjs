// Runs dry-run.ts through Vite's module runner (Node 20 cannot strip types).
import { runTypeScript } from './run-typescript.mjs';

await runTypeScript(new URL('./dry-run.ts', import.meta.url));

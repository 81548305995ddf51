// Runs connection-index.ts through Vite's module runner (Node 20 cannot strip types).
import { runTypeScript } from './run-typescript.mjs';

await runTypeScript(new URL('./connection-index.ts', import.meta.url));

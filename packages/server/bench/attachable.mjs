// Runs attachable.ts through Vite's module runner (Node 20 cannot strip types).
import { runTypeScript } from './run-typescript.mjs';

await runTypeScript(new URL('./attachable.ts', import.meta.url));

import { existsSync, readdirSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const external = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies), 'react/jsx-runtime'];

// One entry per `exports` subpath: `.`, `./icons` and each `./locales/<tag>` (every `src/locales/<tag>.ts`, served by the
// `./locales/*` pattern), built to `dist/index.js`, `dist/icons.js` and `dist/locales/<tag>.js`.
const localesFolder = new URL('src/locales', import.meta.url);
const locales = existsSync(localesFolder) ? readdirSync(localesFolder).filter((file) => /^[\w-]+\.ts$/.test(file)) : [];
const entry = Object.fromEntries([
  ['index', 'src/index.ts'],
  ['icons', 'src/icons.ts'],
  ...locales.map((file) => [`locales/${file.slice(0, -'.ts'.length)}`, `src/locales/${file}`]),
  // The rollout dialog's words, apart from each locale (`./locales/<tag>/rollout`, the same pattern).
  ...locales
    .map((file) => `locales/${file.slice(0, -'.ts'.length)}/rollout`)
    .filter((name) => existsSync(new URL(`src/${name}.ts`, import.meta.url)))
    .map((name) => [name, `src/${name}.ts`]),
]);

export default defineConfig({
  plugins: [react()],
  build: {
    lib: { entry, formats: ['es'], fileName: (_format, name) => `${name}.js`, cssFileName: 'styles' },
    sourcemap: true,
    rollupOptions: {
      external: (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
    },
  },
});

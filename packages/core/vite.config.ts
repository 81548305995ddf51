import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const external = Object.keys(pkg.dependencies ?? {});

export default defineConfig({
  build: {
    lib: { entry: { index: 'src/index.ts', wire: 'src/wire.ts' }, formats: ['es'] },
    sourcemap: true,
    rollupOptions: { external: (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)) },
  },
});

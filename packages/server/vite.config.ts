import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

// Optional peers (`bullmq` for the queue entry) stay imports too.
const external = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  ...builtinModules,
];

export default defineConfig({
  build: {
    lib: { entry: { index: 'src/index.ts', redis: 'src/redis.ts', bullmq: 'src/bullmq.ts' }, formats: ['es'] },
    sourcemap: true,
    // A Node library: Node's own modules (`node:http`) and the dependencies stay imports.
    rollupOptions: {
      external: (id) =>
        id.startsWith('node:') || external.some((dependency) => id === dependency || id.startsWith(`${dependency}/`)),
    },
  },
});

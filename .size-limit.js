// size-limit budgets. The packages ship ESM only, so the bundle is measured as ESM (size-limit's esbuild
// preset defaults to an IIFE, where every module that imports an external dependency pays for its own require binding).
/** @param {Record<string, unknown>} config */
const esm = (config) => ({ ...config, format: 'esm' });

/**
 * @type {Array<{ name: string; path?: string; import?: Record<string, string>; ignore?: string[]; gzip?: boolean;
 *   limit: string; modifyEsbuildConfig?: (config: Record<string, unknown>) => Record<string, unknown> }>}
 */
const checks = [
  {
    name: 'components: core + react, own code (dependencies external)',
    import: {
      'packages/react/src/index.ts': '*',
    },
    ignore: ['react', 'react-dom', '@tanstack/react-query', '@radix-ui/react-dialog', '@radix-ui/react-switch', 'zod'],
    gzip: true,
    limit: '12 kB',
    modifyEsbuildConfig: esm,
  },
  {
    name: 'components: everything but React',
    import: {
      'packages/react/src/index.ts': '*',
    },
    ignore: ['react', 'react-dom'],
    gzip: true,
    limit: '40 kB',
    modifyEsbuildConfig: esm,
  },
  {
    name: 'createManagementApiClient, with zod/mini',
    import: {
      'packages/core/src/index.ts': '{ createManagementApiClient }',
    },
    gzip: true,
    limit: '14 kB',
    modifyEsbuildConfig: esm,
  },
  {
    name: 'createMyOrganizationApiClient, with zod/mini',
    import: {
      'packages/core/src/index.ts': '{ createMyOrganizationApiClient }',
    },
    gzip: true,
    limit: '14 kB',
    modifyEsbuildConfig: esm,
  },
  {
    name: 'styles.css',
    path: 'packages/react/src/styles.css',
    gzip: true,
    limit: '4 kB',
  },
];

export default checks;

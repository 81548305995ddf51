/**
 * The runtime APIs this package uses from its peer dependencies, imported once. Bundled to CommonJS or an IIFE
 * (as size-limit measures), every module importing a package gets its own `require` binding; one module keeps it one.
 * Types are still imported from the packages themselves.
 */
export * as Dialog from '@radix-ui/react-dialog';
export * as Switch from '@radix-ui/react-switch';
export {
  infiniteQueryOptions,
  QueryClient,
  QueryClientContext,
  QueryClientProvider,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
} from '@tanstack/react-query';
// Only for modules without effect or memo hooks: Biome checks hook dependencies only for hooks imported from 'react'.
export { useId, useRef, useState } from 'react';
export { flushSync } from 'react-dom';

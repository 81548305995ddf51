import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import type { AliasOptions } from 'vite';

/** Vite's `resolve.alias` in its array form, to add to. */
function aliasesOf(alias: AliasOptions | undefined) {
  if (alias === undefined) return [];
  return Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
}

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen' },
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    resolve: {
      ...viteConfig.resolve,
      // The server package's route runs in stories (MSW); its token grant (the Node SDK) never does.
      alias: [
        ...aliasesOf(viteConfig.resolve?.alias),
        { find: /^auth0\/legacy$/, replacement: fileURLToPath(new URL('./auth0-sdk-stub.ts', import.meta.url)) },
      ],
    },
    optimizeDeps: {
      ...viteConfig.optimizeDeps,
      // Imported only in the story tests, where Vitest serves it (.storybook/forced-colors.tsx).
      exclude: [...(viteConfig.optimizeDeps?.exclude ?? []), 'vitest/browser'],
      // Found late by the optimizer, they would make Vite reload the page mid-run (and a story test fail).
      include: [
        ...(viteConfig.optimizeDeps?.include ?? []),
        '@radix-ui/react-dialog',
        '@radix-ui/react-switch',
        '@tanstack/react-query',
        'msw',
        'msw/browser',
        'zod/mini',
        // For the server package's `toNodeListener`, which a story's route does not call (exported beside it).
        '@org-connections/server > @whatwg-node/server',
      ],
    },
  }),
};

export default config;

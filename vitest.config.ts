import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from './.ci/chromium';
import { emulateMedia } from './.ci/emulate-media';

/** Each browser project gets its own object, or Vitest mixes up project names. */
const chromium = () => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
  instances: [{ browser: 'chromium' as const }],
  screenshotFailures: false,
  // Forced colors, colour scheme, contrast, motion for the tab (display-modes tests, forced-colors stories).
  commands: { emulateMedia },
});

/** React 18.3 in place of 19 (root devDependencies `react-18`, `react-dom-18`), subpaths included. */
const react18 = [
  { find: /^react(\/.*)?$/, replacement: 'react-18$1' },
  { find: /^react-dom(\/.*)?$/, replacement: 'react-dom-18$1' },
];

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'packages/core/src/**/*.test.ts',
            'packages/testing/src/**/*.test.ts',
            'packages/server/src/**/*.test.ts',
            'examples/**/*.test.ts',
            '.ci/**/*.test.ts',
          ],
          typecheck: { enabled: true, include: ['packages/*/src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          // Typing a 51-character name key by key through user-event re-renders the form each time: about 1-2 s
          // alone, and past the default 5 s when the browser suites share the machine's two cores.
          testTimeout: 20_000,
          include: ['packages/react/src/**/*.test.{ts,tsx}'],
          exclude: ['**/*.browser.test.{ts,tsx}'],
          setupFiles: ['packages/react/test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'chromium',
          include: ['packages/react/src/**/*.browser.test.{ts,tsx}'],
          setupFiles: ['packages/react/test/setup.ts'],
          browser: chromium(),
        },
      },
      {
        extends: true,
        resolve: { alias: react18 },
        test: {
          name: 'chromium-react18',
          include: ['packages/react/src/**/*.browser.test.{ts,tsx}'],
          // What the display modes test is the stylesheet, the same under either React: once (project chromium) is enough.
          exclude: ['**/display-modes.browser.test.tsx'],
          setupFiles: ['packages/react/test/setup.ts'],
          browser: chromium(),
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook', storybookScript: 'pnpm storybook' })],
        test: {
          name: 'storybook',
          browser: chromium(),
        },
      },
      // Every story again in German (the longest strings) and Arabic (right to left): the toolbar's starting language,
      // so each play function and axe check runs in those locales too (play functions assert through the story's
      // messages).
      ...(['de', 'ar'] as const).map((locale) => ({
        extends: true as const,
        plugins: [storybookTest({ configDir: '.storybook', storybookScript: 'pnpm storybook' })],
        define: { 'import.meta.env.STORYBOOK_LOCALE': JSON.stringify(locale) },
        test: {
          name: `storybook-${locale}`,
          browser: chromium(),
        },
      })),
    ],
  },
});

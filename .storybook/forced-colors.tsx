import type { Decorator } from '@storybook/react-vite';

/**
 * The toolbar's forced colors (`globals.forcedColors`): what Windows high contrast users get, as Chromium emulates it
 * (`forced-colors: active`, with a light or a dark palette from `prefers-color-scheme`). A story can pin one with
 * `globals: { forcedColors: 'light' }`.
 */
export const FORCED_COLORS = {
  off: 'Forced colors off',
  light: 'Forced colors, light palette',
  dark: 'Forced colors, dark palette',
} as const;

export type ForcedColors = keyof typeof FORCED_COLORS;

export const forcedColorsOf = (globals: Record<string, unknown>): ForcedColors =>
  typeof globals.forcedColors === 'string' && globals.forcedColors in FORCED_COLORS
    ? (globals.forcedColors as ForcedColors)
    : 'off';

const emulated = (mode: ForcedColors) =>
  mode === 'off'
    ? !matchMedia('(forced-colors: active)').matches
    : matchMedia(`(forced-colors: active) and (prefers-color-scheme: ${mode})`).matches;

/**
 * Before each story: in the story tests (Vitest's browser mode) the tab is put in the story's mode (Playwright's media
 * emulation, `commands.emulateMedia` of vitest.config.ts), and back out of it for a story without: the emulation
 * belongs to the tab, which runs one story file after another, so it is set whenever it differs from the story's, not
 * undone afterwards. A page opened by hand cannot emulate from script: `withForcedColorsHint` says how DevTools does.
 */
export async function applyForcedColors(globals: Record<string, unknown>): Promise<void> {
  const mode = forcedColorsOf(globals);
  if (emulated(mode) || !('__vitest_browser__' in globalThis)) return;
  const { commands } = await import('vitest/browser');
  await commands.emulateMedia(mode === 'off' ? {} : { forcedColors: 'active', colorScheme: mode });
}

/** Above a story whose forced colors are on in the toolbar but not in the browser: where Chromium turns them on. */
export const withForcedColorsHint: Decorator = (Story, context) => {
  const mode = forcedColorsOf(context.globals);
  if (mode === 'off' || emulated(mode)) return <Story />;
  return (
    <>
      <p role="note" style={{ margin: '0 0 1rem', padding: '0.5rem', border: '1px dashed' }}>
        To see this story in forced colors, open DevTools › Rendering and set “Emulate CSS media feature forced-colors”
        to active and “prefers-color-scheme” to {mode} (the story tests do this themselves).
      </p>
      <Story />
    </>
  );
};

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
 * Before each story: in the story tests (Vitest's browser mode) the page is put in the story's mode through Chromium's
 * DevTools protocol, and back out of it for a story without (the emulation belongs to the whole test page, so it is set
 * whenever it differs, not undone afterwards). A page opened by hand cannot emulate from script: `ForcedColorsHint`
 * says how to turn it on in DevTools.
 */
export async function applyForcedColors(globals: Record<string, unknown>): Promise<void> {
  const mode = forcedColorsOf(globals);
  if (emulated(mode) || !('__vitest_browser__' in globalThis)) return;
  const { cdp } = await import('vitest/browser');
  // An empty value gives the feature back to the browser (an empty list would change nothing).
  await cdp().send('Emulation.setEmulatedMedia', {
    features: [
      { name: 'forced-colors', value: mode === 'off' ? '' : 'active' },
      { name: 'prefers-color-scheme', value: mode === 'off' ? '' : mode },
    ],
  });
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

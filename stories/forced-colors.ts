import { expect, within } from 'storybook/test';
import type { ForcedColors } from '../.storybook/forced-colors';

/** A story in forced colors (the toolbar's setting, pinned): `globals` for the story. */
export const inForcedColors = (mode: Exclude<ForcedColors, 'off'> = 'light') => ({ forcedColors: mode });

/**
 * `parameters.a11y` of a story in forced colors: axe's colour contrast rule reads the author's colours, which the user's
 * palette replaces there (it reported the dark theme's text on a white page that Chromium paints black), so it is off;
 * every other rule runs. The contrast of the default theme is checked in display-modes.browser.test.tsx.
 */
export const forcedColorsA11y = { config: { rules: [{ id: 'color-contrast', enabled: false }] } };

/**
 * In the story tests the page really is in forced colors (the preview's `beforeEach` emulates them in Chromium), and
 * each switch under `root` draws its thumb apart from its track: the two were one colour there before (issue 24).
 * Pixels are compared in packages/react/src/components/display-modes.browser.test.tsx.
 */
export async function expectSwitchesDrawn(root: HTMLElement) {
  await expectForcedColorsInTests();
  const switches = within(root).getAllByRole('switch');
  await expect(switches.length).toBeGreaterThan(0);
  for (const control of switches) {
    const thumb = control.firstElementChild as Element;
    await expect(getComputedStyle(thumb).backgroundColor).not.toBe(getComputedStyle(control).backgroundColor);
  }
}

/** In the story tests, the page is in forced colors (by hand, DevTools turns them on: see the toolbar's hint). */
export async function expectForcedColorsInTests() {
  if ('__vitest_browser__' in globalThis) await expect(matchMedia('(forced-colors: active)').matches).toBe(true);
}

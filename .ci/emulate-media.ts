import type { BrowserCommand } from 'vitest/node';

/** The media features a test can emulate; `null` (or left out) gives one back to the browser. */
export interface EmulatedMedia {
  forcedColors?: 'active' | null;
  colorScheme?: 'light' | 'dark' | null;
  contrast?: 'more' | null;
  reducedMotion?: 'reduce' | null;
}

/**
 * `commands.emulateMedia(media)` in a browser test (vitest.config.ts gives it to every browser project): Playwright's
 * `page.emulateMedia` for the test's tab, every feature at once. Unlike a DevTools protocol session of the test file
 * (`cdp()`), which owns what it emulated until it goes, this is the tab's own state: a later test file, or a story of
 * another file, turns it back off.
 */
export const emulateMedia: BrowserCommand<[media: EmulatedMedia]> = async (context, media) => {
  if (context.provider.name !== 'playwright') throw new Error('emulateMedia needs the playwright provider');
  await context.page.emulateMedia({
    forcedColors: media.forcedColors ?? null,
    colorScheme: media.colorScheme ?? null,
    contrast: media.contrast ?? null,
    reducedMotion: media.reducedMotion ?? null,
  });
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    emulateMedia: (media: EmulatedMedia) => Promise<void>;
  }
}

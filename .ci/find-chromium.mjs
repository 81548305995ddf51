// Which Chromium the project's browser runs use (Vitest's browser projects, `pnpm bench`), found in seconds:
// CHROMIUM_PATH, else Playwright's own Chromium if one is installed, else a chromium or google-chrome on the PATH.
// Never downloads one.
import { createRequire } from 'node:module';
import { executable, findExecutable } from './find-executable.mjs';

/** The one command that fixes a machine without Chromium. */
export const INSTALL_CHROMIUM = 'apt-get install -y chromium';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function playwrightChromium() {
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    const path = chromium.executablePath();
    return path && executable(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The path of a Chromium to launch, or `{ problem }` saying what to do. A `CHROMIUM_PATH` that is set must
 * point at an executable: it is never silently replaced by another browser.
 * @param {NodeJS.ProcessEnv} [environment]
 * @param {() => string | undefined} [playwrightPath] where Playwright's own Chromium is, if installed
 * @returns {{ path: string } | { problem: string }}
 */
export function findChromium(environment = process.env, playwrightPath = playwrightChromium) {
  return findExecutable(
    environment,
    'CHROMIUM_PATH',
    NAMES,
    playwrightPath,
    `No Chromium found (CHROMIUM_PATH, Playwright's Chromium, or ${NAMES.join(' / ')} on the PATH). Install Debian's: ${INSTALL_CHROMIUM}`,
  );
}

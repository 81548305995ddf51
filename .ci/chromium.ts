import { findChromium } from './find-chromium.mjs';

/**
 * How every browser run of the project (Vitest's browser projects, `pnpm bench`) starts Chromium: the one
 * `findChromium` finds (`CHROMIUM_PATH`, Playwright's own, or one on the PATH; never a download), with the flags
 * this sandboxed, offline machine needs. Without one, `pnpm test` stops before it starts (see .ci/test.mjs).
 */
const found = findChromium();
export const chromiumPath = 'path' in found ? found.path : '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/**
 * How every browser run of the project (Vitest's browser projects, `pnpm bench`) starts Chromium:
 * Debian's build, never a downloaded one, with the flags this sandboxed, offline machine needs.
 * `CHROMIUM_PATH` overrides the path.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

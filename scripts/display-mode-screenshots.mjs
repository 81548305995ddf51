#!/usr/bin/env node
// The forced-colors pictures of the docs (docs/display-modes/*.png): the list, the add dialog and the login prompt
// preview as Windows high contrast users see them, taken from the ForcedColors stories of a static Storybook build in
// the project's Chromium (Playwright's own forced-colors emulation, light and dark palette).
//   node scripts/display-mode-screenshots.mjs            builds Storybook into .cache/storybook-display-modes first
//   node scripts/display-mode-screenshots.mjs <dir>      uses an existing build (`pnpm build-storybook` writes one)
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs/display-modes');
const { module: browserSetup } = await runnerImport(join(root, '.ci/chromium.ts'), {
  configFile: false,
  logLevel: 'error',
});

let dir = process.argv[2] && resolve(process.argv[2]);
if (!dir) {
  dir = join(root, '.cache/storybook-display-modes');
  const build = spawnSync('pnpm', ['exec', 'storybook', 'build', '--quiet', '-o', dir], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!existsSync(join(dir, 'iframe.html'))) {
  console.error(`${dir} is not a Storybook build (no iframe.html)`);
  process.exit(2);
}

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
  const file = join(dir, path === '/' ? 'index.html' : path);
  if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

/** Each picture: the story, the palette, what to wait for and what to take. */
const shots = [
  {
    file: 'list-forced-colors.png',
    story: 'orgconnectionslist--forced-colors',
    scheme: 'light',
    take: '#storybook-root',
  },
  {
    file: 'list-forced-colors-dark.png',
    story: 'orgconnectionslist--forced-colors-dark',
    scheme: 'dark',
    take: '#storybook-root',
  },
  {
    file: 'add-dialog-forced-colors.png',
    story: 'addconnectiondialog--forced-colors',
    scheme: 'light',
    take: '[role="dialog"]',
    ready: '[role="dialog"] [role="switch"]',
  },
  {
    file: 'login-prompt-preview-forced-colors.png',
    story: 'loginpromptpreview--forced-colors',
    scheme: 'light',
    take: '[data-slot="prompt"]',
    ready: '[data-slot="prompt"]',
  },
];

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: browserSetup.chromiumPath, args: browserSetup.chromiumArgs });
try {
  for (const shot of shots) {
    const context = await browser.newContext({
      forcedColors: 'active',
      colorScheme: shot.scheme,
      reducedMotion: 'reduce',
      viewport: { width: 640, height: 760 },
    });
    const page = await context.newPage();
    await page.goto(`${base}/iframe.html?id=${shot.story}&viewMode=story`);
    await page.waitForSelector(shot.ready ?? '[data-slot="row"]', { timeout: 30_000 });
    // The play function has run and every change it made is saved: nothing pending, no busy region.
    await page.waitForFunction(() => !document.querySelector('[data-pending], [aria-busy="true"]'), null, {
      timeout: 30_000,
    });
    await page.waitForTimeout(300);
    // At most 560 px of it, so that each picture stays small.
    const box = await page.locator(shot.take).first().boundingBox();
    if (!box) throw new Error(`${shot.story}: nothing to take at ${shot.take}`);
    await page.screenshot({
      path: join(out, shot.file),
      clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 560) },
    });
    console.log(`docs/display-modes/${shot.file}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

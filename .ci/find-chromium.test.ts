import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium, INSTALL_CHROMIUM } from './find-chromium.mjs';

const none = () => undefined;

/** A folder holding an executable file of that name, standing in for a browser on the PATH. */
function folderWith(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'find-chromium-'));
  writeFileSync(join(folder, name), '#!/bin/sh\n');
  chmodSync(join(folder, name), 0o755);
  return folder;
}

describe('findChromium', () => {
  it('uses CHROMIUM_PATH when it names an executable', () => {
    const folder = folderWith('my-chromium');
    expect(findChromium({ CHROMIUM_PATH: join(folder, 'my-chromium'), PATH: '' }, none)).toEqual({
      path: join(folder, 'my-chromium'),
    });
  });

  it('says so when CHROMIUM_PATH names nothing runnable, instead of picking another browser', () => {
    const folder = folderWith('chromium');
    const found = findChromium({ CHROMIUM_PATH: '/nowhere/chromium', PATH: folder }, none);
    expect(found).toEqual({ problem: 'CHROMIUM_PATH=/nowhere/chromium is not an executable file.' });
  });

  it("prefers Playwright's own Chromium, when installed, over one on the PATH", () => {
    const folder = folderWith('chromium');
    expect(findChromium({ PATH: folder }, () => '/cache/ms-playwright/chrome')).toEqual({
      path: '/cache/ms-playwright/chrome',
    });
  });

  it.each(['chromium', 'google-chrome'])('finds %s on the PATH', (name) => {
    const folder = folderWith(name);
    expect(findChromium({ PATH: `/nowhere:${folder}` }, none)).toEqual({ path: join(folder, name) });
  });

  it('without any, names the one command that fixes it', () => {
    const found = findChromium({ PATH: folderWith('firefox') }, none);
    expect(found).toEqual({ problem: expect.stringContaining(INSTALL_CHROMIUM) });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Each published package's peer ranges start at a version the workspace tests (the root's exact pins, React 18
// through its `react-18` alias and the chromium-react18 project), so no range promises a version nothing ran on.
const root = join(import.meta.dirname, '..');
const manifest = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const pins: Record<string, string> = manifest('package.json').devDependencies;

/** The exact versions the workspace installs of a package: its own pin and any `npm:name@version` alias. */
function testedVersions(name: string): string[] {
  const aliases = Object.values(pins).flatMap((spec) => {
    const alias = new RegExp(`^npm:${name.replace('/', '\\/')}@(\\d+\\.\\d+\\.\\d+)$`).exec(spec);
    return alias?.[1] === undefined ? [] : [alias[1]];
  });
  return [pins[name] as string, ...aliases];
}

describe('peer ranges', () => {
  it.each([
    ['packages/react/package.json', 'react'],
    ['packages/react/package.json', 'react-dom'],
    ['packages/react/package.json', '@tanstack/react-query'],
    ['packages/testing/package.json', 'msw'],
  ])('%s: each range of %s starts at a version the workspace tests', (path, name) => {
    const range: string = manifest(path).peerDependencies[name];
    const floors = range.split('||').map((part) => part.trim());
    for (const floor of floors) expect(floor).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(floors.map((floor) => floor.slice(1)).sort()).toEqual(testedVersions(name).sort());
  });
});

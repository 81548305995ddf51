#!/usr/bin/env node
// The published packages as the registry would get them: `pnpm build`, then `pnpm pack` of each (which applies
// `publishConfig` and turns `workspace:*` into versions), saved as `<folder>/<short name>.tgz`.
// Usage: node .ci/pack.mjs <folder>
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Every published package, by its folder under `packages/` (`@org-connections/<name>`). */
export const PUBLISHED_PACKAGES = ['core', 'react', 'testing', 'server'];

/** The tarball `pack` writes for a package. */
export const tarballPath = (folder, name) => resolve(folder, `${name}.tgz`);

function pnpm(args, cwd) {
  const result = spawnSync('pnpm', args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pnpm ${args.join(' ')} failed in ${cwd}\n${result.stdout}`);
}

export function pack(folder) {
  const destination = resolve(folder);
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(destination, { recursive: true });
  pnpm(['build'], '.');
  for (const name of PUBLISHED_PACKAGES) {
    const scratch = join(destination, `.${name}`);
    pnpm(['pack', '--pack-destination', scratch], join('packages', name));
    const [file] = readdirSync(scratch);
    if (!file?.endsWith('.tgz')) throw new Error(`pnpm pack wrote no tarball for ${name}`);
    renameSync(join(scratch, file), tarballPath(destination, name));
    rmSync(scratch, { recursive: true });
    console.log(`packed @org-connections/${name}: ${tarballPath(folder, name)}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: node .ci/pack.mjs <folder>');
    process.exit(2);
  }
  try {
    pack(folder);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

// How the .ci finders (find-chromium.mjs, find-redis-server.mjs) look for a program installed by the OS package
// manager. Never downloads anything.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** @param {string} path */
export function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The program named by `environment[variable]`, else `preferred()`'s path, else the first executable of `names` in the
 * PATH's directories (directory by directory), else `{ problem: notFound }`. A variable that is set must point at an
 * executable: it is never silently replaced by another program.
 * @param {NodeJS.ProcessEnv} environment
 * @param {string} variable
 * @param {readonly string[]} names
 * @param {() => string | undefined} preferred
 * @param {string} notFound
 * @returns {{ path: string } | { problem: string }}
 */
export function findExecutable(environment, variable, names, preferred, notFound) {
  const given = environment[variable];
  if (given) {
    return executable(given) ? { path: given } : { problem: `${variable}=${given} is not an executable file.` };
  }
  const first = preferred();
  if (first) return { path: first };
  for (const directory of (environment.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) {
      const path = join(directory, name);
      if (executable(path)) return { path };
    }
  }
  return { problem: notFound };
}

// Which redis-server the server package's store tests start (Debian's package, like Chromium for the browser tests):
// REDIS_SERVER_PATH, else /usr/bin/redis-server, else a redis-server on the PATH. Never downloads one.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The one command that fixes a machine without redis-server. */
export const INSTALL_REDIS = 'apt-get install -y redis-server';

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The path of a redis-server to start, or `{ problem }` saying what to do. A `REDIS_SERVER_PATH` that is set must
 * point at an executable: it is never silently replaced by another one.
 * @param {NodeJS.ProcessEnv} [environment]
 * @param {readonly string[]} [packaged] where the OS package puts it
 * @returns {{ path: string } | { problem: string }}
 */
export function findRedisServer(environment = process.env, packaged = ['/usr/bin/redis-server']) {
  const given = environment.REDIS_SERVER_PATH;
  if (given) {
    return executable(given) ? { path: given } : { problem: `REDIS_SERVER_PATH=${given} is not an executable file.` };
  }
  const candidates = [
    ...packaged,
    ...(environment.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((directory) => join(directory, 'redis-server')),
  ];
  const found = candidates.find(executable);
  if (found) return { path: found };
  return {
    problem: `No redis-server found (REDIS_SERVER_PATH, /usr/bin/redis-server, or the PATH); the server package's store tests start one. Install Debian's: ${INSTALL_REDIS}`,
  };
}

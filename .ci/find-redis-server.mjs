// Which redis-server the server package's store tests start (Debian's package, like Chromium for the browser tests):
// REDIS_SERVER_PATH, else /usr/bin/redis-server, else a redis-server on the PATH. Never downloads one.
import { executable, findExecutable } from './find-executable.mjs';

/** The one command that fixes a machine without redis-server. */
export const INSTALL_REDIS = 'apt-get install -y redis-server';

/**
 * The path of a redis-server to start, or `{ problem }` saying what to do. A `REDIS_SERVER_PATH` that is set must
 * point at an executable: it is never silently replaced by another one.
 * @param {NodeJS.ProcessEnv} [environment]
 * @param {readonly string[]} [packaged] where the OS package puts it
 * @returns {{ path: string } | { problem: string }}
 */
export function findRedisServer(environment = process.env, packaged = ['/usr/bin/redis-server']) {
  return findExecutable(
    environment,
    'REDIS_SERVER_PATH',
    ['redis-server'],
    () => packaged.find(executable),
    `No redis-server found (REDIS_SERVER_PATH, /usr/bin/redis-server, or the PATH); the server package's store tests start one. Install Debian's: ${INSTALL_REDIS}`,
  );
}

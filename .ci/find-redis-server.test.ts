import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRedisServer, INSTALL_REDIS } from './find-redis-server.mjs';

/** A folder holding an executable redis-server stand-in. */
function folderWithRedis(): string {
  const folder = mkdtempSync(join(tmpdir(), 'find-redis-'));
  writeFileSync(join(folder, 'redis-server'), '#!/bin/sh\n');
  chmodSync(join(folder, 'redis-server'), 0o755);
  return folder;
}

describe('findRedisServer', () => {
  it('uses REDIS_SERVER_PATH when it names an executable', () => {
    const folder = folderWithRedis();
    const path = join(folder, 'redis-server');
    expect(findRedisServer({ REDIS_SERVER_PATH: path, PATH: '' })).toEqual({ path });
  });

  it('says so when REDIS_SERVER_PATH names nothing runnable, instead of picking another one', () => {
    expect(findRedisServer({ REDIS_SERVER_PATH: '/nowhere/redis-server', PATH: folderWithRedis() })).toEqual({
      problem: 'REDIS_SERVER_PATH=/nowhere/redis-server is not an executable file.',
    });
  });

  it('prefers the OS package, then the PATH', () => {
    const folder = folderWithRedis();
    expect(findRedisServer({ PATH: '' }, [join(folder, 'redis-server')])).toEqual({
      path: join(folder, 'redis-server'),
    });
  });

  it('finds one on the PATH', () => {
    const folder = folderWithRedis();
    expect(findRedisServer({ PATH: folder }, [])).toEqual({ path: join(folder, 'redis-server') });
  });

  it('names the install command when there is none', () => {
    const found = findRedisServer({ PATH: mkdtempSync(join(tmpdir(), 'no-redis-')) }, []);
    expect(found).toEqual({ problem: expect.stringContaining(INSTALL_REDIS) });
  });
});

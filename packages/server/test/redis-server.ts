// A real redis-server for the tests (Debian's package, like Chromium for the browser tests): started on a free
// loopback port with nothing written to disk, stopped (and started again on the same port) on request.
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** The one command that fixes a machine without redis-server. */
export const INSTALL_REDIS = 'apt-get install -y redis-server';

/** `REDIS_SERVER_PATH`, else Debian's `/usr/bin/redis-server`, else `redis-server` on the PATH. */
export function findRedisServer(environment: NodeJS.ProcessEnv = process.env): string {
  const candidates = [
    environment.REDIS_SERVER_PATH,
    '/usr/bin/redis-server',
    ...(environment.PATH ?? '').split(':').map((directory) => `${directory}/redis-server`),
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // the next one
    }
  }
  throw new Error(
    `redis-server was not found (REDIS_SERVER_PATH, /usr/bin/redis-server, or the PATH); the store tests run a real one. Install it: ${INSTALL_REDIS}`,
  );
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Resolves once the server answers PING on `port`. */
async function ready(port: number, process: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (process.exitCode !== null) throw new Error(`redis-server exited with ${process.exitCode}`);
    const answered = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' });
      socket.once('error', () => resolve(false));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
      socket.once('connect', () => socket.write('PING\r\n'));
    });
    if (answered) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not answer on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface RedisServer {
  port: number;
  url: string;
  /** Stops the server (what it held is gone: nothing is saved). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  const binary = findRedisServer();
  const port = await freePort();
  let child: ChildProcess | undefined;

  async function start() {
    const started = spawn(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
      { stdio: 'ignore' },
    );
    child = started;
    await ready(port, started);
  }
  async function stop() {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  }
  await start();
  return { port, url: `redis://127.0.0.1:${port}`, stop, start };
}

/** A TCP server that accepts connections and never answers: a stalled store. */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

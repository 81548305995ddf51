import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MANAGEMENT_SCOPES } from '../tenant/access-tokens';
import { DEFAULT_CLI_PORT, parseFakeTenantCliArguments, startFakeTenantCli } from './fake-tenant-cli';

const BIN = fileURLToPath(new URL('../../bin/fake-tenant-server.mjs', import.meta.url));

describe('parseFakeTenantCliArguments', () => {
  it('defaults to 127.0.0.1:4010 and the demo client', () => {
    expect(parseFakeTenantCliArguments([])).toEqual({
      command: 'serve',
      host: '127.0.0.1',
      port: DEFAULT_CLI_PORT,
      clients: [{ clientId: 'demo-client', clientSecret: 'demo-secret' }],
    });
    expect(DEFAULT_CLI_PORT).toBe(4010);
  });

  it('reads every flag, in both --flag value and --flag=value forms, with repeated clients', () => {
    const options = parseFakeTenantCliArguments([
      '--port=0',
      '--host',
      '::1',
      '--client',
      'one:secret:with:colons',
      '--client=two:s2',
      '--large',
      '5000',
    ]);
    expect(options).toEqual({
      command: 'serve',
      host: '::1',
      port: 0,
      large: 5000,
      clients: [
        { clientId: 'one', clientSecret: 'secret:with:colons' },
        { clientId: 'two', clientSecret: 's2' },
      ],
    });
    expect(parseFakeTenantCliArguments(['--help']).command).toBe('help');
  });

  it.each([
    [['--port', 'abc'], '--port needs a whole number from 0 to 65535, got abc.'],
    [['--port', '70000'], '--port needs a whole number from 0 to 65535, got 70000.'],
    [['--port'], '--port needs a whole number from 0 to 65535, got nothing.'],
    [['--client', 'no-secret'], '--client needs ID:SECRET (both non-empty), got no-secret.'],
    [['--client', ':secret'], '--client needs ID:SECRET (both non-empty), got :secret.'],
    [['--large', '0'], '--large needs a whole number from 1 to 1000000, got 0.'],
    [['--verbose'], 'Unknown argument --verbose. Run with --help for the options.'],
  ])('refuses %j with a specific message', (argv, message) => {
    expect(() => parseFakeTenantCliArguments(argv)).toThrow(message);
  });
});

describe('startFakeTenantCli', () => {
  it('prints the URLs and client ids, never a secret, and serves a large tenant', async () => {
    const lines: string[] = [];
    const options = parseFakeTenantCliArguments(['--port', '0', '--client', 'ci:ci-secret', '--large', '1500']);
    const server = await startFakeTenantCli(options, (line) => lines.push(line));
    try {
      const output = lines.join('\n');
      expect(output).toContain(server.managementBaseUrl);
      expect(output).toContain(server.myOrganizationBaseUrl);
      expect(output).toContain(server.tokenUrl);
      expect(output).toContain('M2M clients:         ci');
      expect(output).not.toContain('ci-secret');
      expect(output).not.toContain(server.tenant.defaultToken);
      expect(server.tenant.listConnections().length).toBe(1520);
    } finally {
      await server.close();
    }
  });
});

describe('the fake-tenant-server command', () => {
  it('starts from the sources, prints its URL, grants a token, serves a request and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, '--port', '0', '--client', 'ci:ci-secret'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          stdout += String(chunk);
          const match = /listening on (http:\/\/\S+)/.exec(stdout);
          if (match?.[1] !== undefined) resolve(match[1]);
        });
        child.on('exit', () => reject(new Error(`The command exited before listening: ${stderr}`)));
      });
      const token = await fetch(`${url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credentials',
          client_id: 'ci',
          client_secret: 'ci-secret',
          audience: `https://${new URL(url).host}/api/v2/`,
        }),
      });
      expect(token.status).toBe(200);
      const { access_token: accessToken, scope } = await token.json();
      expect(scope).toBe(MANAGEMENT_SCOPES.join(' '));
      const connections = await fetch(`${url}/api/v2/connections?take=2`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(connections.status).toBe(200);
      expect((await connections.json()).connections).toHaveLength(2);
      expect(stdout).not.toContain('ci-secret');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  }, 15_000);
});

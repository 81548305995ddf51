import { createLargeTenant } from '../data/create-large-tenant';
import { MANAGEMENT_SCOPES } from '../tenant/access-tokens';
import { createFakeTenant } from '../tenant/fake-tenant';
import type { FakeM2MClient } from './authentication-api';
import { createFakeTenantServer, type FakeTenantServer } from './create-fake-tenant-server';

/** What `fake-tenant-server` was asked for on its command line. */
export interface FakeTenantCliOptions {
  command: 'serve' | 'help';
  host: string;
  port: number;
  /** Every `--client id:secret`, or the one demo client. */
  clients: FakeM2MClient[];
  /** Generated connections to add to the seed (`--large N`); absent for the plain seed. */
  large?: number;
}

export const DEFAULT_CLI_PORT = 4010;
export const DEMO_CLIENT: FakeM2MClient = { clientId: 'demo-client', clientSecret: 'demo-secret' };

export const FAKE_TENANT_CLI_USAGE = `Usage: fake-tenant-server [--port N] [--host ADDRESS] [--client ID:SECRET]... [--large N]

Serves a fake Auth0 tenant over HTTP on loopback: the Management API (/api/v2), the My Organization API
(/my-org/v1) and POST /oauth/token (client credentials, Management API scopes).

  --port N            port to listen on (default ${DEFAULT_CLI_PORT}; 0 picks a free one)
  --host ADDRESS      loopback address (default 127.0.0.1; ::1 and localhost also work)
  --client ID:SECRET  an M2M client allowed the client-credentials grant (repeatable;
                      default ${DEMO_CLIENT.clientId}:${DEMO_CLIENT.clientSecret})
  --large N           add N generated connections to the seed (a large tenant)
  --help              show this text

Stops on Ctrl+C (SIGINT) or SIGTERM.`;

function wholeNumber(flag: string, value: string | undefined, minimum: number, maximum: number): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < minimum || Number(value) > maximum) {
    throw new Error(`${flag} needs a whole number from ${minimum} to ${maximum}, got ${value ?? 'nothing'}.`);
  }
  return Number(value);
}

function client(value: string | undefined): FakeM2MClient {
  const separator = value?.indexOf(':') ?? -1;
  if (value === undefined || separator <= 0 || separator === value.length - 1) {
    throw new Error(`--client needs ID:SECRET (both non-empty), got ${value ?? 'nothing'}.`);
  }
  return { clientId: value.slice(0, separator), clientSecret: value.slice(separator + 1) };
}

/** Reads the command line (without `node` and the script). Throws a specific message for anything it cannot use. */
export function parseFakeTenantCliArguments(argv: readonly string[]): FakeTenantCliOptions {
  const options: FakeTenantCliOptions = { command: 'serve', host: '127.0.0.1', port: DEFAULT_CLI_PORT, clients: [] };
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    const [flag = '', inline] =
      argument.startsWith('--') && argument.includes('=') ? argument.split(/=(.*)/s) : [argument];
    const value = () => {
      if (inline !== undefined) return inline;
      index += 1;
      return argv[index];
    };
    if (flag === '--help' || flag === '-h') options.command = 'help';
    else if (flag === '--port') options.port = wholeNumber('--port', value(), 0, 65_535);
    else if (flag === '--host') options.host = value() ?? '';
    else if (flag === '--client') options.clients.push(client(value()));
    else if (flag === '--large') options.large = wholeNumber('--large', value(), 1, 1_000_000);
    else throw new Error(`Unknown argument ${argument}. Run with --help for the options.`);
  }
  if (options.clients.length === 0) options.clients.push({ ...DEMO_CLIENT });
  return options;
}

/** Starts the server the options describe and prints where it is (URLs and client ids, never a secret). */
export async function startFakeTenantCli(
  options: FakeTenantCliOptions,
  log: (line: string) => void,
): Promise<FakeTenantServer> {
  const clients = options.clients.map((entry) => ({ ...entry, scopes: MANAGEMENT_SCOPES }));
  const tenant =
    options.large === undefined
      ? createFakeTenant({ clients })
      : createLargeTenant({ clients, connections: options.large });
  const server = await createFakeTenantServer({ tenant, host: options.host, port: options.port });
  const connections = tenant.listConnections().length;
  log(`Fake Auth0 tenant listening on ${server.url} (${connections} connections)`);
  log(`  Management API:      ${server.managementBaseUrl}`);
  log(`  My Organization API: ${server.myOrganizationBaseUrl}`);
  log(`  Token endpoint:      ${server.tokenUrl} (audience https://${server.domain}/api/v2/)`);
  log(`  M2M clients:         ${options.clients.map((entry) => entry.clientId).join(', ')}`);
  return server;
}

import { randomBytes } from 'node:crypto';
import { AUTH0_ORGANIZATION_CONNECTION_WRITE_LIMITS, createLargeTenant, seedIds } from '@org-connections/testing';
import { createFakeTenantServer } from '@org-connections/testing/server';

/** Where the guard sends what it allows: the fake tenant over loopback HTTP, or a real Auth0 tenant. */
export interface DemoUpstream {
  kind: 'fake' | 'auth0';
  domain: string;
  clientId: string;
  clientSecret: string;
  /** Set for the fake tenant, which serves plain HTTP on 127.0.0.1. */
  managementBaseUrl?: string;
  tokenUrl?: string;
  /** The organization the org admin administers (and the tenant admin's page opens on). */
  organizationId: string;
  /** Generated connections beside the seed's (`DEMO_TENANT_CONNECTIONS`), for the fake tenant. */
  generatedConnections?: number;
  /** Generated organizations beside the seed's (`DEMO_TENANT_ORGANIZATIONS`), for a rollout. */
  generatedOrganizations?: number;
  /** The fake's organization connection write limit: Auth0's 25 per window, the window this many seconds. */
  writeWindowSeconds?: number;
  close(): Promise<void>;
}

const AUTH0_VARIABLES = ['AUTH0_DOMAIN', 'AUTH0_CLIENT_ID', 'AUTH0_CLIENT_SECRET'] as const;

/** The most generated connections `DEMO_TENANT_CONNECTIONS` may ask for. */
const MAX_GENERATED_CONNECTIONS = 100_000;

/** `DEMO_TENANT_CONNECTIONS`: how many generated connections the fake tenant gets beside the seed's (0 when unset). */
function generatedConnections(value: string | undefined): number {
  return wholeNumber('DEMO_TENANT_CONNECTIONS', value, 0, 0, MAX_GENERATED_CONNECTIONS);
}

function wholeNumber(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const count = Number(value);
  if (!/^\d+$/.test(value) || count < min || count > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${value}").`);
  }
  return count;
}

/**
 * Organizations for a rollout: 500 generated ones by default (`DEMO_TENANT_ORGANIZATIONS`, up to 10,000), and Auth0's
 * Essentials write limit for organization connections (25) per window of `DEMO_WRITE_WINDOW_SECONDS` (1 by default,
 * Auth0's is 60): at the handler's default share (half), 500 organizations take about 40 seconds, not 40 minutes.
 */
const DEFAULT_GENERATED_ORGANIZATIONS = 500;

/**
 * A real tenant when `AUTH0_DOMAIN`, `AUTH0_CLIENT_ID` and `AUTH0_CLIENT_SECRET` are set (with
 * `DEMO_ORGANIZATION_ID` naming the organization); otherwise the fake tenant, started on loopback with one
 * machine-to-machine client whose secret is made up for this run, and `DEMO_TENANT_CONNECTIONS` generated
 * connections beside the seed's (10000 to feel the picker's search on a large tenant).
 */
export async function demoUpstreamFrom(environment: Record<string, string | undefined>): Promise<DemoUpstream> {
  const given = AUTH0_VARIABLES.filter((name) => environment[name]);
  if (given.length > 0) {
    const missing = AUTH0_VARIABLES.filter((name) => !environment[name]);
    if (missing.length > 0) throw new Error(`Set ${missing.join(' and ')} too, or unset ${given.join(' and ')}.`);
    const organizationId = environment.DEMO_ORGANIZATION_ID;
    if (!organizationId) throw new Error('Set DEMO_ORGANIZATION_ID to the id (org_...) of the organization to manage.');
    return {
      kind: 'auth0',
      domain: String(environment.AUTH0_DOMAIN),
      clientId: String(environment.AUTH0_CLIENT_ID),
      clientSecret: String(environment.AUTH0_CLIENT_SECRET),
      organizationId,
      close: async () => {},
    };
  }
  const clientId = 'demo-client';
  const clientSecret = randomBytes(24).toString('base64url');
  const connections = generatedConnections(environment.DEMO_TENANT_CONNECTIONS);
  const organizations = wholeNumber(
    'DEMO_TENANT_ORGANIZATIONS',
    environment.DEMO_TENANT_ORGANIZATIONS,
    DEFAULT_GENERATED_ORGANIZATIONS,
    0,
    10_000,
  );
  const writeWindowSeconds = wholeNumber('DEMO_WRITE_WINDOW_SECONDS', environment.DEMO_WRITE_WINDOW_SECONDS, 1, 1, 60);
  const clients = [{ clientId, clientSecret }];
  const writeLimit = AUTH0_ORGANIZATION_CONNECTION_WRITE_LIMITS.essentials.limit;
  const fake = await createFakeTenantServer({
    tenant: createLargeTenant({
      connections,
      organizations,
      clients,
      rateLimits: {
        'management-organization-connection-write': { limit: writeLimit, windowSeconds: writeWindowSeconds },
      },
    }),
  });
  return {
    kind: 'fake',
    domain: fake.domain,
    clientId,
    clientSecret,
    managementBaseUrl: fake.managementBaseUrl,
    tokenUrl: fake.tokenUrl,
    organizationId: seedIds.organizations.acme,
    generatedConnections: connections,
    generatedOrganizations: organizations,
    writeWindowSeconds,
    close: () => fake.close(),
  };
}

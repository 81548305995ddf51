import { randomBytes } from 'node:crypto';
import { createLargeTenant, seedIds } from '@org-connections/testing';
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
  close(): Promise<void>;
}

const AUTH0_VARIABLES = ['AUTH0_DOMAIN', 'AUTH0_CLIENT_ID', 'AUTH0_CLIENT_SECRET'] as const;

/** The most generated connections `DEMO_TENANT_CONNECTIONS` may ask for. */
const MAX_GENERATED_CONNECTIONS = 100_000;

/** `DEMO_TENANT_CONNECTIONS`: how many generated connections the fake tenant gets beside the seed's (0 when unset). */
function generatedConnections(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  const count = Number(value);
  if (!/^\d+$/.test(value) || count > MAX_GENERATED_CONNECTIONS) {
    throw new Error(
      `DEMO_TENANT_CONNECTIONS must be a whole number from 0 to ${MAX_GENERATED_CONNECTIONS} (got "${value}").`,
    );
  }
  return count;
}

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
  const clients = [{ clientId, clientSecret }];
  const fake = await createFakeTenantServer(
    connections === 0 ? { tenantOptions: { clients } } : { tenant: createLargeTenant({ connections, clients }) },
  );
  return {
    kind: 'fake',
    domain: fake.domain,
    clientId,
    clientSecret,
    managementBaseUrl: fake.managementBaseUrl,
    tokenUrl: fake.tokenUrl,
    organizationId: seedIds.organizations.acme,
    generatedConnections: connections,
    close: () => fake.close(),
  };
}

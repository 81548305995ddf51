import { randomBytes } from 'node:crypto';
import { seedIds } from '@org-connections/testing';
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
  close(): Promise<void>;
}

const AUTH0_VARIABLES = ['AUTH0_DOMAIN', 'AUTH0_CLIENT_ID', 'AUTH0_CLIENT_SECRET'] as const;

/**
 * A real tenant when `AUTH0_DOMAIN`, `AUTH0_CLIENT_ID` and `AUTH0_CLIENT_SECRET` are set (with
 * `DEMO_ORGANIZATION_ID` naming the organization); otherwise the fake tenant, started on loopback with one
 * machine-to-machine client whose secret is made up for this run.
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
  const fake = await createFakeTenantServer({ tenantOptions: { clients: [{ clientId, clientSecret }] } });
  return {
    kind: 'fake',
    domain: fake.domain,
    clientId,
    clientSecret,
    managementBaseUrl: fake.managementBaseUrl,
    tokenUrl: fake.tokenUrl,
    organizationId: seedIds.organizations.acme,
    close: () => fake.close(),
  };
}

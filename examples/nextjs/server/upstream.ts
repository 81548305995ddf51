import { randomBytes } from 'node:crypto';

/** Where the guard sends what it allows: a real Auth0 tenant, or the fake one over loopback HTTP. */
export interface Upstream {
  kind: 'auth0' | 'fake';
  domain: string;
  clientId: string;
  clientSecret: string;
  /** Set for the fake tenant, which serves plain HTTP on 127.0.0.1. */
  managementBaseUrl?: string;
  tokenUrl?: string;
}

type Environment = Record<string, string | undefined>;

const AUTH0_VARIABLES = ['AUTH0_DOMAIN', 'AUTH0_CLIENT_ID', 'AUTH0_CLIENT_SECRET'] as const;
/** The fake tenant's seeded organization (Acme), which the page opens on when `ORGANIZATION_ID` is not set. */
const FAKE_ORGANIZATION_ID = 'org_AcmeCorp00000001';
/** The machine-to-machine client `fake-tenant-server` starts with when given none. */
const FAKE_CLIENT = { clientId: 'demo-client', clientSecret: 'demo-secret' };

function auth0Configured(environment: Environment): boolean {
  const given = AUTH0_VARIABLES.filter((name) => environment[name]);
  if (given.length === 0) return false;
  const missing = AUTH0_VARIABLES.filter((name) => !environment[name]);
  if (missing.length > 0) throw new Error(`Set ${missing.join(' and ')} too, or unset ${given.join(' and ')}.`);
  return true;
}

/** The organization the page manages: `ORGANIZATION_ID`, required with a real tenant. */
export function organizationIdFrom(environment: Environment = process.env): string {
  if (environment.ORGANIZATION_ID) return environment.ORGANIZATION_ID;
  if (auth0Configured(environment)) throw new Error('Set ORGANIZATION_ID to the id (org_...) of the organization.');
  return FAKE_ORGANIZATION_ID;
}

/**
 * A real tenant when `AUTH0_DOMAIN`, `AUTH0_CLIENT_ID` and `AUTH0_CLIENT_SECRET` are set; else the fake tenant at
 * `FAKE_TENANT_URL` (a `fake-tenant-server` started beside the app); else a fake tenant started in this process on a
 * free loopback port, once, the first time it is needed.
 */
export async function upstreamFrom(environment: Environment = process.env): Promise<Upstream> {
  if (auth0Configured(environment)) {
    return {
      kind: 'auth0',
      domain: String(environment.AUTH0_DOMAIN),
      clientId: String(environment.AUTH0_CLIENT_ID),
      clientSecret: String(environment.AUTH0_CLIENT_SECRET),
    };
  }
  const given = environment.FAKE_TENANT_URL;
  if (given) {
    const url = new URL(given);
    return {
      kind: 'fake',
      domain: url.host,
      ...FAKE_CLIENT,
      managementBaseUrl: new URL('/api/v2', url).href,
      tokenUrl: new URL('/oauth/token', url).href,
    };
  }
  // Only this branch needs the fake tenant's code, so a real deployment never loads it.
  const { createFakeTenantServer } = await import('@org-connections/testing/server');
  const clientId = 'example-client';
  const clientSecret = randomBytes(24).toString('base64url');
  const fake = await createFakeTenantServer({ tenantOptions: { clients: [{ clientId, clientSecret }] } });
  console.log(`org-connections example: the fake Auth0 tenant serves ${fake.url}`);
  return {
    kind: 'fake',
    domain: fake.domain,
    clientId,
    clientSecret,
    managementBaseUrl: fake.managementBaseUrl,
    tokenUrl: fake.tokenUrl,
  };
}

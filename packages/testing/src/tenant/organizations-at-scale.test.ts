// Organizations at scale: the generator, `GET /organizations` with checkpoint paging as Auth0 serves it, and the
// separate write limit of organization connections (Auth0's 25 a minute on Essentials), through the fake's fetch.
import { ORG_CONNECTION_LIMIT } from '@org-connections/core';
import { describe, expect, it } from 'vitest';
import { createLargeTenant } from '../data/create-large-tenant';
import { generateOrganizations } from '../data/generate-organizations';
import { seedIds } from '../data/seed-tenant-data';
import { DEFAULT_MANAGEMENT_BASE_URL } from '../http/api-base-urls';
import { createFakeFetch } from '../http/create-fake-fetch';
import { AUTH0_ORGANIZATION_CONNECTION_WRITE_LIMITS } from './rate-limiter';

describe('generateOrganizations', () => {
  it('gives unique Auth0-shaped ids and slug names, the same for the same seed', () => {
    const organizations = generateOrganizations(10_000);
    expect(new Set(organizations.map(({ id }) => id)).size).toBe(10_000);
    for (const { id, name } of organizations) {
      expect(id).toMatch(/^org_[A-Za-z0-9]{16}$/);
      expect(name).toMatch(/^[a-z0-9_-]+$/);
    }
    expect(generateOrganizations(5, { seed: 7 })).toEqual(generateOrganizations(5, { seed: 7 }));
    expect(generateOrganizations(5, { seed: 7 })).not.toEqual(generateOrganizations(5, { seed: 8 }));
  });
});

describe('GET /organizations', () => {
  const tenant = createLargeTenant({ connections: 0, organizations: 10_000 });
  const fakeFetch = createFakeFetch(tenant);
  const get = async (query: string) => {
    const response = await fakeFetch(`${DEFAULT_MANAGEMENT_BASE_URL}/organizations?${query}`, {
      headers: { authorization: `Bearer ${tenant.defaultToken}` },
    });
    return { status: response.status, body: await response.json() };
  };

  it('walks every organization once with from/take, in id order, with next until the last page', async () => {
    const seen: string[] = [];
    let from: string | undefined;
    let pages = 0;
    do {
      const { status, body } = await get(`take=100${from === undefined ? '' : `&from=${from}`}`);
      expect(status).toBe(200);
      for (const organization of body.organizations) {
        expect(Object.keys(organization).sort()).toEqual(['display_name', 'id', 'name']);
        seen.push(organization.id);
      }
      from = body.next;
      pages += 1;
    } while (from !== undefined);
    const all = tenant.listOrganizations().map(({ id }) => id);
    expect(seen).toEqual([...all].sort());
    expect(pages).toBe(Math.ceil(all.length / 100));
  });

  it('refuses a checkpoint it did not give, take over 100, and offset paging past 1000', async () => {
    expect((await get('from=nonsense&take=10')).status).toBe(400);
    expect((await get('take=101')).status).toBe(400);
    expect((await get('page=20&per_page=50')).body.errorCode).toBe('invalid_paging');
    const totals = await get('page=0&per_page=5&include_totals=true');
    expect(totals.body.total).toBe(tenant.listOrganizations().length);
    expect(totals.body.organizations).toHaveLength(5);
  });
});

describe('the write limit of organization connections', () => {
  it('counts adds apart from other requests: the 26th in a minute is a 429 with X-RateLimit-*', async () => {
    const now = 1_800_000_000_000;
    const tenant = createLargeTenant({
      connections: 0,
      organizations: 30,
      now: () => now,
      rateLimits: { 'management-organization-connection-write': AUTH0_ORGANIZATION_CONNECTION_WRITE_LIMITS.essentials },
    });
    const fakeFetch = createFakeFetch(tenant);
    const seeded = new Set<string>(Object.values(seedIds.organizations));
    const organizations = tenant.listOrganizations().filter(({ id }) => !seeded.has(id));
    const statuses: number[] = [];
    let last: Response | undefined;
    for (const { id } of organizations.slice(0, 26)) {
      last = await fakeFetch(`${DEFAULT_MANAGEMENT_BASE_URL}/organizations/${id}/connections`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tenant.defaultToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ connection_id: seedIds.connections.usernamePassword }),
      });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 25).every((status) => status === 201)).toBe(true);
    expect(statuses[25]).toBe(429);
    expect(last?.headers.get('x-ratelimit-limit')).toBe('25');
    // Reads are another bucket: still answered.
    const read = await fakeFetch(`${DEFAULT_MANAGEMENT_BASE_URL}/organizations?take=1`, {
      headers: { authorization: `Bearer ${tenant.defaultToken}` },
    });
    expect(read.status).toBe(200);
  });

  it(`answers 409 for a connection already enabled and at the ${ORG_CONNECTION_LIMIT}-connection limit, with the codes`, async () => {
    const tenant = createLargeTenant({ connections: 20, organizations: 1 });
    const fakeFetch = createFakeFetch(tenant);
    const connections = tenant.listConnections().slice(-ORG_CONNECTION_LIMIT - 1);
    const organization = tenant.listOrganizations().at(-1)?.id ?? '';
    const add = (connectionId: string) =>
      fakeFetch(`${DEFAULT_MANAGEMENT_BASE_URL}/organizations/${organization}/connections`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tenant.defaultToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ connection_id: connectionId }),
      });
    for (const connection of connections.slice(0, ORG_CONNECTION_LIMIT))
      expect((await add(connection.id)).status).toBe(201);
    const again = await add(connections[0]?.id ?? '');
    expect([again.status, (await again.json()).errorCode]).toEqual([409, 'organization_connection_conflict']);
    const over = await add(connections[ORG_CONNECTION_LIMIT]?.id ?? '');
    expect([over.status, (await over.json()).errorCode]).toEqual([409, 'organization_connection_limit_reached']);
  });
});

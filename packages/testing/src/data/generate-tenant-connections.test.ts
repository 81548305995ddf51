import { connectionKind } from '@org-connections/core';
import { describe, expect, it } from 'vitest';
import { createLargeTenant } from './create-large-tenant';
import { generateTenantConnections } from './generate-tenant-connections';
import { seedIds } from './seed-tenant-data';

describe('generateTenantConnections', () => {
  it('gives the same connections for the same seed, and different ones for another seed', () => {
    expect(generateTenantConnections(200, { seed: 7 })).toEqual(generateTenantConnections(200, { seed: 7 }));
    expect(generateTenantConnections(200, { seed: 8 })).not.toEqual(generateTenantConnections(200, { seed: 7 }));
  });

  it('generates 10,000 connections with unique Auth0-shaped ids and unique names', () => {
    const connections = generateTenantConnections(10_000);
    expect(connections).toHaveLength(10_000);
    expect(new Set(connections.map((connection) => connection.id)).size).toBe(10_000);
    expect(new Set(connections.map((connection) => connection.name)).size).toBe(10_000);
    expect(connections.filter((connection) => !/^con_[A-Za-z0-9]{16}$/.test(connection.id))).toEqual([]);
    expect(connections.filter((connection) => !/^[a-z0-9-]+$/.test(connection.name))).toEqual([]);
  });

  it('mixes kinds, mostly enterprise', () => {
    const kinds = generateTenantConnections(2_000).map((connection) => connectionKind(connection.strategy));
    const enterprise = kinds.filter((kind) => kind === 'enterprise').length;
    expect(enterprise / kinds.length).toBeGreaterThan(0.6);
    expect(new Set(kinds)).toEqual(new Set(['enterprise', 'social', 'database', 'passwordless']));
  });

  it('draws only from the strategies given', () => {
    const strategies = new Set(
      generateTenantConnections(300, { strategies: ['okta', 'github'] }).map((c) => c.strategy),
    );
    expect(strategies).toEqual(new Set(['okta', 'github']));
  });

  it('never reuses a seed id', () => {
    const seeded = new Set<string>(Object.values(seedIds.connections));
    expect(generateTenantConnections(10_000).some((connection) => seeded.has(connection.id))).toBe(false);
  });
});

describe('createLargeTenant', () => {
  it('adds the generated connections to the seed', () => {
    const tenant = createLargeTenant({ connections: 1_000 });
    expect(tenant.listConnections()).toHaveLength(1_000 + Object.keys(seedIds.connections).length);
    expect(tenant.listOrganizationConnections(seedIds.organizations.acme)).toHaveLength(8);
  });
});

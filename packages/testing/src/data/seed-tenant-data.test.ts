import { ACCESS_LEVELS, CONNECTION_KINDS, connectionKind, ORG_CONNECTION_LIMIT } from '@org-connections/core';
import { describe, expect, it } from 'vitest';
import { createSeedTenantData, seedIds, seedNames } from './seed-tenant-data';

describe('createSeedTenantData', () => {
  const data = createSeedTenantData();
  const allOrganizationConnections = Object.values(data.organizationConnections).flat();

  it('uses Auth0-shaped ids for every organization and connection', () => {
    for (const id of Object.values(seedIds.organizations)) expect(id).toMatch(/^org_[A-Za-z0-9]{16}$/);
    for (const id of Object.values(seedIds.connections)) expect(id).toMatch(/^con_[A-Za-z0-9]{16}$/);
  });

  it('holds every id of seedIds, each once', () => {
    expect(data.organizations.map((organization) => organization.id).sort()).toEqual(
      Object.values(seedIds.organizations).sort(),
    );
    expect(data.connections.map((connection) => connection.id).sort()).toEqual(
      Object.values(seedIds.connections).sort(),
    );
  });

  it('has at least 15 connections covering every kind', () => {
    expect(data.connections.length).toBeGreaterThanOrEqual(15);
    const kinds = new Set(data.connections.map((connection) => connectionKind(connection.strategy)));
    expect([...kinds].sort()).toEqual([...CONNECTION_KINDS].sort());
  });

  it('uses every access level in Acme alone', () => {
    const levels = new Set(
      data.organizationConnections[seedIds.organizations.acme]?.map((item) => item.organization_access_level),
    );
    expect([...levels].sort()).toEqual([...ACCESS_LEVELS].sort());
  });

  it('has an empty organization and one exactly at the connection limit', () => {
    expect(data.organizationConnections[seedIds.organizations.globex]).toEqual([]);
    expect(data.organizationConnections[seedIds.organizations.initech]).toHaveLength(ORG_CONNECTION_LIMIT);
  });

  it('has an organization whose enabled connections are all enterprise and hidden', () => {
    const umbrella = data.organizationConnections[seedIds.organizations.umbrella] ?? [];
    const enabled = umbrella.filter((item) => item.is_enabled);
    expect(enabled.length).toBeGreaterThan(0);
    for (const item of enabled) {
      const strategy = data.connections.find((connection) => connection.id === item.connection_id)?.strategy;
      expect(connectionKind(strategy)).toBe('enterprise');
      expect(item.show_as_button).toBe(false);
    }
  });

  it('carries names with accents, emoji, HTML-like text and exactly 50 characters', () => {
    const names = [
      ...data.connections.map((connection) => connection.display_name),
      ...allOrganizationConnections.map((item) => item.organization_connection_name),
    ];
    expect(names).toEqual(
      expect.arrayContaining([seedNames.accented, seedNames.emoji, seedNames.markup, seedNames.longest]),
    );
    expect([...seedNames.longest]).toHaveLength(50);
  });

  it('obeys the rules the fake enforces', () => {
    for (const item of allOrganizationConnections) {
      const strategy = data.connections.find((connection) => connection.id === item.connection_id)?.strategy;
      expect(strategy).toBeDefined();
      if (item.is_signup_enabled) {
        expect(connectionKind(strategy)).toBe('database');
        expect(item.assign_membership_on_login).toBe(true);
      }
      if (!item.show_as_button) expect(connectionKind(strategy)).toBe('enterprise');
      if (item.organization_access_level !== 'none') expect(item.organization_connection_name).toBeDefined();
      if (item.organization_connection_name !== undefined) {
        expect([...item.organization_connection_name].length).toBeLessThanOrEqual(50);
      }
    }
  });

  it('returns a fresh copy on every call', () => {
    const first = createSeedTenantData();
    first.connections.length = 0;
    expect(createSeedTenantData().connections.length).toBe(data.connections.length);
  });
});

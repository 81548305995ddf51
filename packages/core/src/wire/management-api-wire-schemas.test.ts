import { describe, expect, it } from 'vitest';
import {
  accessLevelSchema,
  organizationConnectionNameSchema,
  wireAddEnabledConnectionSchema,
  wireCreateOrganizationConnectionSchema,
  wireEnabledConnectionsPageSchema,
  wireOrganizationConnectionSchema,
  wireOrganizationConnectionsPageSchema,
  wireTenantConnectionsPageSchema,
  wireUpdateEnabledConnectionSchema,
  wireUpdateOrganizationConnectionSchema,
} from './management-api-wire-schemas';

describe('request schemas are strict, as Auth0 is', () => {
  it('accept a full create body', () => {
    const body = {
      connection_id: 'con_1',
      organization_connection_name: 'Acme',
      organization_access_level: 'readonly',
      is_enabled: true,
      assign_membership_on_login: true,
      is_signup_enabled: true,
      show_as_button: false,
    };
    expect(wireCreateOrganizationConnectionSchema.safeParse(body).success).toBe(true);
  });

  it.each([
    ['an unknown field', { connection_id: 'con_1', enabled: true }],
    ['the camelCase name of a field', { connection_id: 'con_1', isEnabled: true }],
    ['the spelling read-only', { connection_id: 'con_1', organization_access_level: 'read-only' }],
    ['a string boolean', { connection_id: 'con_1', is_enabled: 'true' }],
    ['a name of 51 characters', { connection_id: 'con_1', organization_connection_name: 'a'.repeat(51) }],
    ['an empty name', { connection_id: 'con_1', organization_connection_name: '' }],
    ['a name with NUL', { connection_id: 'con_1', organization_connection_name: 'a\u0000b' }],
    ['no connection_id', { is_enabled: true }],
    ['an empty connection_id', { connection_id: '' }],
    ['a connection_id of 51 characters', { connection_id: 'c'.repeat(51) }],
    ['null for is_enabled (only PATCH takes null)', { connection_id: 'con_1', is_enabled: null }],
  ])('the create body refuses %s', (_label, body) => {
    expect(wireCreateOrganizationConnectionSchema.safeParse(body).success).toBe(false);
  });

  it('the update body accepts null where Auth0 does: name, level and is_enabled', () => {
    const body = { organization_connection_name: null, organization_access_level: null, is_enabled: null };
    expect(wireUpdateOrganizationConnectionSchema.safeParse(body).success).toBe(true);
    expect(wireUpdateOrganizationConnectionSchema.safeParse({}).success).toBe(true);
  });

  it.each([
    ['an unknown field', { connection_id: 'con_1' }],
    ['the spelling read-only', { organization_access_level: 'read-only' }],
    ['a string boolean', { show_as_button: 'false' }],
    ['null for membership', { assign_membership_on_login: null }],
    ['a name of 51 characters', { organization_connection_name: 'a'.repeat(51) }],
  ])('the update body refuses %s', (_label, body) => {
    expect(wireUpdateOrganizationConnectionSchema.safeParse(body).success).toBe(false);
  });

  it.each([
    ['organization_access_level', { connection_id: 'con_1', organization_access_level: 'none' }],
    ['organization_connection_name', { connection_id: 'con_1', organization_connection_name: 'Acme' }],
    ['is_enabled', { connection_id: 'con_1', is_enabled: true }],
  ])('the enabled connections family refuses %s, which it does not have', (_field, body) => {
    expect(wireAddEnabledConnectionSchema.safeParse(body).success).toBe(false);
    const { connection_id: _id, ...update } = body;
    expect(wireUpdateEnabledConnectionSchema.safeParse(update).success).toBe(false);
  });

  it('accessLevelSchema takes exactly the four levels', () => {
    for (const level of ['none', 'readonly', 'limited', 'full'])
      expect(accessLevelSchema.safeParse(level).success).toBe(true);
    for (const level of ['read-only', 'Full', '', null]) expect(accessLevelSchema.safeParse(level).success).toBe(false);
  });

  it('organizationConnectionNameSchema takes 1 to 50 characters without NUL', () => {
    expect(organizationConnectionNameSchema.safeParse('a').success).toBe(true);
    expect(organizationConnectionNameSchema.safeParse('a'.repeat(50)).success).toBe(true);
    expect(organizationConnectionNameSchema.safeParse('a'.repeat(51)).success).toBe(false);
    // Characters, as JSON Schema counts them: 50 emoji fit, 51 do not.
    expect(organizationConnectionNameSchema.safeParse('🔐'.repeat(50)).success).toBe(true);
    expect(organizationConnectionNameSchema.safeParse('🔐'.repeat(51)).success).toBe(false);
    expect(organizationConnectionNameSchema.safeParse('\u0000').success).toBe(false);
  });
});

describe('response schemas tolerate what Auth0 may add', () => {
  it('accept an item with unknown fields and an unknown access level', () => {
    const result = wireOrganizationConnectionSchema.safeParse({
      connection_id: 'con_1',
      organization_access_level: 'owner',
      organization_member_access_level: 'full',
      connection: { name: 'x', strategy: 'okta', extra: true },
    });
    expect(result.success).toBe(true);
  });

  it('still refuse an item without connection_id or with a string boolean', () => {
    expect(wireOrganizationConnectionSchema.safeParse({ is_enabled: true }).success).toBe(false);
    expect(wireOrganizationConnectionSchema.safeParse({ connection_id: 'c', is_enabled: 'true' }).success).toBe(false);
  });

  it('accept a page as a bare array or as the include_totals wrapper', () => {
    const item = { connection_id: 'con_1' };
    expect(wireOrganizationConnectionsPageSchema.safeParse([item]).success).toBe(true);
    expect(
      wireOrganizationConnectionsPageSchema.safeParse({ start: 0, limit: 50, total: 1, connections: [item] }).success,
    ).toBe(true);
    expect(
      wireEnabledConnectionsPageSchema.safeParse({ total: 1, enabled_connections: [item], next: 'x' }).success,
    ).toBe(true);
    expect(wireOrganizationConnectionsPageSchema.safeParse({ items: [item] }).success).toBe(false);
  });

  it("accept the server package's login_prompt verdict on an organization's page, and only its three states", () => {
    const page = (loginPrompt: unknown) => ({ connections: [{ connection_id: 'con_1' }], login_prompt: loginPrompt });
    for (const state of ['ready', 'failure', 'empty']) {
      const parsed = wireOrganizationConnectionsPageSchema.safeParse(page({ state }));
      expect(parsed.success && !Array.isArray(parsed.data) && parsed.data.login_prompt).toEqual({ state });
    }
    expect(wireOrganizationConnectionsPageSchema.safeParse(page({ state: 'visible' })).success).toBe(false);
    expect(wireOrganizationConnectionsPageSchema.safeParse(page({ has_visible_connection: true })).success).toBe(false);
    expect(wireOrganizationConnectionsPageSchema.safeParse(page({})).success).toBe(false);
  });

  it('accept a checkpoint page of tenant connections, with or without next', () => {
    const connection = { id: 'con_1', name: 'github', strategy: 'github', realms: [], options: {} };
    expect(wireTenantConnectionsPageSchema.safeParse({ next: 'cursor', connections: [connection] }).success).toBe(true);
    expect(wireTenantConnectionsPageSchema.safeParse({ connections: [] }).success).toBe(true);
    expect(wireTenantConnectionsPageSchema.safeParse([connection]).success).toBe(true);
  });

  it("accept the server package's search marker, total and indexed count on a tenant connections page", () => {
    const connection = { id: 'con_1', name: 'github', strategy: 'github' };
    for (const search of ['complete', 'partial']) {
      const page = { connections: [connection], next: 'n', total: 3, search, indexed: 10 };
      expect(wireTenantConnectionsPageSchema.safeParse(page).success).toBe(true);
    }
    expect(wireTenantConnectionsPageSchema.safeParse({ connections: [], search: 'done' }).success).toBe(false);
    expect(wireTenantConnectionsPageSchema.safeParse({ connections: [], indexed: '10' }).success).toBe(false);
  });
});

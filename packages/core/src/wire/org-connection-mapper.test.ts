import { describe, expect, it } from 'vitest';
import {
  wireEnabledConnectionSchema,
  wireOrganizationConnectionSchema,
  wireTenantConnectionSchema,
} from './management-api-wire-schemas';
import { wireIdentityProviderSchema } from './my-organization-api-wire-schemas';
import {
  fromWireIdentityProvider,
  fromWireOrganizationConnection,
  fromWireTenantConnection,
  toWireSettings,
} from './org-connection-mapper';

describe('fromWireOrganizationConnection', () => {
  it('maps every field of the connections family to its camelCase name', () => {
    expect(
      fromWireOrganizationConnection({
        connection_id: 'con_db',
        organization_connection_name: 'Acme staff',
        organization_access_level: 'limited',
        is_enabled: false,
        assign_membership_on_login: true,
        is_signup_enabled: true,
        show_as_button: false,
        connection: { name: 'Username-Password-Authentication', strategy: 'auth0' },
      }),
    ).toEqual({
      connectionId: 'con_db',
      organizationConnectionName: 'Acme staff',
      organizationAccessLevel: 'limited',
      isEnabled: false,
      assignMembershipOnLogin: true,
      isSignupEnabled: true,
      showAsButton: false,
      connection: { name: 'Username-Password-Authentication', strategy: 'auth0' },
      kind: 'database',
    });
  });

  it("fills Auth0's documented defaults for fields the server left out", () => {
    expect(fromWireOrganizationConnection({ connection_id: 'con_1' })).toEqual({
      connectionId: 'con_1',
      isEnabled: true,
      assignMembershipOnLogin: false,
      isSignupEnabled: false,
      showAsButton: true,
      connection: { name: 'con_1', strategy: '' },
      kind: 'social',
    });
  });

  it('leaves the name and the level absent, not empty, when the server did not send them', () => {
    const connection = fromWireOrganizationConnection({ connection_id: 'con_1', connection: { strategy: 'okta' } });
    expect('organizationConnectionName' in connection).toBe(false);
    expect('organizationAccessLevel' in connection).toBe(false);
    expect(connection.kind).toBe('enterprise');
  });

  it('keeps an access level it does not know as the string it was', () => {
    expect(
      fromWireOrganizationConnection({ connection_id: 'con_1', organization_access_level: 'owner' })
        .organizationAccessLevel,
    ).toBe('owner');
  });

  it('maps an item of the enabled connections family, which has no is_enabled, as enabled', () => {
    const wire = wireEnabledConnectionSchema.parse({
      connection_id: 'con_sms',
      assign_membership_on_login: true,
      connection: { name: 'sms', strategy: 'sms' },
    });
    expect(fromWireOrganizationConnection(wire)).toMatchObject({
      connectionId: 'con_sms',
      isEnabled: true,
      assignMembershipOnLogin: true,
      kind: 'passwordless',
    });
  });

  it('tolerates fields it does not know, from the server of tomorrow', () => {
    const wire = wireOrganizationConnectionSchema.parse({
      connection_id: 'con_1',
      organization_member_access_level: 'full',
      connection: { name: 'github', strategy: 'github', display_name: 'GitHub', metadata: {} },
    });
    expect(fromWireOrganizationConnection(wire)).toEqual({
      connectionId: 'con_1',
      isEnabled: true,
      assignMembershipOnLogin: false,
      isSignupEnabled: false,
      showAsButton: true,
      connection: { name: 'github', strategy: 'github' },
      kind: 'social',
    });
  });

  it('keeps a name with markup as plain text', () => {
    const name = '<img src=x onerror=alert(1)>';
    expect(fromWireOrganizationConnection({ connection_id: 'c', organization_connection_name: name })).toMatchObject({
      organizationConnectionName: name,
    });
  });
});

describe('fromWireIdentityProvider', () => {
  it('maps an identity provider of the My Organization API as an enterprise connection', () => {
    expect(
      fromWireIdentityProvider({
        id: 'con_AAAAAAAAAAAAAAAA',
        name: 'acme-okta',
        strategy: 'okta',
        display_name: 'Acme Okta',
        is_enabled: false,
        show_as_button: false,
        assign_membership_on_login: true,
        access_level: 'full',
        domains: ['acme.example'],
      }),
    ).toEqual({
      connectionId: 'con_AAAAAAAAAAAAAAAA',
      organizationConnectionName: 'Acme Okta',
      organizationAccessLevel: 'full',
      isEnabled: false,
      assignMembershipOnLogin: true,
      isSignupEnabled: false,
      showAsButton: false,
      connection: { name: 'acme-okta', strategy: 'okta' },
      kind: 'enterprise',
    });
  });

  it('fills defaults for the minimal item used for none connections', () => {
    expect(fromWireIdentityProvider({ id: 'con_B', name: null, display_name: 'Partner SSO' })).toEqual({
      connectionId: 'con_B',
      organizationConnectionName: 'Partner SSO',
      organizationAccessLevel: 'none',
      isEnabled: true,
      assignMembershipOnLogin: false,
      isSignupEnabled: false,
      showAsButton: true,
      connection: { name: 'Partner SSO', strategy: '' },
      kind: 'enterprise',
    });
  });

  it('falls back to the id for the name, and keeps an unknown access level', () => {
    const wire = wireIdentityProviderSchema.parse({ id: 'con_C', access_level: 'owner', options: { x: 1 } });
    expect(fromWireIdentityProvider(wire)).toMatchObject({
      connection: { name: 'con_C', strategy: '' },
      organizationAccessLevel: 'owner',
    });
  });
});

describe('fromWireTenantConnection', () => {
  it('maps a tenant connection with its kind and display name', () => {
    expect(
      fromWireTenantConnection({
        id: 'con_1',
        name: 'google-oauth2',
        display_name: 'Google',
        strategy: 'google-oauth2',
      }),
    ).toEqual({ id: 'con_1', name: 'google-oauth2', displayName: 'Google', strategy: 'google-oauth2', kind: 'social' });
  });

  it('leaves the display name absent when the server has none, and tolerates unknown fields', () => {
    const wire = wireTenantConnectionSchema.parse({
      id: 'con_2',
      name: 'Username-Password-Authentication',
      strategy: 'auth0',
      realms: ['Username-Password-Authentication'],
      is_domain_connection: false,
    });
    expect(fromWireTenantConnection(wire)).toEqual({
      id: 'con_2',
      name: 'Username-Password-Authentication',
      strategy: 'auth0',
      kind: 'database',
    });
  });
});

describe('toWireSettings', () => {
  it('maps every setting to its snake_case wire name', () => {
    expect(
      toWireSettings({
        organizationConnectionName: 'Acme',
        organizationAccessLevel: 'readonly',
        isEnabled: true,
        assignMembershipOnLogin: false,
        isSignupEnabled: false,
        showAsButton: true,
      }),
    ).toEqual({
      organization_connection_name: 'Acme',
      organization_access_level: 'readonly',
      is_enabled: true,
      assign_membership_on_login: false,
      is_signup_enabled: false,
      show_as_button: true,
    });
  });

  it('does not send settings left undefined, and keeps false', () => {
    expect(toWireSettings({ isEnabled: false, showAsButton: undefined })).toEqual({ is_enabled: false });
    expect(toWireSettings({})).toEqual({});
  });

  it('does not send fields that are not settings', () => {
    const input = { connectionId: 'con_1', isEnabled: true } as Parameters<typeof toWireSettings>[0];
    expect(toWireSettings(input)).toEqual({ is_enabled: true });
  });
});

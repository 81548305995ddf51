import { describe, expect, it } from 'vitest';
import { wireIdentityProvidersSchema, wireUpdateIdentityProviderSchema } from './my-organization-api-wire-schemas';

describe('request schemas are strict, as Auth0 is', () => {
  it('the identity provider update refuses fields this library does not edit', () => {
    expect(wireUpdateIdentityProviderSchema.safeParse({ is_enabled: false }).success).toBe(true);
    expect(wireUpdateIdentityProviderSchema.safeParse({ display_name: 'x' }).success).toBe(false);
    expect(wireUpdateIdentityProviderSchema.safeParse({ is_enabled: 'false' }).success).toBe(false);
  });
});

describe('response schemas tolerate what Auth0 may add', () => {
  it('accept identity providers with extra fields and a null name', () => {
    expect(
      wireIdentityProvidersSchema.safeParse({
        identity_providers: [{ id: 'con_1', name: null, display_name: 'SSO', attributes: {}, access_level: 'none' }],
      }).success,
    ).toBe(true);
  });
});

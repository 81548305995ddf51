import { describe, expect, it } from 'vitest';
import { createOasValidator } from './oas-validator';

const validator = createOasValidator();
const connectionId = 'con_GitHub0000000004';

describe('createOasValidator', () => {
  it('resolves a path with or without the server base path, and with a full URL', () => {
    for (const path of [
      '/organizations/org_1/connections/con_1',
      '/api/v2/organizations/org_1/connections/con_1',
      'https://tenant.auth0.com/api/v2/organizations/org_1/connections/con_1?fields=x',
    ]) {
      expect(validator.findOperation('management', 'PATCH', path)?.template).toBe(
        '/organizations/{id}/connections/{connection_id}',
      );
    }
    expect(validator.findOperation('my-organization', 'GET', '/my-org/v1/identity-providers')?.template).toBe(
      '/identity-providers',
    );
    expect(validator.findOperation('management', 'PUT', '/connections')).toBeUndefined();
  });

  it.each([
    ['a string boolean', { connection_id: connectionId, is_enabled: 'true' }],
    ['an unknown field', { connection_id: connectionId, enabled: true }],
    ['the spelling read-only', { connection_id: connectionId, organization_access_level: 'read-only' }],
    ['a name of 51 characters', { connection_id: connectionId, organization_connection_name: 'x'.repeat(51) }],
    ['a name with NUL', { connection_id: connectionId, organization_connection_name: 'a\u0000b' }],
    ['no connection_id', { is_enabled: true }],
  ])('rejects an N2 body with %s', (_case, body) => {
    const result = validator.validateRequestBody('management', 'POST', '/organizations/org_1/connections', body);
    expect(result.valid).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });

  it('accepts a well-formed N2 body and null resets in an N4 body', () => {
    expect(
      validator.validateRequestBody('management', 'POST', '/organizations/org_1/connections', {
        connection_id: connectionId,
        organization_connection_name: 'Société Générale 🚀',
        organization_access_level: 'readonly',
        is_enabled: true,
      }).valid,
    ).toBe(true);
    expect(
      validator.validateRequestBody('management', 'PATCH', `/organizations/org_1/connections/${connectionId}`, {
        organization_connection_name: null,
        organization_access_level: null,
        is_enabled: null,
      }).valid,
    ).toBe(true);
  });

  it('reads the My Organization API request body through components/requestBodies', () => {
    const path = '/identity-providers/con_zW1UHutvkVWSWdCC';
    expect(validator.validateRequestBody('my-organization', 'PATCH', path, { is_enabled: false }).valid).toBe(true);
    expect(validator.validateRequestBody('my-organization', 'PATCH', path, { access_level: 'full' }).valid).toBe(false);
    expect(
      validator.validateRequestBody(
        'my-organization',
        'PATCH',
        path,
        { options: { domain: 'x' } },
        { strategy: 'okta' },
      ).valid,
    ).toBe(false);
  });

  it('reads responses through components/responses and reports their schema', () => {
    const result = validator.validateResponse('my-organization', 'GET', '/identity-providers', 404, {
      type: 'https://auth0.com/api-errors#A0E-404-0002',
      status: 404,
      title: 'Resource Not Found',
      detail: 'The organization does not exist.',
    });
    expect(result).toMatchObject({
      valid: true,
      documented: true,
      schema: '#/components/schemas/ErrorResponseContent',
    });
    expect(
      validator.validateResponse('my-organization', 'GET', '/identity-providers', 404, { message: 'not found' }).valid,
    ).toBe(false);
  });

  it('rejects a minimal identity provider that carries configuration', () => {
    const item = { id: 'con_zW1UHutvkVWSWdCC', display_name: 'x', is_enabled: true, access_level: 'none', options: {} };
    expect(
      validator.validateResponse('my-organization', 'GET', '/identity-providers', 200, { identity_providers: [item] })
        .valid,
    ).toBe(false);
  });

  it('says when the OpenAPI has no schema or does not document a status', () => {
    const error = { statusCode: 404, error: 'Not Found', message: 'x' };
    const unchecked = validator.validateResponse(
      'management',
      'GET',
      '/organizations/org_1/connections/con_1',
      404,
      error,
    );
    expect(unchecked).toMatchObject({ valid: true, documented: true });
    expect(unchecked.schema).toBeUndefined();
    expect(validator.validateResponse('management', 'GET', '/connections', 418, error)).toMatchObject({
      documented: false,
    });
    expect(
      validator.validateResponse('management', 'DELETE', '/organizations/o/connections/c', 204, { x: 1 }).valid,
    ).toBe(false);
  });

  it('validates a value against a named schema', () => {
    expect(validator.validateSchema('management', 'OrganizationAccessLevelEnum', 'readonly').valid).toBe(true);
    expect(validator.validateSchema('management', 'OrganizationAccessLevelEnum', 'read-only').valid).toBe(false);
    expect(validator.validateSchema('management', 'NoSuchSchema', {}).valid).toBe(false);
  });
});

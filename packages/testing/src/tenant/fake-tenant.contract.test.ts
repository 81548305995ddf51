import fc from 'fast-check';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedIds } from '../data/seed-tenant-data';
import { createFakeFetch } from '../http/create-fake-fetch';
import { createHandlers } from '../http/create-handlers';
import { createOasValidator, type OasApi, type OasValidationResult } from '../http/oas-validator';
import { createFakeTenant, type FakeTenant } from './fake-tenant';

/*
 * Every answer of the fake, success and error, checked against Auth0's OpenAPI extracts wherever they
 * define a schema (the Management API defines none for errors), and the fake's body validation checked
 * against the OpenAPI's request schemas.
 */

const MANAGEMENT = 'https://tenant.test/api/v2';
const MY_ORGANIZATION = 'https://tenant.test/my-org/v1';
const { acme, globex, initech, umbrella } = seedIds.organizations;
const ids = seedIds.connections;
/** An organization holding one connection of each of the seven identity-provider strategies, all at `full`. */
const everyStrategy = 'org_EveryStrategy001';
const identityProviders = [
  ids.oktaAcme,
  ids.societeGenerale,
  ids.contosoEntra,
  ids.googleWorkspace,
  ids.adfsInitech,
  ids.pingUmbrella,
  ids.oidcMarkup,
];

const validator = createOasValidator();
const server = setupServer();
let tenant: FakeTenant;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  tenant = createFakeTenant();
  tenant.addOrganization({ id: everyStrategy, name: 'every-strategy' });
  tenant.setOrganizationConnections(
    everyStrategy,
    identityProviders.map((connectionId, index) => ({
      connection_id: connectionId,
      organization_connection_name: `Provider ${index}`,
      organization_access_level: 'full',
      is_enabled: true,
      assign_membership_on_login: false,
      is_signup_enabled: false,
      show_as_button: true,
    })),
  );
  server.resetHandlers(
    ...createHandlers(tenant, { managementBaseUrl: MANAGEMENT, myOrganizationBaseUrl: MY_ORGANIZATION }),
  );
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Exchange {
  status: number;
  body: unknown;
  conformance: OasValidationResult;
}

/** Sends a request and checks the answer against the OpenAPI operation it belongs to. */
async function exchange(
  api: OasApi,
  method: string,
  path: string,
  options: { body?: unknown; token?: string | null; fetch?: typeof fetch } = {},
): Promise<Exchange> {
  const base = api === 'management' ? MANAGEMENT : MY_ORGANIZATION;
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? tenant.defaultToken : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await (options.fetch ?? fetch)(`${base}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const body = text === '' ? undefined : (JSON.parse(text) as unknown);
  return {
    status: response.status,
    body,
    conformance: validator.validateResponse(api, method, path, response.status, body),
  };
}

function expectConformance(result: Exchange, status: number) {
  expect(result.status).toBe(status);
  expect(result.conformance.errors).toEqual([]);
  expect(result.conformance.valid).toBe(true);
}

const organizationConnection = (organizationId: string, connectionId: string) =>
  `/organizations/${organizationId}/connections/${connectionId}`;
const enabledConnection = (organizationId: string, connectionId: string) =>
  `/organizations/${organizationId}/enabled_connections/${connectionId}`;

describe('Management API answers match the OpenAPI', () => {
  it.each([
    ['/connections'],
    ['/connections?include_totals=true&per_page=7&page=1'],
    ['/connections?take=5'],
    ['/connections?strategy=samlp&fields=id,name,strategy'],
    ['/connections?name=github&fields=metadata&include_fields=false'],
    [`/organizations/${acme}/connections`],
    [`/organizations/${acme}/connections?include_totals=true`],
    [`/organizations/${acme}/connections?is_enabled=false&include_totals=true`],
    [`/organizations/${globex}/connections?include_totals=true`],
    [`/organizations/${initech}/connections?per_page=4&page=2`],
    [organizationConnection(acme, ids.societeGenerale)],
    [organizationConnection(acme, ids.contosoEntra)],
    [`/organizations/${acme}/enabled_connections`],
    [`/organizations/${acme}/enabled_connections?include_totals=true`],
    [enabledConnection(umbrella, ids.pingUmbrella)],
  ])('GET %s', async (path) => {
    expectConformance(await exchange('management', 'GET', path), 200);
  });

  it('answers the last checkpoint page in the checkpoint shape', async () => {
    // `{ connections }` alone matches both the offset and the checkpoint schema, so the OpenAPI's
    // `oneOf` cannot tell them apart: the last page is checked against the checkpoint schema by name.
    const last = await exchange('management', 'GET', '/connections?take=100');
    expect(last.body).not.toHaveProperty('next');
    expect(
      validator.validateSchema('management', 'ListConnectionsCheckpointPaginatedResponseContent', last.body).valid,
    ).toBe(true);
  });

  it('GET /connections/{id}, which the extract does not list, answers an item of the documented list', async () => {
    // Auth0 serves it (the server package reads one connection with it) but the extract has no such path: say so,
    // and hold its answer to the schema of the same connection in GET /connections.
    const path = `/connections/${ids.oktaAcme}`;
    expect(validator.findOperation('management', 'GET', path)).toBeUndefined();
    for (const query of ['', '?fields=id,name,display_name,strategy&include_fields=true', '?fields=metadata']) {
      const one = await exchange('management', 'GET', `${path}${query}`);
      expect(one.status).toBe(200);
      expect(one.conformance.documented).toBe(false);
      expect(validator.validateSchema('management', 'ConnectionForList', one.body).errors).toEqual([]);
    }
    const missing = await exchange('management', 'GET', '/connections/con_Missing000000000');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, errorCode: 'inexistent_connection' });
  });

  it('answers every write in the documented shapes', async () => {
    expectConformance(
      await exchange('management', 'POST', `/organizations/${globex}/connections`, {
        body: { connection_id: ids.partnersDatabase, assign_membership_on_login: true, is_signup_enabled: true },
      }),
      201,
    );
    expectConformance(
      await exchange('management', 'PATCH', organizationConnection(globex, ids.partnersDatabase), {
        body: { organization_connection_name: 'Partners', organization_access_level: 'limited', is_enabled: null },
      }),
      200,
    );
    expectConformance(
      await exchange('management', 'DELETE', organizationConnection(globex, ids.partnersDatabase)),
      204,
    );
    expectConformance(
      await exchange('management', 'POST', `/organizations/${globex}/enabled_connections`, {
        body: { connection_id: ids.oktaAcme, show_as_button: false },
      }),
      201,
    );
    expectConformance(
      await exchange('management', 'PATCH', enabledConnection(globex, ids.oktaAcme), {
        body: { assign_membership_on_login: true },
      }),
      200,
    );
    expectConformance(await exchange('management', 'DELETE', enabledConnection(globex, ids.oktaAcme)), 204);
  });

  it.each([
    ['GET', `/organizations/${acme}/connections?per_page=0`, undefined, 400],
    ['POST', `/organizations/${globex}/connections`, { connection_id: ids.github, is_enabled: 'true' }, 400],
    ['POST', `/organizations/${initech}/connections`, { connection_id: ids.oktaAcme }, 409],
    ['POST', `/organizations/org_Missing000000000/connections`, { connection_id: ids.github }, 404],
    ['GET', organizationConnection(acme, ids.apple), undefined, 404],
    ['PATCH', organizationConnection(acme, ids.google), { organization_access_level: 'read-only' }, 400],
    ['GET', enabledConnection(acme, ids.contosoEntra), undefined, 404],
    ['POST', `/organizations/${globex}/enabled_connections`, { connection_id: ids.github, extra: 1 }, 400],
    ['GET', '/connections?page=20', undefined, 400],
  ] as const)('%s %s answers a documented %s', async (method, path, body, status) => {
    const result = await exchange('management', method, path, body === undefined ? {} : { body });
    expect(result.status).toBe(status);
    expect(result.conformance.valid).toBe(true);
    expect(result.body).toMatchObject({ statusCode: status });
  });

  it('documents the 401, 403 and 429 it answers', async () => {
    const unauthorized = await exchange('management', 'GET', `/organizations/${acme}/connections`, { token: null });
    const forbidden = await exchange('management', 'GET', '/connections', { token: tenant.issueToken({ scopes: [] }) });
    tenant.rateLimitNext({ retryAfterSeconds: 1 });
    const limited = await exchange('management', 'GET', `/organizations/${acme}/enabled_connections`);
    expect([unauthorized.status, forbidden.status, limited.status]).toEqual([401, 403, 429]);
    for (const result of [unauthorized, forbidden, limited]) expect(result.conformance.documented).toBe(true);
  });
});

describe('My Organization API answers match the OpenAPI', () => {
  it('lists full and minimal identity providers of every strategy', async () => {
    const token = tenant.issueToken({ organizationId: everyStrategy });
    expectConformance(await exchange('my-organization', 'GET', '/identity-providers', { token }), 200);
    for (const organizationId of [acme, globex, initech, umbrella]) {
      const scoped = tenant.issueToken({ organizationId });
      expectConformance(await exchange('my-organization', 'GET', '/identity-providers', { token: scoped }), 200);
    }
  });

  it.each(identityProviders)('gets and updates identity provider %s', async (idpId) => {
    const token = tenant.issueToken({ organizationId: everyStrategy });
    expectConformance(await exchange('my-organization', 'GET', `/identity-providers/${idpId}`, { token }), 200);
    const body = {
      is_enabled: false,
      show_as_button: false,
      assign_membership_on_login: true,
      display_name: 'Renamed',
    };
    expect(validator.validateRequestBody('my-organization', 'PATCH', `/identity-providers/${idpId}`, body).valid).toBe(
      true,
    );
    expectConformance(await exchange('my-organization', 'PATCH', `/identity-providers/${idpId}`, { token, body }), 200);
  });

  it.each([
    ['GET', '/identity-providers/not-an-id', undefined, 400],
    ['PATCH', `/identity-providers/${ids.societeGenerale}`, { access_level: 'full' }, 400],
    ['PATCH', `/identity-providers/${ids.societeGenerale}`, { is_enabled: 'yes' }, 400],
    ['GET', '/identity-providers?unknown=1', undefined, 400],
    ['GET', `/identity-providers/${ids.contosoEntra}`, undefined, 404],
    ['PATCH', `/identity-providers/${ids.apple}`, { is_enabled: false }, 404],
    ['PATCH', `/identity-providers/${ids.oktaAcme}`, { is_enabled: false }, 403],
  ] as const)('%s %s answers a documented %s', async (method, path, body, status) => {
    expectConformance(await exchange('my-organization', method, path, body === undefined ? {} : { body }), status);
  });

  it('answers 401, 403, 404 and 429 with problem bodies', async () => {
    expectConformance(await exchange('my-organization', 'GET', '/identity-providers', { token: null }), 401);
    expectConformance(
      await exchange('my-organization', 'GET', '/identity-providers', {
        token: tenant.issueToken({ scopes: ['read:connections'], organizationId: acme }),
      }),
      403,
    );
    expectConformance(
      await exchange('my-organization', 'GET', '/identity-providers', {
        token: tenant.issueToken({ organizationId: 'org_Missing000000000' }),
      }),
      404,
    );
    tenant.rateLimitNext({ retryAfterSeconds: 2 });
    expectConformance(await exchange('my-organization', 'GET', `/identity-providers/${ids.oktaAcme}`), 429);
  });
});

/*
 * The fake's body validation agrees with the OpenAPI: it answers a payload error exactly when the
 * OpenAPI's request schema rejects the body. (Auth0's `connection-id` format is opaque to the OpenAPI,
 * so generated ids are either real ids or not strings.)
 */
describe('the fake rejects exactly the bodies the OpenAPI rejects', () => {
  // Mostly valid values, so a body is often wrong in exactly one place.
  const anyValue = fc.oneof(
    fc.boolean(),
    fc.constantFrom('true', 'false', 'none', 'readonly', 'limited', 'full', 'read-only', 'a\u0000b', ''),
    fc.constant(null),
    fc.integer(),
    fc.string({ unit: 'grapheme', maxLength: 60 }),
  );
  const boolean = fc.oneof(
    { arbitrary: fc.boolean(), weight: 6 },
    { arbitrary: fc.constantFrom('true', 'false'), weight: 1 },
    { arbitrary: anyValue, weight: 1 },
  );
  const accessLevel = fc.oneof(
    { arbitrary: fc.constantFrom('none', 'readonly', 'limited', 'full'), weight: 4 },
    { arbitrary: fc.constantFrom('read-only', 'Full', null), weight: 1 },
    { arbitrary: anyValue, weight: 1 },
  );
  const name = fc.oneof(
    { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }), weight: 4 },
    { arbitrary: fc.string({ unit: 'grapheme', minLength: 45, maxLength: 60 }), weight: 1 },
    { arbitrary: fc.constantFrom('', 'a\u0000b', null), weight: 1 },
    { arbitrary: anyValue, weight: 1 },
  );
  const unknownField = fc.constantFrom('enabled', 'access_level', 'connection', 'organization_id');
  const connectionId = fc.oneof(
    { arbitrary: fc.constantFrom<unknown>(ids.github, ids.partnersDatabase, ids.oktaAcme), weight: 5 },
    { arbitrary: fc.constantFrom<unknown>(42, null, true), weight: 1 },
  );

  function withUnknown(record: fc.Arbitrary<Record<string, unknown>>) {
    return fc
      .tuple(record, fc.option(fc.tuple(unknownField, anyValue), { nil: undefined, freq: 5 }))
      .map(([body, extra]) => (extra === undefined ? body : { ...body, [extra[0]]: extra[1] }));
  }

  const createBody = withUnknown(
    fc.record(
      {
        connection_id: connectionId,
        organization_connection_name: name,
        organization_access_level: accessLevel,
        is_enabled: boolean,
        assign_membership_on_login: boolean,
        is_signup_enabled: boolean,
        show_as_button: boolean,
      },
      { requiredKeys: [] },
    ),
  );
  const updateBody = withUnknown(
    fc.record(
      {
        organization_connection_name: name,
        organization_access_level: accessLevel,
        is_enabled: boolean,
        assign_membership_on_login: boolean,
        is_signup_enabled: boolean,
        show_as_button: boolean,
      },
      { requiredKeys: [] },
    ),
  );
  const enabledBody = withUnknown(
    fc.record(
      {
        connection_id: connectionId,
        assign_membership_on_login: boolean,
        is_signup_enabled: boolean,
        show_as_button: boolean,
      },
      { requiredKeys: [] },
    ),
  );
  const identityProviderBody = withUnknown(
    fc.record(
      {
        display_name: fc.oneof(
          { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 128 }), weight: 4 },
          { arbitrary: fc.string({ unit: 'grapheme', minLength: 120, maxLength: 135 }), weight: 1 },
          { arbitrary: anyValue, weight: 1 },
        ),
        is_enabled: boolean,
        show_as_button: boolean,
        assign_membership_on_login: boolean,
      },
      { requiredKeys: [] },
    ),
  );

  // Hundreds of requests: served by the fake's own fetch rather than through MSW, for speed.
  const fakeFetch = () =>
    createFakeFetch(tenant, { managementBaseUrl: MANAGEMENT, myOrganizationBaseUrl: MY_ORGANIZATION });

  const isPayloadError = (result: Exchange) =>
    result.status === 400 &&
    typeof result.body === 'object' &&
    result.body !== null &&
    (String((result.body as { message?: unknown }).message).startsWith('Payload validation error') ||
      (result.body as { title?: unknown }).title === 'Validation Error');

  it.each([
    ['POST', `/organizations/${globex}/connections`, createBody],
    ['PATCH', organizationConnection(acme, ids.societeGenerale), updateBody],
    ['POST', `/organizations/${globex}/enabled_connections`, enabledBody],
    [
      'PATCH',
      enabledConnection(acme, ids.usernamePassword),
      withUnknown(
        fc.record(
          { assign_membership_on_login: boolean, is_signup_enabled: boolean, show_as_button: boolean },
          { requiredKeys: [] },
        ),
      ),
    ],
  ] as const)('Management API %s %s', async (method, path, bodies) => {
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        tenant.reset();
        const expected = validator.validateRequestBody('management', method, path, body);
        const result = await exchange('management', method, path, { body, fetch: fakeFetch() });
        expect(isPayloadError(result)).toBe(!expected.valid);
      }),
      { numRuns: 150 },
    );
  });

  it('My Organization API PATCH /identity-providers/{idp_id}', async () => {
    const path = `/identity-providers/${ids.societeGenerale}`;
    await fc.assert(
      fc.asyncProperty(identityProviderBody, async (body) => {
        tenant.reset();
        const expected = validator.validateRequestBody('my-organization', 'PATCH', path, body, { strategy: 'samlp' });
        const result = await exchange('my-organization', 'PATCH', path, { body, fetch: fakeFetch() });
        expect(isPayloadError(result)).toBe(!expected.valid);
        if (expected.valid) expect(result.conformance.valid).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

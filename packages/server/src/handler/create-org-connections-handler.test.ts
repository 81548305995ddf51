import { createManagementApiClient, isOrgConnectionsError } from '@org-connections/core';
import { createFakeFetch, createFakeTenant, type RecordedRequest, seedIds } from '@org-connections/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrgConnectionsAuditEvent } from './audit-event';
import { createOrgConnectionsHandler, type OrgConnectionsHandlerOptions } from './create-org-connections-handler';
import type { OrgConnectionsAuthorization } from './org-connections-authorization';

const { acme, globex, initech, umbrella } = seedIds.organizations;
const c = seedIds.connections;
const ORIGIN = 'https://app.example';
const BASE = `${ORIGIN}/api/org-connections`;

const tenant = createFakeTenant();
const audits: OrgConnectionsAuditEvent[] = [];
afterEach(() => {
  tenant.reset();
  audits.length = 0;
});

const orgAdmin: OrgConnectionsAuthorization = { view: 'org-admin', actor: 'user|acme-admin', organizationId: acme };
const tenantAdmin: OrgConnectionsAuthorization = { view: 'tenant-admin', actor: 'user|staff' };
const scopedTenantAdmin: OrgConnectionsAuthorization = {
  view: 'tenant-admin',
  actor: 'user|staff',
  organizations: [acme, globex],
};

function handlerFor(
  authorization: OrgConnectionsAuthorization | null,
  options: Partial<OrgConnectionsHandlerOptions> = {},
) {
  return createOrgConnectionsHandler({
    domain: 'fake-tenant.test',
    basePath: '/api/org-connections',
    getManagementToken: () => tenant.defaultToken,
    authorize: async () => authorization,
    fetch: createFakeFetch(tenant),
    onAudit: (event) => {
      audits.push(event);
    },
    ...options,
  } as OrgConnectionsHandlerOptions);
}

interface Send {
  body?: string | object;
  headers?: Record<string, string>;
}

/** A request as the browser client sends it: same origin, JSON. */
function browserRequest(method: string, path: string, { body, headers = {} }: Send = {}): Request {
  const init: RequestInit = { method, headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin', ...headers } };
  if (body !== undefined) {
    init.headers = { 'content-type': 'application/json', ...init.headers };
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  return new Request(`${BASE}${path}`, init);
}

/** What reached the fake tenant, as `METHOD path`. */
function upstream(): string[] {
  return tenant.requests.map((request: RecordedRequest) => `${request.method} ${request.path}`);
}

const item = (organizationId: string, connectionId: string) =>
  `/organizations/${organizationId}/connections/${connectionId}`;
const collection = (organizationId: string) => `/organizations/${organizationId}/connections`;

/** Auth0's error shape, as the proxy answers its own refusals. */
function problem(statusCode: number, error: string, errorCode: string, message: string | RegExp) {
  return {
    statusCode,
    error,
    errorCode,
    message: typeof message === 'string' ? message : expect.stringMatching(message),
  };
}

const CONNECTION_NOT_FOUND = problem(
  404,
  'Not Found',
  'inexistent_organization_connection',
  'The organization connection does not exist.',
);
const ORGANIZATION_NOT_FOUND = problem(404, 'Not Found', 'inexistent_organization', 'The organization does not exist.');
const NOT_SERVED = problem(404, 'Not Found', 'not_found', 'Not found.');
const INVALID_PATH = (message: RegExp) => problem(400, 'Bad Request', 'invalid_path', message);
const REFUSED = (message: RegExp) => problem(403, 'Forbidden', 'org_connections_refused', message);
const INVALID_BODY = (message: RegExp) => problem(400, 'Bad Request', 'invalid_body', message);
const INVALID_QUERY = (message: RegExp) => problem(400, 'Bad Request', 'invalid_query_string', message);
const CROSS_SITE = problem(
  403,
  'Forbidden',
  'cross_site_request',
  'Changes are accepted only from this application’s own pages.',
);
const UNSUPPORTED = problem(
  415,
  'Unsupported Media Type',
  'unsupported_media_type',
  'The body must be JSON, sent with content-type: application/json.',
);
const METHOD_NOT_ALLOWED = (allow: string) =>
  problem(405, 'Method Not Allowed', 'method_not_allowed', `This route serves ${allow}.`);

/** A connection with an access level Auth0 may add one day: an org admin treats it as `none`. */
function withUnknownLevel() {
  const connections = tenant.listOrganizationConnections(acme);
  tenant.setOrganizationConnections(
    acme,
    connections.map((connection) =>
      connection.connection_id === c.google ? { ...connection, organization_access_level: 'delegated' } : connection,
    ),
  );
}

/** A `limited` database connection (the seed has none), to try its membership and signup switches. */
function withLimitedDatabase() {
  const connections = tenant.listOrganizationConnections(acme);
  tenant.setOrganizationConnections(
    acme,
    connections.map((connection) =>
      connection.connection_id === c.usernamePassword
        ? { ...connection, organization_access_level: 'limited' }
        : connection,
    ),
  );
}

interface Attack {
  tries: string;
  as: OrgConnectionsAuthorization | null;
  method: string;
  path: string;
  send?: Send;
  setup?: () => void;
  status: number;
  body: unknown;
  /** What the fake tenant may have received: nothing, or the read of the connection a write is judged against. */
  reached?: string[];
  /** Writes to a served route are audited as refused. */
  audited?: boolean;
}

const patchJson = (body: string | object, headers: Record<string, string> = {}): Send => ({ body, headers });
const big = 'x'.repeat(17 * 1024);

const attacks: Attack[] = [
  // Whose organization
  {
    tries: "another organization's connections (list)",
    as: orgAdmin,
    method: 'GET',
    path: collection(initech),
    status: 404,
    body: ORGANIZATION_NOT_FOUND,
  },
  {
    tries: "another organization's connection (update)",
    as: orgAdmin,
    method: 'PATCH',
    path: item(initech, c.adfsInitech),
    send: patchJson({ is_enabled: false }),
    status: 404,
    body: ORGANIZATION_NOT_FOUND,
    audited: true,
  },
  {
    tries: 'an organization outside a tenant admin’s list',
    as: scopedTenantAdmin,
    method: 'GET',
    path: collection(umbrella),
    status: 404,
    body: ORGANIZATION_NOT_FOUND,
  },
  // Access levels, judged against the connection as read from Auth0
  {
    tries: 'a `none` connection (get)',
    as: orgAdmin,
    method: 'GET',
    path: item(acme, c.contosoEntra),
    status: 404,
    body: CONNECTION_NOT_FOUND,
    reached: [`GET ${item(acme, c.contosoEntra)}`],
  },
  {
    tries: 'a `none` connection (update)',
    as: orgAdmin,
    method: 'PATCH',
    path: item(acme, c.contosoEntra),
    send: patchJson({ is_enabled: true }),
    status: 404,
    body: CONNECTION_NOT_FOUND,
    reached: [`GET ${item(acme, c.contosoEntra)}`],
    audited: true,
  },
  {
    tries: 'a connection with an unknown access level (get)',
    as: orgAdmin,
    method: 'GET',
    path: item(acme, c.google),
    setup: withUnknownLevel,
    status: 404,
    body: CONNECTION_NOT_FOUND,
    reached: [`GET ${item(acme, c.google)}`],
  },
  {
    tries: 'a connection with an unknown access level (update)',
    as: orgAdmin,
    method: 'PATCH',
    path: item(acme, c.google),
    send: patchJson({ is_enabled: false }),
    setup: withUnknownLevel,
    status: 404,
    body: CONNECTION_NOT_FOUND,
    reached: [`GET ${item(acme, c.google)}`],
    audited: true,
  },
  {
    tries: "a `readonly` connection's switch",
    as: orgAdmin,
    method: 'PATCH',
    path: item(acme, c.github),
    send: patchJson({ is_enabled: false }),
    status: 403,
    body: REFUSED(/access level \(readonly\) .* change is_enabled\.$/),
    reached: [`GET ${item(acme, c.github)}`],
    audited: true,
  },
  {
    tries: "a `limited` connection's membership",
    as: orgAdmin,
    method: 'PATCH',
    path: item(acme, c.google),
    send: patchJson({ assign_membership_on_login: true }),
    status: 403,
    body: REFUSED(/access level \(limited\) .* change assign_membership_on_login\.$/),
    reached: [`GET ${item(acme, c.google)}`],
    audited: true,
  },
  {
    tries: "a `limited` database connection's signup and membership",
    as: orgAdmin,
    method: 'PATCH',
    path: item(acme, c.usernamePassword),
    send: patchJson({ is_signup_enabled: false, assign_membership_on_login: false }),
    setup: withLimitedDatabase,
    status: 403,
    body: REFUSED(/access level \(limited\) .* change assign_membership_on_login, is_signup_enabled\.$/),
    reached: [`GET ${item(acme, c.usernamePassword)}`],
    audited: true,
  },
  {
    tries: 'signup on an enterprise connection at `full` (a setting its kind does not have)',
    as: orgAdmin,
    method: 'PATCH',
    path: item(acme, c.societeGenerale),
    send: patchJson({ is_signup_enabled: true }),
    status: 403,
    body: REFUSED(/change is_signup_enabled\.$/),
    reached: [`GET ${item(acme, c.societeGenerale)}`],
    audited: true,
  },
  {
    tries: 'a change that breaks a rule (membership off while signup stays on)',
    as: orgAdmin,
    method: 'PATCH',
    path: item(acme, c.usernamePassword),
    send: patchJson({ assign_membership_on_login: false }),
    status: 400,
    body: INVALID_BODY(/^is_signup_enabled: /),
    reached: [`GET ${item(acme, c.usernamePassword)}`],
    audited: true,
  },
  // The rules a body breaks on its own are checked the same for every view, before anything is read.
  ...([tenantAdmin, orgAdmin] as const).map(
    (as): Attack => ({
      tries: `signup without membership in the same body, as ${as.view}`,
      as,
      method: 'PATCH',
      path: item(acme, c.usernamePassword),
      send: patchJson({ is_signup_enabled: true, assign_membership_on_login: false }),
      status: 400,
      body: INVALID_BODY(/^is_signup_enabled: /),
      audited: true,
    }),
  ),
  {
    tries: 'an access level from an org admin',
    as: orgAdmin,
    method: 'PATCH',
    path: item(acme, c.usernamePassword),
    send: patchJson({ organization_access_level: 'full' }),
    status: 403,
    body: REFUSED(/^An organization administrator cannot change organization_access_level\.$/),
    audited: true,
  },
  {
    tries: 'a name from an org admin (beside a permitted switch)',
    as: orgAdmin,
    method: 'PATCH',
    path: item(acme, c.usernamePassword),
    send: patchJson({ is_enabled: false, organization_connection_name: 'Mine now' }),
    status: 403,
    body: REFUSED(/^An organization administrator cannot change organization_connection_name\.$/),
    audited: true,
  },
  {
    tries: 'adding a connection as an org admin',
    as: orgAdmin,
    method: 'POST',
    path: collection(acme),
    send: patchJson({ connection_id: c.apple }),
    status: 403,
    body: REFUSED(/^Only a tenant administrator can add a connection/),
    audited: true,
  },
  {
    tries: 'removing a connection as an org admin',
    as: orgAdmin,
    method: 'DELETE',
    path: item(acme, c.google),
    status: 403,
    body: REFUSED(/^Only a tenant administrator can remove a connection/),
    audited: true,
  },
  {
    tries: 'the tenant connection list as an org admin',
    as: orgAdmin,
    method: 'GET',
    path: '/connections?take=50',
    status: 404,
    body: NOT_SERVED,
  },
  {
    tries: 'a method the tenant connection list does not serve, as an org admin (no 405 shows the route exists)',
    as: orgAdmin,
    method: 'POST',
    path: '/connections',
    send: patchJson({ name: 'evil', strategy: 'auth0' }),
    status: 404,
    body: NOT_SERVED,
  },
  // Path tricks
  {
    tries: 'an encoded slash (%2F) in a connection id',
    as: tenantAdmin,
    method: 'GET',
    path: `${collection(acme)}/con_x%2F..%2F..%2Fusers`,
    status: 400,
    body: INVALID_PATH(/only letters, digits/),
  },
  {
    tries: 'dot segments (..) to climb to /users',
    as: tenantAdmin,
    method: 'GET',
    path: `${collection(acme)}/../../../users`,
    status: 404,
    body: NOT_SERVED,
  },
  {
    tries: 'encoded dot segments (%2e%2e) to climb to /clients',
    as: tenantAdmin,
    method: 'GET',
    path: `${collection(acme)}/%2e%2e/%2E%2e/%2e%2E/clients`,
    status: 404,
    body: NOT_SERVED,
  },
  {
    tries: 'dot segments out of the base path',
    as: tenantAdmin,
    method: 'GET',
    path: '/../../api/v2/users',
    status: 404,
    body: NOT_SERVED,
  },
  {
    tries: 'double encoding (%252F)',
    as: tenantAdmin,
    method: 'GET',
    path: `/organizations/${acme}%252Fconnections`,
    status: 400,
    body: INVALID_PATH(/only letters, digits/),
  },
  {
    tries: 'a single encoded dot segment (.%2e) inside an id position',
    as: tenantAdmin,
    method: 'GET',
    path: `/organizations/${acme}/connections/con_%2e`,
    status: 400,
    body: INVALID_PATH(/only letters, digits/),
  },
  {
    tries: 'trailing junk after the connection id',
    as: tenantAdmin,
    method: 'GET',
    path: `${item(acme, c.google)}/members`,
    status: 404,
    body: NOT_SERVED,
  },
  {
    tries: 'a trailing slash',
    as: tenantAdmin,
    method: 'GET',
    path: `${collection(acme)}/`,
    status: 400,
    body: INVALID_PATH(/single slashes/),
  },
  {
    tries: 'a matrix parameter (;)',
    as: tenantAdmin,
    method: 'GET',
    path: `${collection(acme)};jsessionid=1`,
    status: 400,
    body: INVALID_PATH(/only letters, digits/),
  },
  {
    tries: 'an over-long organization id',
    as: tenantAdmin,
    method: 'GET',
    path: collection(`org_${'A'.repeat(47)}`),
    status: 400,
    body: INVALID_PATH(/organization id must be "org_"/),
  },
  {
    tries: 'an over-long connection id',
    as: tenantAdmin,
    method: 'GET',
    path: item(acme, `${c.google}X`),
    status: 400,
    body: INVALID_PATH(/connection id must be "con_"/),
  },
  {
    tries: 'an organization id with the wrong prefix',
    as: tenantAdmin,
    method: 'GET',
    path: collection('con_AcmeCorp00000001'),
    status: 400,
    body: INVALID_PATH(/organization id must be "org_"/),
  },
  {
    tries: 'a connection id with the wrong prefix',
    as: tenantAdmin,
    method: 'GET',
    path: item(acme, 'org_GoogleOauth20003'),
    status: 400,
    body: INVALID_PATH(/connection id must be "con_"/),
  },
  // Methods not served
  {
    tries: 'PUT on a connection',
    as: tenantAdmin,
    method: 'PUT',
    path: item(acme, c.google),
    send: patchJson({ is_enabled: false }),
    status: 405,
    body: METHOD_NOT_ALLOWED('GET, PATCH, DELETE'),
  },
  {
    tries: 'PATCH on the list',
    as: tenantAdmin,
    method: 'PATCH',
    path: collection(acme),
    send: patchJson({ is_enabled: false }),
    status: 405,
    body: METHOD_NOT_ALLOWED('GET, POST'),
  },
  {
    tries: 'OPTIONS on the list',
    as: tenantAdmin,
    method: 'OPTIONS',
    path: collection(acme),
    status: 405,
    body: METHOD_NOT_ALLOWED('GET, POST'),
  },
  {
    tries: 'HEAD on a connection',
    as: tenantAdmin,
    method: 'HEAD',
    path: item(acme, c.google),
    status: 405,
    body: METHOD_NOT_ALLOWED('GET, PATCH, DELETE'),
  },
  {
    tries: 'POST on the tenant connections (creating a connection)',
    as: tenantAdmin,
    method: 'POST',
    path: '/connections',
    send: patchJson({ name: 'evil', strategy: 'auth0' }),
    status: 405,
    body: METHOD_NOT_ALLOWED('GET'),
  },
  // Other Management API paths
  ...['/users', '/clients', '/organizations', `/organizations/${acme}`, `/organizations/${acme}/members`].map(
    (path): Attack => ({
      tries: `another Management API path: ${path}`,
      as: tenantAdmin,
      method: 'GET',
      path,
      status: 404,
      body: NOT_SERVED,
    }),
  ),
  {
    tries: 'the enabled_connections family',
    as: tenantAdmin,
    method: 'GET',
    path: `/organizations/${acme}/enabled_connections`,
    status: 404,
    body: NOT_SERVED,
  },
  {
    tries: 'a write to the enabled_connections family',
    as: tenantAdmin,
    method: 'PATCH',
    path: `/organizations/${acme}/enabled_connections/${c.google}`,
    send: patchJson({ show_as_button: false }),
    status: 404,
    body: NOT_SERVED,
  },
  {
    tries: 'a user’s roles',
    as: tenantAdmin,
    method: 'DELETE',
    path: '/users/auth0_1/roles',
    status: 404,
    body: NOT_SERVED,
  },
  // Bodies
  ...(
    [
      ['text/plain', 'text/plain'],
      ['form-urlencoded', 'application/x-www-form-urlencoded'],
      ['a JSON look-alike', 'application/json-patch+json'],
      ['another charset', 'application/json; charset=latin1'],
    ] as const
  ).map(
    ([name, type]): Attack => ({
      tries: `a ${name} body`,
      as: tenantAdmin,
      method: 'PATCH',
      path: item(acme, c.google),
      send: patchJson('{"is_enabled":false}', { 'content-type': type }),
      status: 415,
      body: UNSUPPORTED,
      audited: true,
    }),
  ),
  {
    tries: 'a body without a content type',
    as: tenantAdmin,
    method: 'PATCH',
    path: item(acme, c.google),
    send: patchJson('{"is_enabled":false}', { 'content-type': '' }),
    status: 415,
    body: UNSUPPORTED,
    audited: true,
  },
  {
    tries: 'an oversized body (> 16 KB)',
    as: tenantAdmin,
    method: 'PATCH',
    path: item(acme, c.google),
    send: patchJson(`{"organization_connection_name":"${big}"}`),
    status: 413,
    body: problem(413, 'Payload Too Large', 'payload_too_large', 'The body must be at most 16384 bytes.'),
    audited: true,
  },
  {
    tries: 'an oversized body that declares a small content-length',
    as: tenantAdmin,
    method: 'POST',
    path: collection(acme),
    send: patchJson(`{"connection_id":"${c.apple}","organization_connection_name":"${big}"}`, {
      'content-length': '10',
    }),
    status: 413,
    body: problem(413, 'Payload Too Large', 'payload_too_large', 'The body must be at most 16384 bytes.'),
    audited: true,
  },
  {
    tries: 'a duplicate key (the second value would win in JSON.parse)',
    as: orgAdmin,
    method: 'PATCH',
    path: item(acme, c.google),
    send: patchJson('{"is_enabled":false,"is_enabled":true}'),
    status: 400,
    body: INVALID_BODY(/Duplicate key "is_enabled"/),
    audited: true,
  },
  {
    tries: 'a duplicate key spelled with an escape',
    as: orgAdmin,
    method: 'PATCH',
    path: item(acme, c.google),
    send: patchJson('{"is_enabled":false,"is_\\u0065nabled":true}'),
    status: 400,
    body: INVALID_BODY(/Duplicate key "is_enabled"/),
    audited: true,
  },
  {
    tries: 'a __proto__ key',
    as: tenantAdmin,
    method: 'PATCH',
    path: item(acme, c.google),
    send: patchJson('{"__proto__":{"organization_access_level":"full"},"is_enabled":true}'),
    status: 400,
    body: INVALID_BODY(/Forbidden key "__proto__"/),
    audited: true,
  },
  {
    tries: 'a nested constructor.prototype',
    as: tenantAdmin,
    method: 'POST',
    path: collection(acme),
    send: patchJson(`{"connection_id":"${c.apple}","x":{"constructor":{"prototype":{"polluted":true}}}}`),
    status: 400,
    body: INVALID_BODY(/Forbidden key "constructor"/),
    audited: true,
  },
  {
    tries: 'a body that is not JSON',
    as: tenantAdmin,
    method: 'PATCH',
    path: item(acme, c.google),
    send: patchJson('{is_enabled: false}'),
    status: 400,
    body: INVALID_BODY(/not acceptable JSON: Expected a key/),
    audited: true,
  },
  {
    tries: 'string booleans',
    as: tenantAdmin,
    method: 'PATCH',
    path: item(acme, c.google),
    send: patchJson({ is_enabled: 'false' }),
    status: 400,
    body: INVALID_BODY(/is_enabled must be a boolean/),
    audited: true,
  },
  {
    tries: 'unknown fields (camelCase, or settings Auth0 does not take)',
    as: tenantAdmin,
    method: 'PATCH',
    path: item(acme, c.google),
    send: patchJson({ isEnabled: false, options: { domain: 'evil.example' } }),
    status: 400,
    body: INVALID_BODY(/unknown fields isEnabled, options/),
    audited: true,
  },
  {
    tries: 'the access level spelled read-only',
    as: tenantAdmin,
    method: 'PATCH',
    path: item(acme, c.google),
    send: patchJson({ organization_access_level: 'read-only' }),
    status: 400,
    body: INVALID_BODY(/organization_access_level/),
    audited: true,
  },
  {
    tries: 'an array instead of an object',
    as: tenantAdmin,
    method: 'PATCH',
    path: item(acme, c.google),
    send: patchJson('[{"is_enabled":false}]'),
    status: 400,
    body: INVALID_BODY(/the body must be a JSON object/),
    audited: true,
  },
  {
    tries: 'an added connection id that is not an Auth0 connection id',
    as: tenantAdmin,
    method: 'POST',
    path: collection(acme),
    send: patchJson({ connection_id: '../../users' }),
    status: 400,
    body: INVALID_BODY(/connection_id must be "con_"/),
    audited: true,
  },
  // Cross-site writes (CSRF)
  ...(
    [
      ['another origin', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }],
      ['Sec-Fetch-Site: cross-site with a forged same Origin', { origin: ORIGIN, 'sec-fetch-site': 'cross-site' }],
      ['a sibling subdomain (same-site)', { origin: 'https://evil.app.example', 'sec-fetch-site': 'same-site' }],
      ['an opaque origin (null)', { origin: 'null', 'sec-fetch-site': '' }],
      ['an origin that only starts like ours', { origin: `${ORIGIN}.evil.example`, 'sec-fetch-site': '' }],
      ['no Origin and no Sec-Fetch-Site', { origin: '', 'sec-fetch-site': '' }],
    ] as const
  ).map(
    ([name, headers]): Attack => ({
      tries: `a cross-site write: ${name}`,
      as: tenantAdmin,
      method: 'PATCH',
      path: item(acme, c.google),
      send: patchJson({ is_enabled: false }, headers),
      status: 403,
      body: CROSS_SITE,
      audited: true,
    }),
  ),
  {
    tries: 'a cross-site remove',
    as: tenantAdmin,
    method: 'DELETE',
    path: item(acme, c.google),
    send: { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } },
    status: 403,
    body: CROSS_SITE,
    audited: true,
  },
  // Query parameters
  {
    tries: 'an unknown query parameter on the list',
    as: tenantAdmin,
    method: 'GET',
    path: `${collection(acme)}?fields=connection_id`,
    status: 400,
    body: INVALID_QUERY(
      /^Unknown query parameter "fields"; expected one of page, per_page, include_totals, is_enabled\.$/,
    ),
  },
  {
    tries: 'a page size over 100',
    as: tenantAdmin,
    method: 'GET',
    path: `${collection(acme)}?per_page=1000`,
    status: 400,
    body: INVALID_QUERY(/"per_page" must be an integer from 1 to 100/),
  },
  {
    tries: 'a boolean spelled otherwise',
    as: tenantAdmin,
    method: 'GET',
    path: `${collection(acme)}?include_totals=1`,
    status: 400,
    body: INVALID_QUERY(/"include_totals" must be true or false/),
  },
  {
    tries: 'a repeated page (parameter pollution)',
    as: tenantAdmin,
    method: 'GET',
    path: `${collection(acme)}?page=0&page=5`,
    status: 400,
    body: INVALID_QUERY(/"page" is repeated/),
  },
  {
    tries: 'a query on a single connection',
    as: tenantAdmin,
    method: 'GET',
    path: `${item(acme, c.google)}?fields=options`,
    status: 400,
    body: INVALID_QUERY(/takes no query parameters/),
  },
  {
    tries: 'asking the tenant list for options',
    as: tenantAdmin,
    method: 'GET',
    path: '/connections?fields=id,options&include_fields=yes',
    status: 400,
    body: INVALID_QUERY(/"include_fields" must be true or false/),
  },
  {
    tries: 'a strategy with a comma (two values in one)',
    as: tenantAdmin,
    method: 'GET',
    path: '/connections?strategy=auth0,samlp',
    status: 400,
    body: INVALID_QUERY(/"strategy" must be a strategy name/),
  },
  {
    tries: 'a take of 0',
    as: tenantAdmin,
    method: 'GET',
    path: '/connections?take=0',
    status: 400,
    body: INVALID_QUERY(/"take" must be an integer from 1 to 100/),
  },
  {
    tries: 'a query on a write',
    as: tenantAdmin,
    method: 'DELETE',
    path: `${item(acme, c.google)}?force=true`,
    status: 400,
    body: INVALID_QUERY(/takes no query parameters/),
    audited: true,
  },
  // No session
  {
    tries: 'no session (list)',
    as: null,
    method: 'GET',
    path: collection(acme),
    status: 401,
    body: problem(401, 'Unauthorized', 'unauthorized', 'Sign in to manage connections.'),
  },
  {
    tries: 'no session (update)',
    as: null,
    method: 'PATCH',
    path: item(acme, c.google),
    send: patchJson({ is_enabled: false }),
    status: 401,
    body: problem(401, 'Unauthorized', 'unauthorized', 'Sign in to manage connections.'),
  },
];

describe('createOrgConnectionsHandler: the attack table', () => {
  it.each(attacks)('refuses $tries ($method $path)', async (attack) => {
    attack.setup?.();
    tenant.clearRequests();
    const headers = { ...attack.send?.headers };
    const request = browserRequest(attack.method, attack.path, { ...attack.send, headers });
    // An empty header value in the table means the header is absent.
    for (const [name, value] of Object.entries(headers)) if (value === '') request.headers.delete(name);

    const response = await handlerFor(attack.as)(request);

    expect(response.status).toBe(attack.status);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual(attack.body);
    if (attack.status === 405) expect(response.headers.get('allow')).toBeTruthy();
    expect(upstream()).toEqual(attack.reached ?? []);
    expect(tenant.requests.filter((recorded) => recorded.method !== 'GET')).toEqual([]);
    if (attack.audited) {
      expect(audits).toEqual([expect.objectContaining({ outcome: 'refused', status: attack.status })]);
    } else {
      expect(audits).toEqual([]);
    }
  });

  it('answers a `none` connection exactly as a connection that does not exist', async () => {
    const handler = handlerFor(orgAdmin);
    const missing = 'con_DoesNotExist0000';
    const answers = await Promise.all(
      [c.contosoEntra, missing].flatMap((connectionId) => [
        handler(browserRequest('GET', item(acme, connectionId))),
        handler(browserRequest('PATCH', item(acme, connectionId), { body: { is_enabled: true } })),
      ]),
    );
    const seen = await Promise.all(
      answers.map(async (response) => ({
        status: response.status,
        headers: [...response.headers],
        body: await response.text(),
      })),
    );
    expect(new Set(seen.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(seen[0]?.status).toBe(404);
  });
});

/** The one request the fake tenant received, with its query and body. */
function only(): RecordedRequest {
  expect(tenant.requests).toHaveLength(1);
  return tenant.requests[0] as RecordedRequest;
}

describe('createOrgConnectionsHandler: what is let through', () => {
  it("a tenant admin lists an organization's connections: the query as checked, Auth0's answer as is", async () => {
    const response = await handlerFor(tenantAdmin)(
      browserRequest('GET', `${collection(acme)}?page=0&per_page=50&include_totals=true`),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.total).toBe(8);
    expect(body.connections).toHaveLength(8);
    const sent = only();
    expect(sent).toMatchObject({ method: 'GET', path: collection(acme) });
    expect(sent.query).toEqual({ page: '0', per_page: '50', include_totals: 'true' });
  });

  it('a tenant admin reads, updates, adds and removes, each reaching Auth0 exactly once', async () => {
    const handler = handlerFor(tenantAdmin);
    const read = await handler(browserRequest('GET', item(acme, c.contosoEntra)));
    expect(read.status).toBe(200);
    expect((await read.json()).organization_access_level).toBe('none');
    expect(only()).toMatchObject({ method: 'GET', path: item(acme, c.contosoEntra) });

    tenant.clearRequests();
    // Whitespace, key order and escapes are the browser's; Auth0 receives the validated body, re-serialized.
    const raw = '{ "organization_connection_name" : "Contoso \\u00e9", "organization_access_level":"limited" }';
    const updated = await handler(browserRequest('PATCH', item(acme, c.contosoEntra), { body: raw }));
    expect(updated.status).toBe(200);
    expect(only()).toMatchObject({
      method: 'PATCH',
      body: { organization_connection_name: 'Contoso é', organization_access_level: 'limited' },
    });

    tenant.clearRequests();
    const added = await handler(
      browserRequest('POST', collection(globex), { body: { connection_id: c.google, is_enabled: true } }),
    );
    expect(added.status).toBe(201);
    expect(only()).toMatchObject({ method: 'POST', body: { connection_id: c.google, is_enabled: true } });

    tenant.clearRequests();
    const removed = await handler(browserRequest('DELETE', item(globex, c.google)));
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');
    expect(only()).toMatchObject({ method: 'DELETE', path: item(globex, c.google) });

    // When, which request and who sent it are covered by audit-event.test.ts.
    const request = { at: expect.any(String), requestId: expect.any(String) };
    expect(audits).toEqual([
      {
        actor: 'user|staff',
        view: 'tenant-admin',
        organizationId: acme,
        connectionId: c.contosoEntra,
        action: 'update',
        changes: { organizationConnectionName: 'Contoso é', organizationAccessLevel: 'limited' },
        after: { organizationConnectionName: 'Contoso é', organizationAccessLevel: 'limited' },
        outcome: 'allowed',
        status: 200,
        ...request,
      },
      {
        actor: 'user|staff',
        view: 'tenant-admin',
        organizationId: globex,
        connectionId: c.google,
        action: 'add',
        changes: { isEnabled: true },
        after: { isEnabled: true },
        outcome: 'allowed',
        status: 201,
        ...request,
      },
      {
        actor: 'user|staff',
        view: 'tenant-admin',
        organizationId: globex,
        connectionId: c.google,
        action: 'remove',
        outcome: 'allowed',
        status: 204,
        ...request,
      },
    ]);
  });

  it("without the index, a tenant admin's list of the tenant's connections goes to Auth0 as asked, strategies repeated", async () => {
    // Without `attachable`, the organization the picker adds to only has to be one the staff scope reaches.
    const query = `take=2&strategy=samlp&strategy=okta&fields=id,name,display_name,strategy&include_fields=true&organization_id=${acme}`;
    const handler = handlerFor(scopedTenantAdmin, { index: false });
    const response = await handler(browserRequest('GET', `/connections?${query}`));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.connections.map((connection: { strategy: string }) => connection.strategy).sort()).toEqual([
      'okta',
      'samlp',
    ]);
    expect(only().query).toEqual({
      take: '2',
      strategy: ['samlp', 'okta'],
      fields: 'id,name,display_name,strategy',
      include_fields: 'true',
    });
  });

  it('an org admin lists its organization without the `none` connection, and the total counts only what it sees', async () => {
    const response = await handlerFor(orgAdmin)(
      browserRequest('GET', `${collection(acme)}?page=0&per_page=50&include_totals=true`),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.total).toBe(7);
    expect(body.connections.map((connection: { connection_id: string }) => connection.connection_id)).not.toContain(
      c.contosoEntra,
    );
    expect(body.connections).toHaveLength(7);
    expect(only().query).toEqual({ page: '0', per_page: '100', include_totals: 'true' });
  });

  it("an org admin's small pages never show where a hidden connection sits", async () => {
    const handler = handlerFor(orgAdmin);
    const pages = [];
    for (let page = 0; page < 8; page += 1) {
      const response = await handler(browserRequest('GET', `${collection(acme)}?page=${page}&per_page=1`));
      pages.push(await response.json());
    }
    // Without include_totals: no total, but the object form (it carries login_prompt). Seven full pages, then an empty one.
    expect(pages.map((page) => page.connections.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 0]);
    expect(pages.every((page) => page.total === undefined)).toBe(true);
    expect(
      pages
        .flatMap((page) => page.connections)
        .map((connection: { connection_id: string }) => connection.connection_id),
    ).not.toContain(c.contosoEntra);
  });

  it('an org admin reads a visible connection with one request', async () => {
    const response = await handlerFor(orgAdmin)(browserRequest('GET', item(acme, c.google)));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ connection_id: c.google, organization_access_level: 'limited' });
    expect(only()).toMatchObject({ method: 'GET', path: item(acme, c.google) });
  });

  it.each([
    ['a limited social connection switched off', c.google, { is_enabled: false }],
    ['a limited enterprise connection hidden from the login prompt', c.oidcMarkup, { show_as_button: false }],
    [
      'a full database connection: signup and membership off together',
      c.usernamePassword,
      { is_signup_enabled: false, assign_membership_on_login: false },
    ],
  ])(
    'an org admin makes a permitted change (%s): one read, then the validated PATCH',
    async (_, connectionId, changes) => {
      const response = await handlerFor(orgAdmin)(browserRequest('PATCH', item(acme, connectionId), { body: changes }));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject(changes);
      expect(tenant.requests.map((request) => [request.method, request.path, request.body])).toEqual([
        ['GET', item(acme, connectionId), undefined],
        ['PATCH', item(acme, connectionId), changes],
      ]);
      expect(audits).toEqual([
        expect.objectContaining({
          actor: 'user|acme-admin',
          view: 'org-admin',
          connectionId,
          outcome: 'allowed',
          status: 200,
        }),
      ]);
    },
  );

  it('a page from another origin listed in allowedOrigins may write', async () => {
    const handler = handlerFor(tenantAdmin, { allowedOrigins: ['https://admin.example'] });
    const response = await handler(
      browserRequest('PATCH', item(acme, c.google), {
        body: { is_enabled: false },
        headers: { origin: 'https://admin.example', 'sec-fetch-site': 'cross-site' },
      }),
    );
    expect(response.status).toBe(200);
    expect(only().method).toBe('PATCH');
  });

  it('a same-origin write from a client that sends Origin but not Sec-Fetch-Site is accepted', async () => {
    const request = browserRequest('DELETE', item(acme, c.google));
    request.headers.delete('sec-fetch-site');
    expect((await handlerFor(tenantAdmin)(request)).status).toBe(204);
  });
});

describe('createOrgConnectionsHandler: CSRF on every write, whatever the route table says', () => {
  const CROSS_SITE_HEADERS = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
  // One path of each route served, the rollout routes included (their writes have no entry in the audit).
  const paths = [
    collection(acme),
    item(acme, c.google),
    '/connections',
    '/rollouts',
    '/rollouts/rol_AAAAAAAAAAAAAAAAAAAA',
    '/rollouts/rol_AAAAAAAAAAAAAAAAAAAA/pause',
  ];

  it.each(paths)('every method %s serves that is not GET is refused from another site', async (path) => {
    const handler = handlerFor(tenantAdmin);
    // The methods the route serves, as its 405 says.
    const allow = (await handler(browserRequest('PUT', path))).headers.get('allow')?.split(', ') ?? [];
    expect(allow).toContain(path === '/rollouts/rol_AAAAAAAAAAAAAAAAAAAA/pause' ? 'POST' : 'GET');
    for (const method of allow.filter((name) => name !== 'GET')) {
      const response = await handler(
        browserRequest(method, path, { body: { connection_id: c.apple }, headers: CROSS_SITE_HEADERS }),
      );
      expect([method, response.status, await response.json()]).toEqual([method, 403, CROSS_SITE]);
    }
    expect(tenant.requests.filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it('a rollout POST, which has no audit entry, is refused cross-site before anything is read or started', async () => {
    const handler = handlerFor(tenantAdmin);
    const start = { connection_id: c.usernamePassword, organizations: [acme], settings: {} };
    for (const path of ['/rollouts', '/rollouts/rol_AAAAAAAAAAAAAAAAAAAA/pause']) {
      const response = await handler(browserRequest('POST', path, { body: start, headers: CROSS_SITE_HEADERS }));
      expect(await response.json()).toEqual(CROSS_SITE);
    }
    // Same-origin, the control reaches the rollouts (an unknown rollout) and the start is checked and started.
    const control = await handler(browserRequest('POST', '/rollouts/rol_AAAAAAAAAAAAAAAAAAAA/pause'));
    expect((await control.json()).errorCode).toBe('inexistent_rollout');
    expect(tenant.requests).toEqual([]);
    expect(audits).toEqual([]);
  });
});

describe('createOrgConnectionsHandler: upstream answers', () => {
  it("passes Auth0's status, body and rate-limit headers through, and no other header", async () => {
    tenant.rateLimitNext({ retryAfterSeconds: 7, match: { api: 'management' } });
    const response = await handlerFor(tenantAdmin)(browserRequest('GET', collection(acme)));
    expect(response.status).toBe(429);
    expect((await response.json()).statusCode).toBe(429);
    expect(response.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/);
    const names = [...response.headers.keys()];
    expect(names.filter((name) => !name.startsWith('x-ratelimit-'))).toEqual(
      expect.arrayContaining(['content-type', 'cache-control', 'x-content-type-options']),
    );
    expect(
      names.every(
        (name) =>
          name.startsWith('x-ratelimit-') ||
          ['content-type', 'cache-control', 'x-content-type-options', 'retry-after'].includes(name),
      ),
    ).toBe(true);
  });

  it('maps an upstream 404 for an org admin to the canonical not-found body', async () => {
    tenant.failNext({ status: 404, match: { api: 'management' } });
    const response = await handlerFor(orgAdmin)(browserRequest('GET', item(acme, c.google)));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(CONNECTION_NOT_FOUND);
  });

  it('answers 502 with a JSON body when Auth0 cannot be reached', async () => {
    tenant.failNext({ network: true });
    const response = await handlerFor(tenantAdmin)(browserRequest('GET', collection(acme)));
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual(
      problem(502, 'Bad Gateway', 'upstream_unavailable', 'The Management API could not be reached.'),
    );
  });

  it('answers 502 when Auth0 does not answer in time', async () => {
    tenant.setLatency(Number.POSITIVE_INFINITY);
    try {
      const response = await handlerFor(tenantAdmin, { timeoutMs: 50 })(browserRequest('GET', collection(acme)));
      expect(response.status).toBe(502);
      expect((await response.json()).message).toBe('The Management API did not answer in time.');
    } finally {
      tenant.setLatency(0);
    }
  });

  it('does not render a gateway’s HTML page on the host’s origin', async () => {
    tenant.failNext({ status: 503, malformed: 'html' });
    const response = await handlerFor(tenantAdmin)(browserRequest('GET', collection(acme)));
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('a throwing onAudit does not change the answer', async () => {
    const handler = handlerFor(tenantAdmin, {
      onAudit: () => {
        throw new Error('audit sink down');
      },
    });
    const response = await handler(browserRequest('PATCH', item(acme, c.google), { body: { is_enabled: false } }));
    expect(response.status).toBe(200);
  });

  it('answers 404 outside its base path without asking authorize', async () => {
    let asked = 0;
    const handler = handlerFor(null, {
      authorize: async () => {
        asked += 1;
        return null;
      },
    });
    for (const url of [`${ORIGIN}/api/other`, `${ORIGIN}/api/org-connections-admin/connections`, `${ORIGIN}/`]) {
      const response = await handler(new Request(url));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual(NOT_SERVED);
    }
    expect(asked).toBe(0);
  });

  it('a throwing or malformed authorize is a 500 and reaches nothing', async () => {
    for (const authorize of [
      async () => {
        throw new Error('session store down');
      },
      async () => ({ view: 'org-admin', actor: 'user|1' }) as unknown as OrgConnectionsAuthorization,
      async () => ({ view: 'super-admin', actor: 'user|1' }) as unknown as OrgConnectionsAuthorization,
    ]) {
      const response = await handlerFor(null, { authorize })(browserRequest('GET', collection(acme)));
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual(
        problem(500, 'Internal Server Error', 'internal_error', 'The request could not be handled.'),
      );
    }
    expect(tenant.requests).toEqual([]);
  });
});

describe('the browser client through the handler', () => {
  /** The browser's client, its requests served by the handler as a same-origin page's would be. */
  function browserClient(authorization: OrgConnectionsAuthorization) {
    const handler = handlerFor(authorization);
    return createManagementApiClient({
      baseUrl: BASE,
      fetch: (url, init) => handler(new Request(url, { ...init, headers: { ...init.headers, origin: ORIGIN } })),
    });
  }

  it("an org admin's refused change reads as a clear message naming the field, not as a missing scope", async () => {
    // The client sends what it is given (the UI's guard is in the React hooks, which a tampered page or
    // devtools skips): only the proxy stands between.
    const tampered = browserClient(orgAdmin);
    const error = await tampered
      .updateOrganizationConnection(acme, c.github, { isEnabled: false })
      .catch((caught: unknown) => caught);
    expect(isOrgConnectionsError(error)).toBe(true);
    if (!isOrgConnectionsError(error)) return;
    expect(error.kind).toBe('forbidden');
    expect(error.code).toBe('org_connections_refused');
    expect(error.requiredScopes).toBeUndefined();
    expect(error.message).toBe(
      "Could not update the organization connection: This connection's access level (readonly) does not let an organization administrator change is_enabled.",
    );
    expect(tenant.requests.filter((request) => request.method === 'PATCH')).toEqual([]);
  });

  it('an org admin lists and toggles through the client; a hidden connection is not found', async () => {
    const client = browserClient(orgAdmin);
    const { items, total } = await client.listOrganizationConnections(acme);
    expect(total).toBe(7);
    expect(items.map((connection) => connection.connectionId)).not.toContain(c.contosoEntra);
    const updated = await client.updateOrganizationConnection(acme, c.google, { isEnabled: false });
    expect(updated.isEnabled).toBe(false);
    const error = await client.getOrganizationConnection(acme, c.contosoEntra).catch((caught: unknown) => caught);
    expect(isOrgConnectionsError(error) && error.kind).toBe('not_found');
  });
});

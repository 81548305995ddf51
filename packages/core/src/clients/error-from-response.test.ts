import { describe, expect, it } from 'vitest';
import { errorFromResponse, errorKindForStatus, requiredScopesFrom, retryAtFromHeaders } from './error-from-response';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

function failed(status: number, body: unknown, headers: Record<string, string> = {}) {
  return {
    status,
    headers: new Headers(headers),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

describe('errorKindForStatus', () => {
  it.each([
    [400, 'invalid_request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [422, 'invalid_request'],
    [429, 'rate_limited'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
  ] as const)('maps HTTP %i to %s', (status, kind) => {
    expect(errorKindForStatus(status)).toBe(kind);
  });
});

describe('errorFromResponse', () => {
  it("reads the server package's 401 as unauthorized: the caller has to sign in", () => {
    const error = errorFromResponse(
      failed(401, { statusCode: 401, error: 'Unauthorized', message: 'Sign in.', errorCode: 'unauthorized' }),
    );
    expect(error.kind).toBe('unauthorized');
    expect(error.code).toBe('unauthorized');
  });

  it.each([
    ['not_allowed', 'This account may not manage connections.'],
    ['read_only_role', 'This role may see connections but not change them.'],
    ['connection_not_attachable', 'This connection may not be added to this organization.'],
    ['attachable_unavailable', 'Whether this connection may be added could not be decided (attachable threw).'],
  ])("reads the server package's 403 %s as forbidden with that code, and no scopes", (errorCode, message) => {
    const error = errorFromResponse(failed(403, { statusCode: 403, error: 'Forbidden', message, errorCode }));
    expect(error.kind).toBe('forbidden');
    expect(error.code).toBe(errorCode);
    expect(error.requiredScopes).toBeUndefined();
    expect(error.message).toBe(message);
  });

  it("reads the Management API's body: its message, errorCode and the scopes a 403 asks for", () => {
    const error = errorFromResponse(
      failed(403, {
        statusCode: 403,
        error: 'Forbidden',
        message: 'Insufficient scope, expected any of: read:organization_connections, read:organizations',
        errorCode: 'insufficient_scope',
      }),
      { action: "list the organization's connections" },
    );
    expect(error.kind).toBe('forbidden');
    expect(error.status).toBe(403);
    expect(error.code).toBe('insufficient_scope');
    expect(error.requiredScopes).toEqual(['read:organization_connections', 'read:organizations']);
    expect(error.message).toBe(
      "Could not list the organization's connections: Insufficient scope, expected any of: read:organization_connections, read:organizations",
    );
  });

  it('reads the scopes of the docs\' spelling "Insufficient scope; expected any of: <scope>"', () => {
    expect(requiredScopesFrom('Insufficient scope; expected any of: create:organization_connections')).toEqual([
      'create:organization_connections',
    ]);
  });

  it("reads the scopes of the My Organization API's message, ignoring prose where it names none", () => {
    expect(requiredScopesFrom('The auth token lacks the required scope: read:my_org:identity_providers.')).toEqual([
      'read:my_org:identity_providers',
    ]);
    expect(
      requiredScopesFrom(
        'The auth token lacks the required scope: Check the API documentation for the required scopes for this endpoint.',
      ),
    ).toBeUndefined();
  });

  it('reads the scopes from a WWW-Authenticate header when the message names none', () => {
    const headers = new Headers({ 'www-authenticate': 'Bearer error="insufficient_scope", scope="a:b c:d"' });
    expect(requiredScopesFrom('The auth token lacks the required scope.', headers)).toEqual(['a:b', 'c:d']);
  });

  it("reads the My Organization API's problem body: detail as the message, type as the code", () => {
    const error = errorFromResponse(
      failed(404, {
        type: 'https://auth0.com/api-errors#A0E-404-0001',
        status: 404,
        title: 'Not Found',
        detail: 'The identity provider does not exist.',
      }),
    );
    expect(error.kind).toBe('not_found');
    expect(error.code).toBe('https://auth0.com/api-errors#A0E-404-0001');
    expect(error.message).toBe('The identity provider does not exist.');
    expect(error.requiredScopes).toBeUndefined();
  });

  it('turns validation_errors into issues and a message naming each field', () => {
    const error = errorFromResponse(
      failed(400, {
        type: 'https://auth0.com/api-errors#A0E-400-0003',
        status: 400,
        title: 'Validation Error',
        validation_errors: [{ detail: 'must be boolean', field: 'is_enabled', pointer: '/is_enabled', source: 'body' }],
      }),
    );
    expect(error.kind).toBe('invalid_request');
    expect(error.issues).toEqual([{ field: 'is_enabled', message: 'must be boolean' }]);
    expect(error.message).toBe('Validation Error: is_enabled must be boolean');
  });

  it('gives 422 the kind invalid_request and 409 the kind conflict', () => {
    expect(errorFromResponse(failed(422, '')).kind).toBe('invalid_request');
    expect(
      errorFromResponse(
        failed(409, { statusCode: 409, error: 'Conflict', message: 'The organization connection already exists.' }),
      ),
    ).toMatchObject({ kind: 'conflict', message: 'The organization connection already exists.' });
  });

  it("never shows a 5xx body (a proxy's HTML page) and names the status instead", () => {
    const error = errorFromResponse(failed(502, '<html><body><h1>502 Bad Gateway</h1></body></html>'), {
      action: 'get the organization connection',
    });
    expect(error.kind).toBe('server');
    expect(error.status).toBe(502);
    expect(error.message).toBe(
      'Could not get the organization connection: The server had a problem answering (HTTP 502).',
    );
  });

  it('names the status and kind in the message of an error with an HTML or empty body', () => {
    expect(errorFromResponse(failed(404, '<html>Not found</html>')).message).toBe(
      'The server answered HTTP 404 (not_found).',
    );
    expect(errorFromResponse(failed(401, '')).message).toBe('The server answered HTTP 401 (unauthorized).');
  });

  it('does not repeat what could not be done when the server relays one of our messages', () => {
    const relayed = { statusCode: 400, error: 'Bad Request', message: 'Could not update the organization connection.' };
    expect(errorFromResponse(failed(400, relayed), { action: 'update the organization connection' }).message).toBe(
      'Could not update the organization connection.',
    );
  });

  it('takes retryAt of a 429 from X-RateLimit-Reset (epoch seconds)', () => {
    const reset = NOW / 1000 + 30;
    const error = errorFromResponse(
      failed(
        429,
        { statusCode: 429, error: 'Too Many Requests', message: 'Too many requests' },
        {
          'x-ratelimit-reset': String(reset),
        },
      ),
      { now: NOW },
    );
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAt?.getTime()).toBe(reset * 1000);
    expect(error.message).toBe('Too many requests. Try again in 30 seconds.');
  });

  it('takes retryAt from Retry-After in seconds or as an HTTP date', () => {
    expect(retryAtFromHeaders(new Headers({ 'retry-after': '5' }), NOW)?.getTime()).toBe(NOW + 5000);
    const date = new Date(NOW + 60_000).toUTCString();
    expect(retryAtFromHeaders(new Headers({ 'retry-after': date }), NOW)?.getTime()).toBe(NOW + 60_000);
    expect(retryAtFromHeaders(new Headers({ 'retry-after': 'soon' }), NOW)).toBeUndefined();
    expect(retryAtFromHeaders(new Headers(), NOW)).toBeUndefined();
  });

  it('waits for the later of X-RateLimit-Reset and Retry-After when both are sent', () => {
    const headers = new Headers({ 'retry-after': '10', 'x-ratelimit-reset': String(NOW / 1000 + 2) });
    expect(retryAtFromHeaders(headers, NOW)?.getTime()).toBe(NOW + 10_000);
  });

  it('sets retryAt only on rate-limited errors', () => {
    expect(errorFromResponse(failed(503, '', { 'retry-after': '5' }), { now: NOW }).retryAt).toBeUndefined();
  });

  it('removes a secret the server echoed back from the message and the issues', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.secret.signature';
    const error = errorFromResponse(
      failed(400, {
        type: 'about:blank',
        status: 400,
        title: 'Bad Request',
        validation_errors: [{ detail: `token ${token} is malformed` }],
      }),
      { redact: [token] },
    );
    expect(error.message).not.toContain(token);
    expect(JSON.stringify(error.issues)).not.toContain(token);
    expect(error.message).toContain('[redacted]');
  });
});

import { createFakeTenant, createHandlers, DEFAULT_MANAGEMENT_BASE_URL, seedIds } from '@org-connections/testing';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../../test/failure';
import type { OrgConnectionsError } from '../model/org-connections-error';
import {
  wireOrganizationConnectionSchema,
  wireOrganizationConnectionsPageSchema,
} from '../wire/management-api-wire-schemas';
import { createHttpClient, type GetAccessTokenOptions } from './http-client';

const tenant = createFakeTenant();
const server = setupServer(...createHandlers(tenant));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  tenant.reset();
  tenant.setLatency(0);
});
afterAll(() => server.close());

const acme = seedIds.organizations.acme;
const listPath = `/organizations/${acme}/connections`;
const list = { method: 'GET', path: listPath, action: "list the organization's connections" } as const;

function client(options: Partial<Parameters<typeof createHttpClient>[0]> = {}) {
  return createHttpClient({
    baseUrl: DEFAULT_MANAGEMENT_BASE_URL,
    getAccessToken: () => tenant.defaultToken,
    retry: { baseDelayMs: 1 },
    ...options,
  });
}

describe('createHttpClient: tokens', () => {
  it('asks for the token before every request, never reusing one', async () => {
    const calls: GetAccessTokenOptions[] = [];
    const http = client({
      getAccessToken: (options) => {
        calls.push(options);
        return tenant.defaultToken;
      },
    });
    await http.request(list, wireOrganizationConnectionsPageSchema);
    await http.request(list, wireOrganizationConnectionsPageSchema);
    expect(calls).toEqual([{ forceRefresh: false }, { forceRefresh: false }]);
  });

  it('after a 401, asks for a fresh token once and sends the request again', async () => {
    const stale = tenant.issueToken();
    tenant.expireToken(stale);
    const fresh = tenant.issueToken();
    const calls: GetAccessTokenOptions[] = [];
    const http = client({
      getAccessToken: (options) => {
        calls.push(options);
        return options.forceRefresh ? fresh : stale;
      },
    });
    const answer = await http.request(list, wireOrganizationConnectionsPageSchema);
    expect(Array.isArray(answer) ? answer : answer.connections).not.toHaveLength(0);
    expect(calls).toEqual([{ forceRefresh: false }, { forceRefresh: true }]);
    expect(tenant.requests.map((request) => request.status)).toEqual([401, 200]);
  });

  it('gives up with unauthorized when the fresh token is refused too, after exactly two requests', async () => {
    const revoked = tenant.issueToken();
    tenant.revokeToken(revoked);
    let calls = 0;
    const http = client({
      getAccessToken: () => {
        calls += 1;
        return revoked;
      },
    });
    const error = await failure(http.request(list, wireOrganizationConnectionsPageSchema));
    expect(error.kind).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(calls).toBe(2);
    expect(tenant.requests).toHaveLength(2);
  });

  it('also refreshes the token once for a write, since a 401 means nothing was done', async () => {
    const stale = tenant.issueToken();
    tenant.expireToken(stale);
    const fresh = tenant.issueToken();
    const http = client({ getAccessToken: ({ forceRefresh }) => (forceRefresh ? fresh : stale) });
    const updated = await http.request(
      {
        method: 'PATCH',
        path: `${listPath}/${seedIds.connections.google}`,
        body: { is_enabled: false },
        action: 'update the organization connection',
      },
      wireOrganizationConnectionSchema,
    );
    expect(updated.is_enabled).toBe(false);
    expect(tenant.requests.map((request) => request.status)).toEqual([401, 200]);
  });

  it('sends no Authorization header when there is no token provider, and does not retry the 401', async () => {
    const http = client({ getAccessToken: undefined });
    const error = await failure(http.request(list, wireOrganizationConnectionsPageSchema));
    expect(error.kind).toBe('unauthorized');
    expect(tenant.requests).toHaveLength(1);
  });

  it('turns a failing token provider into unauthorized without sending anything', async () => {
    const http = client({
      getAccessToken: () => {
        throw new Error('login_required');
      },
    });
    const error = await failure(http.request(list, wireOrganizationConnectionsPageSchema));
    expect(error.kind).toBe('unauthorized');
    expect(error.cause).toBeInstanceOf(Error);
    expect(tenant.requests).toHaveLength(0);
  });

  it('never puts the token in a message, whatever the error', async () => {
    const token = tenant.issueToken({ token: 'tok_SECRET_do_not_leak_123', scopes: ['read:connections'] });
    const http = client({ getAccessToken: () => token });
    const errors: OrgConnectionsError[] = [];
    errors.push(await failure(http.request(list, wireOrganizationConnectionsPageSchema))); // 403
    tenant.failNext({ status: 404 });
    errors.push(await failure(http.request(list, wireOrganizationConnectionsPageSchema)));
    tenant.failNext({ status: 429 });
    errors.push(
      await failure(
        client({ getAccessToken: () => token, retry: { attempts: 0 } }).request(
          list,
          wireOrganizationConnectionsPageSchema,
        ),
      ),
    );
    tenant.failNext({ network: true, times: 3 });
    errors.push(await failure(http.request(list, wireOrganizationConnectionsPageSchema)));
    tenant.failNext({ malformed: 'html' });
    errors.push(await failure(http.request(list, wireOrganizationConnectionsPageSchema)));
    tenant.expireToken(token);
    errors.push(await failure(http.request(list, wireOrganizationConnectionsPageSchema)));

    expect(errors.map((error) => error.kind)).toEqual([
      'forbidden',
      'not_found',
      'rate_limited',
      'network',
      'invalid_response',
      'unauthorized',
    ]);
    for (const error of errors) {
      expect(error.message).not.toContain(token);
      expect(String(error)).not.toContain(token);
      expect(JSON.stringify(error)).not.toContain(token);
    }
  });
});

describe('createHttpClient: errors', () => {
  it.each([
    [400, 'invalid_request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [422, 'invalid_request'],
    [500, 'server'],
  ] as const)('normalizes an injected %i into %s', async (status, kind) => {
    tenant.failNext({ status, times: 3 });
    const error = await failure(
      client({ retry: { attempts: 0 } }).request(list, wireOrganizationConnectionsPageSchema),
    );
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message.length).toBeGreaterThan(0);
  });

  it("names the scopes a 403 asks for, from the fake tenant's insufficient_scope answer", async () => {
    const token = tenant.issueToken({ scopes: ['read:connections'] });
    const error = await failure(
      client({ getAccessToken: () => token }).request(list, wireOrganizationConnectionsPageSchema),
    );
    expect(error).toMatchObject({ kind: 'forbidden', status: 403, code: 'insufficient_scope' });
    expect(error.requiredScopes).toEqual(['read:organization_connections']);
  });

  it('turns a failed fetch into network', async () => {
    tenant.failNext({ network: true });
    const error = await failure(
      client({ retry: { attempts: 0 } }).request(list, wireOrganizationConnectionsPageSchema),
    );
    expect(error.kind).toBe('network');
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(tenant.requests).toHaveLength(1);
  });

  it.each([
    ['html', /HTML page/],
    ['empty', /was empty/],
    ['not-json', /not JSON/],
  ] as const)('turns a 200 with a %s body into invalid_response with a clear message', async (malformed, message) => {
    tenant.failNext({ malformed });
    const error = await failure(client().request(list, wireOrganizationConnectionsPageSchema));
    expect(error.kind).toBe('invalid_response');
    expect(error.status).toBe(200);
    expect(error.message).toMatch(message);
  });

  it("turns a proxy's HTML 502 page into server, not invalid_response", async () => {
    tenant.failNext({ malformed: 'html', status: 502, times: 3 });
    const error = await failure(
      client({ retry: { attempts: 0 } }).request(list, wireOrganizationConnectionsPageSchema),
    );
    expect(error.kind).toBe('server');
    expect(error.status).toBe(502);
    expect(error.message).not.toContain('<');
  });

  it('refuses an answer missing a required field, naming the field', async () => {
    tenant.failNext({ status: 200, body: [{ organization_access_level: 'full' }] });
    const error = await failure(client().request(list, wireOrganizationConnectionsPageSchema));
    expect(error.kind).toBe('invalid_response');
    expect(error.message).toMatch(/did not have the expected shape/);
  });

  it('accepts an answer with fields it does not know (and drops them)', async () => {
    tenant.failNext({ status: 200, body: [{ connection_id: 'con_1', brand_new_field: { nested: true } }] });
    const answer = await client().request(list, wireOrganizationConnectionsPageSchema);
    expect(answer).toEqual([{ connection_id: 'con_1' }]);
  });
});

describe('createHttpClient: retries', () => {
  it('sends a GET again after a 5xx, with backoff, and returns the answer', async () => {
    tenant.failNext({ status: 503, match: { method: 'GET' } });
    const answer = await client().request(list, wireOrganizationConnectionsPageSchema);
    expect(answer).toBeDefined();
    expect(tenant.requests.map((request) => request.status)).toEqual([503, 200]);
  });

  it('sends a GET again after a dropped connection, and returns the answer', async () => {
    tenant.failNext({ network: true, match: { method: 'GET' } });
    const answer = await client().request(list, wireOrganizationConnectionsPageSchema);
    expect(answer).toBeDefined();
    expect(tenant.requests).toHaveLength(2);
  });

  it('never sends a PATCH again after a dropped connection', async () => {
    tenant.failNext({ network: true });
    const error = await failure(
      client().request(
        {
          method: 'PATCH',
          path: `/organizations/${seedIds.organizations.acme}/connections/${seedIds.connections.google}`,
          body: { is_enabled: false },
          action: 'update the organization connection',
        },
        wireOrganizationConnectionSchema,
      ),
    );
    expect(error.kind).toBe('network');
    expect(tenant.requests).toHaveLength(1);
  });

  it('stops after the configured number of attempts', async () => {
    tenant.failNext({ status: 500, times: 10 });
    const error = await failure(
      client({ retry: { attempts: 2, baseDelayMs: 1 } }).request(list, wireOrganizationConnectionsPageSchema),
    );
    expect(error.kind).toBe('server');
    expect(tenant.requests).toHaveLength(3);
  });

  it('never sends a POST again after a 5xx', async () => {
    tenant.failNext({ status: 503, times: 3 });
    const error = await failure(
      client().request(
        {
          method: 'POST',
          path: `/organizations/${seedIds.organizations.globex}/connections`,
          body: { connection_id: seedIds.connections.github },
          action: 'add the connection to the organization',
        },
        wireOrganizationConnectionSchema,
      ),
    );
    expect(error.kind).toBe('server');
    expect(tenant.requests).toHaveLength(1);
  });

  it('never sends a PATCH again after a 429', async () => {
    tenant.rateLimitNext({ retryAfterSeconds: 1 });
    const error = await failure(
      client().request(
        {
          method: 'PATCH',
          path: `${listPath}/${seedIds.connections.google}`,
          body: { is_enabled: false },
          action: 'update the organization connection',
        },
        wireOrganizationConnectionSchema,
      ),
    );
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAt).toBeInstanceOf(Date);
    expect(tenant.requests).toHaveLength(1);
  });

  it('waits until retryAt after a 429 before sending a GET again', async () => {
    tenant.rateLimitNext({ retryAfterSeconds: 1 });
    const started = Date.now();
    await client({ retry: { maxDelayMs: 3000 } }).request(list, wireOrganizationConnectionsPageSchema);
    const [limited, retried] = tenant.requests;
    expect(limited?.status).toBe(429);
    expect(retried?.status).toBe(200);
    // X-RateLimit-Reset is whole epoch seconds: the retry came no earlier than that second.
    const resetSecond = Math.ceil(started / 1000) + 1;
    expect(Date.now()).toBeGreaterThanOrEqual(resetSecond * 1000 - 5);
  });

  it('fails at once with retryAt when the limit resets later than it may wait', async () => {
    tenant.rateLimitNext({ retryAfterSeconds: 60 });
    const started = Date.now();
    const error = await failure(
      client({ retry: { maxDelayMs: 2000 } }).request(list, wireOrganizationConnectionsPageSchema),
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAt?.getTime()).toBeGreaterThan(started + 55_000);
    expect(error.message).toMatch(/Try again in \d+ seconds/);
    expect(tenant.requests).toHaveLength(1);
  });
});

describe('createHttpClient: aborts', () => {
  it('rejects with the native AbortError and sends nothing when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      client().request({ ...list, signal: controller.signal }, wireOrganizationConnectionsPageSchema),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(tenant.requests).toHaveLength(0);
  });

  it('rejects with the native AbortError when aborted in flight, and does not retry', async () => {
    tenant.setLatency(200);
    const controller = new AbortController();
    const pending = client().request({ ...list, signal: controller.signal }, wireOrganizationConnectionsPageSchema);
    setTimeout(() => controller.abort(), 20);
    const error = await pending.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: 'AbortError' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tenant.requests).toHaveLength(1);
  });

  it('stops waiting for a retry when aborted, without sending again', async () => {
    tenant.rateLimitNext({ retryAfterSeconds: 2 });
    const controller = new AbortController();
    const pending = client({ retry: { maxDelayMs: 5000 } }).request(
      { ...list, signal: controller.signal },
      wireOrganizationConnectionsPageSchema,
    );
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(tenant.requests).toHaveLength(1);
  });
});

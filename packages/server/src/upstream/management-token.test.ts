import { createFakeFetch, createFakeTenant, seedIds } from '@org-connections/testing';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import {
  createOrgConnectionsHandler,
  type OrgConnectionsHandlerOptions,
} from '../handler/create-org-connections-handler';
import { createClientCredentialsTokenSource } from './management-token';

const { acme } = seedIds.organizations;
const CLIENT_ID = 'proxy-m2m-client';
const CLIENT_SECRET = 'proxy-client-secret-that-must-never-leak';
const ORIGIN = 'https://app.example';
const LIST = `${ORIGIN}/api/org-connections/organizations/${acme}/connections`;

const tenant = createFakeTenant({ clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] });
const fakeFetch = createFakeFetch(tenant);
/** Every access token the token endpoint handed out, read at the network layer. */
const issued: string[] = [];
/** Every response body and header the handler answered, for the secrecy check. */
const answered: string[] = [];

async function recordingFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fakeFetch(input, init);
  if (String(input).endsWith('/oauth/token') && response.ok) {
    issued.push((await response.clone().json()).access_token);
  }
  return response;
}

function handler(options: Partial<OrgConnectionsHandlerOptions> = {}) {
  const handle = createOrgConnectionsHandler({
    domain: 'fake-tenant.test',
    basePath: '/api/org-connections',
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    authorize: async () => ({ view: 'tenant-admin', actor: 'user|staff' }),
    fetch: recordingFetch as typeof fetch,
    ...options,
  } as OrgConnectionsHandlerOptions);
  return async (request: Request) => {
    const response = await handle(request);
    answered.push(JSON.stringify([...response.headers]), await response.clone().text());
    return response;
  };
}

const tokenRequests = () => tenant.requests.filter((request) => request.api === 'authentication');
const managementRequests = () => tenant.requests.filter((request) => request.api === 'management');

let consoleSpies: MockInstance[] = [];
beforeEach(() => {
  consoleSpies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation(() => undefined),
  );
});
afterEach(() => {
  // The package logs nothing, whatever happened.
  for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled();
  for (const spy of consoleSpies) spy.mockRestore();
  // No token and no secret in any answer: body or header.
  for (const text of answered) {
    expect(text).not.toContain(CLIENT_SECRET);
    for (const token of issued) expect(text).not.toContain(token);
  }
  answered.length = 0;
  issued.length = 0;
  vi.useRealTimers();
  tenant.reset();
});

describe('the Management API token (client credentials through the auth0 SDK)', () => {
  it('50 concurrent requests make one token request, and all of them are served with that token', async () => {
    const handle = handler();
    const responses = await Promise.all(Array.from({ length: 50 }, () => handle(new Request(LIST))));
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    expect(tokenRequests()).toHaveLength(1);
    expect(tokenRequests()[0]?.body).toMatchObject({
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: '[redacted]',
      audience: 'https://fake-tenant.test/api/v2/',
    });
    expect(managementRequests()).toHaveLength(50);
    expect(issued).toHaveLength(1);
  });

  it('keeps the token until a minute before it expires, then gets a new one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.now();
    const handle = handler();
    expect((await handle(new Request(LIST))).status).toBe(200);
    // Auth0's default lifetime is 86,400 s; 61 s before its end the cached token is still used.
    vi.setSystemTime(start + (86_400 - 61) * 1000);
    expect((await handle(new Request(LIST))).status).toBe(200);
    expect(tokenRequests()).toHaveLength(1);
    vi.setSystemTime(start + (86_400 - 59) * 1000);
    expect((await handle(new Request(LIST))).status).toBe(200);
    expect(tokenRequests()).toHaveLength(2);
    expect(new Set(issued).size).toBe(2);
  });

  it('after an upstream 401 gets one new token and retries once', async () => {
    const handle = handler();
    expect((await handle(new Request(LIST))).status).toBe(200);
    tenant.failNext({ status: 401, match: { api: 'management' } });
    const response = await handle(new Request(LIST));
    expect(response.status).toBe(200);
    expect(tokenRequests()).toHaveLength(2);
    expect(managementRequests()).toHaveLength(3);
  });

  it('gives up after the retry: a 502 (not a 401 the browser would take for its own session)', async () => {
    const handle = handler();
    tenant.failNext({ status: 401, times: 3, match: { api: 'management' } });
    const response = await handle(new Request(LIST));
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      statusCode: 502,
      error: 'Bad Gateway',
      errorCode: 'management_token_rejected',
      message: 'The Management API refused the proxy’s credentials.',
    });
    expect(tokenRequests()).toHaveLength(2);
    expect(managementRequests()).toHaveLength(2);
  });

  it('a refused grant (wrong secret) is a 502 that names neither the client secret nor the answer', async () => {
    const response = await handler({ clientSecret: 'a-wrong-secret' } as Partial<OrgConnectionsHandlerOptions>)(
      new Request(LIST),
    );
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      statusCode: 502,
      error: 'Bad Gateway',
      errorCode: 'management_token_unavailable',
      message: 'No Management API token could be had.',
    });
    expect(managementRequests()).toHaveLength(0);
    expect(answered.join('')).not.toContain('a-wrong-secret');
  });

  it('getManagementToken replaces the grant; after a 401 it is asked for a fresh token, and its errors stay private', async () => {
    const calls: boolean[] = [];
    const handle = handler({
      getManagementToken: ({ forceRefresh }) => {
        calls.push(forceRefresh);
        return tenant.defaultToken;
      },
      clientId: undefined,
      clientSecret: undefined,
    } as Partial<OrgConnectionsHandlerOptions>);
    tenant.failNext({ status: 401, match: { api: 'management' } });
    expect((await handle(new Request(LIST))).status).toBe(200);
    expect(calls).toEqual([false, true]);
    expect(tokenRequests()).toHaveLength(0);

    const failing = handler({
      getManagementToken: () => {
        throw new Error(`vault said no for ${tenant.defaultToken}`);
      },
      clientId: undefined,
      clientSecret: undefined,
    } as Partial<OrgConnectionsHandlerOptions>);
    const response = await failing(new Request(LIST));
    expect(response.status).toBe(502);
    expect(await response.text()).not.toContain(tenant.defaultToken);
  });
});

describe('createClientCredentialsTokenSource', () => {
  const options = {
    domain: 'fake-tenant.test',
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    fetch: fakeFetch,
    timeoutMs: 5000,
  };

  it('refreshes at half the lifetime when the token lives less than two minutes', async () => {
    tenant.addClient({ clientId: 'short-lived', clientSecret: 'short-secret', expiresIn: 60 });
    let now = 1_000_000;
    const token = createClientCredentialsTokenSource({
      ...options,
      clientId: 'short-lived',
      clientSecret: 'short-secret',
      now: () => now,
    });
    const first = await token(undefined);
    now += 29_000;
    expect(await token(undefined)).toBe(first);
    now += 2_000;
    expect(await token(undefined)).not.toBe(first);
  });

  it('replaces a refused token once, however many callers report it', async () => {
    const token = createClientCredentialsTokenSource(options);
    const first = await token(undefined);
    const replacements = await Promise.all(Array.from({ length: 10 }, () => token(first)));
    expect(new Set(replacements).size).toBe(1);
    expect(replacements[0]).not.toBe(first);
    // A caller still holding the first token gets the current one, not yet another grant.
    expect(await token(first)).toBe(replacements[0]);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('sends the grant to tokenUrl when one is given (plain http on loopback, in tests and the demo)', async () => {
    const moved = createFakeTenant({ clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] });
    const tokenUrl = 'http://fake-tenant.test:8080/oauth/token';
    const token = createClientCredentialsTokenSource({
      ...options,
      domain: 'fake-tenant.test:8080',
      tokenUrl,
      fetch: createFakeFetch(moved, { tokenUrl }),
    });
    expect(await token(undefined)).toMatch(/.+/);
    expect(moved.requests.map((request) => [request.url, request.status])).toEqual([[tokenUrl, 200]]);
  });
});

import { createSeedTenantData, seedIds } from '../data/seed-tenant-data';
import {
  cloneTenantData,
  type FakeConnection,
  type FakeOrganization,
  type FakeOrganizationConnection,
  type FakeTenantData,
} from '../data/tenant-data';
import { type FakeApi, matchRoute } from '../http/api-routes';
import { checkClient, type FakeM2MClient, handleTokenRequest, TOKEN_PATH } from '../http/authentication-api';
import type { EndpointRequest } from '../http/endpoint-request';
import {
  authenticationError,
  defaultErrorBody,
  type FakeResponse,
  managementError,
  myOrganizationError,
} from '../http/fake-response';
import { handleManagementRequest } from '../http/management-api';
import { handleMyOrganizationRequest } from '../http/my-organization-api';
import type { BodyEncoding } from '../http/request-validation';
import { type AccessTokenStore, createAccessTokenStore, type IssueTokenOptions } from './access-tokens';
import { createFaultQueue, type FakeFault, type RateLimitNextOptions } from './fault-queue';
import { createRateLimiter, DEFAULT_RATE_LIMITS, type RateLimitsOptions, rateLimitBucket } from './rate-limiter';
import type { RecordedRequest } from './recorded-request';
import { createTenantStore, type TenantStore } from './tenant-store';

/** Milliseconds to wait before answering: a fixed number, or computed per request. `Infinity` never answers. */
export type FakeLatency = number | ((request: RecordedRequest) => number);

export interface FakeTenantOptions {
  /** The tenant's initial data; the seed (`createSeedTenantData()`) when absent. It is copied, never shared. */
  data?: FakeTenantData;
  /** 0 when absent. */
  latency?: FakeLatency;
  /** Per-bucket limits (merged over `DEFAULT_RATE_LIMITS`); `false` turns limits and their headers off. */
  rateLimits?: RateLimitsOptions | false;
  /**
   * `required` (Auth0's behaviour, the default): a request without a bearer token is answered 401.
   * `optional`: such a request acts with `defaultToken`, as a host backend that adds its own token would.
   * A token that is sent is always checked.
   */
  authentication?: 'required' | 'optional';
  /** The organization of `defaultToken` for the My Organization API; the seed's Acme when it exists. */
  defaultOrganizationId?: string;
  /** The clock, in epoch milliseconds (token expiry, rate-limit windows). `Date.now` when absent. */
  now?: () => number;
  /** Machine-to-machine applications that may get Management API tokens from `POST /oauth/token`. */
  clients?: FakeM2MClient[];
}

/** Where a request is addressed: which API, and the path relative to that API's base URL. */
export interface FakeTenantRequestTarget {
  api: FakeApi;
  path: string;
}

/**
 * An in-memory Auth0 tenant serving the Management API and My Organization API endpoints this library
 * uses, with Auth0's rules, errors, scopes, paging and rate limits, plus latency and fault injection,
 * and the Authentication API's `POST /oauth/token` (client credentials) for the M2M clients it is given.
 * Serve it with `createHandlers` (MSW), `createFakeFetch`, or `createFakeTenantServer` (loopback HTTP).
 */
export interface FakeTenant {
  /** A token with every scope, bound to `defaultOrganizationId`, that never expires. */
  readonly defaultToken: string;
  /** The organization `defaultToken` is bound to (`options.defaultOrganizationId`, else the seed's Acme, else the first). */
  readonly defaultOrganizationId: string | undefined;
  /** Every request received, oldest first (a token request's `client_secret` is recorded as `[redacted]`). */
  readonly requests: readonly RecordedRequest[];
  clearRequests(): void;

  issueToken(options?: IssueTokenOptions): string;
  /** Lets the client get tokens from `POST /oauth/token`. Throws for a `clientId` already known. Survives `reset`. */
  addClient(client: FakeM2MClient): void;
  /** The token is answered 401 (expired) from now on. */
  expireToken(token: string): void;
  /** The token is answered 401 (invalid) from now on. */
  revokeToken(token: string): void;

  setLatency(latency: FakeLatency): void;
  setRateLimits(limits: RateLimitsOptions | false): void;
  /** Answers the next matching request (or `times` of them) with the fault instead of the endpoint. */
  failNext(fault: FakeFault): void;
  /** Answers the next matching request (or `times` of them) 429, resetting `retryAfterSeconds` from now. */
  rateLimitNext(options: RateLimitNextOptions): void;
  /** Drops every queued `failNext` and `rateLimitNext`. */
  clearFaults(): void;

  /** Restores the initial data (or `data`), and clears requests, faults and rate-limit windows. Tokens stay valid. */
  reset(data?: FakeTenantData): void;
  /** A deep copy of the current data. */
  snapshot(): FakeTenantData;
  listOrganizations(): FakeOrganization[];
  getOrganization(organizationId: string): FakeOrganization | undefined;
  addOrganization(organization: FakeOrganization): void;
  listConnections(): FakeConnection[];
  getConnection(connectionId: string): FakeConnection | undefined;
  addConnections(connections: readonly FakeConnection[]): void;
  /** The organization's connections in the wire shape of `/organizations/{id}/connections` (copies). Throws for an unknown organization. */
  listOrganizationConnections(organizationId: string): FakeOrganizationConnection[];
  /** Replaces the organization's connections, bypassing every rule (for setting up a scenario). */
  setOrganizationConnections(organizationId: string, connections: readonly FakeOrganizationConnection[]): void;

  /** Answers a request. `createHandlers` and `createFakeFetch` call this. */
  handle(request: Request, target: FakeTenantRequestTarget): Promise<Response>;
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function queryRecord(searchParams: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    query[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return query;
}

async function readBody(request: Request): Promise<{ body: unknown; encoding: BodyEncoding }> {
  if (request.method === 'GET' || request.method === 'HEAD') return { body: undefined, encoding: 'none' };
  const text = await request.text();
  if (text === '') return { body: undefined, encoding: 'none' };
  const contentType = request.headers.get('content-type') ?? '';
  if (contentType.includes('application/x-www-form-urlencoded')) {
    return { body: Object.fromEntries(new URLSearchParams(text)), encoding: 'form' };
  }
  if (contentType.includes('json')) {
    try {
      return { body: JSON.parse(text), encoding: 'json' };
    } catch {
      return { body: text, encoding: 'invalid' };
    }
  }
  return { body: text, encoding: 'invalid' };
}

type BearerApi = Exclude<FakeApi, 'authentication'>;

function unauthorized(api: BearerApi, outcome: string): FakeResponse {
  const headers = { 'WWW-Authenticate': 'Bearer error="invalid_token"' };
  if (api === 'management') {
    const messages: Record<string, string> = {
      missing: 'Missing authentication',
      malformed: 'Bad HTTP authentication header format',
      expired: 'Expired token received for JSON Web Token validation',
    };
    return { ...managementError(401, messages[outcome] ?? 'Invalid token', 'invalid_token'), headers };
  }
  if (outcome === 'missing')
    return { ...myOrganizationError(401, 'Missing Token', 'No auth token provided.', 2), headers };
  const details: Record<string, string> = {
    expired: 'The auth token has expired.',
    unbound: 'The auth token is not bound to an organization.',
  };
  const detail = details[outcome] ?? 'The auth token is invalid.';
  return { ...myOrganizationError(401, 'Invalid Token', detail, 1), headers };
}

function insufficientScope(api: BearerApi, scope: string): FakeResponse {
  if (api === 'management') {
    return managementError(403, `Insufficient scope, expected any of: ${scope}`, 'insufficient_scope');
  }
  return myOrganizationError(403, 'Insufficient Scope', `The auth token lacks the required scope: ${scope}.`, 2);
}

function tooManyRequests(api: FakeApi, limit: number, reset: number, retryAfter: number): FakeResponse {
  const headers: Record<string, string> = {
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': '0',
    'X-RateLimit-Reset': String(reset),
  };
  if (api === 'management') {
    return {
      ...managementError(429, 'Global limit has been reached', 'too_many_requests'),
      headers,
    };
  }
  if (api === 'authentication') {
    return { ...authenticationError(429, 'too_many_requests', 'Global limit has been reached'), headers };
  }
  headers['Retry-After'] = String(retryAfter);
  headers['X-Auth0-Error-Kind'] = 'global-rate-limit';
  return {
    ...myOrganizationError(429, 'Too Many Requests', 'The global request limit has been exceeded.', 1),
    headers,
  };
}

function toResponse(response: FakeResponse, extraHeaders: Record<string, string> = {}): Response {
  const headers = new Headers(extraHeaders);
  for (const [name, value] of Object.entries(response.headers ?? {})) headers.set(name, value);
  const hasBody = response.body !== undefined && response.status !== 204 && response.status !== 304;
  if (hasBody && !headers.has('content-type')) headers.set('content-type', 'application/json; charset=utf-8');
  return new Response(hasBody ? JSON.stringify(response.body) : null, { status: response.status, headers });
}

/** A token request as recorded: the client secret never reaches `tenant.requests`. */
function redactSecret(body: unknown): unknown {
  if (typeof body === 'string') return '[redacted: unparsed body]';
  if (typeof body !== 'object' || body === null || !('client_secret' in body)) return body;
  return { ...body, client_secret: '[redacted]' };
}

const MALFORMED_BODIES = {
  html: {
    contentType: 'text/html; charset=utf-8',
    body: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
  },
  empty: { contentType: 'application/json; charset=utf-8', body: '' },
  'not-json': { contentType: 'application/json; charset=utf-8', body: '{"connections": [{"connection_id": "con_' },
} as const;

export function createFakeTenant(options: FakeTenantOptions = {}): FakeTenant {
  const now = options.now ?? (() => Date.now());
  const initialData = cloneTenantData(options.data ?? createSeedTenantData());
  let store: TenantStore = createTenantStore(cloneTenantData(initialData));
  let latency: FakeLatency = options.latency ?? 0;
  let rateLimits: RateLimitsOptions | false = options.rateLimits ?? {};
  const rateLimiter = createRateLimiter(now, rateLimits);
  const faults = createFaultQueue();
  const tokens: AccessTokenStore = createAccessTokenStore(now);
  const requests: RecordedRequest[] = [];
  const clients = new Map<string, FakeM2MClient>();
  for (const client of options.clients ?? []) addClient(client);
  const authentication = options.authentication ?? 'required';

  const defaultOrganizationId =
    options.defaultOrganizationId ??
    (initialData.organizations.some((organization) => organization.id === seedIds.organizations.acme)
      ? seedIds.organizations.acme
      : initialData.organizations[0]?.id);
  const defaultToken = tokens.issue({
    token: 'fake-tenant-default-token',
    ...(defaultOrganizationId === undefined ? {} : { organizationId: defaultOrganizationId }),
  });

  function addClient(client: FakeM2MClient) {
    checkClient(client, clients);
    clients.set(client.clientId, { ...client, ...(client.scopes === undefined ? {} : { scopes: [...client.scopes] }) });
  }

  function bucketLimit(api: FakeApi, method: string, operation?: string): number {
    const bucket = rateLimitBucket(api, method, operation);
    return (rateLimits === false ? undefined : rateLimits[bucket]?.limit) ?? DEFAULT_RATE_LIMITS[bucket].limit;
  }

  async function answer(
    request: Request,
    target: FakeTenantRequestTarget,
    record: RecordedRequest,
    body: unknown,
    encoding: BodyEncoding,
  ): Promise<Response> {
    const { api } = target;
    const match = api === 'authentication' ? undefined : matchRoute(api, request.method, target.path);
    if (match !== undefined) record.operation = match.route.operation;
    const isTokenRequest = api === 'authentication' && record.method === 'POST' && target.path === TOKEN_PATH;
    if (isTokenRequest) record.operation = 'getToken';

    const wait = typeof latency === 'function' ? latency(record) : latency;
    if (wait === Number.POSITIVE_INFINITY) await new Promise<never>(() => {});
    if (wait > 0) await sleep(wait);

    const fault = faults.take(record);
    if (fault?.kind === 'rate-limit') {
      const reset = Math.ceil(now() / 1000) + fault.options.retryAfterSeconds;
      const limited = tooManyRequests(
        api,
        bucketLimit(api, request.method, match?.route.operation),
        reset,
        fault.options.retryAfterSeconds,
      );
      return toResponse(limited);
    }
    if (fault?.kind === 'fault') {
      const injected = fault.fault;
      if ('network' in injected) return Response.error();
      if ('malformed' in injected) {
        const malformed = MALFORMED_BODIES[injected.malformed];
        return new Response(malformed.body, {
          status: injected.status ?? 200,
          headers: { 'content-type': malformed.contentType },
        });
      }
      return toResponse({
        status: injected.status,
        body: injected.body === undefined ? defaultErrorBody(api, injected.status) : injected.body,
        headers: injected.headers ?? {},
      });
    }

    const decision = rateLimiter.take(api, request.method, match?.route.operation);
    if (decision?.outcome === 'limited') {
      return toResponse(tooManyRequests(api, decision.limit, decision.reset, decision.retryAfter));
    }
    const rateHeaders: Record<string, string> =
      decision === undefined
        ? {}
        : {
            'X-RateLimit-Limit': String(decision.limit),
            'X-RateLimit-Remaining': String(decision.remaining),
            'X-RateLimit-Reset': String(decision.reset),
          };

    if (api === 'authentication') {
      const url = new URL(request.url);
      const answered = isTokenRequest
        ? handleTokenRequest(clients, tokens, { url, body, encoding })
        : authenticationError(404, 'not_found', 'Not Found');
      return toResponse(answered, rateHeaders);
    }
    if (match === undefined) {
      const notFound =
        api === 'management'
          ? managementError(404, 'Not Found')
          : myOrganizationError(404, 'Resource Not Found', 'Not Found', 1);
      return toResponse(notFound, rateHeaders);
    }

    const authorization = request.headers.get('authorization');
    const check =
      authorization === null && authentication === 'optional'
        ? tokens.check(`Bearer ${defaultToken}`)
        : tokens.check(authorization);
    if (check.outcome !== 'valid') return toResponse(unauthorized(api, check.outcome), rateHeaders);
    if (!check.token.scopes.includes(match.route.scope)) {
      return toResponse(insufficientScope(api, match.route.scope), rateHeaders);
    }

    const endpointRequest: EndpointRequest = {
      operation: match.route.operation,
      params: match.params,
      query: new URL(request.url).searchParams,
      body,
      encoding,
    };
    if (api === 'management') return toResponse(handleManagementRequest(store, endpointRequest), rateHeaders);
    const organizationId = check.token.organizationId;
    if (organizationId === undefined) return toResponse(unauthorized(api, 'unbound'), rateHeaders);
    return toResponse(handleMyOrganizationRequest(store, endpointRequest, organizationId), rateHeaders);
  }

  return {
    defaultToken,
    defaultOrganizationId,
    get requests() {
      return requests;
    },
    clearRequests() {
      requests.length = 0;
    },
    issueToken: (tokenOptions) => tokens.issue(tokenOptions),
    addClient,
    expireToken: (token) => tokens.expire(token),
    revokeToken: (token) => tokens.revoke(token),
    setLatency(next) {
      latency = next;
    },
    setRateLimits(limits) {
      rateLimits = limits;
      rateLimiter.configure(limits);
    },
    failNext(fault) {
      faults.add({ kind: 'fault', fault });
    },
    rateLimitNext(rateLimitOptions) {
      faults.add({ kind: 'rate-limit', options: rateLimitOptions });
    },
    clearFaults() {
      faults.clear();
    },
    reset(data) {
      store = createTenantStore(cloneTenantData(data ?? initialData));
      requests.length = 0;
      faults.clear();
      rateLimiter.configure(rateLimits);
    },
    snapshot() {
      return cloneTenantData(store.data);
    },
    listOrganizations() {
      return structuredClone(store.data.organizations);
    },
    getOrganization(organizationId) {
      const organization = store.organization(organizationId);
      return organization === undefined ? undefined : structuredClone(organization);
    },
    addOrganization(organization) {
      if (store.organization(organization.id) !== undefined) {
        throw new Error(`The organization ${organization.id} already exists.`);
      }
      store.data.organizations.push(structuredClone(organization));
      store.data.organizationConnections[organization.id] ??= [];
    },
    listConnections() {
      return structuredClone(store.data.connections);
    },
    getConnection(connectionId) {
      const connection = store.connection(connectionId);
      return connection === undefined ? undefined : structuredClone(connection);
    },
    addConnections(connections) {
      const ids = new Set(store.data.connections.map((connection) => connection.id));
      for (const connection of connections) {
        if (ids.has(connection.id)) throw new Error(`The connection ${connection.id} already exists.`);
        ids.add(connection.id);
      }
      store.data.connections.push(...structuredClone([...connections]));
      store.connectionsChanged();
    },
    listOrganizationConnections(organizationId) {
      const records = store.organizationConnections(organizationId);
      if (records === undefined) throw new Error(`The organization ${organizationId} does not exist.`);
      return structuredClone(records);
    },
    setOrganizationConnections(organizationId, connections) {
      if (store.organization(organizationId) === undefined) {
        throw new Error(`The organization ${organizationId} does not exist.`);
      }
      store.data.organizationConnections[organizationId] = structuredClone([...connections]);
    },
    async handle(request, target) {
      const url = new URL(request.url);
      const { body, encoding } = await readBody(request);
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        if (name.toLowerCase() !== 'authorization') headers[name.toLowerCase()] = value;
      });
      const record: RecordedRequest = {
        api: target.api,
        method: request.method.toUpperCase(),
        path: target.path,
        url: url.href,
        query: queryRecord(url.searchParams),
        body: target.api === 'authentication' ? redactSecret(body) : body,
        headers,
      };
      requests.push(record);
      const response = await answer(request, target, record, body, encoding);
      if (response.type !== 'error') record.status = response.status;
      return response;
    },
  };
}

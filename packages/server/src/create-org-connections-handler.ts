import { type AccessPolicy, TENANT_CONNECTIONS_ORGANIZATION_HEADER } from '@org-connections/core';
import { type Attachable, DEFAULT_ATTACHABLE_TIMEOUT_MS } from './attachable';
import { type AuditAction, clientAddressOf, type OnAudit, requestIdOf } from './audit-event';
import { type ConnectionIndexOptions, createConnectionIndex, noteWrite } from './connection-index';
import { readJsonRequestBody } from './json-request-body';
import { createManagementApiUpstream, UpstreamUnavailableError } from './management-api-upstream';
import { createClientCredentialsTokenSource, type GetManagementToken } from './management-token';
import {
  isReadOnly,
  isValidAuthorization,
  mayReachOrganization,
  type OrgConnectionsAuthorization,
  type OrgConnectionsAuthorizeResult,
} from './org-connections-authorization';
import type { OrgConnectionsRequestContext } from './org-connections-request-context';
import {
  addOrganizationConnection,
  getOrganizationConnection,
  listOrganizationConnections,
  listTenantConnections,
  type OperationContext,
  removeOrganizationConnection,
  updateOrganizationConnection,
} from './organization-connection-operations';
import { NOT_SERVED, ORGANIZATION_NOT_FOUND, type Problem, problemResponse } from './problem-response';
import { type ProxyMethod, type ProxyRoute, parseProxyRoute, ROUTE_METHODS } from './proxy-route';
import { checkQuery, NO_QUERY, ORGANIZATION_CONNECTIONS_QUERY, TENANT_CONNECTIONS_QUERY } from './query-parameters';
import { createRequestLimiter, limitProblem, type RequestLimitsOptions } from './request-limits';
import { serveRollouts } from './rollout-routes';
import { checkRolloutsOptions, createRolloutEngine, type RolloutsOptions, registerRolloutEngine } from './rollouts';
import { isSameOriginOrAllowed } from './same-origin';
import { createSharedConnectionIndexState } from './shared-connection-index-state';
import { createMemoryStore, createResilientStore, type OrgConnectionsLogger, type OrgConnectionsStore } from './store';

/** A Web Fetch API handler: Next.js route handlers, Hono, Bun, Deno, workers; `toNodeListener` for Node. */
export type OrgConnectionsHandler = (request: Request, context?: OrgConnectionsRequestContext) => Promise<Response>;

interface OrgConnectionsHandlerBaseOptions {
  /** The tenant's domain (`example.eu.auth0.com`): upstream `https://{domain}/api/v2`, token `https://{domain}/oauth/token`. */
  domain: string;
  /** Where the route is mounted (`/api/org-connections`); the browser client's `baseUrl`. */
  basePath: string;
  /**
   * The host's own session check, once per request: who is calling; `null` when no one is signed in (401
   * `unauthorized`); `false` when the caller is signed in but may not manage connections (403 `not_allowed`).
   * `context.node` holds the Node request and response through `toNodeListener` (an Express session).
   */
  authorize: (
    request: Request,
    context: OrgConnectionsRequestContext,
  ) => OrgConnectionsAuthorizeResult | Promise<OrgConnectionsAuthorizeResult>;
  /**
   * Which connection may be added to which organization, decided by the host: the connection as Auth0 has it
   * (read by the handler, `metadata` included). Without it every connection may be added to every organization.
   */
  attachable?: Attachable;
  /** How long `attachable` may take before the connection is refused; 2000 ms by default. */
  attachableTimeoutMs?: number;
  /** Read the audit event's `clientAddress` from `x-forwarded-for` (only behind a proxy that sets it); `false` by default. */
  trustProxy?: boolean;
  /** Loosens `limited` for org admins, as in the UI (`AccessPolicy` from core). Give both the same. */
  policy?: AccessPolicy;
  /**
   * Every write attempt, allowed or refused, and every request refused by a limit (429). Awaited; an error it throws
   * is ignored (the answer stands).
   */
  onAudit?: OnAudit;
  /** Other origins whose pages may write (CSRF); the request's own origin always may. CORS is the host's job. */
  allowedOrigins?: readonly string[];
  /** For the Management API and the token endpoint; `globalThis.fetch` by default. */
  fetch?: typeof fetch;
  /** `https://{domain}/api/v2` by default. */
  managementBaseUrl?: string;
  /** An upstream request (token requests included) is aborted after this long; 10 000 ms by default. */
  timeoutMs?: number;
  /**
   * The tenant's connections indexed for search (`GET {base}/connections?q=…&kind=…`): its age, its share of the
   * rate limit. `false`: the tenant list goes to Auth0 page by page, as it is asked. On by default.
   */
  index?: ConnectionIndexOptions | false;
  /**
   * Shared by every instance of the handler: the token, per-caller counts, Auth0's rate-limit hold. This
   * instance's memory by default; `createRedisStore(client)` from `@org-connections/server/redis` for several.
   */
  store?: OrgConnectionsStore;
  /** Each store call is given up after this long (the instance then uses its own memory); 250 ms by default. */
  storeTimeoutMs?: number;
  /** Per-caller limits (429 with `Retry-After`); 120 a minute per actor, 600 a minute per organization by default. */
  limits?: RequestLimitsOptions;
  /** Where a store fault is reported (once per outage); `console` by default. Nothing else is logged. */
  logger?: OrgConnectionsLogger;
  /**
   * Rollouts (`{base}/rollouts`, tenant admins only): a connection enabled in many organizations, paced under
   * `rateLimitShare` of Auth0's write limit, resumable from the store. On by default; `false` serves none.
   */
  rollouts?: RolloutsOptions | false;
}

/** With the client-credentials grant (an M2M application with the `*:organization_connections` and `read:connections` scopes). */
export interface ClientCredentialsHandlerOptions extends OrgConnectionsHandlerBaseOptions {
  clientId: string;
  clientSecret: string;
  /** `https://{domain}/oauth/token` by default. */
  tokenUrl?: string;
  /** The secret the token is encrypted with in the store (HKDF, AES-GCM); `clientSecret` by default. */
  encryptionKey?: string;
  getManagementToken?: never;
}

/** With the host's own token source, which replaces the grant and its cache. */
export interface ManagementTokenHandlerOptions extends OrgConnectionsHandlerBaseOptions {
  getManagementToken: GetManagementToken;
  clientId?: never;
  clientSecret?: never;
  tokenUrl?: never;
  encryptionKey?: never;
}

export type OrgConnectionsHandlerOptions = ClientCredentialsHandlerOptions | ManagementTokenHandlerOptions;

/** The routes of connections (the rollout routes are served apart). */
type ConnectionRoute = Exclude<ProxyRoute, { name: 'rollouts' | 'rollout' | 'rollout-control' }>;

const DOMAIN = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:\d{1,5})?$/;

const UNAUTHORIZED: Problem = { status: 401, errorCode: 'unauthorized', message: 'Sign in to manage connections.' };
const NOT_ALLOWED: Problem = {
  status: 403,
  errorCode: 'not_allowed',
  message: 'This account may not manage connections.',
};
const READ_ONLY: Problem = {
  status: 403,
  errorCode: 'read_only_role',
  message: 'This role may see connections but not change them.',
};
const INTERNAL: Problem = { status: 500, errorCode: 'internal_error', message: 'The request could not be handled.' };
const CROSS_SITE: Problem = {
  status: 403,
  errorCode: 'cross_site_request',
  message: 'Changes are accepted only from this application’s own pages.',
};

/** After a store fault, the instance uses its own memory this long before asking the store again. */
const STORE_RETRY_AFTER_MS = 5000;

const WRITE_ACTIONS: Partial<Record<ProxyMethod, AuditAction>> = { POST: 'add', PATCH: 'update', DELETE: 'remove' };

function unavailable(error: UpstreamUnavailableError): Problem {
  return {
    status: 502,
    errorCode: error.reason === 'token' ? 'management_token_unavailable' : 'upstream_unavailable',
    message: error.message,
  };
}

function checkOptions(options: OrgConnectionsHandlerOptions): void {
  if (!DOMAIN.test(options.domain)) {
    throw new TypeError('createOrgConnectionsHandler: `domain` must be a bare host name such as example.eu.auth0.com.');
  }
  if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(options.basePath)) {
    throw new TypeError(
      'createOrgConnectionsHandler: `basePath` must be an absolute path such as /api/org-connections.',
    );
  }
  if (options.attachable !== undefined && typeof options.attachable !== 'function') {
    throw new TypeError('createOrgConnectionsHandler: `attachable` must be a function.');
  }
  const bound = options.attachableTimeoutMs;
  if (bound !== undefined && !(Number.isFinite(bound) && bound > 0)) {
    throw new TypeError(
      'createOrgConnectionsHandler: `attachableTimeoutMs` must be a positive number of milliseconds.',
    );
  }
  if (options.getManagementToken === undefined && (!options.clientId || !options.clientSecret)) {
    throw new TypeError('createOrgConnectionsHandler: give `clientId` and `clientSecret`, or `getManagementToken`.');
  }
}

/**
 * The host backend's guarded proxy to the Auth0 Management API for organization connections: it serves only
 * what the components call, holds an org admin to its organization and to each connection's access level as
 * read from Auth0 (with core's guard), hardens every input, and keeps the Management API token to itself.
 */
export function createOrgConnectionsHandler(options: OrgConnectionsHandlerOptions): OrgConnectionsHandler {
  checkOptions(options);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  const getManagementToken = options.getManagementToken;
  const storeTimeoutMs = options.storeTimeoutMs ?? 250;
  if (!(storeTimeoutMs > 0)) throw new TypeError('createOrgConnectionsHandler: `storeTimeoutMs` must be positive.');
  const store =
    options.store === undefined
      ? createMemoryStore()
      : createResilientStore(options.store, {
          timeoutMs: storeTimeoutMs,
          retryAfterMs: STORE_RETRY_AFTER_MS,
          logger: options.logger ?? console,
        });
  const limiter = createRequestLimiter({ store, limits: options.limits, namespace: options.domain });
  const token =
    getManagementToken === undefined
      ? createClientCredentialsTokenSource({
          domain: options.domain,
          clientId: options.clientId,
          clientSecret: options.clientSecret,
          tokenUrl: options.tokenUrl,
          fetch: options.fetch,
          timeoutMs,
          store,
          encryptionKey: options.encryptionKey,
        })
      : async (rejected: string | undefined) => getManagementToken({ forceRefresh: rejected !== undefined });
  const upstream = limiter.watch(
    createManagementApiUpstream({
      baseUrl: (options.managementBaseUrl ?? `https://${options.domain}/api/v2`).replace(/\/+$/, ''),
      token,
      fetch: options.fetch,
      timeoutMs,
    }),
  );
  // Given a store, instances share the index: one walk, one snapshot (each keeps a copy, reread when it changes).
  const connectionIndex =
    options.index === false
      ? undefined
      : createConnectionIndex({
          ...options.index,
          upstream,
          ...(options.store === undefined ? {} : { state: createSharedConnectionIndexState(store, options.domain) }),
        });

  checkRolloutsOptions(options.rollouts);
  // Rollouts keep their progress in the shared store itself (not the per-instance fallback): a store fault stops a
  // step rather than letting two instances run one rollout.
  const rollouts =
    options.rollouts === false
      ? undefined
      : createRolloutEngine({
          store: options.store ?? store,
          namespace: options.domain,
          upstream,
          holdMs: () => limiter.holdMs(),
          onAudit: options.onAudit,
          attachable:
            options.attachable === undefined
              ? undefined
              : { judge: options.attachable, timeoutMs: options.attachableTimeoutMs ?? DEFAULT_ATTACHABLE_TIMEOUT_MS },
          rateLimitShare: options.rollouts?.rateLimitShare,
          leaseMs: options.rollouts?.leaseMs,
          retentionMs: options.rollouts?.retentionMs,
          queue: options.rollouts?.queue,
        });
  if (rollouts !== undefined && options.rollouts !== false && options.store !== undefined) {
    // A restart (or another instance's end) leaves running rollouts with no runner: look now and every lease.
    void rollouts.resume().catch(() => undefined);
    const scan = setInterval(() => void rollouts.resume().catch(() => undefined), options.rollouts?.leaseMs ?? 15_000);
    scan.unref?.();
  }

  const attachable =
    options.attachable === undefined
      ? undefined
      : { judge: options.attachable, timeoutMs: options.attachableTimeoutMs ?? DEFAULT_ATTACHABLE_TIMEOUT_MS };

  async function authorize(
    request: Request,
    requestContext: OrgConnectionsRequestContext,
  ): Promise<OrgConnectionsAuthorization | null | Problem> {
    try {
      const authorization = await options.authorize(request, requestContext);
      if (authorization === null) return null;
      if (authorization === false) return NOT_ALLOWED;
      return isValidAuthorization(authorization) ? authorization : INTERNAL;
    } catch {
      return INTERNAL;
    }
  }

  async function serve(context: OperationContext, request: Request, route: ConnectionRoute): Promise<Response> {
    const method = request.method as ProxyMethod;
    const search = new URL(request.url).searchParams;
    const rules =
      method !== 'GET'
        ? NO_QUERY
        : route.name === 'organization-connections'
          ? ORGANIZATION_CONNECTIONS_QUERY
          : route.name === 'tenant-connections'
            ? TENANT_CONNECTIONS_QUERY
            : NO_QUERY;
    if (route.name === 'tenant-connections') {
      // The browser client names the organization in a header (Auth0 would refuse an unknown query parameter); it
      // is checked as the `organization_id` parameter is, and the two may not disagree.
      const named = request.headers.get(TENANT_CONNECTIONS_ORGANIZATION_HEADER);
      if (named !== null && !search.has('organization_id')) search.set('organization_id', named);
      else if (named !== null && search.get('organization_id') !== named) {
        return problemResponse({
          status: 400,
          errorCode: 'invalid_query_string',
          message: `The "${TENANT_CONNECTIONS_ORGANIZATION_HEADER}" header and the "organization_id" parameter name different organizations.`,
        });
      }
    }
    const query = checkQuery(search, rules);
    if (!query.ok) return problemResponse(query.problem);

    if (route.name === 'tenant-connections') return listTenantConnections(context, query.query);
    const { organizationId } = route;
    if (route.name === 'organization-connections' && method === 'GET') {
      return listOrganizationConnections(context, organizationId, query.query);
    }
    if (route.name === 'organization-connection' && method === 'GET') {
      return getOrganizationConnection(context, organizationId, route.connectionId);
    }
    if (route.name === 'organization-connection' && method === 'DELETE') {
      return removeOrganizationConnection(context, organizationId, route.connectionId);
    }
    // Writes with a body: an org admin's add is refused before the body is read.
    if (route.name === 'organization-connections' && context.authorization.view === 'org-admin') {
      return addOrganizationConnection(context, organizationId, undefined);
    }
    const body = await readJsonRequestBody(request);
    if (!body.ok) return problemResponse(body.problem);
    return route.name === 'organization-connections'
      ? addOrganizationConnection(context, organizationId, body.value)
      : updateOrganizationConnection(context, organizationId, route.connectionId, body.value);
  }

  async function audit(
    authorization: OrgConnectionsAuthorization,
    route: Exclude<ConnectionRoute, { name: 'tenant-connections' }>,
    action: AuditAction,
    context: OperationContext,
    sent: boolean,
    response: Response,
    request: { at: string; requestId: string; clientAddress: string | undefined; userAgent: string | null },
  ): Promise<void> {
    if (options.onAudit === undefined) return;
    const connectionId = route.name === 'organization-connection' ? route.connectionId : context.record.connectionId;
    const { changes, before, after } = context.record;
    const error = response.status >= 400 ? await errorOf(response) : {};
    try {
      await options.onAudit({
        actor: authorization.actor,
        view: authorization.view,
        ...(isReadOnly(authorization) ? { readOnly: true } : {}),
        organizationId: route.organizationId,
        ...(connectionId === undefined ? {} : { connectionId }),
        action,
        ...(changes === undefined ? {} : { changes }),
        ...(before === undefined ? {} : { before }),
        ...(after === undefined ? {} : { after }),
        outcome: sent ? 'allowed' : 'refused',
        status: response.status,
        ...error,
        at: request.at,
        requestId: request.requestId,
        ...(request.clientAddress === undefined ? {} : { clientAddress: request.clientAddress }),
        ...(request.userAgent === null ? {} : { userAgent: request.userAgent }),
      });
    } catch {
      // The host's audit sink failing does not change the answer; the package logs nothing.
    }
  }

  const handle: OrgConnectionsHandler = async (request, requestContext = {}) => {
    try {
      const at = new Date().toISOString();
      const url = new URL(request.url);
      // Outside the base path is not this handler's business: no session check, no details.
      const { basePath } = options;
      if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return problemResponse(NOT_SERVED);
      const parsed = parseProxyRoute(url.pathname, basePath);
      const authorization = await authorize(request, requestContext);
      if (authorization === null) return problemResponse(UNAUTHORIZED);
      if (!('view' in authorization)) return problemResponse(authorization);
      if (!parsed.ok) return problemResponse(parsed.problem);
      const { route } = parsed;
      if (route.name === 'rollouts' || route.name === 'rollout' || route.name === 'rollout-control') {
        // Tenant admins only; anyone else gets the 404 of a route not served (never a 405 that shows it exists).
        if (authorization.view !== 'tenant-admin' || rollouts === undefined) return problemResponse(NOT_SERVED);
        const allowedMethods = ROUTE_METHODS[route.name];
        if (!(allowedMethods as readonly string[]).includes(request.method)) {
          return problemResponse({
            status: 405,
            errorCode: 'method_not_allowed',
            message: `This route serves ${allowedMethods.join(', ')}.`,
            headers: { allow: allowedMethods.join(', ') },
          });
        }
        const limitedRollout = await limiter.check(authorization.actor, undefined);
        // Auth0's hold does not refuse these: a rollout waits it out itself.
        if (limitedRollout !== undefined && limitedRollout.limit !== 'upstream') {
          return problemResponse(limitProblem(limitedRollout));
        }
        if (request.method !== 'GET') {
          if (!isSameOriginOrAllowed(request, allowedOrigins)) return problemResponse(CROSS_SITE);
          if (isReadOnly(authorization)) return problemResponse(READ_ONLY);
        }
        const rolloutEngine = rollouts;
        return await answer(() => serveRollouts(rolloutEngine, authorization, request, route));
      }

      const allowed = ROUTE_METHODS[route.name];
      if (!(allowed as readonly string[]).includes(request.method)) {
        return problemResponse({
          status: 405,
          errorCode: 'method_not_allowed',
          message: `This route serves ${allowed.join(', ')}.`,
          headers: { allow: allowed.join(', ') },
        });
      }
      // Counted across instances in the store; an organization only when the caller may reach it.
      const organizationId = route.name === 'tenant-connections' ? undefined : route.organizationId;
      const counted = organizationId !== undefined && mayReachOrganization(authorization, organizationId);
      const limited = await limiter.check(authorization.actor, counted ? organizationId : undefined);
      let sent = false;
      const context: OperationContext = {
        authorization,
        policy: options.policy,
        upstream: (upstreamRequest) => {
          if (upstreamRequest.method !== 'GET') sent = true;
          return upstream(upstreamRequest);
        },
        signal: request.signal,
        record: {},
        attachable,
        connectionIndex,
      };
      if (route.name === 'tenant-connections') {
        if (authorization.view !== 'tenant-admin') return problemResponse(NOT_SERVED);
        // Auth0's hold does not stop a search the connection index answers from memory (a query the index does not
        // answer goes to Auth0, which says 429 itself if it must).
        const held = limited?.limit === 'upstream' && connectionIndex !== undefined;
        if (limited !== undefined && !held) return problemResponse(limitProblem(limited));
        return await answer(() => serve(context, request, route));
      }
      const action = WRITE_ACTIONS[request.method as ProxyMethod];
      let response: Response;
      if (!mayReachOrganization(authorization, route.organizationId))
        response = problemResponse(ORGANIZATION_NOT_FOUND);
      else if (limited !== undefined) response = problemResponse(limitProblem(limited));
      else if (action !== undefined && !isSameOriginOrAllowed(request, allowedOrigins)) {
        response = problemResponse(CROSS_SITE);
      } else if (action !== undefined && isReadOnly(authorization)) response = problemResponse(READ_ONLY);
      else response = await answer(() => serve(context, request, route));
      if (action !== undefined && connectionIndex !== undefined) await noteWrite(connectionIndex, action, response);
      // Every write, and a read refused by a limit.
      const audited = action ?? (limited !== undefined && response.status === 429 ? 'read' : undefined);
      if (audited !== undefined) {
        await audit(authorization, route, audited, context, sent, response, {
          at,
          requestId: requestIdOf(request),
          clientAddress: clientAddressOf(request, requestContext, options.trustProxy === true),
          userAgent: request.headers.get('user-agent'),
        });
      }
      return response;
    } catch {
      return problemResponse(INTERNAL);
    }
  };
  // A queue's workers (`@org-connections/server/bullmq`) run the steps with this handler's token, store and audit.
  if (rollouts !== undefined) registerRolloutEngine(handle, rollouts);
  return handle;
}

/** The `errorCode` and message of an error answer (the proxy's or Auth0's), for the audit event. */
async function errorOf(response: Response): Promise<{ errorCode?: string; reason?: string }> {
  try {
    const body = (await response.clone().json()) as { errorCode?: unknown; message?: unknown };
    return {
      ...(typeof body.errorCode === 'string' ? { errorCode: body.errorCode } : {}),
      ...(typeof body.message === 'string' ? { reason: body.message } : {}),
    };
  } catch {
    return {};
  }
}

/** Runs an operation; Auth0 out of reach (or no token) is a 502 with a JSON body. */
async function answer(operation: () => Promise<Response>): Promise<Response> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof UpstreamUnavailableError) return problemResponse(unavailable(error));
    throw error;
  }
}

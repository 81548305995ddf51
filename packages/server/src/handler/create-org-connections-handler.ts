import {
  type AccessPolicy,
  CHANGE_REFUSED_CODE,
  canAddOrRemoveConnections,
  TENANT_CONNECTIONS_ORGANIZATION_HEADER,
  type View,
} from '@org-connections/core';
import { serveRollouts } from '../rollouts/rollout-routes';
import {
  checkRolloutsOptions,
  createRolloutEngine,
  type RolloutsOptions,
  registerRolloutEngine,
} from '../rollouts/rollouts';
import { type ConnectionIndexOptions, createConnectionIndex, noteWrite } from '../search/connection-index';
import { createSharedConnectionIndexState } from '../search/shared-connection-index-state';
import {
  createMemoryStore,
  createResilientStore,
  type OrgConnectionsLogger,
  type OrgConnectionsStore,
} from '../store/store';
import { type Attachable, DEFAULT_ATTACHABLE_TIMEOUT_MS } from '../upstream/attachable';
import { createManagementApiUpstream, UpstreamUnavailableError } from '../upstream/management-api-upstream';
import { createClientCredentialsTokenSource, type GetManagementToken } from '../upstream/management-token';
import {
  addOrganizationConnection,
  getOrganizationConnection,
  getTenantConnection,
  listOrganizationConnections,
  listTenantConnections,
  type OperationContext,
  removeOrganizationConnection,
  updateOrganizationConnection,
} from '../upstream/organization-connection-operations';
import { type AuditAction, clientAddressOf, type OnAudit, requestIdOf } from './audit-event';
import { readJsonRequestBody } from './json-request-body';
import {
  asStaff,
  isReadOnly,
  isValidAuthorization,
  mayReachOrganization,
  type OrgConnectionsAuthorization,
  type OrgConnectionsAuthorizeResult,
} from './org-connections-authorization';
import type { OrgConnectionsRequestContext } from './org-connections-request-context';
import { NOT_SERVED, ORGANIZATION_NOT_FOUND, type Problem, problemResponse } from './problem-response';
import { type ProxyMethod, type ProxyRoute, parseProxyRoute } from './proxy-route';
import {
  checkQuery,
  NO_QUERY,
  ORGANIZATION_CONNECTIONS_QUERY,
  type QueryRules,
  TENANT_CONNECTION_QUERY,
  TENANT_CONNECTIONS_QUERY,
} from './query-parameters';
import { createRequestLimiter, limitProblem, type RequestLimitsOptions } from './request-limits';
import { isSameOriginOrAllowed } from './same-origin';

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

const ADD_REFUSED: Problem = {
  status: 403,
  errorCode: CHANGE_REFUSED_CODE,
  message: 'Only a tenant administrator can add a connection to the organization.',
};
const REMOVE_REFUSED: Problem = {
  status: 403,
  errorCode: CHANGE_REFUSED_CODE,
  message: 'Only a tenant administrator can remove a connection from the organization.',
};

/** One method of a route. */
type MethodRow = {
  /** The query parameters it takes (checked before anything is sent); none when absent. */
  query?: QueryRules;
  /** What the audit calls it: every write to an organization has one (a rollout audits each organization itself). */
  audit?: AuditAction;
} & (
  | { allowedTo?: undefined }
  | {
      /** Whether the caller's view may use the method (a rule core states); anyone else gets `refusal`. */
      allowedTo: (view: View) => boolean;
      refusal: Problem;
    }
);

/** One route of the route table. */
interface RouteRow {
  /** The views it is served to; any other gets the 404 of a route not served (never a 405 that shows it exists). */
  servedTo: (view: View) => boolean;
  /**
   * While Auth0's rate-limit hold lasts (a 429 from Auth0, shared by every instance): `refused`, or `served` (a
   * rollout waits it out itself), or `served-from-index` (a search the connection index answers from memory; a
   * query it does not answer goes to Auth0, which says 429 itself if it must).
   */
  duringAuth0Hold: 'refused' | 'served' | 'served-from-index';
  methods: Partial<Record<ProxyMethod, MethodRow>>;
}

/** A route below an organization: every method but GET writes to it, so each names its audit action. */
interface OrganizationRouteRow extends RouteRow {
  methods: { GET?: MethodRow } & Partial<Record<Exclude<ProxyMethod, 'GET'>, MethodRow & { audit: AuditAction }>>;
}

const EVERY_VIEW = () => true;

/**
 * The route table: every route served below the base path, who it is served to, its methods, their query, who may
 * call them and what the audit calls them. The tenant's connections are the add dialog's picker, and a rollout adds
 * a connection to many organizations: both are for the views that may add connections (core's
 * `canAddOrRemoveConnections`), as adding and removing are.
 */
const ROUTES: Record<OrganizationRoute['name'], OrganizationRouteRow> &
  Record<Exclude<ProxyRoute['name'], OrganizationRoute['name']>, RouteRow> = {
  'organization-connections': {
    servedTo: EVERY_VIEW,
    duringAuth0Hold: 'refused',
    methods: {
      GET: { query: ORGANIZATION_CONNECTIONS_QUERY },
      POST: { audit: 'add', allowedTo: canAddOrRemoveConnections, refusal: ADD_REFUSED },
    },
  },
  'organization-connection': {
    servedTo: EVERY_VIEW,
    duringAuth0Hold: 'refused',
    methods: {
      GET: {},
      PATCH: { audit: 'update' },
      DELETE: { audit: 'remove', allowedTo: canAddOrRemoveConnections, refusal: REMOVE_REFUSED },
    },
  },
  'tenant-connections': {
    servedTo: canAddOrRemoveConnections,
    duringAuth0Hold: 'served-from-index',
    methods: { GET: { query: TENANT_CONNECTIONS_QUERY } },
  },
  // One of the tenant's connections (the rollout dialog's): to the same callers, under the same rules, as the list.
  'tenant-connection': {
    servedTo: canAddOrRemoveConnections,
    duringAuth0Hold: 'served-from-index',
    methods: { GET: { query: TENANT_CONNECTION_QUERY } },
  },
  rollouts: { servedTo: canAddOrRemoveConnections, duringAuth0Hold: 'served', methods: { GET: {}, POST: {} } },
  rollout: { servedTo: canAddOrRemoveConnections, duringAuth0Hold: 'served', methods: { GET: {} } },
  'rollout-control': { servedTo: canAddOrRemoveConnections, duringAuth0Hold: 'served', methods: { POST: {} } },
};

type RolloutRoute = Extract<ProxyRoute, { name: 'rollouts' | 'rollout' | 'rollout-control' }>;
type ConnectionRoute = Exclude<ProxyRoute, RolloutRoute>;
type OrganizationRoute = Exclude<ConnectionRoute, { name: 'tenant-connections' | 'tenant-connection' }>;

const isRolloutRoute = (route: ProxyRoute): route is RolloutRoute =>
  route.name === 'rollouts' || route.name === 'rollout' || route.name === 'rollout-control';

/** GET and HEAD change nothing; every other method is a write, checked for CSRF whatever the route table says. */
const isSafeMethod = (method: string) => method === 'GET' || method === 'HEAD';

type Routed = { ok: true; route: ProxyRoute; row: RouteRow; served: MethodRow } | { ok: false; problem: Problem };

/** Step 2 of the pipeline: the route a request names, if it is served to this view, with the method's row. */
function routeOf(pathname: string, basePath: string, method: string, view: View): Routed {
  const parsed = parseProxyRoute(pathname, basePath);
  if (!parsed.ok) return parsed;
  const { route } = parsed;
  const row = ROUTES[route.name];
  if (!row.servedTo(view)) return { ok: false, problem: NOT_SERVED };
  const served = Object.hasOwn(row.methods, method) ? row.methods[method as ProxyMethod] : undefined;
  if (served === undefined) {
    const allow = Object.keys(row.methods).join(', ');
    return {
      ok: false,
      problem: {
        status: 405,
        errorCode: 'method_not_allowed',
        message: `This route serves ${allow}.`,
        headers: { allow },
      },
    };
  }
  return { ok: true, route, row, served };
}

/** Step 8 for the connection routes: parse (query, body), then the operation (core's guard, Auth0, its answer). */
async function serveConnections(
  context: OperationContext,
  request: Request,
  route: ConnectionRoute,
  served: MethodRow,
): Promise<Response> {
  const search = new URL(request.url).searchParams;
  const tenantRoute = route.name === 'tenant-connections' || route.name === 'tenant-connection';
  if (tenantRoute) {
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
  const query = checkQuery(search, served.query ?? NO_QUERY);
  if (!query.ok) return problemResponse(query.problem);
  if (route.name === 'tenant-connections') return listTenantConnections(context, query.query);
  if (route.name === 'tenant-connection') return getTenantConnection(context, route.connectionId, query.query);
  const { organizationId } = route;
  const method = request.method as ProxyMethod;
  if (route.name === 'organization-connections' && method === 'GET') {
    return listOrganizationConnections(context, organizationId, query.query);
  }
  if (route.name === 'organization-connection' && method === 'GET') {
    return getOrganizationConnection(context, organizationId, route.connectionId);
  }
  if (route.name === 'organization-connection' && method === 'DELETE') {
    return removeOrganizationConnection(context, organizationId, route.connectionId);
  }
  const body = await readJsonRequestBody(request);
  if (!body.ok) return problemResponse(body.problem);
  return route.name === 'organization-connections'
    ? addOrganizationConnection(context, organizationId, body.value)
    : updateOrganizationConnection(context, organizationId, route.connectionId, body.value);
}

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
          holdMs: () => limiter.holdMs(),
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

  /** Whether Auth0's rate-limit hold (a 429 it gave) leaves this request served rather than refused. */
  function servedDuringAuth0Hold(row: RouteRow): boolean {
    return (
      row.duringAuth0Hold === 'served' || (row.duringAuth0Hold === 'served-from-index' && connectionIndex !== undefined)
    );
  }

  async function audit(
    authorization: OrgConnectionsAuthorization,
    route: OrganizationRoute,
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

  /**
   * The pipeline, top to bottom. Each step either answers (a refusal) or hands on to the next; a write to an
   * organization is audited whatever step answered it.
   */
  const handle: OrgConnectionsHandler = async (request, requestContext = {}) => {
    try {
      const at = new Date().toISOString();
      const url = new URL(request.url);
      // Outside the base path is not this handler's business: no session check, no details.
      const { basePath } = options;
      if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return problemResponse(NOT_SERVED);

      // 1. Authorize: who is calling, as the host's `authorize` says (checked; before any detail of the path).
      const authorization = await authorize(request, requestContext);
      if (authorization === null) return problemResponse(UNAUTHORIZED);
      if (!('view' in authorization)) return problemResponse(authorization);

      // 2. The route table: the route, whether it is served to this view (else the 404 of a route not served,
      //    never a 405 that shows it exists), and the method.
      const routed = routeOf(url.pathname, basePath, request.method, authorization.view);
      if (!routed.ok) return problemResponse(routed.problem);
      const { route, row, served } = routed;
      if (isRolloutRoute(route) && rollouts === undefined) return problemResponse(NOT_SERVED);

      let sent = false;
      let limitedRead = false;
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
      const organizationId = 'organizationId' in route ? route.organizationId : undefined;
      const respond = async (): Promise<Response> => {
        // 3. Organization reach: an organization the caller may not act on is one that does not exist.
        if (organizationId !== undefined && !mayReachOrganization(authorization, organizationId)) {
          return problemResponse(ORGANIZATION_NOT_FOUND);
        }
        // 4. Per-caller limits, counted across instances in the store (the organization once it is reachable).
        const limited = await limiter.check(authorization.actor, organizationId);
        if (limited !== undefined && !(limited.limit === 'upstream' && servedDuringAuth0Hold(row))) {
          limitedRead = served.audit === undefined;
          return problemResponse(limitProblem(limited));
        }
        // 5. CSRF: every method that is not GET or HEAD, whatever the tables say of it.
        if (!isSafeMethod(request.method) && !isSameOriginOrAllowed(request, allowedOrigins)) {
          return problemResponse(CROSS_SITE);
        }
        // 6. The read-only staff role changes nothing.
        if (!isSafeMethod(request.method) && isReadOnly(authorization)) return problemResponse(READ_ONLY);
        // 7. Whether this view may use this method (core's rule), before the body is read.
        if (served.allowedTo !== undefined && !served.allowedTo(authorization.view)) {
          return problemResponse(served.refusal);
        }
        // 8. Parse (query, body) -> core's guard -> Auth0 -> one answer (Auth0 out of reach: a 502).
        if (!isRolloutRoute(route)) return answer(() => serveConnections(context, request, route, served));
        const staff = asStaff(authorization);
        if (rollouts === undefined || staff === undefined) return problemResponse(NOT_SERVED);
        return answer(() => serveRollouts(rollouts, staff, request, route));
      };
      const response = await respond();

      // 9. Audit: every write to an organization, allowed or refused, and a read refused by a limit.
      if (!('organizationId' in route)) return response;
      if (served.audit !== undefined && connectionIndex !== undefined) {
        await noteWrite(connectionIndex, served.audit, response);
      }
      const audited = served.audit ?? (limitedRead ? 'read' : undefined);
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

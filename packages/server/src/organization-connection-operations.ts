import {
  ACCESS_LEVELS,
  type AccessPolicy,
  CHANGE_REFUSED_CODE,
  CONNECTION_KINDS,
  canAddOrRemoveConnections,
  capabilitiesFor,
  checkNewOrganizationConnection,
  checkOrganizationConnectionChanges,
  englishOrgConnectionSettingsIssue,
  type OrgConnection,
  type OrgConnectionField,
  type OrgConnectionSettings,
  type OrgConnectionSettingsIssue,
} from '@org-connections/core';
import {
  fromWireOrganizationConnection,
  fromWireSettings,
  toWireSettings,
  wireCreateOrganizationConnectionSchema,
  wireOrganizationConnectionSchema,
  wireOrganizationConnectionsPageSchema,
  wireUpdateOrganizationConnectionSchema,
} from '@org-connections/core/wire';
import type { ConnectionIndex } from './connection-index';
import { ConnectionIndexWalkError } from './connection-index-walk';
import type { ManagementApiUpstream, UpstreamAnswer, UpstreamRequest } from './management-api-upstream';
import type { OrgConnectionsAuthorization } from './org-connections-authorization';
import { CONNECTION_NOT_FOUND, jsonResponse, type Problem, problemResponse } from './problem-response';
import { CONNECTION_ID_PATTERN } from './proxy-route';
import { searchTenantConnections, tenantConnectionsSource } from './search-tenant-connections';
import { answerJson, passThrough, rateLimitHeaders } from './upstream-response';
import { validateRequestBody } from './validate-request-body';

/** What a write has revealed so far, for `onAudit`; filled in as the request is read. */
export interface WriteRecord {
  connectionId?: string;
  changes?: Partial<OrgConnectionSettings>;
}

/** What every operation works with. */
export interface OperationContext {
  authorization: OrgConnectionsAuthorization;
  policy: AccessPolicy | undefined;
  upstream: ManagementApiUpstream;
  signal: AbortSignal;
  /** Filled in by writes. */
  record: WriteRecord;
  /** The tenant's connections indexed for search; absent when the handler's `index` option is false. */
  connectionIndex?: ConnectionIndex | undefined;
}

const INVALID_UPSTREAM_ANSWER: Problem = {
  status: 502,
  errorCode: 'invalid_upstream_response',
  message: 'The Management API answered with something that could not be read.',
};

const collectionPath = (organizationId: string) => `/organizations/${encodeURIComponent(organizationId)}/connections`;
const itemPath = (organizationId: string, connectionId: string) =>
  `${collectionPath(organizationId)}/${encodeURIComponent(connectionId)}`;

const isSuccess = (answer: UpstreamAnswer) => answer.status >= 200 && answer.status < 300;

/** The wire name of a model field (`isEnabled` -> `is_enabled`), from core's own mapping. */
function wireName(field: OrgConnectionField | 'settings'): string {
  if (field === 'settings') return 'the body';
  return Object.keys(toWireSettings({ [field]: true }))[0] ?? field;
}

function refused(message: string): Response {
  return problemResponse({ status: 403, errorCode: CHANGE_REFUSED_CODE, message });
}

function invalidBody(message: string): Response {
  return problemResponse({ status: 400, errorCode: 'invalid_body', message });
}

/** A 400 naming each settings rule core's guard says the change breaks; `undefined` when it breaks none. */
function brokenRules(issues: readonly OrgConnectionSettingsIssue[]): Response | undefined {
  if (issues.length === 0) return undefined;
  return invalidBody(issues.map((issue) => `${wireName(issue.field)}: ${issue.message}`).join(' '));
}

/**
 * Auth0's answer for the browser. A 401 after the refresh means the proxy's own credentials are refused: a
 * 502, so the browser does not take it for its own session ending.
 */
export function upstreamResponse(answer: UpstreamAnswer): Response {
  if (answer.status === 401) {
    return problemResponse({
      status: 502,
      errorCode: 'management_token_rejected',
      message: 'The Management API refused the proxy’s credentials.',
    });
  }
  return passThrough(answer);
}

function send(context: OperationContext, request: Omit<UpstreamRequest, 'signal'>): Promise<UpstreamAnswer> {
  return context.upstream({ ...request, signal: context.signal });
}

function isVisible(context: OperationContext, connection: OrgConnection): boolean {
  return capabilitiesFor({
    view: context.authorization.view,
    accessLevel: connection.organizationAccessLevel,
    kind: connection.kind,
    policy: context.policy,
  }).visible;
}

/**
 * Fields no access level of any kind of connection lets this view change (for an org admin: the access level
 * and the name), read from core's capabilities: refused before anything is read from Auth0.
 */
function neverEditable(context: OperationContext, changes: Partial<OrgConnectionSettings>): OrgConnectionField[] {
  const fields = Object.keys(changes) as OrgConnectionField[];
  return fields.filter((field) =>
    ACCESS_LEVELS.every((accessLevel) =>
      CONNECTION_KINDS.every(
        (kind) =>
          !capabilitiesFor({
            view: context.authorization.view,
            accessLevel,
            kind,
            policy: context.policy,
          }).editable[field],
      ),
    ),
  );
}

/**
 * Reads one connection from Auth0 for an org admin: a 404 from Auth0 and a connection it may not see give the
 * same canonical 404.
 */
async function readVisibleConnection(
  context: OperationContext,
  organizationId: string,
  connectionId: string,
): Promise<{ connection: OrgConnection; answer: UpstreamAnswer } | { response: Response }> {
  const answer = await send(context, { method: 'GET', path: itemPath(organizationId, connectionId) });
  if (answer.status === 404) return { response: problemResponse(CONNECTION_NOT_FOUND) };
  if (!isSuccess(answer)) return { response: upstreamResponse(answer) };
  const parsed = wireOrganizationConnectionSchema.safeParse(answerJson(answer));
  if (!parsed.success) return { response: problemResponse(INVALID_UPSTREAM_ANSWER) };
  const connection = fromWireOrganizationConnection(parsed.data);
  if (!isVisible(context, connection)) return { response: problemResponse(CONNECTION_NOT_FOUND) };
  return { connection, answer };
}

/** The number of connections one upstream page holds for an org admin's list: more than an organization may have. */
const ORG_ADMIN_LIST_PAGE = 100;

/**
 * `GET /organizations/{id}/connections`. A tenant admin's query goes to Auth0 as checked. For an org admin the
 * organization's connections are read in one page (at most 10 exist), those it may not see are dropped, and the
 * caller's page is cut from what is left, so neither `total` nor the page sizes reveal a hidden connection.
 */
export async function listOrganizationConnections(
  context: OperationContext,
  organizationId: string,
  query: URLSearchParams,
): Promise<Response> {
  const path = collectionPath(organizationId);
  if (context.authorization.view === 'tenant-admin') {
    return upstreamResponse(await send(context, { method: 'GET', path, query }));
  }
  const upstreamQuery = new URLSearchParams({
    page: '0',
    per_page: String(ORG_ADMIN_LIST_PAGE),
    include_totals: 'true',
  });
  const enabled = query.get('is_enabled');
  if (enabled !== null) upstreamQuery.set('is_enabled', enabled);
  const answer = await send(context, { method: 'GET', path, query: upstreamQuery });
  if (!isSuccess(answer)) return upstreamResponse(answer);
  const json = answerJson(answer);
  const parsed = wireOrganizationConnectionsPageSchema.safeParse(json);
  if (!parsed.success) return problemResponse(INVALID_UPSTREAM_ANSWER);
  // The raw items are kept (Auth0's fields pass through); the parsed ones decide visibility.
  const rawItems = (Array.isArray(json) ? json : (json as { connections: unknown[] }).connections) as unknown[];
  const items = Array.isArray(parsed.data) ? parsed.data : parsed.data.connections;
  const visible = rawItems.filter((_, index) => {
    const item = items[index];
    return item !== undefined && isVisible(context, fromWireOrganizationConnection(item));
  });
  const page = Number(query.get('page') ?? 0);
  const perPage = Number(query.get('per_page') ?? 50);
  const start = page * perPage;
  const connections = visible.slice(start, start + perPage);
  const body =
    query.get('include_totals') === 'true'
      ? { start, limit: perPage, total: visible.length, connections }
      : connections;
  return jsonResponse(200, JSON.stringify(body), rateLimitHeaders(answer));
}

/** `GET /organizations/{id}/connections/{connection_id}`; an org admin's hidden connection is a canonical 404. */
export async function getOrganizationConnection(
  context: OperationContext,
  organizationId: string,
  connectionId: string,
): Promise<Response> {
  if (context.authorization.view === 'tenant-admin') {
    return upstreamResponse(await send(context, { method: 'GET', path: itemPath(organizationId, connectionId) }));
  }
  const read = await readVisibleConnection(context, organizationId, connectionId);
  return 'response' in read ? read.response : passThrough(read.answer);
}

/**
 * The tenant's connections answered from the connection index (issue 18's search and paging), or `undefined` when
 * the query goes to Auth0 as before (no index, or offset paging). A walk Auth0 refused passes its answer on.
 */
async function listFromConnectionIndex(
  index: ConnectionIndex | undefined,
  query: URLSearchParams,
): Promise<Response | undefined> {
  const source = tenantConnectionsSource(query, index);
  if (source instanceof Response) return source;
  if (source === 'upstream' || index === undefined) return undefined;
  try {
    return await searchTenantConnections(index, query);
  } catch (error) {
    if (!(error instanceof ConnectionIndexWalkError)) throw error;
    return error.answer === undefined ? problemResponse(INVALID_UPSTREAM_ANSWER) : upstreamResponse(error.answer);
  }
}

/** `GET /connections`, for tenant admins (the route gate refuses it to org admins): from the index when there is one. */
export async function listTenantConnections(context: OperationContext, query: URLSearchParams): Promise<Response> {
  const indexed = await listFromConnectionIndex(context.connectionIndex, query);
  if (indexed !== undefined) return indexed;
  return upstreamResponse(await send(context, { method: 'GET', path: '/connections', query }));
}

/**
 * `PATCH /organizations/{id}/connections/{connection_id}`: the body checked with core's strict schema; for an
 * org admin, the connection read from Auth0 first and the change judged by core's guard (the one the UI uses):
 * refused fields 403, broken rules 400, a hidden or missing connection the canonical 404. The validated body,
 * re-serialized, is what Auth0 receives.
 */
export async function updateOrganizationConnection(
  context: OperationContext,
  organizationId: string,
  connectionId: string,
  body: unknown,
): Promise<Response> {
  const validated = validateRequestBody(body, wireUpdateOrganizationConnectionSchema);
  if (!validated.ok) return problemResponse(validated.problem);
  const changes = fromWireSettings(validated.data);
  context.record.changes = changes;
  const patch = async () =>
    upstreamResponse(
      await send(context, { method: 'PATCH', path: itemPath(organizationId, connectionId), body: validated.data }),
    );
  if (context.authorization.view === 'tenant-admin') return patch();

  const never = neverEditable(context, changes);
  if (never.length > 0) {
    return refused(`An organization administrator cannot change ${never.map(wireName).join(', ')}.`);
  }
  const read = await readVisibleConnection(context, organizationId, connectionId);
  if ('response' in read) return read.response;
  const verdict = checkOrganizationConnectionChanges(
    {
      view: context.authorization.view,
      policy: context.policy,
      current: read.connection,
      changes,
    },
    englishOrgConnectionSettingsIssue,
  );
  if (verdict.refused.length > 0) {
    const level = read.connection.organizationAccessLevel;
    const fields = verdict.refused.map(wireName).join(', ');
    return refused(
      `This connection's access level (${level}) does not let an organization administrator change ${fields}.`,
    );
  }
  return brokenRules(verdict.issues) ?? patch();
}

/**
 * `POST /organizations/{id}/connections`: tenant admins only (an org admin may add nothing: 403). The body is
 * checked with core's strict schema and core's rules for a new connection, then re-serialized.
 */
export async function addOrganizationConnection(
  context: OperationContext,
  organizationId: string,
  body: unknown,
): Promise<Response> {
  if (!canAddOrRemoveConnections(context.authorization.view)) {
    return refused('Only a tenant administrator can add a connection to the organization.');
  }
  const validated = validateRequestBody(body, wireCreateOrganizationConnectionSchema);
  if (!validated.ok) return problemResponse(validated.problem);
  const connectionId = validated.data.connection_id;
  if (!CONNECTION_ID_PATTERN.test(connectionId)) {
    return invalidBody('Payload validation error: connection_id must be "con_" followed by 16 letters and digits.');
  }
  const settings = fromWireSettings(validated.data) as OrgConnectionSettings;
  context.record.connectionId = connectionId;
  context.record.changes = settings;
  const verdict = checkNewOrganizationConnection(
    {
      view: context.authorization.view,
      policy: context.policy,
      kind: undefined,
      settings,
    },
    englishOrgConnectionSettingsIssue,
  );
  if (verdict.refused.length > 0) return refused(`Cannot set ${verdict.refused.map(wireName).join(', ')}.`);
  const broken = brokenRules(verdict.issues);
  if (broken !== undefined) return broken;
  const answer = await send(context, { method: 'POST', path: collectionPath(organizationId), body: validated.data });
  return upstreamResponse(answer);
}

/** `DELETE /organizations/{id}/connections/{connection_id}`: tenant admins only (an org admin: 403). */
export async function removeOrganizationConnection(
  context: OperationContext,
  organizationId: string,
  connectionId: string,
): Promise<Response> {
  if (!canAddOrRemoveConnections(context.authorization.view)) {
    return refused('Only a tenant administrator can remove a connection from the organization.');
  }
  return upstreamResponse(await send(context, { method: 'DELETE', path: itemPath(organizationId, connectionId) }));
}

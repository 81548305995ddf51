import {
  type AccessPolicy,
  CHANGE_REFUSED_CODE,
  capabilitiesFor,
  checkNewOrganizationConnection,
  checkOrganizationConnectionChanges,
  checkOrganizationConnectionChangesAlone,
  englishOrgConnectionSettingsIssue,
  loginPromptVerdict,
  type OrgConnection,
  type OrgConnectionField,
  type OrgConnectionSettings,
  type OrgConnectionSettingsIssue,
  seesEveryConnection,
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
import {
  asStaff,
  mayListWholeTenant,
  mayReachOrganization,
  type OrgConnectionsAuthorization,
} from '../handler/org-connections-authorization';
import {
  CONNECTION_NOT_FOUND,
  jsonResponse,
  NOT_SERVED,
  ORGANIZATION_NOT_FOUND,
  type Problem,
  problemResponse,
  TENANT_CONNECTION_NOT_FOUND,
} from '../handler/problem-response';
import { CONNECTION_ID_PATTERN } from '../handler/proxy-route';
import { validateRequestBody } from '../handler/validate-request-body';
import type { ConnectionIndex } from '../search/connection-index';
import { ConnectionIndexWalkError } from '../search/connection-index-walk';
import { searchTenantConnections, tenantConnectionsSource } from '../search/search-tenant-connections';
import {
  ATTACHABLE_FIELDS,
  type Attachable,
  type AttachableVerdict,
  type Auth0Connection,
  asAuth0Connection,
  attachableOnly,
  attachableUnavailable,
  CONNECTION_NOT_ATTACHABLE,
  judgeAttachable,
  judgeAttachableAll,
} from './attachable';
import type { ManagementApiUpstream, UpstreamAnswer, UpstreamRequest } from './management-api-upstream';
import { answerJson, listItemsOf, rateLimitHeaders, upstreamResponse } from './upstream-response';

/** What a write has revealed so far, for `onAudit`; filled in as the request is read. */
export interface WriteRecord {
  connectionId?: string;
  changes?: Partial<OrgConnectionSettings>;
  /** The changed fields' values as read from Auth0 before the write, when the handler read them. */
  before?: Partial<OrgConnectionSettings>;
  /** The changed fields' values as Auth0 answered the write. */
  after?: Partial<OrgConnectionSettings>;
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
  /** The host's ownership rule (`attachable`) and its bound, when it gave one. */
  attachable?: { judge: Attachable; timeoutMs: number } | undefined;
}

const INVALID_UPSTREAM_ANSWER: Problem = {
  status: 502,
  errorCode: 'invalid_upstream_response',
  message: 'The Management API answered with something that could not be read.',
};

const ORGANIZATION_ID_REQUIRED: Problem = {
  status: 400,
  errorCode: 'invalid_query_string',
  message: 'The query parameter "organization_id" is required: this account manages only some organizations.',
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

function send(context: OperationContext, request: Omit<UpstreamRequest, 'signal'>): Promise<UpstreamAnswer> {
  return context.upstream({ ...request, signal: context.signal });
}

/** The values of the written fields on a connection, by their model names (the audit's `before` and `after`). */
function valuesOf(connection: OrgConnection, written: Partial<OrgConnectionSettings>): Partial<OrgConnectionSettings> {
  const values: Partial<Record<OrgConnectionField, unknown>> = {};
  for (const field of Object.keys(written) as OrgConnectionField[]) {
    if (connection[field] !== undefined) values[field] = connection[field];
  }
  return values as Partial<OrgConnectionSettings>;
}

/** Auth0's answer to a write, with the written fields' new values noted for the audit. */
function answerWrite(context: OperationContext, answer: UpstreamAnswer): Response {
  const written = context.record.changes;
  if (isSuccess(answer) && written !== undefined) {
    const parsed = wireOrganizationConnectionSchema.safeParse(answerJson(answer));
    if (parsed.success) context.record.after = valuesOf(fromWireOrganizationConnection(parsed.data), written);
  }
  return upstreamResponse(answer);
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

/** Pages read at most for an org admin's list (Auth0 allows 10 connections per organization; one page holds 100). */
const ORG_ADMIN_LIST_PAGES = 5;

type WireOrganizationConnectionItem = ReturnType<typeof wireOrganizationConnectionSchema.parse>;

/**
 * Every connection of the organization, hidden ones included, read in pages of 100 until `total` is reached;
 * the raw items (Auth0's fields pass through) beside the parsed ones (which decide visibility).
 */
async function readAllOrganizationConnections(
  context: OperationContext,
  organizationId: string,
): Promise<
  { raw: unknown[]; items: WireOrganizationConnectionItem[]; answer: UpstreamAnswer } | { response: Response }
> {
  const raw: unknown[] = [];
  const items: WireOrganizationConnectionItem[] = [];
  let last: UpstreamAnswer | undefined;
  for (let page = 0; page < ORG_ADMIN_LIST_PAGES; page += 1) {
    const query = new URLSearchParams({
      page: String(page),
      per_page: String(ORG_ADMIN_LIST_PAGE),
      include_totals: 'true',
    });
    const answer = await send(context, { method: 'GET', path: collectionPath(organizationId), query });
    if (!isSuccess(answer)) return { response: upstreamResponse(answer) };
    last = answer;
    const json = answerJson(answer);
    const parsed = wireOrganizationConnectionsPageSchema.safeParse(json);
    if (!parsed.success) return { response: problemResponse(INVALID_UPSTREAM_ANSWER) };
    const pageItems = Array.isArray(parsed.data) ? parsed.data : parsed.data.connections;
    raw.push(...(listItemsOf(json) ?? []));
    items.push(...pageItems);
    const total = Array.isArray(parsed.data) ? undefined : parsed.data.total;
    if (pageItems.length < ORG_ADMIN_LIST_PAGE || total === undefined || items.length >= total) break;
  }
  return { raw, items, answer: last as UpstreamAnswer };
}

/**
 * `GET /organizations/{id}/connections`. A tenant admin's query goes to Auth0 as checked. For an org admin every
 * connection of the organization is read (at most 10 exist; one page of 100, more pages only if Auth0 says there
 * are more), those it may not see are dropped, and the caller's page is cut from what is left, so neither `total`
 * nor the page sizes reveal a hidden connection. The answer is the object form with `login_prompt: { state }`: the
 * organization's login prompt (`ready`, `failure`, `empty`), core's `loginPromptVerdict` over all its connections
 * (hidden ones included), naming none of them.
 */
export async function listOrganizationConnections(
  context: OperationContext,
  organizationId: string,
  query: URLSearchParams,
): Promise<Response> {
  if (seesEveryConnection(context.authorization.view)) {
    return upstreamResponse(await send(context, { method: 'GET', path: collectionPath(organizationId), query }));
  }
  const read = await readAllOrganizationConnections(context, organizationId);
  if ('response' in read) return read.response;
  const all = read.items.map(fromWireOrganizationConnection);
  const loginPrompt = { state: loginPromptVerdict(all).state };
  const enabled = query.get('is_enabled');
  const visible = read.raw.filter((_, index) => {
    const connection = all[index];
    if (connection === undefined || !isVisible(context, connection)) return false;
    return enabled === null || connection.isEnabled === (enabled === 'true');
  });
  const page = Number(query.get('page') ?? 0);
  const perPage = Number(query.get('per_page') ?? 50);
  const start = page * perPage;
  const connections = visible.slice(start, start + perPage);
  const totals = query.get('include_totals') === 'true' ? { start, limit: perPage, total: visible.length } : {};
  const body = { ...totals, connections, login_prompt: loginPrompt };
  return jsonResponse(200, JSON.stringify(body), rateLimitHeaders(read.answer));
}

/** `GET /organizations/{id}/connections/{connection_id}`; an org admin's hidden connection is a canonical 404. */
export async function getOrganizationConnection(
  context: OperationContext,
  organizationId: string,
  connectionId: string,
): Promise<Response> {
  if (seesEveryConnection(context.authorization.view)) {
    return upstreamResponse(await send(context, { method: 'GET', path: itemPath(organizationId, connectionId) }));
  }
  const read = await readVisibleConnection(context, organizationId, connectionId);
  return 'response' in read ? read.response : upstreamResponse(read.answer);
}

/**
 * Who may read the tenant's connections (the list and one by id), and how: the staff only (the route table serves
 * them to no one else), a staff scope limited to some organizations only for one it may reach (`organization_id`,
 * never sent to Auth0), and with `organization_id` and the host's `attachable`, `judgeAll` to keep only the
 * connections it allows there. A refusal is the response.
 */
function tenantConnectionsReader(
  context: OperationContext,
  query: URLSearchParams,
):
  | {
      upstreamQuery: URLSearchParams;
      judgeAll?: (connections: readonly Auth0Connection[]) => Promise<AttachableVerdict[]>;
    }
  | Response {
  const organizationId = query.get('organization_id');
  const upstreamQuery = new URLSearchParams([...query].filter(([key]) => key !== 'organization_id'));
  const { attachable } = context;
  const authorization = asStaff(context.authorization);
  if (authorization === undefined) return problemResponse(NOT_SERVED);
  // A staff scope limits the tenant's connections too: only for an organization it may reach.
  if (organizationId === null && !mayListWholeTenant(authorization)) return problemResponse(ORGANIZATION_ID_REQUIRED);
  if (organizationId !== null && !mayReachOrganization(authorization, organizationId)) {
    return problemResponse(ORGANIZATION_NOT_FOUND);
  }
  if (organizationId === null || attachable === undefined) return { upstreamQuery };
  const judgeAll = (connections: readonly Auth0Connection[]) =>
    judgeAttachableAll(attachable.judge, connections, organizationId, authorization, attachable.timeoutMs);
  return { upstreamQuery, judgeAll };
}

/** A judged connection cut back to the fields asked for; without `fields`, all but `metadata` (as the index keeps it). */
function fieldsAsked(connection: Auth0Connection, query: URLSearchParams): Record<string, unknown> {
  const fields = query.get('fields')?.split(',');
  const includeFields = query.get('include_fields') !== 'false';
  return Object.fromEntries(
    Object.entries(connection).filter(([field]) =>
      fields === undefined ? field !== 'metadata' : fields.includes(field) === includeFields,
    ),
  );
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

/**
 * `GET /connections`, for tenant admins (the route gate refuses it to org admins); a staff scope must name one of
 * its organizations (`organization_id`). With `organization_id` and the host's `attachable`, only the connections it
 * says may be added to that organization: through the connection index, the search and paging run over those alone
 * (`total` and `indexed` count them); without it, each page is read from Auth0 with the fields `attachable` judges
 * (`metadata` included), judged, and cut back to the fields asked for, so a page may hold fewer than `take`
 * (`next` still leads on, and `total`, which would count the others, is left out). `organization_id` never reaches
 * Auth0.
 */
export async function listTenantConnections(context: OperationContext, query: URLSearchParams): Promise<Response> {
  const reader = tenantConnectionsReader(context, query);
  if (reader instanceof Response) return reader;
  const { upstreamQuery, judgeAll } = reader;
  const index = context.connectionIndex;
  if (judgeAll === undefined) {
    const indexed = await listFromConnectionIndex(index, upstreamQuery);
    if (indexed !== undefined) return indexed;
    return upstreamResponse(await send(context, { method: 'GET', path: '/connections', query: upstreamQuery }));
  }
  // Through the index: searched and paged over the connections `attachable` allows for the organization.
  const indexed = await listFromConnectionIndex(
    index === undefined ? undefined : attachableOnly(index, judgeAll),
    upstreamQuery,
  );
  if (indexed !== undefined) return indexed;
  upstreamQuery.set('fields', ATTACHABLE_FIELDS);
  upstreamQuery.set('include_fields', 'true');
  const answer = await send(context, { method: 'GET', path: '/connections', query: upstreamQuery });
  if (!isSuccess(answer)) return upstreamResponse(answer);
  const json = answerJson(answer);
  const items = listItemsOf(json);
  if (items === undefined) return problemResponse(INVALID_UPSTREAM_ANSWER);
  const connections = items.map(asAuth0Connection);
  if (connections.some((connection) => connection === undefined)) return problemResponse(INVALID_UPSTREAM_ANSWER);
  const verdicts = await judgeAll(connections as Auth0Connection[]);
  const kept = (connections as Auth0Connection[])
    .filter((_, index) => verdicts[index]?.verdict === 'attachable')
    .map((connection) => fieldsAsked(connection, query));
  const {
    total: _total,
    connections: _items,
    ...paging
  } = Array.isArray(json) ? {} : (json as Record<string, unknown>);
  const body = Array.isArray(json) ? kept : { ...paging, connections: kept };
  return jsonResponse(200, JSON.stringify(body), rateLimitHeaders(answer));
}

/**
 * `GET /connections/{id}`, to the callers of the tenant's list and under its rules (`tenantConnectionsReader`): from
 * the connection index when it holds the connection (no request to Auth0; the fields the index search answers),
 * else one `GET /connections/{id}`. With `organization_id` and the host's `attachable`, a connection it does not
 * allow there answers exactly as a missing one (404 `inexistent_connection`).
 */
export async function getTenantConnection(
  context: OperationContext,
  connectionId: string,
  query: URLSearchParams,
): Promise<Response> {
  const reader = tenantConnectionsReader(context, query);
  if (reader instanceof Response) return reader;
  const { upstreamQuery, judgeAll } = reader;
  const index = context.connectionIndex;
  const indexed = await (judgeAll === undefined || index === undefined ? index : attachableOnly(index, judgeAll))?.find(
    connectionId,
  );
  if (indexed !== undefined) {
    const { id, name, display_name, strategy } = indexed;
    return jsonResponse(
      200,
      JSON.stringify({ id, name, ...(display_name === undefined ? {} : { display_name }), strategy }),
    );
  }
  if (judgeAll !== undefined) {
    upstreamQuery.set('fields', ATTACHABLE_FIELDS);
    upstreamQuery.set('include_fields', 'true');
  }
  const path = `/connections/${encodeURIComponent(connectionId)}`;
  const answer = await send(context, { method: 'GET', path, query: upstreamQuery });
  if (answer.status === 404) return problemResponse(TENANT_CONNECTION_NOT_FOUND);
  if (!isSuccess(answer) || judgeAll === undefined) return upstreamResponse(answer);
  const connection = asAuth0Connection(answerJson(answer));
  if (connection === undefined || connection.id !== connectionId) return problemResponse(INVALID_UPSTREAM_ANSWER);
  const [verdict] = await judgeAll([connection]);
  if (verdict?.verdict !== 'attachable') return problemResponse(TENANT_CONNECTION_NOT_FOUND);
  return jsonResponse(200, JSON.stringify(fieldsAsked(connection, query)), rateLimitHeaders(answer));
}

/**
 * `PATCH /organizations/{id}/connections/{connection_id}`: the body checked with core's strict schema, then judged
 * by core's guard (the one the UI uses) the same way for every view: first on the body alone (what no connection
 * lets the view change: 403; the rules the body breaks on its own, such as signup without membership in the same
 * body: 400); then, for a view held to each connection's access level (an org admin), against the connection read
 * from Auth0 (refused fields 403, broken rules 400, a hidden or missing connection the canonical 404). A view that
 * sees and may change every connection (a tenant admin) is not read first: one upstream request per write, as the
 * rate limit is shared; the rules that need Auth0's state (the kind, the name, membership left out of the body)
 * are then Auth0's to judge. The validated body, re-serialized, is what Auth0 receives.
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
  const { view } = context.authorization;
  const alone = checkOrganizationConnectionChangesAlone(
    { view, policy: context.policy, changes },
    englishOrgConnectionSettingsIssue,
  );
  if (alone.refused.length > 0) {
    // Only an org admin has fields no connection lets it change (the name, the access level).
    return refused(`An organization administrator cannot change ${alone.refused.map(wireName).join(', ')}.`);
  }
  const brokenAlone = brokenRules(alone.issues);
  if (brokenAlone !== undefined) return brokenAlone;
  const patch = async () =>
    answerWrite(
      context,
      await send(context, { method: 'PATCH', path: itemPath(organizationId, connectionId), body: validated.data }),
    );
  if (seesEveryConnection(context.authorization.view)) return patch();

  const read = await readVisibleConnection(context, organizationId, connectionId);
  if ('response' in read) return read.response;
  context.record.before = valuesOf(read.connection, changes);
  const verdict = checkOrganizationConnectionChanges(
    { view, policy: context.policy, current: read.connection, changes },
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
 * `POST /organizations/{id}/connections`, for the views that may add (the route table refuses the others). The body is
 * checked with core's strict schema and core's rules for a new connection, then re-serialized.
 */
export async function addOrganizationConnection(
  context: OperationContext,
  organizationId: string,
  body: unknown,
): Promise<Response> {
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
  const owned = await checkAttachable(context, organizationId, connectionId);
  if (owned !== undefined) return owned;
  const answer = await send(context, { method: 'POST', path: collectionPath(organizationId), body: validated.data });
  return answerWrite(context, answer);
}

/**
 * With the host's `attachable`: the connection read from Auth0 (`GET /connections/{id}`, `metadata` included;
 * the id already validated) and judged; a refusal or an `attachable` that cannot decide is the response, and
 * nothing is written. `undefined` when the add may go on.
 */
async function checkAttachable(
  context: OperationContext,
  organizationId: string,
  connectionId: string,
): Promise<Response | undefined> {
  const { attachable } = context;
  if (attachable === undefined) return undefined;
  const authorization = asStaff(context.authorization);
  if (authorization === undefined) return problemResponse(CONNECTION_NOT_ATTACHABLE);
  const query = new URLSearchParams({ fields: ATTACHABLE_FIELDS, include_fields: 'true' });
  const path = `/connections/${encodeURIComponent(connectionId)}`;
  const answer = await send(context, { method: 'GET', path, query });
  if (!isSuccess(answer)) return upstreamResponse(answer);
  const connection = asAuth0Connection(answerJson(answer));
  if (connection === undefined || connection.id !== connectionId) return problemResponse(INVALID_UPSTREAM_ANSWER);
  const judged = await judgeAttachable(
    attachable.judge,
    connection,
    organizationId,
    authorization,
    attachable.timeoutMs,
  );
  if (judged.verdict === 'attachable') return undefined;
  return problemResponse(
    judged.verdict === 'not_attachable' ? CONNECTION_NOT_ATTACHABLE : attachableUnavailable(judged.reason),
  );
}

/** `DELETE /organizations/{id}/connections/{connection_id}`, for the views that may remove (the route table refuses the others). */
export async function removeOrganizationConnection(
  context: OperationContext,
  organizationId: string,
  connectionId: string,
): Promise<Response> {
  return upstreamResponse(await send(context, { method: 'DELETE', path: itemPath(organizationId, connectionId) }));
}

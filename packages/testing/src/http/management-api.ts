import { connectionKind, ORG_CONNECTION_LIMIT } from '@org-connections/core';
import { CONNECTION_STRATEGIES } from '../data/connection-strategies';
import {
  defaultOrganizationConnection,
  type FakeConnection,
  type FakeOrganizationConnection,
} from '../data/tenant-data';
import { connectionSortKey, type TenantStore } from '../tenant/tenant-store';
import type { EndpointRequest } from './endpoint-request';
import { type FakeResponse, managementError } from './fake-response';
import {
  type BodySpec,
  checkBody,
  checkQuery,
  type QueryRule,
  type QueryValue,
  type RequestIssue,
} from './request-validation';

/*
 * Bodies: the `/organizations/{id}/connections` family and the generally available `/enabled_connections` family,
 * both `additionalProperties: false`, as in Auth0's OpenAPI.
 */
const CREATE_ORGANIZATION_CONNECTION: BodySpec = {
  fields: {
    connection_id: 'connection-id',
    organization_connection_name: 'organization-connection-name',
    organization_access_level: 'access-level',
    is_enabled: 'boolean',
    assign_membership_on_login: 'boolean',
    is_signup_enabled: 'boolean',
    show_as_button: 'boolean',
  },
  required: ['connection_id'],
};

const UPDATE_ORGANIZATION_CONNECTION: BodySpec = {
  fields: {
    organization_connection_name: 'nullable-organization-connection-name',
    organization_access_level: 'nullable-access-level',
    is_enabled: 'nullable-boolean',
    assign_membership_on_login: 'boolean',
    is_signup_enabled: 'boolean',
    show_as_button: 'boolean',
  },
};

const ADD_ENABLED_CONNECTION: BodySpec = {
  fields: {
    connection_id: 'connection-id',
    assign_membership_on_login: 'boolean',
    is_signup_enabled: 'boolean',
    show_as_button: 'boolean',
  },
  required: ['connection_id'],
};

const UPDATE_ENABLED_CONNECTION: BodySpec = {
  fields: { assign_membership_on_login: 'boolean', is_signup_enabled: 'boolean', show_as_button: 'boolean' },
};

const ORGANIZATION_CONNECTIONS_QUERY: Record<string, QueryRule> = {
  page: { type: 'integer', minimum: 0 },
  per_page: { type: 'integer', minimum: 1, maximum: 100 },
  include_totals: { type: 'boolean' },
};

const CONNECTIONS_QUERY: Record<string, QueryRule> = {
  page: { type: 'integer', minimum: 0 },
  per_page: { type: 'integer', minimum: 1, maximum: 100 },
  include_totals: { type: 'boolean' },
  from: { type: 'string' },
  take: { type: 'integer', minimum: 1, maximum: 100 },
  strategy: { type: 'string-array', values: CONNECTION_STRATEGIES },
  name: { type: 'string' },
  fields: { type: 'string' },
  include_fields: { type: 'boolean' },
};

/** Offset paging of `GET /connections` stops here; beyond it Auth0 requires checkpoint paging. */
export const OFFSET_PAGING_LIMIT = 1000;

function invalidBody(issues: RequestIssue[]): FakeResponse {
  const [issue] = issues;
  const where = issue?.field === undefined ? '' : ` on property ${issue.field}`;
  return managementError(
    400,
    `Payload validation error: '${issue?.detail ?? 'Invalid body'}'${where}.`,
    'invalid_body',
  );
}

function invalidQuery(issues: RequestIssue[]): FakeResponse {
  const [issue] = issues;
  const where = issue?.field === undefined ? '' : ` on property ${issue.field}`;
  return managementError(
    400,
    `Query validation error: '${issue?.detail ?? 'Invalid query'}'${where}.`,
    'invalid_query_string',
  );
}

const organizationNotFound = () => managementError(404, 'The organization does not exist.', 'inexistent_organization');
const connectionNotFound = () => managementError(404, 'The connection does not exist.', 'inexistent_connection');
const organizationConnectionNotFound = () =>
  managementError(404, 'The organization connection does not exist.', 'inexistent_organization_connection');
const ruleViolation = (message: string) => managementError(400, message, 'invalid_body');

function connectionInformation(connection: FakeConnection | undefined, connectionId: string) {
  return { name: connection?.name ?? connectionId, strategy: connection?.strategy ?? '' };
}

/** An item of `/organizations/{id}/connections` (with name and access level). */
export function toWireOrganizationConnection(
  record: FakeOrganizationConnection,
  connection: FakeConnection | undefined,
): Record<string, unknown> {
  const item: Record<string, unknown> = { connection_id: record.connection_id };
  if (record.organization_connection_name !== undefined) {
    item.organization_connection_name = record.organization_connection_name;
  }
  item.organization_access_level = record.organization_access_level;
  item.is_enabled = record.is_enabled;
  item.assign_membership_on_login = record.assign_membership_on_login;
  item.is_signup_enabled = record.is_signup_enabled;
  item.show_as_button = record.show_as_button;
  item.connection = connectionInformation(connection, record.connection_id);
  return item;
}

/** An item of `/organizations/{id}/enabled_connections`: no name, access level or `is_enabled`. */
export function toWireEnabledConnection(
  record: FakeOrganizationConnection,
  connection: FakeConnection | undefined,
): Record<string, unknown> {
  return {
    connection_id: record.connection_id,
    assign_membership_on_login: record.assign_membership_on_login,
    show_as_button: record.show_as_button,
    is_signup_enabled: record.is_signup_enabled,
    connection: connectionInformation(connection, record.connection_id),
  };
}

/** A connection as `GET /connections` lists it. */
export function toWireConnection(connection: FakeConnection): Record<string, unknown> {
  const item: Record<string, unknown> = { id: connection.id, name: connection.name };
  if (connection.display_name !== undefined) item.display_name = connection.display_name;
  item.strategy = connection.strategy;
  item.realms = connection.realms ?? [connection.name];
  item.is_domain_connection = connection.is_domain_connection ?? false;
  if (connection.show_as_button !== undefined) item.show_as_button = connection.show_as_button;
  item.metadata = connection.metadata ?? {};
  item.authentication = { active: true };
  item.connected_accounts = { active: false };
  return item;
}

/**
 * The fake's server-side rules (contract C): `changes` is what the request sent, `state` the record it
 * would leave. Sending a setting's default to a kind it does not apply to (`show_as_button: true` on a
 * database connection, `is_signup_enabled: false` on a social one) is accepted; changing it is refused.
 */
function ruleError(
  kind: string,
  state: FakeOrganizationConnection,
  changes: Record<string, unknown>,
  family: 'connections' | 'enabled_connections',
): FakeResponse | undefined {
  if (changes.is_signup_enabled === true && kind !== 'database') {
    return ruleViolation('is_signup_enabled can only be enabled for database connections.');
  }
  if (changes.show_as_button === false && kind !== 'enterprise') {
    return ruleViolation('show_as_button can only be disabled for enterprise connections.');
  }
  if (state.is_signup_enabled && !state.assign_membership_on_login) {
    return ruleViolation('is_signup_enabled requires assign_membership_on_login to be true.');
  }
  if (family === 'connections' && state.organization_access_level !== 'none') {
    if (state.organization_connection_name === undefined) {
      return ruleViolation(
        'organization_connection_name must be set before organization_access_level can be other than none.',
      );
    }
  }
  return undefined;
}

function applyChanges(
  record: FakeOrganizationConnection,
  changes: Record<string, unknown>,
): FakeOrganizationConnection {
  const next: FakeOrganizationConnection = { ...record };
  for (const [field, value] of Object.entries(changes)) {
    switch (field) {
      case 'organization_connection_name':
        if (value === null) delete next.organization_connection_name;
        else next.organization_connection_name = value as string;
        break;
      case 'organization_access_level':
        // `null` resets to the default, `none` (what Auth0 does with `null` is UNCONFIRMED).
        next.organization_access_level =
          value === null ? 'none' : (value as FakeOrganizationConnection['organization_access_level']);
        break;
      case 'is_enabled':
        next.is_enabled = value === null ? true : (value as boolean);
        break;
      case 'assign_membership_on_login':
        next.assign_membership_on_login = value as boolean;
        break;
      case 'is_signup_enabled':
        next.is_signup_enabled = value as boolean;
        break;
      case 'show_as_button':
        next.show_as_button = value as boolean;
        break;
    }
  }
  return next;
}

function listOrganizationConnections(
  store: TenantStore,
  request: EndpointRequest,
  family: 'connections' | 'enabled_connections',
): FakeResponse {
  const spec =
    family === 'connections'
      ? { ...ORGANIZATION_CONNECTIONS_QUERY, is_enabled: { type: 'boolean' } as const }
      : ORGANIZATION_CONNECTIONS_QUERY;
  const query = checkQuery(request.query, spec);
  if (!query.ok) return invalidQuery(query.issues);
  const records = store.organizationConnections(request.params.id ?? '');
  if (records === undefined) return organizationNotFound();
  const page = (query.value.page as number | undefined) ?? 0;
  const perPage = (query.value.per_page as number | undefined) ?? 50;
  const isEnabled = query.value.is_enabled as boolean | undefined;
  const selected = records.filter((record) =>
    family === 'enabled_connections' ? record.is_enabled : isEnabled === undefined || record.is_enabled === isEnabled,
  );
  const toWire = family === 'connections' ? toWireOrganizationConnection : toWireEnabledConnection;
  const items = selected
    .slice(page * perPage, page * perPage + perPage)
    .map((record) => toWire(record, store.connection(record.connection_id)));
  if (query.value.include_totals !== true) return { status: 200, body: items };
  return {
    status: 200,
    body: { start: page * perPage, limit: perPage, total: selected.length, [family]: items },
  };
}

function addOrganizationConnection(
  store: TenantStore,
  request: EndpointRequest,
  family: 'connections' | 'enabled_connections',
): FakeResponse {
  const body = checkBody(
    request.body,
    family === 'connections' ? CREATE_ORGANIZATION_CONNECTION : ADD_ENABLED_CONNECTION,
    request.encoding,
  );
  if (!body.ok) return invalidBody(body.issues);
  const records = store.organizationConnections(request.params.id ?? '');
  if (records === undefined) return organizationNotFound();
  const connectionId = body.value.connection_id as string;
  const connection = store.connection(connectionId);
  if (connection === undefined) return connectionNotFound();
  const existing = records.find((record) => record.connection_id === connectionId);
  // The `enabled_connections` endpoints cannot see a disabled record: adding it again switches it back on.
  const reenabling = family === 'enabled_connections' && existing !== undefined && !existing.is_enabled;
  if (existing !== undefined && !reenabling) {
    return managementError(409, 'The organization connection already exists.', 'organization_connection_conflict');
  }
  if (existing === undefined && records.length >= ORG_CONNECTION_LIMIT) {
    return managementError(
      409,
      `An organization can have at most ${ORG_CONNECTION_LIMIT} connections.`,
      'organization_connection_limit_reached',
    );
  }
  const { connection_id: _connectionId, ...changes } = body.value;
  const base = existing ?? defaultOrganizationConnection(connectionId);
  const record = applyChanges({ ...base, is_enabled: true }, changes);
  const violation = ruleError(connectionKind(connection.strategy), record, changes, family);
  if (violation !== undefined) return violation;
  if (existing === undefined) records.push(record);
  else records.splice(records.indexOf(existing), 1, record);
  const toWire = family === 'connections' ? toWireOrganizationConnection : toWireEnabledConnection;
  return { status: 201, body: toWire(record, connection) };
}

function findRecord(
  store: TenantStore,
  request: EndpointRequest,
  family: 'connections' | 'enabled_connections',
): { records: FakeOrganizationConnection[]; record: FakeOrganizationConnection } | FakeResponse {
  const records = store.organizationConnections(request.params.id ?? '');
  if (records === undefined) return organizationNotFound();
  const record = records.find((item) => item.connection_id === request.params.connectionId);
  if (record === undefined || (family === 'enabled_connections' && !record.is_enabled)) {
    return organizationConnectionNotFound();
  }
  return { records, record };
}

function getOrganizationConnection(
  store: TenantStore,
  request: EndpointRequest,
  family: 'connections' | 'enabled_connections',
): FakeResponse {
  const found = findRecord(store, request, family);
  if ('status' in found) return found;
  const toWire = family === 'connections' ? toWireOrganizationConnection : toWireEnabledConnection;
  return { status: 200, body: toWire(found.record, store.connection(found.record.connection_id)) };
}

function updateOrganizationConnection(
  store: TenantStore,
  request: EndpointRequest,
  family: 'connections' | 'enabled_connections',
): FakeResponse {
  const body = checkBody(
    request.body,
    family === 'connections' ? UPDATE_ORGANIZATION_CONNECTION : UPDATE_ENABLED_CONNECTION,
    request.encoding,
  );
  if (!body.ok) return invalidBody(body.issues);
  const found = findRecord(store, request, family);
  if ('status' in found) return found;
  const connection = store.connection(found.record.connection_id);
  const record = applyChanges(found.record, body.value);
  const violation = ruleError(connectionKind(connection?.strategy), record, body.value, family);
  if (violation !== undefined) return violation;
  found.records.splice(found.records.indexOf(found.record), 1, record);
  const toWire = family === 'connections' ? toWireOrganizationConnection : toWireEnabledConnection;
  return { status: 200, body: toWire(record, connection) };
}

function deleteOrganizationConnection(
  store: TenantStore,
  request: EndpointRequest,
  family: 'connections' | 'enabled_connections',
): FakeResponse {
  const found = findRecord(store, request, family);
  if ('status' in found) return found;
  found.records.splice(found.records.indexOf(found.record), 1);
  return { status: 204 };
}

/** Checkpoints are opaque to clients: base64url of the sort key of the first connection of the next page. */
export function encodeCheckpoint(key: string): string {
  const bytes = new TextEncoder().encode(key);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function decodeCheckpoint(checkpoint: string): string | undefined {
  try {
    const binary = atob(checkpoint.replaceAll('-', '+').replaceAll('_', '/'));
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    const key = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return key.includes('\u0000') ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The index of the first key not less than `key`. */
function lowerBound(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((keys[middle] ?? '') < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

function project(item: Record<string, unknown>, fields: string[] | undefined, include: boolean) {
  if (fields === undefined) return item;
  return Object.fromEntries(Object.entries(item).filter(([field]) => fields.includes(field) === include));
}

function listConnections(store: TenantStore, request: EndpointRequest): FakeResponse {
  const query = checkQuery(request.query, CONNECTIONS_QUERY);
  if (!query.ok) return invalidQuery(query.issues);
  const value = query.value;
  const checkpointPaging = value.from !== undefined || value.take !== undefined;
  if (checkpointPaging && (value.page !== undefined || value.per_page !== undefined)) {
    return invalidQuery([{ detail: 'Checkpoint (from, take) and offset (page, per_page) paging cannot be combined' }]);
  }
  const strategies = value.strategy as string[] | undefined;
  const name = value.name as string | undefined;
  const fieldList = (value.fields as string | undefined)
    ?.split(',')
    .map((field) => field.trim())
    .filter((field) => field !== '');
  const fields = fieldList === undefined || fieldList.length === 0 ? undefined : fieldList;
  const includeFields = (value.include_fields as boolean | undefined) ?? true;
  const sorted = store.sortedConnections();
  const keys = store.sortedKeys();
  const filtered = strategies !== undefined || name !== undefined;
  const matches = (connection: FakeConnection) =>
    (strategies === undefined || strategies.includes(connection.strategy)) &&
    (name === undefined || connection.name === name);
  const toItem = (connection: FakeConnection) => project(toWireConnection(connection), fields, includeFields);

  if (checkpointPaging) {
    const take = (value.take as number | undefined) ?? 50;
    let start = 0;
    if (value.from !== undefined) {
      const key = decodeCheckpoint(value.from as string);
      if (key === undefined) return invalidQuery([{ field: 'from', detail: 'Invalid checkpoint' }]);
      start = lowerBound(keys, key);
    }
    // One past the page, to know whether there is a next one.
    const page: FakeConnection[] = [];
    let following: FakeConnection | undefined;
    for (let index = start; index < sorted.length; index += 1) {
      const connection = sorted[index];
      if (connection === undefined || (filtered && !matches(connection))) continue;
      if (page.length === take) {
        following = connection;
        break;
      }
      page.push(connection);
    }
    const body: Record<string, unknown> = { connections: page.map(toItem) };
    if (following !== undefined) body.next = encodeCheckpoint(connectionSortKey(following));
    return { status: 200, body };
  }

  return offsetPage(filtered ? sorted.filter(matches) : sorted, value, 100, 'connections', toItem);
}

/**
 * Offset paging (`page`/`per_page`, `per_page` defaulting to `perPageDefault`) over `all`, for the first 1000 only:
 * an array, or `{ start, limit, total, [listKey] }` with `include_totals`.
 */
function offsetPage<T>(
  all: readonly T[],
  value: Record<string, QueryValue | undefined>,
  perPageDefault: number,
  listKey: string,
  toItem: (item: T) => unknown,
): FakeResponse {
  const page = (value.page as number | undefined) ?? 0;
  const perPage = (value.per_page as number | undefined) ?? perPageDefault;
  if (page * perPage >= OFFSET_PAGING_LIMIT) {
    return managementError(
      400,
      `You can only page through the first ${OFFSET_PAGING_LIMIT} records with page and per_page. Use checkpoint pagination (from, take).`,
      'invalid_paging',
    );
  }
  const items = all.slice(page * perPage, page * perPage + perPage).map(toItem);
  if (value.include_totals !== true) return { status: 200, body: items };
  return { status: 200, body: { start: page * perPage, limit: perPage, total: all.length, [listKey]: items } };
}

const ORGANIZATIONS_QUERY: Record<string, QueryRule> = {
  page: { type: 'integer', minimum: 0 },
  per_page: { type: 'integer', minimum: 1, maximum: 100 },
  include_totals: { type: 'boolean' },
  from: { type: 'string' },
  take: { type: 'integer', minimum: 1, maximum: 100 },
};

/**
 * `GET /organizations` (Auth0's documented shape; not in the OpenAPI extract): checkpoint paging with `from`/`take`
 * answers `{ organizations: [{ id, name, display_name }], next? }`, in id order; offset paging (`page`/`per_page`)
 * an array, or `{ start, limit, total, organizations }` with `include_totals`, for the first 1000 only.
 */
function listOrganizations(store: TenantStore, request: EndpointRequest): FakeResponse {
  const query = checkQuery(request.query, ORGANIZATIONS_QUERY);
  if (!query.ok) return invalidQuery(query.issues);
  const value = query.value;
  const ids = store.sortedOrganizationIds();
  const toItem = (id: string) => {
    const organization = store.organization(id);
    return {
      id,
      name: organization?.name ?? id,
      ...(organization?.display_name === undefined ? {} : { display_name: organization.display_name }),
    };
  };
  if (value.from !== undefined || value.take !== undefined) {
    if (value.page !== undefined || value.per_page !== undefined) {
      return invalidQuery([
        { detail: 'Checkpoint (from, take) and offset (page, per_page) paging cannot be combined' },
      ]);
    }
    const take = (value.take as number | undefined) ?? 50;
    let start = 0;
    if (value.from !== undefined) {
      const key = decodeCheckpoint(value.from as string);
      if (key === undefined || !key.startsWith('organization\u0000')) {
        return invalidQuery([{ field: 'from', detail: 'Invalid checkpoint' }]);
      }
      start = lowerBound(ids, key.slice('organization\u0000'.length));
    }
    const page = ids.slice(start, start + take);
    const following = ids[start + take];
    const body: Record<string, unknown> = { organizations: page.map(toItem) };
    if (following !== undefined) body.next = encodeCheckpoint(`organization\u0000${following}`);
    return { status: 200, body };
  }
  return offsetPage(ids, value, 50, 'organizations', toItem);
}

const CONNECTION_QUERY: Record<string, QueryRule> = {
  fields: { type: 'string' },
  include_fields: { type: 'boolean' },
};

/** `GET /connections/{id}`: one connection of the tenant, with Auth0's `fields` / `include_fields` projection. */
function getConnection(store: TenantStore, request: EndpointRequest): FakeResponse {
  const query = checkQuery(request.query, CONNECTION_QUERY);
  if (!query.ok) return invalidQuery(query.issues);
  const connection = store.connection(request.params.connectionId ?? '');
  if (connection === undefined) return connectionNotFound();
  const fields = (query.value.fields as string | undefined)
    ?.split(',')
    .map((field) => field.trim())
    .filter((field) => field !== '');
  const include = (query.value.include_fields as boolean | undefined) ?? true;
  return { status: 200, body: project(toWireConnection(connection), fields?.length ? fields : undefined, include) };
}

/** Answers an authenticated, authorized Management API request. */
export function handleManagementRequest(store: TenantStore, request: EndpointRequest): FakeResponse {
  switch (request.operation) {
    case 'listOrganizations':
      return listOrganizations(store, request);
    case 'listConnections':
      return listConnections(store, request);
    case 'getConnection':
      return getConnection(store, request);
    case 'listOrganizationConnections':
      return listOrganizationConnections(store, request, 'connections');
    case 'createOrganizationConnection':
      return addOrganizationConnection(store, request, 'connections');
    case 'getOrganizationConnection':
      return getOrganizationConnection(store, request, 'connections');
    case 'updateOrganizationConnection':
      return updateOrganizationConnection(store, request, 'connections');
    case 'deleteOrganizationConnection':
      return deleteOrganizationConnection(store, request, 'connections');
    case 'listEnabledConnections':
      return listOrganizationConnections(store, request, 'enabled_connections');
    case 'addEnabledConnection':
      return addOrganizationConnection(store, request, 'enabled_connections');
    case 'getEnabledConnection':
      return getOrganizationConnection(store, request, 'enabled_connections');
    case 'updateEnabledConnection':
      return updateOrganizationConnection(store, request, 'enabled_connections');
    case 'deleteEnabledConnection':
      return deleteOrganizationConnection(store, request, 'enabled_connections');
    default:
      return managementError(404, 'Not Found');
  }
}

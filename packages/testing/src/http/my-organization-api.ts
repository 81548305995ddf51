import { ACCESS_LEVELS } from '@org-connections/core';
import { IDENTITY_PROVIDER_STRATEGIES } from '../data/connection-strategies';
import type { FakeConnection, FakeOrganizationConnection } from '../data/tenant-data';
import type { TenantStore } from '../tenant/tenant-store';
import type { EndpointRequest } from './endpoint-request';
import { type FakeResponse, myOrganizationError, myOrganizationValidationError } from './fake-response';
import { type BodySpec, checkBody, type RequestIssue } from './request-validation';

/** What an identity provider's `idp_id` must look like (`IdpId` in the OpenAPI). */
export const IDENTITY_PROVIDER_ID_PATTERN = /^con_[A-Za-z0-9]{16}$/;

const UPDATE_IDENTITY_PROVIDER: BodySpec = {
  fields: {
    display_name: 'display-name',
    show_as_button: 'boolean',
    assign_membership_on_login: 'boolean',
    is_enabled: 'boolean',
    options: 'object',
    access_level: 'read-only',
  },
};

/** Which fields each access level lets an org admin change, as Auth0's OpenAPI describes them. */
const EDITABLE_BY_LEVEL: Record<string, readonly string[]> = {
  none: [],
  readonly: [],
  limited: ['show_as_button', 'assign_membership_on_login', 'is_enabled'],
  full: ['display_name', 'options', 'show_as_button', 'assign_membership_on_login', 'is_enabled'],
};

const organizationNotFound = () =>
  myOrganizationError(404, 'Resource Not Found', 'The organization does not exist.', 2);
const identityProviderNotFound = () => myOrganizationError(404, 'Resource Not Found', 'The IdP does not exist.', 2);

function validationError(issues: RequestIssue[], source: 'body' | 'params' | 'query'): FakeResponse {
  return myOrganizationValidationError(
    issues.map((issue) => {
      const error: { detail: string; field?: string; pointer?: string; source: string } = {
        detail: issue.detail,
        source,
      };
      if (issue.field !== undefined) {
        error.field = issue.field;
        error.pointer = `/${issue.field}`;
      }
      return error;
    }),
  );
}

/** Strategy-specific `options` that satisfy the OpenAPI's response schemas, derived from the connection name. */
function defaultOptions(connection: FakeConnection): Record<string, unknown> {
  const host = `${connection.name}.example.com`;
  switch (connection.strategy) {
    case 'adfs':
      return { adfs_server: `https://${host}/adfs/ls` };
    case 'google-apps':
      return { domain: host, client_id: `${connection.name}-client` };
    case 'oidc':
      return {
        type: 'front_channel',
        client_id: `${connection.name}-client`,
        discovery_url: `https://${host}/.well-known/openid-configuration`,
      };
    case 'okta':
      return { domain: `${connection.name}.okta.example.com`, client_id: `${connection.name}-client` };
    case 'pingfederate':
      return { pingFederateBaseUrl: `https://${host}` };
    case 'samlp':
      return { metadataUrl: `https://${host}/saml/metadata`, signSAMLRequest: false };
    case 'waad':
      return { tenant_domain: `${connection.name}.onmicrosoft.com`, client_id: `${connection.name}-client` };
    default:
      return {};
  }
}

/** Strategies whose response schema requires `attributes`. */
const WITH_ATTRIBUTES = ['oidc', 'okta', 'samlp'];

interface IdentityProviderEntry {
  record: FakeOrganizationConnection;
  connection: FakeConnection;
}

function identityProviderEntries(store: TenantStore, organizationId: string): IdentityProviderEntry[] | undefined {
  const records = store.organizationConnections(organizationId);
  if (records === undefined) return undefined;
  const entries: IdentityProviderEntry[] = [];
  for (const record of records) {
    const connection = store.connection(record.connection_id);
    if (connection !== undefined && IDENTITY_PROVIDER_STRATEGIES.includes(connection.strategy)) {
      entries.push({ record, connection });
    }
  }
  return entries;
}

/** The full identity provider (`IdpKnownResponse`). `display_name` is the connection's, not the organization's name. */
function toWireIdentityProvider(store: TenantStore, { record, connection }: IdentityProviderEntry) {
  const item: Record<string, unknown> = {
    id: connection.id,
    name: connection.name,
    strategy: connection.strategy,
    domains: [],
    display_name: connection.display_name ?? connection.name,
    show_as_button: record.show_as_button,
    assign_membership_on_login: record.assign_membership_on_login,
    is_enabled: record.is_enabled,
    access_level: record.organization_access_level,
    options: { ...defaultOptions(connection), ...store.identityProviderOptions.get(connection.id) },
  };
  if (WITH_ATTRIBUTES.includes(connection.strategy)) item.attributes = [];
  return item;
}

/** The minimal item (`IdpMinimalResponse`) listed for a connection whose access level is `none`. */
function toWireMinimalIdentityProvider({ record, connection }: IdentityProviderEntry) {
  return {
    id: connection.id,
    name: connection.name,
    display_name: connection.display_name ?? connection.name,
    is_enabled: record.is_enabled,
    access_level: record.organization_access_level,
  };
}

function listIdentityProviders(store: TenantStore, request: EndpointRequest, organizationId: string): FakeResponse {
  const issues: RequestIssue[] = [];
  for (const key of new Set(request.query.keys())) {
    if (key !== 'member_access_level') issues.push({ field: key, detail: 'must NOT have additional properties' });
  }
  for (const level of request.query.getAll('member_access_level')) {
    if (!(ACCESS_LEVELS as readonly string[]).includes(level)) {
      issues.push({ field: 'member_access_level', detail: `must be equal to one of the allowed values` });
    }
  }
  if (issues.length > 0) return validationError(issues, 'query');
  const entries = identityProviderEntries(store, organizationId);
  if (entries === undefined) return organizationNotFound();
  return {
    status: 200,
    body: {
      identity_providers: entries.map((entry) =>
        entry.record.organization_access_level === 'none'
          ? toWireMinimalIdentityProvider(entry)
          : toWireIdentityProvider(store, entry),
      ),
    },
  };
}

function findEntry(
  store: TenantStore,
  request: EndpointRequest,
  organizationId: string,
): IdentityProviderEntry | FakeResponse {
  const idpId = request.params.idpId ?? '';
  if (!IDENTITY_PROVIDER_ID_PATTERN.test(idpId)) {
    return validationError([{ field: 'idp_id', detail: `must match pattern "^con_[A-Za-z0-9]{16}$"` }], 'params');
  }
  const entries = identityProviderEntries(store, organizationId);
  if (entries === undefined) return organizationNotFound();
  const entry = entries.find(({ connection }) => connection.id === idpId);
  // A connection at `none` is invisible to the org admin.
  if (entry === undefined || entry.record.organization_access_level === 'none') return identityProviderNotFound();
  return entry;
}

function updateIdentityProvider(store: TenantStore, request: EndpointRequest, organizationId: string): FakeResponse {
  const body = checkBody(
    request.body,
    UPDATE_IDENTITY_PROVIDER,
    request.encoding === 'form' ? 'json' : request.encoding,
  );
  if (!body.ok) return validationError(body.issues, 'body');
  const entry = findEntry(store, request, organizationId);
  if ('status' in entry) return entry;
  const level = entry.record.organization_access_level;
  const allowed = EDITABLE_BY_LEVEL[level] ?? [];
  const refused = Object.keys(body.value).filter((field) => !allowed.includes(field));
  if (refused.length > 0) {
    return myOrganizationError(
      403,
      'Forbidden',
      `The access level "${level}" of this identity provider does not allow changing: ${refused.join(', ')}.`,
      3,
    );
  }
  const records = store.organizationConnections(organizationId) ?? [];
  const record: FakeOrganizationConnection = { ...entry.record };
  const changes = body.value;
  if (typeof changes.is_enabled === 'boolean') record.is_enabled = changes.is_enabled;
  if (typeof changes.show_as_button === 'boolean') record.show_as_button = changes.show_as_button;
  if (typeof changes.assign_membership_on_login === 'boolean') {
    record.assign_membership_on_login = changes.assign_membership_on_login;
  }
  records.splice(records.indexOf(entry.record), 1, record);
  if (typeof changes.display_name === 'string') {
    entry.connection.display_name = changes.display_name;
    store.connectionsChanged();
  }
  if (changes.options !== undefined) {
    // Only keys the strategy's response schema knows are kept: secrets are write-only.
    const known = Object.keys(defaultOptions(entry.connection));
    const kept = Object.entries(changes.options as Record<string, unknown>).filter(([key]) => known.includes(key));
    store.identityProviderOptions.set(entry.connection.id, {
      ...store.identityProviderOptions.get(entry.connection.id),
      ...Object.fromEntries(kept),
    });
  }
  return { status: 200, body: toWireIdentityProvider(store, { record, connection: entry.connection }) };
}

/** Answers an authenticated My Organization API request for the token's organization. */
export function handleMyOrganizationRequest(
  store: TenantStore,
  request: EndpointRequest,
  organizationId: string,
): FakeResponse {
  switch (request.operation) {
    case 'listIdentityProviders':
      return listIdentityProviders(store, request, organizationId);
    case 'getIdentityProvider': {
      const entry = findEntry(store, request, organizationId);
      return 'status' in entry ? entry : { status: 200, body: toWireIdentityProvider(store, entry) };
    }
    case 'updateIdentityProvider':
      return updateIdentityProvider(store, request, organizationId);
    default:
      return myOrganizationError(404, 'Resource Not Found', 'Not Found');
  }
}

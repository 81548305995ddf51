/** The Auth0 APIs the fake tenant serves: the Management API, the My Organization API and the Authentication API's token endpoint. */
export type FakeApi = 'management' | 'my-organization' | 'authentication';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export type ManagementOperation =
  | 'listOrganizations'
  | 'listConnections'
  | 'getConnection'
  | 'listOrganizationConnections'
  | 'createOrganizationConnection'
  | 'getOrganizationConnection'
  | 'updateOrganizationConnection'
  | 'deleteOrganizationConnection'
  | 'listEnabledConnections'
  | 'addEnabledConnection'
  | 'getEnabledConnection'
  | 'updateEnabledConnection'
  | 'deleteEnabledConnection';

export type MyOrganizationOperation = 'listIdentityProviders' | 'getIdentityProvider' | 'updateIdentityProvider';

/** `POST /oauth/token` (the only Authentication API endpoint the fake serves). */
export type AuthenticationOperation = 'getToken';

export type FakeOperation = ManagementOperation | MyOrganizationOperation | AuthenticationOperation;

/** A Management API or My Organization API endpoint (the token endpoint needs no bearer token, so it is not one). */
export interface ApiRoute {
  api: Exclude<FakeApi, 'authentication'>;
  method: HttpMethod;
  /** Relative to the API's base URL, with `:name` parameters (MSW's syntax). */
  template: string;
  operation: ManagementOperation | MyOrganizationOperation;
  /** The scope the bearer token must carry. */
  scope: string;
}

/** Every endpoint the fake serves. Anything else is left unhandled (MSW) or answered 404 (the fake's own `fetch`). */
export const API_ROUTES: readonly ApiRoute[] = [
  {
    api: 'management',
    method: 'GET',
    template: '/organizations',
    operation: 'listOrganizations',
    scope: 'read:organizations',
  },
  {
    api: 'management',
    method: 'GET',
    template: '/connections',
    operation: 'listConnections',
    scope: 'read:connections',
  },
  {
    api: 'management',
    method: 'GET',
    template: '/connections/:connectionId',
    operation: 'getConnection',
    scope: 'read:connections',
  },
  {
    api: 'management',
    method: 'GET',
    template: '/organizations/:id/connections',
    operation: 'listOrganizationConnections',
    scope: 'read:organization_connections',
  },
  {
    api: 'management',
    method: 'POST',
    template: '/organizations/:id/connections',
    operation: 'createOrganizationConnection',
    scope: 'create:organization_connections',
  },
  {
    api: 'management',
    method: 'GET',
    template: '/organizations/:id/connections/:connectionId',
    operation: 'getOrganizationConnection',
    scope: 'read:organization_connections',
  },
  {
    api: 'management',
    method: 'PATCH',
    template: '/organizations/:id/connections/:connectionId',
    operation: 'updateOrganizationConnection',
    scope: 'update:organization_connections',
  },
  {
    api: 'management',
    method: 'DELETE',
    template: '/organizations/:id/connections/:connectionId',
    operation: 'deleteOrganizationConnection',
    scope: 'delete:organization_connections',
  },
  {
    api: 'management',
    method: 'GET',
    template: '/organizations/:id/enabled_connections',
    operation: 'listEnabledConnections',
    scope: 'read:organization_connections',
  },
  {
    api: 'management',
    method: 'POST',
    template: '/organizations/:id/enabled_connections',
    operation: 'addEnabledConnection',
    scope: 'create:organization_connections',
  },
  {
    api: 'management',
    method: 'GET',
    template: '/organizations/:id/enabled_connections/:connectionId',
    operation: 'getEnabledConnection',
    scope: 'read:organization_connections',
  },
  {
    api: 'management',
    method: 'PATCH',
    template: '/organizations/:id/enabled_connections/:connectionId',
    operation: 'updateEnabledConnection',
    scope: 'update:organization_connections',
  },
  {
    api: 'management',
    method: 'DELETE',
    template: '/organizations/:id/enabled_connections/:connectionId',
    operation: 'deleteEnabledConnection',
    scope: 'delete:organization_connections',
  },
  {
    api: 'my-organization',
    method: 'GET',
    template: '/identity-providers',
    operation: 'listIdentityProviders',
    scope: 'read:my_org:identity_providers',
  },
  {
    api: 'my-organization',
    method: 'GET',
    template: '/identity-providers/:idpId',
    operation: 'getIdentityProvider',
    scope: 'read:my_org:identity_providers',
  },
  {
    api: 'my-organization',
    method: 'PATCH',
    template: '/identity-providers/:idpId',
    operation: 'updateIdentityProvider',
    scope: 'update:my_org:identity_providers',
  },
];

export interface RouteMatch {
  route: ApiRoute;
  params: Record<string, string>;
}

/** Finds the route for a path relative to the API's base URL (`/organizations/org_1/connections`). */
export function matchRoute(api: FakeApi, method: string, path: string): RouteMatch | undefined {
  const segments = splitPath(path);
  for (const route of API_ROUTES) {
    if (route.api !== api || route.method !== method.toUpperCase()) continue;
    const templateSegments = splitPath(route.template);
    if (templateSegments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let matched = true;
    templateSegments.forEach((templateSegment, index) => {
      const segment = segments[index] ?? '';
      if (templateSegment.startsWith(':')) params[templateSegment.slice(1)] = safeDecode(segment);
      else if (templateSegment !== segment) matched = false;
    });
    if (matched) return { route, params };
  }
  return undefined;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

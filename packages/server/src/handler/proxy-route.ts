import { NOT_SERVED, type Problem } from './problem-response';

/**
 * An Auth0 organization id: `org_` and letters or digits, at most 50 characters in all (the OpenAPI's
 * `maxLength`; Auth0 issues `org_` + 16).
 */
export const ORGANIZATION_ID_PATTERN = /^org_[A-Za-z0-9]{1,46}$/;

/** An Auth0 connection id: `con_` and 16 letters or digits (the My Organization API's `idp_id` pattern). */
export const CONNECTION_ID_PATTERN = /^con_[A-Za-z0-9]{16}$/;

/** A rollout id: `rol_` and 20 letters or digits (the server package makes them). */
export const ROLLOUT_ID_PATTERN = /^rol_[A-Za-z0-9]{20}$/;

export type ProxyMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** The routes served, below the base path. */
export type ProxyRoute =
  | { name: 'organization-connections'; organizationId: string }
  | { name: 'organization-connection'; organizationId: string; connectionId: string }
  | { name: 'tenant-connections' }
  | { name: 'tenant-connection'; connectionId: string }
  | { name: 'rollouts' }
  | { name: 'rollout'; rolloutId: string }
  | { name: 'rollout-control'; rolloutId: string; control: 'pause' | 'resume' | 'cancel' | 'retry' };

const ROLLOUT_CONTROLS = new Set(['pause', 'resume', 'cancel', 'retry']);

export type ParsedProxyRoute = { ok: true; route: ProxyRoute } | { ok: false; problem: Problem };

/** Every segment of a served path is letters, digits and `_` (ids, `organizations`, `connections`). */
const PLAIN_SEGMENT = /^[A-Za-z0-9_]+$/;

function invalidPath(message: string): ParsedProxyRoute {
  return { ok: false, problem: { status: 400, errorCode: 'invalid_path', message } };
}

const notServed: ParsedProxyRoute = { ok: false, problem: NOT_SERVED };

/**
 * The route a request path names, from the path as it arrived (`URL.pathname`, still percent-encoded).
 * - outside `basePath`, or a path of plain segments that is not a served route: 404 `not_found`;
 * - a segment with anything but letters, digits and `_` (percent-escapes such as `%2F`, `%2e%2e` or `%252F`,
 *   dot segments, empty segments from `//` or a trailing `/`, backslashes): 400 `invalid_path`;
 * - a served route whose id does not match Auth0's id pattern: 400 `invalid_path`.
 * Ids are returned as validated strings; the upstream URL is built from them with `encodeURIComponent`.
 */
export function parseProxyRoute(pathname: string, basePath: string): ParsedProxyRoute {
  if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return notServed;
  const rest = pathname.slice(basePath.length);
  if (rest === '' || rest === '/') return notServed;
  const segments = rest.slice(1).split('/');
  if (!segments.every((segment) => PLAIN_SEGMENT.test(segment))) {
    return invalidPath('The path may contain only letters, digits and "_" between single slashes.');
  }
  const [first, organizationId, third, connectionId, ...extra] = segments;
  if (first === 'connections' && segments.length === 1) return { ok: true, route: { name: 'tenant-connections' } };
  if (first === 'connections' && segments.length === 2) {
    const tenantConnectionId = segments[1] ?? '';
    if (!CONNECTION_ID_PATTERN.test(tenantConnectionId)) {
      return invalidPath('The connection id must be "con_" followed by 16 letters and digits.');
    }
    return { ok: true, route: { name: 'tenant-connection', connectionId: tenantConnectionId } };
  }
  if (first === 'rollouts') {
    if (organizationId === undefined) return { ok: true, route: { name: 'rollouts' } };
    const rolloutId = organizationId;
    if (connectionId !== undefined || (third !== undefined && !ROLLOUT_CONTROLS.has(third))) return notServed;
    if (!ROLLOUT_ID_PATTERN.test(rolloutId)) {
      return invalidPath('The rollout id must be "rol_" followed by 20 letters and digits.');
    }
    if (third === undefined) return { ok: true, route: { name: 'rollout', rolloutId } };
    const control = third as 'pause' | 'resume' | 'cancel' | 'retry';
    return { ok: true, route: { name: 'rollout-control', rolloutId, control } };
  }
  if (first !== 'organizations' || third !== 'connections' || organizationId === undefined || extra.length > 0) {
    return notServed;
  }
  if (!ORGANIZATION_ID_PATTERN.test(organizationId)) {
    return invalidPath('The organization id must be "org_" followed by letters and digits (50 characters at most).');
  }
  if (connectionId === undefined) return { ok: true, route: { name: 'organization-connections', organizationId } };
  if (!CONNECTION_ID_PATTERN.test(connectionId)) {
    return invalidPath('The connection id must be "con_" followed by 16 letters and digits.');
  }
  return { ok: true, route: { name: 'organization-connection', organizationId, connectionId } };
}

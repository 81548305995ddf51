import { canAddOrRemoveConnections, type View } from '@org-connections/core';
import { ORGANIZATION_ID_PATTERN } from './proxy-route';

/** A customer's administrator: one organization, held to each connection's access level. */
export interface OrgAdminAuthorization {
  view: 'org-admin';
  /** Who is acting, for `onAudit` (e.g. the session's user id). */
  actor: string;
  /** The one organization this administrator manages. */
  organizationId: string;
}

/** The SaaS operator's staff: every organization, or only those listed. */
export interface TenantAdminAuthorization {
  view: 'tenant-admin';
  actor: string;
  /** The organizations served; every one when absent or `'*'`. */
  organizations?: readonly string[] | '*';
  /**
   * A support role: sees what a tenant admin sees and changes nothing (every write is a 403 `read_only_role`,
   * audited as refused).
   */
  readOnly?: boolean;
}

/** Who is calling, as the host's `authorize(request, context)` says. */
export type OrgConnectionsAuthorization = OrgAdminAuthorization | TenantAdminAuthorization;

/**
 * What `authorize` may answer: who is calling; `null` when there is no session (401 `unauthorized`: sign in);
 * `false` when the caller is signed in but may not manage connections (403 `not_allowed`).
 */
export type OrgConnectionsAuthorizeResult = OrgConnectionsAuthorization | null | false;

/** How each view's authorization is checked beyond `actor`: one row per view, so a new view cannot go unchecked. */
const AUTHORIZATION_SHAPES: Record<View, (candidate: Record<string, unknown>) => boolean> = {
  'org-admin': ({ organizationId, readOnly }) =>
    // `readOnly` is a staff role: an org admin given `readOnly: true` is a host bug, never an org admin who may write.
    (readOnly === undefined || readOnly === false) &&
    typeof organizationId === 'string' &&
    ORGANIZATION_ID_PATTERN.test(organizationId),
  'tenant-admin': ({ organizations, readOnly }) =>
    (readOnly === undefined || typeof readOnly === 'boolean') &&
    (organizations === undefined ||
      organizations === '*' ||
      (Array.isArray(organizations) && organizations.every((id) => typeof id === 'string'))),
};

/**
 * Checks what the host's `authorize` returned; anything malformed is a host bug and is refused (500), never
 * read generously (an org admin without a valid organization id must not become a tenant admin).
 */
export function isValidAuthorization(value: unknown): value is OrgConnectionsAuthorization {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  if (typeof candidate.actor !== 'string' || candidate.actor === '') return false;
  const { view } = candidate;
  return (
    typeof view === 'string' &&
    Object.hasOwn(AUTHORIZATION_SHAPES, view) &&
    AUTHORIZATION_SHAPES[view as View](candidate)
  );
}

/**
 * Whether the caller may act on this organization at all: an authorization bound to one organization (an org
 * admin's) reaches only that one; staff reach the organizations listed, or all.
 */
export function mayReachOrganization(authorization: OrgConnectionsAuthorization, organizationId: string): boolean {
  if ('organizationId' in authorization) return authorization.organizationId === organizationId;
  const { organizations } = authorization;
  return organizations === undefined || organizations === '*' || organizations.includes(organizationId);
}

/**
 * The staff's authorization, for what only the views that may add connections reach (the tenant's connection list,
 * the host's `attachable`, rollouts: the route table serves them to no one else); `undefined` for anyone else.
 */
export function asStaff(authorization: OrgConnectionsAuthorization): TenantAdminAuthorization | undefined {
  return canAddOrRemoveConnections(authorization.view) ? (authorization as TenantAdminAuthorization) : undefined;
}

/** Whether the caller is the read-only staff role, which may change nothing (an org admin is never `readOnly`). */
export function isReadOnly(authorization: OrgConnectionsAuthorization): boolean {
  return 'readOnly' in authorization && authorization.readOnly === true;
}

/**
 * Whether the tenant's connection list may be read without naming an organization: staff limited to some
 * organizations must name one (`organization_id`), so the list is judged for an organization it may reach.
 */
export function mayListWholeTenant(authorization: TenantAdminAuthorization): boolean {
  return authorization.organizations === undefined || authorization.organizations === '*';
}

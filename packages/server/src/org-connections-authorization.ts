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
}

/** Who is calling, as the host's `authorize(request)` says; `null` when there is no session (401). */
export type OrgConnectionsAuthorization = OrgAdminAuthorization | TenantAdminAuthorization;

/**
 * Checks what the host's `authorize` returned; anything malformed is a host bug and is refused (500), never
 * read generously (an org admin without a valid organization id must not become a tenant admin).
 */
export function isValidAuthorization(value: unknown): value is OrgConnectionsAuthorization {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  if (typeof candidate.actor !== 'string' || candidate.actor === '') return false;
  if (candidate.view === 'org-admin') {
    return typeof candidate.organizationId === 'string' && ORGANIZATION_ID_PATTERN.test(candidate.organizationId);
  }
  if (candidate.view === 'tenant-admin') {
    const { organizations } = candidate;
    return (
      organizations === undefined ||
      organizations === '*' ||
      (Array.isArray(organizations) && organizations.every((id) => typeof id === 'string'))
    );
  }
  return false;
}

/** Whether the caller may act on this organization at all. */
export function mayReachOrganization(authorization: OrgConnectionsAuthorization, organizationId: string): boolean {
  if (authorization.view === 'org-admin') return authorization.organizationId === organizationId;
  const { organizations } = authorization;
  return organizations === undefined || organizations === '*' || organizations.includes(organizationId);
}

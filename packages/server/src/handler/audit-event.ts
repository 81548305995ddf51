import type { OrgConnectionSettings, View } from '@org-connections/core';
import type { OrgConnectionsRequestContext } from './org-connections-request-context';

/** A write; `read` only for a read refused by a limit (429 `too_many_requests`). */
export type AuditAction = 'add' | 'update' | 'remove' | 'read';

/** One write attempt, allowed or refused, as `onAudit` receives it. */
export interface OrgConnectionsAuditEvent {
  actor: string;
  view: View;
  /** `true` for the read-only staff role (every write it tries is refused). */
  readOnly?: boolean;
  organizationId: string;
  /** The connection written to (for an add, the one in the body, once the body could be read). */
  connectionId?: string;
  action: AuditAction;
  /** The settings asked for, by their model names, once the body passed validation. */
  changes?: Partial<OrgConnectionSettings>;
  /**
   * The written fields' values before the write, as read from Auth0 when the handler read the connection before
   * writing (an org admin's update). Absent when it was not read (a tenant admin's update or remove, an add).
   */
  before?: Partial<OrgConnectionSettings>;
  /** The written fields' values as Auth0 answered the write; absent when nothing was written or Auth0 refused it. */
  after?: Partial<OrgConnectionSettings>;
  /** `allowed`: the write was sent to Auth0 (`status` is Auth0's answer); `refused`: it was not (`status` is the proxy's). */
  outcome: 'allowed' | 'refused';
  /** The status the caller received. */
  status: number;
  /** For an answer of 400 or more: its `errorCode` (the proxy's, or Auth0's) and its message, which says why. */
  errorCode?: string;
  reason?: string;
  /** When the request arrived, ISO 8601 in UTC (`2026-12-06T09:00:00.000Z`). */
  at: string;
  /** The request's `x-request-id` header when it has a usable one (1-200 visible characters), else a new UUID. */
  requestId: string;
  /**
   * The client's address: the Node socket's remote address (through `toNodeListener`); with `trustProxy: true`,
   * the first address of `x-forwarded-for` when present. Absent when neither is known (a Fetch runtime).
   */
  clientAddress?: string;
  /** The request's `user-agent` header, when sent. */
  userAgent?: string;
  /** The rollout this write belongs to (one event per organization of a rollout; `requestId` is `rolloutId:organizationId`). */
  rolloutId?: string;
}

export type OnAudit = (event: OrgConnectionsAuditEvent) => void | Promise<void>;

/** The request's `x-request-id` when it is 1-200 visible ASCII characters, else a new UUID. */
export function requestIdOf(request: Request): string {
  const given = request.headers.get('x-request-id')?.trim();
  return given !== undefined && /^[\x21-\x7e]{1,200}$/.test(given) ? given : crypto.randomUUID();
}

/**
 * The client's address. The socket's peer is the default: `x-forwarded-for` can be written by anyone, so it is
 * read only when the host says a proxy it trusts sets it (`trustProxy`), and then its first (client) entry.
 */
export function clientAddressOf(
  request: Request,
  context: OrgConnectionsRequestContext,
  trustProxy: boolean,
): string | undefined {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded !== undefined && /^[0-9A-Fa-f:.[\]]{2,64}$/.test(forwarded)) return forwarded;
  }
  return context.node?.req.socket?.remoteAddress ?? undefined;
}

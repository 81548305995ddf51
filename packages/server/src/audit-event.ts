import type { OrgConnectionSettings, View } from '@org-connections/core';

/** A write; `read` only for a read refused by a limit (429 `too_many_requests`). */
export type AuditAction = 'add' | 'update' | 'remove' | 'read';

/** One write attempt, allowed or refused, as `onAudit` receives it. */
export interface OrgConnectionsAuditEvent {
  actor: string;
  view: View;
  organizationId: string;
  /** The connection written to (for an add, the one in the body, once the body could be read). */
  connectionId?: string;
  action: AuditAction;
  /** The settings asked for, by their model names, once the body passed validation. */
  changes?: Partial<OrgConnectionSettings>;
  /** `allowed`: the write was sent to Auth0 (`status` is Auth0's answer); `refused`: it was not (`status` is the proxy's). */
  outcome: 'allowed' | 'refused';
  /** The status the caller received. */
  status: number;
}

export type OnAudit = (event: OrgConnectionsAuditEvent) => void | Promise<void>;

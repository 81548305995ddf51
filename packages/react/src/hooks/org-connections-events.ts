import type { OrgConnection, OrgConnectionSettings } from '@org-connections/core';
import { type RefObject, useLayoutEffect, useRef } from 'react';

/** The change a failed event was about. */
export type OrgConnectionsOperation = 'add' | 'update' | 'remove';

export interface OrgConnectionsErrorDetails {
  operation: OrgConnectionsOperation;
  /** The connection the change was for. */
  connectionId?: string;
}

/**
 * What the host hears of changes made through the components: each fires once per change, after the server answered
 * (never on the optimistic write), so a host can show its own toast, refresh its own data or count it.
 */
export interface OrgConnectionsEvents {
  /** A connection was enabled for the organization: the server's answer. */
  onAdded?: (connection: OrgConnection) => void;
  /** A connection was taken off the organization: as it was before. */
  onRemoved?: (connection: OrgConnection) => void;
  /** Settings were saved: the connection as the server answered, and the changes that were sent. */
  onUpdated?: (connection: OrgConnection, changes: Partial<OrgConnectionSettings>) => void;
  /** A change failed (refused by the rules or the server, or not reached); the components show it too. */
  onError?: (error: Error, details: OrgConnectionsErrorDetails) => void;
}

/**
 * The latest events, in a ref that stays the same object: the memoized rows get it without re-rendering when the host
 * passes new callbacks on each render.
 */
export function useEventsRef(events: OrgConnectionsEvents): RefObject<OrgConnectionsEvents> {
  const ref = useRef(events);
  useLayoutEffect(() => {
    ref.current = events;
  });
  return ref;
}

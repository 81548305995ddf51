import type { OrgConnection } from '../model/org-connection';

/**
 * Why switching off or removing a connection locks people out of the organization:
 * - `last_enabled_connection`: it is the only enabled connection, so nobody can sign in to the organization;
 * - `signed_in_connection`: the current admin signed in with it, so they (and everyone else who uses it) lose access.
 */
export type LockoutRisk = 'last_enabled_connection' | 'signed_in_connection';

export interface LockoutRiskInput {
  /** The organization's connections as known (for an org admin, the ones they may see). */
  connections: readonly Pick<OrgConnection, 'connectionId' | 'isEnabled'>[];
  /** The connection about to be switched off or removed. */
  connectionId: string;
  /** The connection the current admin signed in with, when the host knows it. */
  signedInWith?: string;
}

/**
 * What switching off or removing `connectionId` would lock out, `undefined` when nothing: only an enabled connection
 * can (one that is off lets nobody sign in already). The last enabled connection comes first: it locks out everyone,
 * the current admin included. The server refuses neither (the host's call): a UI asks before doing it.
 */
export function lockoutRisk({ connections, connectionId, signedInWith }: LockoutRiskInput): LockoutRisk | undefined {
  const enabled = connections.filter((connection) => connection.isEnabled);
  if (!enabled.some((connection) => connection.connectionId === connectionId)) return undefined;
  if (enabled.every((connection) => connection.connectionId === connectionId)) return 'last_enabled_connection';
  return connectionId === signedInWith ? 'signed_in_connection' : undefined;
}

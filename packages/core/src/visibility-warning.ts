import type { OrgConnection } from './org-connection';

export type VisibilityWarningCode = 'no_visible_connections';

/** Why login to the organization will fail as its connections stand. */
export interface VisibilityWarning {
  code: VisibilityWarningCode;
  /** English, for a person: what will happen and what to do. */
  message: string;
  /** The enabled connections hidden from the login page: showing any one of them as a button clears the warning. */
  connectionIds: string[];
}

type VisibilityInput = Pick<OrgConnection, 'connectionId' | 'isEnabled' | 'showAsButton' | 'kind'>;

/**
 * `true` when at least one connection is enabled for the organization, every enabled one is an enterprise
 * connection and none is shown as a button: Auth0's login then fails with "no connections enabled for the
 * organization are visible". The rule of `visibilityWarning`, for a UI that words the warning itself.
 */
export function hasNoVisibleConnection(connections: readonly VisibilityInput[]): boolean {
  const enabled = connections.filter((connection) => connection.isEnabled);
  return (
    enabled.length > 0 && enabled.every((connection) => connection.kind === 'enterprise' && !connection.showAsButton)
  );
}

/** The warning of `hasNoVisibleConnection`, in English; `undefined` when login can show at least one connection. */
export function visibilityWarning(connections: readonly VisibilityInput[]): VisibilityWarning | undefined {
  if (!hasNoVisibleConnection(connections)) return undefined;
  return {
    code: 'no_visible_connections',
    message:
      'No connections enabled for the organization are visible: every enabled connection is an enterprise connection hidden from the login page, so login will fail. Show at least one as a button, or enable a connection of another kind.',
    connectionIds: connections
      .filter((connection) => connection.isEnabled)
      .map((connection) => connection.connectionId),
  };
}

/** What `@org-connections/server` found over all the organization's connections (`ListOrganizationConnectionsResult`). */
export interface LoginPromptVerdict {
  hasVisibleConnection: boolean;
}

/**
 * `hasNoVisibleConnection` for a viewer who may not see every connection (an org admin): with the server's verdict
 * over all of them (hidden ones included), `true` exactly when it found none visible, unless one of `connections` is
 * on the prompt now (changed since the server answered); without a verdict, computed from `connections`.
 */
export function promptHasNoVisibleConnection(
  connections: readonly VisibilityInput[],
  verdict: LoginPromptVerdict | undefined,
): boolean {
  if (!verdict) return hasNoVisibleConnection(connections);
  const shown = connections.some(
    (connection) => connection.isEnabled && !(connection.kind === 'enterprise' && !connection.showAsButton),
  );
  return !verdict.hasVisibleConnection && !shown;
}

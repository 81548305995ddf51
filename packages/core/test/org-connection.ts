import type { ConnectionKind } from '../src/model/connection-kind';
import type { OrgConnection } from '../src/model/org-connection';

/** A strategy of each kind. */
const STRATEGIES: Record<ConnectionKind, string> = {
  database: 'auth0',
  social: 'google-oauth2',
  enterprise: 'okta',
  passwordless: 'email',
};

/** The settings a test sets on a connection; the others take the defaults below. */
export type ConnectionOverrides = Partial<
  Pick<OrgConnection, 'isEnabled' | 'showAsButton' | 'isSignupEnabled' | 'assignMembershipOnLogin' | 'connection'>
>;

/** An enabled connection of `kind` shown as a button, named after its id, with no signup or membership (tests only). */
export function connection(
  connectionId: string,
  kind: ConnectionKind,
  overrides: ConnectionOverrides = {},
): OrgConnection {
  return {
    connectionId,
    isEnabled: true,
    assignMembershipOnLogin: false,
    isSignupEnabled: false,
    showAsButton: true,
    connection: { name: connectionId, strategy: STRATEGIES[kind] },
    kind,
    ...overrides,
  };
}

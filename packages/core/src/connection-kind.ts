/** The class of a connection, derived from its strategy. It decides which settings apply. */
export type ConnectionKind = 'database' | 'social' | 'enterprise' | 'passwordless';

export const CONNECTION_KINDS: readonly ConnectionKind[] = ['database', 'social', 'enterprise', 'passwordless'];

/** Auth0's enterprise strategies (its documented list, plus `okta`, which the same page describes). */
export const ENTERPRISE_STRATEGIES: readonly string[] = [
  'ad',
  'adfs',
  'auth0-adldap',
  'google-apps',
  'ip',
  'office365',
  'oidc',
  'okta',
  'pingfederate',
  'samlp',
  'sharepoint',
  'waad',
];

export const PASSWORDLESS_STRATEGIES: readonly string[] = ['email', 'sms'];

/** `auth0` is a database connection; every strategy Auth0 does not list as anything else is social. */
export function connectionKind(strategy: string | undefined): ConnectionKind {
  if (strategy === 'auth0') return 'database';
  if (strategy === undefined) return 'social';
  if (ENTERPRISE_STRATEGIES.includes(strategy)) return 'enterprise';
  if (PASSWORDLESS_STRATEGIES.includes(strategy)) return 'passwordless';
  return 'social';
}

/** The class of a connection, derived from its strategy. It decides which settings apply. */
export type ConnectionKind = 'database' | 'social' | 'enterprise' | 'passwordless';

export const CONNECTION_KINDS: readonly ConnectionKind[] = ['database', 'social', 'enterprise', 'passwordless'];

/**
 * The strategies of each kind but social, which is every strategy not listed here. Enterprise: Auth0's documented
 * list, plus `okta`, which the same page describes.
 */
const STRATEGIES_OF_KIND: Record<Exclude<ConnectionKind, 'social'>, readonly string[]> = {
  database: ['auth0'],
  enterprise: [
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
  ],
  passwordless: ['email', 'sms'],
};

/** The strategy of a connection whose data source did not say it: its kind is the source's to decide. */
export const UNKNOWN_STRATEGY = '';

/** Auth0's enterprise strategies. */
export const ENTERPRISE_STRATEGIES: readonly string[] = STRATEGIES_OF_KIND.enterprise;

export const PASSWORDLESS_STRATEGIES: readonly string[] = STRATEGIES_OF_KIND.passwordless;

/**
 * The strategies of `kind`, for a filter by strategy: `undefined` for social, which is "every other strategy", a list
 * no filter by strategy can give.
 */
export function strategiesOfKind(kind: ConnectionKind): readonly string[] | undefined {
  return kind === 'social' ? undefined : STRATEGIES_OF_KIND[kind];
}

/** The kind of a strategy: every strategy Auth0 does not list as anything else (an unknown one too) is social. */
export function connectionKind(strategy: string | undefined): ConnectionKind {
  const kinds = Object.keys(STRATEGIES_OF_KIND) as (keyof typeof STRATEGIES_OF_KIND)[];
  return kinds.find((kind) => STRATEGIES_OF_KIND[kind].includes(strategy as string)) ?? 'social';
}

/** The class of a connection, derived from its strategy. It decides which settings apply. */
export type ConnectionKind = 'database' | 'social' | 'enterprise' | 'passwordless';

export const CONNECTION_KINDS: readonly ConnectionKind[] = ['database', 'social', 'enterprise', 'passwordless'];

/** A list's or the picker's kind filter: one kind, or every kind. */
export type ConnectionKindFilter = ConnectionKind | 'all';

/** The kind filter's choices, in the order a filter offers them: every kind first. */
export const CONNECTION_KIND_FILTERS: readonly ConnectionKindFilter[] = ['all', ...CONNECTION_KINDS];

/** Whether a connection of `kind` passes the kind filter. */
export function matchesKindFilter(kind: ConnectionKind, filter: ConnectionKindFilter): boolean {
  return filter === 'all' || kind === filter;
}

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
 * The strategies of a kind filter, for a filter by strategy: `undefined` when it cannot be one, for every kind (no
 * filter) and for social, which is "every other strategy", a list no filter by strategy can give.
 */
export function strategiesOfKind(filter: ConnectionKindFilter): readonly string[] | undefined {
  return filter === 'all' || filter === 'social' ? undefined : STRATEGIES_OF_KIND[filter];
}

/** The kind of a strategy: every strategy Auth0 does not list as anything else (an unknown one too) is social. */
export function connectionKind(strategy: string | undefined): ConnectionKind {
  const kinds = Object.keys(STRATEGIES_OF_KIND) as (keyof typeof STRATEGIES_OF_KIND)[];
  return kinds.find((kind) => STRATEGIES_OF_KIND[kind].includes(strategy as string)) ?? 'social';
}

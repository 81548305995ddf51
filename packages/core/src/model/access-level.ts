/** What an organization's own administrators may do with a connection (`organization_access_level`). */
export type AccessLevel = 'none' | 'readonly' | 'limited' | 'full';

/**
 * An access level as it arrives from the server. Auth0 may add levels; an unknown one is kept as the
 * string it was (so a tenant admin still sees it) and behaves as `none` wherever an org admin is concerned.
 */
export type AccessLevelValue = AccessLevel | (string & {});

/** The four levels, least to most permissive. */
export const ACCESS_LEVELS: readonly AccessLevel[] = ['none', 'readonly', 'limited', 'full'];

export function isAccessLevel(value: unknown): value is AccessLevel {
  return typeof value === 'string' && (ACCESS_LEVELS as readonly string[]).includes(value);
}

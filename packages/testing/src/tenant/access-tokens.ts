/** Scopes of the Management API endpoints the fake serves. */
export const MANAGEMENT_SCOPES = [
  'read:organization_connections',
  'create:organization_connections',
  'update:organization_connections',
  'delete:organization_connections',
  'read:connections',
  'read:organizations',
] as const;

/** Scopes of the My Organization API endpoints the fake serves. */
export const MY_ORGANIZATION_SCOPES = ['read:my_org:identity_providers', 'update:my_org:identity_providers'] as const;

export const ALL_SCOPES: readonly string[] = [...MANAGEMENT_SCOPES, ...MY_ORGANIZATION_SCOPES];

export interface IssueTokenOptions {
  /** Defaults to every scope of both APIs. */
  scopes?: readonly string[];
  /** The organization a My Organization API token is bound to (its `org_id` claim). */
  organizationId?: string;
  /** Seconds until the token expires; never when absent. */
  expiresIn?: number;
  /** Use this exact string as the token (it must not be in use). Generated when absent. */
  token?: string;
}

/** How the tenant sees a token it issued. */
export interface FakeAccessToken {
  token: string;
  scopes: readonly string[];
  organizationId?: string;
  /** Epoch milliseconds; absent for a token that never expires. */
  expiresAt?: number;
  status: 'active' | 'revoked';
}

export type TokenCheck =
  | { outcome: 'valid'; token: FakeAccessToken }
  | { outcome: 'missing' | 'malformed' | 'unknown' | 'expired' | 'revoked' };

export interface AccessTokenStore {
  issue(options?: IssueTokenOptions): string;
  expire(token: string): void;
  revoke(token: string): void;
  check(authorization: string | null): TokenCheck;
  find(token: string): FakeAccessToken | undefined;
}

export function createAccessTokenStore(now: () => number): AccessTokenStore {
  const tokens = new Map<string, FakeAccessToken>();
  let counter = 0;

  function mustFind(token: string): FakeAccessToken {
    const found = tokens.get(token);
    if (found === undefined) throw new Error(`The fake tenant did not issue the token "${token}".`);
    return found;
  }

  return {
    issue(options = {}) {
      counter += 1;
      const token = options.token ?? `fake-access-token.${String(counter).padStart(4, '0')}`;
      if (tokens.has(token)) throw new Error(`The token "${token}" was already issued.`);
      const record: FakeAccessToken = { token, scopes: [...(options.scopes ?? ALL_SCOPES)], status: 'active' };
      if (options.organizationId !== undefined) record.organizationId = options.organizationId;
      if (options.expiresIn !== undefined) record.expiresAt = now() + options.expiresIn * 1000;
      tokens.set(token, record);
      return token;
    },
    expire(token) {
      mustFind(token).expiresAt = now() - 1;
    },
    revoke(token) {
      mustFind(token).status = 'revoked';
    },
    find(token) {
      return tokens.get(token);
    },
    check(authorization) {
      if (authorization === null || authorization.trim() === '') return { outcome: 'missing' };
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      const value = match?.[1];
      if (value === undefined) return { outcome: 'malformed' };
      const token = tokens.get(value);
      if (token === undefined) return { outcome: 'unknown' };
      if (token.status === 'revoked') return { outcome: 'revoked' };
      if (token.expiresAt !== undefined && token.expiresAt <= now()) return { outcome: 'expired' };
      return { outcome: 'valid', token };
    },
  };
}

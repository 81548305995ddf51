/**
 * Supplies the Management API token. `forceRefresh` is `true` after Auth0 refused the previous token (401):
 * return a newly issued one, not a cached one.
 */
export type GetManagementToken = (options: { forceRefresh: boolean }) => string | Promise<string>;

/** Why a token could not be had; the message never carries the token, the secret or Auth0's answer. */
export class ManagementTokenError extends Error {
  override readonly name = 'ManagementTokenError';
}

export interface ClientCredentialsOptions {
  /** The tenant's domain: the token is for the audience `https://{domain}/api/v2/`. */
  domain: string;
  clientId: string;
  clientSecret: string;
  /** Where the grant is sent instead of `https://{domain}/oauth/token` (a loopback fake tenant, a proxy). */
  tokenUrl?: string | undefined;
  fetch?: typeof fetch | undefined;
  /** Abort the token request after this long. */
  timeoutMs: number;
  /** The clock, in epoch milliseconds; `Date.now` by default. */
  now?: (() => number) | undefined;
}

/** A token is replaced this long before it expires (at most half its lifetime). */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

/**
 * The client-credentials grant, through the official `auth0` SDK's `AuthenticationClient`
 * (`oauth.clientCredentialsGrant({ audience })`; the v4 API that `auth0` 7 ships as `auth0/legacy`, loaded on
 * first use), with what the SDK leaves to its caller: the token is cached until `TOKEN_REFRESH_MARGIN_MS`
 * before it expires, however many callers wait only one grant is in flight, and a refused token is replaced
 * once (a caller that reports the token it was refused gets a new one; callers holding an older token
 * than the cached one just get the cached one).
 */
export function createClientCredentialsTokenSource(
  options: ClientCredentialsOptions,
): (rejected: string | undefined) => Promise<string> {
  const now = options.now ?? Date.now;
  const audience = `https://${options.domain}/api/v2/`;
  const sdkTokenUrl = `https://${options.domain}/oauth/token`;
  const fetchFunction: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const target = options.tokenUrl !== undefined && url === sdkTokenUrl ? options.tokenUrl : input;
    return (options.fetch ?? globalThis.fetch)(target, init);
  };
  let client: Promise<{ grant: () => Promise<{ access_token?: unknown; expires_in?: unknown }> }> | undefined;
  let cached: { token: string; refreshAt: number } | undefined;
  let pending: Promise<string> | undefined;

  function authenticationClient() {
    client ??= import('auth0/legacy').then(({ AuthenticationClient }) => {
      const sdk = new AuthenticationClient({
        domain: options.domain,
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        fetch: fetchFunction,
        timeoutDuration: options.timeoutMs,
      });
      return { grant: async () => (await sdk.oauth.clientCredentialsGrant({ audience })).data };
    });
    return client;
  }

  async function requestToken(): Promise<string> {
    let answer: { access_token?: unknown; expires_in?: unknown };
    try {
      answer = await (await authenticationClient()).grant();
    } catch (error) {
      // The SDK's error may hold Auth0's answer; only its status is kept.
      const status =
        typeof error === 'object' && error !== null && 'statusCode' in error ? error.statusCode : undefined;
      throw new ManagementTokenError(
        typeof status === 'number'
          ? `The client-credentials grant was refused (HTTP ${status}).`
          : 'The client-credentials grant could not be completed (the token endpoint was not reached).',
      );
    }
    const { access_token: token, expires_in: expiresIn } = answer;
    if (typeof token !== 'string' || token === '' || typeof expiresIn !== 'number' || !(expiresIn > 0)) {
      throw new ManagementTokenError('The token endpoint answered without a usable access_token and expires_in.');
    }
    const lifetime = expiresIn * 1000;
    cached = { token, refreshAt: now() + lifetime - Math.min(TOKEN_REFRESH_MARGIN_MS, lifetime / 2) };
    return token;
  }

  return async (rejected) => {
    if (rejected !== undefined && cached?.token === rejected) cached = undefined;
    if (cached !== undefined && now() < cached.refreshAt) return cached.token;
    pending ??= requestToken().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}

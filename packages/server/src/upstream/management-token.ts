import { createMemoryStore, type OrgConnectionsStore } from '../store/store';
import { createTokenCipher } from './token-cipher';

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
  /**
   * Where instances share the token (encrypted) and the lock that lets one of them request it; this instance's
   * memory by default.
   */
  store?: OrgConnectionsStore | undefined;
  /** The secret the stored token is encrypted with (HKDF to an AES-GCM key); the client secret by default. */
  encryptionKey?: string | undefined;
}

/** A token is replaced this long before it expires (at most half its lifetime). */
export const TOKEN_REFRESH_MARGIN_MS = 60_000;

/** How often an instance that did not get the lock looks for the token another instance is requesting. */
const TOKEN_POLL_MS = 25;

/** A token as shared: what it is, when it is due for a refresh, when it stops working (epoch milliseconds). */
interface SharedToken {
  token: string;
  refreshAt: number;
  expiresAt: number;
}

/**
 * The client-credentials grant, through the official `auth0` SDK's `AuthenticationClient`
 * (`oauth.clientCredentialsGrant({ audience })`; the v4 API that `auth0` 7 ships as `auth0/legacy`, loaded on
 * first use), with what the SDK leaves to its caller: the token is cached until `TOKEN_REFRESH_MARGIN_MS`
 * before it expires, however many callers wait only one grant is in flight, and a refused token is replaced
 * once (a caller that reports the token it was refused gets a new one; callers holding an older token
 * than the cached one just get the cached one).
 *
 * With a shared `store`, all of that holds across instances: the token is kept there encrypted (`token-cipher.ts`),
 * one instance requests a new one under a lock while the others keep using the still-valid token or wait for the
 * new one (at most the grant's time-out, then they request their own), and each instance reads the store only
 * when its own copy is due.
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
  const store = options.store ?? createMemoryStore({ now });
  const key = `token:${options.domain}:${options.clientId}`;
  const lockKey = `${key}:lock`;
  const cipher = createTokenCipher(options.encryptionKey ?? options.clientSecret, key);
  let client: Promise<{ grant: () => Promise<{ access_token?: unknown; expires_in?: unknown }> }> | undefined;
  let cached: SharedToken | undefined;
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

  async function requestToken(): Promise<SharedToken> {
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
    const issuedAt = now();
    return {
      token,
      refreshAt: issuedAt + lifetime - Math.min(TOKEN_REFRESH_MARGIN_MS, lifetime / 2),
      expiresAt: issuedAt + lifetime,
    };
  }

  /** The shared token, or `undefined` when there is none, it cannot be read (another key) or it is malformed. */
  async function readShared(): Promise<SharedToken | undefined> {
    try {
      const stored = await store.get(key);
      if (stored === undefined) return undefined;
      const value: unknown = JSON.parse(await cipher.decrypt(stored));
      if (typeof value !== 'object' || value === null) return undefined;
      const { token, refreshAt, expiresAt } = value as Record<string, unknown>;
      if (typeof token !== 'string' || typeof refreshAt !== 'number' || typeof expiresAt !== 'number') return undefined;
      return { token, refreshAt, expiresAt };
    } catch {
      return undefined;
    }
  }

  /** A new token from Auth0, shared (encrypted) for the other instances. */
  async function requestAndShare(): Promise<SharedToken> {
    const fresh = await requestToken();
    try {
      await store.set(key, await cipher.encrypt(JSON.stringify(fresh)), fresh.expiresAt - now());
    } catch {
      // Not shared this time: the others request their own.
    }
    return fresh;
  }

  /**
   * One token request across the instances: the shared token while it is fresh; else whoever takes the lock
   * requests one while the others use the shared token as long as it still works, or wait for the new one (at
   * most the grant's own time-out, then they request their own).
   */
  async function obtain(rejected: string | undefined): Promise<SharedToken> {
    const deadline = performance.now() + options.timeoutMs;
    for (;;) {
      const shared = await readShared();
      const usable = shared !== undefined && shared.token !== rejected && now() < shared.expiresAt;
      if (usable && now() < shared.refreshAt) return shared;
      let locked = false;
      try {
        locked = await store.setIfAbsent(lockKey, '1', options.timeoutMs + 1000);
      } catch {
        return requestToken();
      }
      if (locked) {
        try {
          return await requestAndShare();
        } finally {
          await store.delete(lockKey).catch(() => undefined);
        }
      }
      if (usable) return shared;
      if (performance.now() >= deadline) return requestToken();
      await new Promise((resolve) => setTimeout(resolve, TOKEN_POLL_MS));
    }
  }

  return async (rejected) => {
    if (rejected !== undefined && cached?.token === rejected) cached = undefined;
    if (cached !== undefined && now() < cached.refreshAt) return cached.token;
    pending ??= obtain(rejected)
      .then((token) => {
        cached = token;
        return token.token;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}

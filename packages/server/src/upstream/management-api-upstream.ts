import type { ProxyMethod } from '../handler/proxy-route';

export interface UpstreamRequest {
  method: ProxyMethod;
  /** Below the Management API's base URL, built from validated ids with `encodeURIComponent`. */
  path: string;
  query?: URLSearchParams;
  /** Serialized here with `JSON.stringify`: the browser's bytes never reach Auth0. */
  body?: unknown;
  /** The incoming request's signal: a caller that goes away aborts the upstream request. */
  signal?: AbortSignal | undefined;
}

/** What Auth0 answered. */
export interface UpstreamAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** Auth0 could not be asked: unreachable, too slow, or no token could be had. Never carries the token. */
export class UpstreamUnavailableError extends Error {
  override readonly name = 'UpstreamUnavailableError';
  constructor(readonly reason: 'unreachable' | 'timeout' | 'token') {
    super(
      reason === 'token'
        ? 'No Management API token could be had.'
        : reason === 'timeout'
          ? 'The Management API did not answer in time.'
          : 'The Management API could not be reached.',
    );
  }
}

/** Rejects when the signal aborts. */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

export interface ManagementApiUpstreamOptions {
  /** `https://{domain}/api/v2`, without a trailing slash. */
  baseUrl: string;
  /** The token; given the token Auth0 refused, a new one. */
  token: (rejected: string | undefined) => Promise<string>;
  fetch?: typeof fetch | undefined;
  timeoutMs: number;
}

export type ManagementApiUpstream = (request: UpstreamRequest) => Promise<UpstreamAnswer>;

/**
 * Sends one request to the Management API with the token, and once more with a new token after a 401.
 * A fetch that throws (or the timeout) is an `UpstreamUnavailableError`; anything Auth0 answers is returned.
 */
export function createManagementApiUpstream(options: ManagementApiUpstreamOptions): ManagementApiUpstream {
  async function token(rejected: string | undefined): Promise<string> {
    try {
      return await options.token(rejected);
    } catch {
      // The grant's own error (or the host's `getManagementToken` error) stays on the server, unread.
      throw new UpstreamUnavailableError('token');
    }
  }

  async function once(request: UpstreamRequest, bearer: string): Promise<UpstreamAnswer> {
    const query = request.query?.toString();
    const url = `${options.baseUrl}${request.path}${query ? `?${query}` : ''}`;
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${bearer}` };
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const init: RequestInit = {
      method: request.method,
      headers,
      signal: request.signal === undefined ? timeout : AbortSignal.any([timeout, request.signal]),
    };
    if (request.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(request.body);
    }
    try {
      // Raced against the signal too, so a `fetch` that ignores it cannot hold the request past the timeout.
      return await Promise.race([
        (async () => {
          const response = await (options.fetch ?? globalThis.fetch)(url, init);
          return { status: response.status, headers: response.headers, text: await response.text() };
        })(),
        aborted(init.signal as AbortSignal),
      ]);
    } catch {
      // The fetch error may describe the request (headers included); it is dropped, not wrapped.
      throw new UpstreamUnavailableError(timeout.aborted ? 'timeout' : 'unreachable');
    }
  }

  return async (request) => {
    const first = await token(undefined);
    const answer = await once(request, first);
    if (answer.status !== 401) return answer;
    return once(request, await token(first));
  };
}

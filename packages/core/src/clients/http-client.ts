import type { ZodMiniType } from 'zod/mini';
import { OrgConnectionsError } from '../model/org-connections-error';
import { errorFromResponse } from './error-from-response';

export interface GetAccessTokenOptions {
  /**
   * `true` when the previous token was refused (401): return a newly issued token, not a cached one
   * (e.g. `getTokenSilently({ cacheMode: 'off' })`).
   */
  forceRefresh: boolean;
}

/** Supplies the bearer token; called before every request, so a short-lived token is never reused stale. */
export type GetAccessToken = (options: GetAccessTokenOptions) => string | Promise<string>;

/** The `fetch` to use; `globalThis.fetch` (looked up at request time) when not given. */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface RetryOptions {
  /** How many times a GET is sent again after a 429 or a 5xx. Default 2; 0 turns retrying off. Writes never retry. */
  attempts?: number;
  /**
   * The most time one call spends waiting between attempts, in total (default 3000). When the server's
   * `retryAt` is further away than what is left, the call fails at once with `rate_limited` and `retryAt`,
   * so a UI can say when to try again instead of hanging.
   */
  maxDelayMs?: number;
  /** The first backoff delay; each retry doubles it (with jitter), capped by `maxDelayMs`. Default 250. */
  baseDelayMs?: number;
}

export interface HttpClientOptions {
  baseUrl: string;
  getAccessToken?: GetAccessToken;
  fetch?: Fetch;
  retry?: RetryOptions;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** Path below `baseUrl`, segments already encoded: `/organizations/org_1/connections`. */
  path: string;
  query?: URLSearchParams;
  /** Sent as JSON. */
  body?: unknown;
  /** Extra request headers (lower-case names). */
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** What the request does, for messages: "list the organization's connections". */
  action: string;
}

export interface HttpClient {
  /** Sends the request and parses the JSON answer with `schema`. */
  request<Output>(request: HttpRequest, schema: ZodMiniType<Output>): Promise<Output>;
  /** Sends the request and expects no content (a 204); whatever body comes is ignored. */
  requestWithoutContent(request: HttpRequest): Promise<void>;
}

const DEFAULT_RETRY: Required<RetryOptions> = { attempts: 2, maxDelayMs: 3000, baseDelayMs: 250 };

function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error.name === 'AbortError' || error.name === 'TimeoutError')
  );
}

/** Resolves after `ms`, or rejects with the signal's reason (the native AbortError) when it aborts first. */
function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function describeIssuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'the body' : path.map(String).join('.');
}

function describeIssue(issue: { path: readonly PropertyKey[]; code: string; expected?: unknown }): string {
  const where = describeIssuePath(issue.path);
  if (issue.code === 'invalid_type' && typeof issue.expected === 'string')
    return `${where} should be ${issue.expected}`;
  if (issue.code === 'invalid_union') return `${where} has none of the expected shapes`;
  return `${where} is invalid`;
}

/**
 * The request core both API clients share: a fresh token per request (and once more after a 401), the
 * caller's AbortSignal, JSON parsing through zod, one error type, and GET retries with capped backoff.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const fetchFunction: Fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function accessToken(forceRefresh: boolean, signal: AbortSignal | undefined): Promise<string | undefined> {
    if (options.getAccessToken === undefined) return undefined;
    try {
      const token = await options.getAccessToken({ forceRefresh });
      signal?.throwIfAborted();
      return token;
    } catch (error) {
      if (signal?.aborted || isAbortError(error) || error instanceof OrgConnectionsError) throw error;
      // The provider's own error may describe the session; it is kept as the cause, not in the message.
      throw new OrgConnectionsError({
        kind: 'unauthorized',
        message: 'Could not get an access token. Sign in again.',
        cause: error,
      });
    }
  }

  /** Sends until an answer is final; returns the successful response and its body text. */
  async function send(request: HttpRequest): Promise<{ response: Response; text: string }> {
    const { signal } = request;
    const query = request.query?.toString();
    const url = `${baseUrl}${request.path}${query ? `?${query}` : ''}`;
    let refreshed = false;
    let retries = 0;
    let waited = 0;

    for (;;) {
      signal?.throwIfAborted();
      const token = await accessToken(refreshed, signal);
      const headers: Record<string, string> = { ...request.headers, accept: 'application/json' };
      if (token !== undefined) headers.authorization = `Bearer ${token}`;
      const init: RequestInit = { method: request.method, headers };
      if (request.body !== undefined) {
        headers['content-type'] = 'application/json';
        init.body = JSON.stringify(request.body);
      }
      if (signal !== undefined) init.signal = signal;

      // The answer, or the dropped connection that stands in for one.
      let answer: { response: Response; text: string } | OrgConnectionsError;
      try {
        const response = await fetchFunction(url, init);
        answer = { response, text: await response.text() };
      } catch (cause) {
        if (signal?.aborted || isAbortError(cause)) throw cause;
        answer = new OrgConnectionsError({
          kind: 'network',
          message: `Could not ${request.action}: the server could not be reached. Check the network connection.`,
          cause,
        });
      }
      // A refused token is replaced once, for any method: the server did nothing with the request.
      if (
        'response' in answer &&
        answer.response.status === 401 &&
        options.getAccessToken !== undefined &&
        !refreshed
      ) {
        refreshed = true;
        continue;
      }
      if ('response' in answer && answer.response.ok) return answer;
      const now = Date.now();
      const error =
        answer instanceof OrgConnectionsError
          ? answer
          : errorFromResponse(
              {
                status: answer.response.status,
                statusText: answer.response.statusText,
                headers: answer.response.headers,
                body: answer.text,
              },
              { action: request.action, redact: token === undefined ? [] : [token], now },
            );

      // A GET is safe to send again after a dropped connection, a 429 or a 5xx; a write never is.
      const retryable = request.method === 'GET' && ['rate_limited', 'server', 'network'].includes(error.kind);
      if (!retryable || retries >= retry.attempts) throw error;

      const backoff = Math.min(retry.baseDelayMs * 2 ** retries, retry.maxDelayMs);
      const jittered = backoff / 2 + (Math.random() * backoff) / 2;
      const delay = error.retryAt === undefined ? jittered : Math.max(error.retryAt.getTime() - now, jittered);
      if (waited + delay > retry.maxDelayMs) throw error;
      await wait(delay, signal);
      waited += delay;
      retries += 1;
    }
  }

  return {
    async request<Output>(request: HttpRequest, schema: ZodMiniType<Output>): Promise<Output> {
      const { response, text } = await send(request);
      const invalid = (reason: string, cause?: unknown) =>
        new OrgConnectionsError({
          kind: 'invalid_response',
          status: response.status,
          message: `Could not ${request.action}: the server's answer ${reason}.`,
          cause,
        });
      if (text.trim() === '') throw invalid('was empty');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        const looksLikeHtml = /^\s*</.test(text);
        throw invalid(looksLikeHtml ? 'was an HTML page, not JSON (is a proxy in the way?)' : 'was not JSON', error);
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        const problems = parsed.error.issues.slice(0, 3).map(describeIssue).join('; ');
        throw invalid(`did not have the expected shape (${problems})`, parsed.error);
      }
      return parsed.data;
    },

    async requestWithoutContent(request: HttpRequest): Promise<void> {
      await send(request);
    },
  };
}

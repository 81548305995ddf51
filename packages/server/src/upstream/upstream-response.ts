import { jsonResponse, problemResponse } from '../handler/problem-response';
import type { UpstreamAnswer } from './management-api-upstream';

/** The only upstream headers passed on (besides the content type): Auth0's rate-limit state. */
function isPassedHeader(name: string): boolean {
  return name.startsWith('x-ratelimit-') || name === 'retry-after';
}

/** Auth0's rate-limit headers of an answer, for a response the proxy builds itself. */
export function rateLimitHeaders(answer: UpstreamAnswer): Headers {
  const headers = new Headers();
  for (const [name, value] of answer.headers) if (isPassedHeader(name)) headers.set(name, value);
  return headers;
}

/**
 * The one function from Auth0's answer to the browser's response: its status and body, its `X-RateLimit-*` and
 * `Retry-After`, nothing else. A body that is not JSON (a gateway's HTML page) goes out as `text/plain`, never
 * rendered on the host's origin. A 401 after the token's refresh means the proxy's own credentials are refused: a
 * 502, so the browser does not take it for its own session ending.
 */
export function upstreamResponse(answer: UpstreamAnswer): Response {
  if (answer.status === 401) {
    return problemResponse({
      status: 502,
      errorCode: 'management_token_rejected',
      message: 'The Management API refused the proxy’s credentials.',
    });
  }
  const headers = rateLimitHeaders(answer);
  const noContent = answer.status === 204 || answer.status === 304 || answer.text === '';
  const response = jsonResponse(answer.status, noContent ? null : answer.text, headers);
  const type = answer.headers.get('content-type') ?? '';
  if (!noContent && !/^application\/(.+\+)?json\b/i.test(type)) {
    response.headers.set('content-type', 'text/plain; charset=utf-8');
  }
  return response;
}

/** Parses Auth0's 2xx body; `undefined` when it is not JSON. */
export function answerJson(answer: UpstreamAnswer): unknown {
  try {
    return JSON.parse(answer.text);
  } catch {
    return undefined;
  }
}

/**
 * The items of one of Auth0's list answers, in either shape (a bare array, or `{ connections: [...] }` with totals
 * or a checkpoint); `undefined` for anything else.
 */
export function listItemsOf(json: unknown): unknown[] | undefined {
  const items = Array.isArray(json) ? json : (json as { connections?: unknown } | undefined)?.connections;
  return Array.isArray(items) ? items : undefined;
}

/** The reason phrase Auth0 puts in `error` for each status the proxy answers itself. */
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

/** An answer the proxy gives itself, in the Management API's error shape `{ statusCode, error, message, errorCode }`. */
export interface Problem {
  status: number;
  errorCode: string;
  message: string;
  /** Extra headers, e.g. `Allow` on a 405. */
  headers?: Record<string, string>;
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** A JSON response with the proxy's own security headers (never cached, never sniffed). */
export function jsonResponse(status: number, body: string | null, headers: HeadersInit = {}): Response {
  const response = new Response(body, { status, headers });
  if (body !== null) response.headers.set('content-type', JSON_CONTENT_TYPE);
  response.headers.set('cache-control', 'no-store');
  response.headers.set('x-content-type-options', 'nosniff');
  return response;
}

/** The response for a problem; the browser client's error normalizer reads it as it reads Auth0's own errors. */
export function problemResponse(problem: Problem): Response {
  const body = {
    statusCode: problem.status,
    error: REASONS[problem.status] ?? 'Error',
    message: problem.message,
    errorCode: problem.errorCode,
  };
  return jsonResponse(problem.status, JSON.stringify(body), problem.headers);
}

/** What every served route answers for something that is not served to the caller. */
export const NOT_SERVED: Problem = {
  status: 404,
  errorCode: 'not_found',
  message: 'Not found.',
};

/**
 * What an org admin gets for an organization that is not theirs (and a tenant admin for one outside its list):
 * the same whether the organization exists or not.
 */
export const ORGANIZATION_NOT_FOUND: Problem = {
  status: 404,
  errorCode: 'inexistent_organization',
  message: 'The organization does not exist.',
};

/**
 * What an org admin gets for a connection it may not see (`none` or an unknown access level) and for one that
 * does not exist: one body, so the difference never shows.
 */
export const CONNECTION_NOT_FOUND: Problem = {
  status: 404,
  errorCode: 'inexistent_organization_connection',
  message: 'The organization connection does not exist.',
};

/**
 * What a tenant connection by id answers when Auth0 has none with that id, and when the host's `attachable` does not
 * allow it for the organization named: one body (Auth0's errorCode), so the difference never shows.
 */
export const TENANT_CONNECTION_NOT_FOUND: Problem = {
  status: 404,
  errorCode: 'inexistent_connection',
  message: 'The connection does not exist.',
};

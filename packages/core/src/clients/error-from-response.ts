import * as z from 'zod/mini';
import {
  OrgConnectionsError,
  type OrgConnectionsErrorIssue,
  type OrgConnectionsErrorKind,
} from '../model/org-connections-error';

/** The Management API's error body, e.g. `{ statusCode: 403, error: "Forbidden", message, errorCode }`. */
const wireManagementApiErrorSchema = z.object({
  statusCode: z.optional(z.number()),
  error: z.optional(z.string()),
  message: z.optional(z.string()),
  errorCode: z.optional(z.string()),
});

/** The My Organization API's problem body, `{ type, status, title, detail }` or with `validation_errors`. */
const wireProblemSchema = z.object({
  type: z.optional(z.string()),
  status: z.optional(z.number()),
  title: z.optional(z.string()),
  detail: z.optional(z.string()),
  validation_errors: z.optional(
    z.array(
      z.object({
        detail: z.optional(z.string()),
        field: z.optional(z.string()),
        pointer: z.optional(z.string()),
        source: z.optional(z.string()),
      }),
    ),
  ),
});

/** The parts of a failed HTTP answer that decide the error. */
export interface FailedResponse {
  status: number;
  statusText?: string;
  headers: Headers;
  /** The body as text; empty, JSON of either Auth0 error shape, or anything a proxy sends (an HTML page). */
  body: string;
}

export interface ErrorFromResponseOptions {
  /** What was being done, for the message: "list the organization's connections". */
  action?: string;
  /** Strings that must never appear in the message (the access token). */
  redact?: readonly string[];
  /** The current time in milliseconds, to resolve `Retry-After` seconds. */
  now?: number;
}

/** The error kind an HTTP status stands for. */
export function errorKindForStatus(status: number): OrgConnectionsErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  if (status >= 400) return 'invalid_request';
  return 'invalid_response';
}

/**
 * When a rate-limited request may be sent again: `X-RateLimit-Reset` (epoch seconds) or `Retry-After`
 * (seconds or an HTTP date). When both are present the later one wins, so a retry never comes too early.
 */
export function retryAtFromHeaders(headers: Headers, now: number = Date.now()): Date | undefined {
  const candidates: number[] = [];
  const reset = headers.get('x-ratelimit-reset');
  if (reset !== null && /^\s*\d+(\.\d+)?\s*$/.test(reset)) candidates.push(Number(reset) * 1000);
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) {
    if (/^\s*\d+(\.\d+)?\s*$/.test(retryAfter)) candidates.push(now + Number(retryAfter) * 1000);
    else {
      const date = Date.parse(retryAfter);
      if (!Number.isNaN(date)) candidates.push(date);
    }
  }
  if (candidates.length === 0) return undefined;
  return new Date(Math.max(...candidates));
}

/**
 * The scopes a 403 asks for: from Auth0's message ("Insufficient scope, expected any of: a, b", or the
 * My Organization API's "The auth token lacks the required scope: a") or from a
 * `WWW-Authenticate: Bearer error="insufficient_scope", scope="a b"` header.
 */
export function requiredScopesFrom(message: string | undefined, headers?: Headers): string[] | undefined {
  const match =
    message === undefined
      ? null
      : (/insufficient scope[^:]*?expected any of:?\s*(.+)$/i.exec(message) ??
        /lacks the required scopes?:?\s*(.+)$/i.exec(message));
  const fromMessage = scopesIn(match?.[1]);
  if (fromMessage !== undefined) return fromMessage;
  return scopesIn(/scope="([^"]*)"/i.exec(headers?.get('www-authenticate') ?? '')?.[1]);
}

/** The scope-shaped words of a list (`read:organization_connections`); prose around them is ignored. */
function scopesIn(listed: string | undefined): string[] | undefined {
  if (listed === undefined) return undefined;
  const scopes = listed
    .split(/[\s,;]+/)
    .map((word) => word.replace(/[.]+$/, ''))
    .filter((word) => /^[\w-]+(:[\w-]+)+$/.test(word));
  return scopes.length > 0 ? scopes : undefined;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function redactAll(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length > 0) result = result.split(secret).join('[redacted]');
  }
  return result;
}

interface ServerDetails {
  message?: string;
  code?: string;
  issues?: OrgConnectionsErrorIssue[];
}

/** Reads either Auth0 error body; anything else (HTML, empty, other JSON) gives no details. */
function serverDetails(json: unknown): ServerDetails {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return {};
  if ('statusCode' in json || 'errorCode' in json || ('error' in json && 'message' in json)) {
    const parsed = wireManagementApiErrorSchema.safeParse(json);
    if (parsed.success) {
      const details: ServerDetails = {};
      const message = parsed.data.message ?? parsed.data.error;
      if (message) details.message = message;
      if (parsed.data.errorCode) details.code = parsed.data.errorCode;
      return details;
    }
  }
  const parsed = wireProblemSchema.safeParse(json);
  if (!parsed.success) return {};
  const details: ServerDetails = {};
  if (parsed.data.type) details.code = parsed.data.type;
  const issues = (parsed.data.validation_errors ?? []).map((item) => {
    const issue: OrgConnectionsErrorIssue = { message: item.detail ?? 'is invalid' };
    const field = item.field ?? item.pointer;
    if (field !== undefined) issue.field = field;
    return issue;
  });
  if (issues.length > 0) details.issues = issues;
  const summary = issues.map((issue) => (issue.field ? `${issue.field} ${issue.message}` : issue.message)).join('; ');
  const message =
    parsed.data.detail ?? (summary ? `${parsed.data.title ?? 'Validation error'}: ${summary}` : undefined);
  const chosen = message ?? parsed.data.title;
  if (chosen) details.message = chosen;
  return details;
}

function retryPhrase(retryAt: Date | undefined, now: number): string {
  if (retryAt === undefined) return '';
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now) / 1000));
  return ` Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
}

/**
 * Normalizes a failed HTTP answer of either API (`{statusCode, error, message, errorCode}` or
 * `{type, status, title, detail, validation_errors}`, or a proxy's HTML page) into an `OrgConnectionsError`.
 * Never throws.
 */
export function errorFromResponse(
  response: FailedResponse,
  options: ErrorFromResponseOptions = {},
): OrgConnectionsError {
  const now = options.now ?? Date.now();
  const kind = errorKindForStatus(response.status);
  // A 5xx page is never shown: it is whatever a proxy or load balancer rendered.
  const details = kind === 'server' ? {} : serverDetails(parseJson(response.body));
  const retryAt = kind === 'rate_limited' ? retryAtFromHeaders(response.headers, now) : undefined;
  const requiredScopes = kind === 'forbidden' ? requiredScopesFrom(details.message, response.headers) : undefined;

  // For a developer's log (a UI words the error from its kind and data): the server's own message, else the status.
  const base =
    kind === 'server'
      ? `The server had a problem answering (HTTP ${response.status}).`
      : (details.message ?? `The server answered HTTP ${response.status} (${kind}).`);
  // A message relayed from another of our errors already says what could not be done.
  const where = options.action && !/^could not /i.test(base) ? `Could not ${options.action}: ` : '';
  const retry = kind === 'rate_limited' ? retryPhrase(retryAt, now) : '';
  const sentence = retry !== '' && !/[.!?]$/.test(base) ? `${base}.` : base;
  const message = redactAll(`${where}${sentence}${retry}`, options.redact ?? []);

  return new OrgConnectionsError({
    kind,
    message,
    status: response.status,
    code: details.code,
    retryAt,
    requiredScopes,
    issues: details.issues?.map((issue) => ({ ...issue, message: redactAll(issue.message, options.redact ?? []) })),
  });
}

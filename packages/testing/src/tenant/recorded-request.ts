import type { FakeApi, FakeOperation } from '../http/api-routes';

/** One request the fake tenant received, as tests assert on it. The `Authorization` header is never kept. */
export interface RecordedRequest {
  api: FakeApi;
  /** The endpoint it matched, when it matched one. */
  operation?: FakeOperation;
  method: string;
  /** Relative to the API's base URL, e.g. `/organizations/org_1/connections`. */
  path: string;
  url: string;
  /** Query parameters; a repeated key (`strategy=a&strategy=b`) becomes an array. */
  query: Record<string, string | string[]>;
  /** The parsed JSON or form body, the raw text when it could not be parsed, `undefined` when empty. */
  body: unknown;
  /** Lower-case header names, without `authorization`. */
  headers: Record<string, string>;
  /** The status answered; absent while pending and for a simulated network failure. */
  status?: number;
}

/** Which requests a fault applies to: every field given must match. */
export type RequestMatch =
  | {
      api?: FakeApi;
      operation?: FakeOperation;
      method?: string;
      /** The exact relative path, or a pattern tested against it. */
      path?: string | RegExp;
    }
  | ((request: RecordedRequest) => boolean);

export function requestMatches(request: RecordedRequest, match: RequestMatch | undefined): boolean {
  if (match === undefined) return true;
  if (typeof match === 'function') return match(request);
  if (match.api !== undefined && match.api !== request.api) return false;
  if (match.operation !== undefined && match.operation !== request.operation) return false;
  if (match.method !== undefined && match.method.toUpperCase() !== request.method) return false;
  if (typeof match.path === 'string' && match.path !== request.path) return false;
  if (match.path instanceof RegExp && !match.path.test(request.path)) return false;
  return true;
}

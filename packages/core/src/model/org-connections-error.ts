/** What went wrong, as a finite set a UI can switch on. */
export type OrgConnectionsErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid_request'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'invalid_response'
  | 'not_permitted';

/**
 * The code of the `not_permitted` error core's guard throws when the view may not make a change (its role and the
 * connection's access level), before any request. The other `not_permitted`, a data source that does not offer a
 * feature or setting, has the code `UNSUPPORTED_FEATURE_CODE`.
 */
export const VIEW_NOT_PERMITTED_CODE = 'view_not_permitted';

export interface OrgConnectionsErrorIssue {
  /** The wire field or JSON pointer the server named, or the setting core's guard names, when there is one. */
  field?: string;
  /** The rule broken, for an issue found by core's guard: an `OrgConnectionSettingsIssueCode`. */
  code?: string;
  /** The server's words (or the code), for a developer's log; a UI words the issue from `field` and `code`. */
  message: string;
}

export interface OrgConnectionsErrorOptions {
  kind: OrgConnectionsErrorKind;
  message: string;
  status?: number;
  /** Auth0's `errorCode` (Management API) or the problem `type` (My Organization API). */
  code?: string;
  /** When a rate-limited request may be sent again (`X-RateLimit-Reset` or `Retry-After`). */
  retryAt?: Date;
  /** For a 403 `insufficient_scope`: the scopes the server asked for. */
  requiredScopes?: string[];
  /** Field-level problems the server reported (My Organization API `validation_errors`). */
  issues?: OrgConnectionsErrorIssue[];
  cause?: unknown;
}

/**
 * The one error type every data source throws. Its message is English for a developer's log and never contains
 * an access token; a UI words the error from `kind` and its data (`retryAt`, `requiredScopes`, `issues`, `code`).
 */
export class OrgConnectionsError extends Error {
  override readonly name = 'OrgConnectionsError';
  declare readonly kind: OrgConnectionsErrorKind;
  declare readonly status: number | undefined;
  declare readonly code: string | undefined;
  declare readonly retryAt: Date | undefined;
  declare readonly requiredScopes: string[] | undefined;
  declare readonly issues: OrgConnectionsErrorIssue[] | undefined;

  constructor(options: OrgConnectionsErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = options.kind;
    this.status = options.status;
    this.code = options.code;
    this.retryAt = options.retryAt;
    this.requiredScopes = options.requiredScopes;
    this.issues = options.issues;
  }
}

/**
 * The `code` (Management API `errorCode`) of a 403 from `@org-connections/server` refusing a change the caller's
 * access does not allow, as judged against the connection as Auth0 has it.
 */
export const CHANGE_REFUSED_CODE = 'org_connections_refused';

export function isOrgConnectionsError(value: unknown): value is OrgConnectionsError {
  return value instanceof OrgConnectionsError;
}

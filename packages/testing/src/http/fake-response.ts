import type { FakeApi } from './api-routes';

/** What a fake endpoint answers, before it becomes a `Response`. */
export interface FakeResponse {
  status: number;
  /** A value to send as JSON; `undefined` sends no body. */
  body?: unknown;
  headers?: Record<string, string>;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? (status >= 500 ? 'Server Error' : 'Error');
}

/** Auth0's Management API error body: `{ statusCode, error, message, errorCode }`. */
export interface ManagementErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errorCode?: string;
}

export function managementError(status: number, message: string, errorCode?: string): FakeResponse {
  const body: ManagementErrorBody = { statusCode: status, error: statusText(status), message };
  if (errorCode !== undefined) body.errorCode = errorCode;
  return { status, body };
}

/** The My Organization API's problem body: `{ type, status, title, detail }`. */
export interface MyOrganizationErrorBody {
  type: string;
  status: number;
  title: string;
  detail: string;
}

export interface MyOrganizationValidationErrorBody {
  type: string;
  status: number;
  title: string;
  validation_errors: { detail: string; field?: string; pointer?: string; source?: string }[];
}

/** `type` is a URI like Auth0's `https://auth0.com/api-errors#A0E-404-0002`. */
export function myOrganizationError(status: number, title: string, detail: string, code = 1): FakeResponse {
  const body: MyOrganizationErrorBody = {
    type: `https://auth0.com/api-errors#A0E-${status}-${String(code).padStart(4, '0')}`,
    status,
    title,
    detail,
  };
  return { status, body };
}

export function myOrganizationValidationError(
  errors: { detail: string; field?: string; pointer?: string; source?: string }[],
): FakeResponse {
  const body: MyOrganizationValidationErrorBody = {
    type: 'https://auth0.com/api-errors#A0E-400-0003',
    status: 400,
    title: 'Validation Error',
    validation_errors: errors,
  };
  return { status: 400, body };
}

/** The Authentication API's OAuth error body: `{ error, error_description }`. */
export interface AuthenticationErrorBody {
  error: string;
  error_description: string;
}

export function authenticationError(status: number, error: string, description: string): FakeResponse {
  const body: AuthenticationErrorBody = { error, error_description: description };
  return { status, body };
}

/** The default error body of each API for a status, as `failNext` sends it when given no body. */
export function defaultErrorBody(api: FakeApi, status: number): unknown {
  if (api === 'authentication') {
    const error = statusText(status).toLowerCase().replaceAll(' ', '_');
    return authenticationError(status, error, `${statusText(status)} (injected by the fake tenant).`).body;
  }
  if (api === 'management') {
    return managementError(status, `${statusText(status)} (injected by the fake tenant).`).body;
  }
  return myOrganizationError(status, statusText(status), `${statusText(status)} (injected by the fake tenant).`).body;
}

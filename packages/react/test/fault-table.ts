import { API_ROUTES, type FakeOperation, type FakeTenant } from '@org-connections/testing';

/** The scope Auth0 asks for on an operation of the Management API. */
export const scopeOf = (operation: FakeOperation) =>
  API_ROUTES.find((route) => route.api === 'management' && route.operation === operation)?.scope ?? '';

/** One fault the server or the network can answer a request with, and what a person reads about it. */
export interface FaultCase {
  fault: string;
  /** Makes the tenant answer the next request of `operation` with the fault. */
  inject: (tenant: FakeTenant, operation: FakeOperation) => void;
  /** What a failed change, or a failed read of the picker, says (the operation's scope for a 403). */
  says: (scope: string) => RegExp;
  /** What the list says when it could not be loaded. */
  listSays: (scope: string) => RegExp;
}

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The fault sweep: every request the components make is tested under each of these, in real Chromium. */
export const faults: readonly FaultCase[] = [
  {
    fault: '429 with a reset time',
    inject: (tenant, operation) => tenant.rateLimitNext({ retryAfterSeconds: 30, match: { operation } }),
    says: () => /Too many requests\. Try again at \d\d:\d\d:\d\d\./,
    listSays: () => /Too many requests\. Retrying at \d\d:\d\d:\d\d\./,
  },
  {
    fault: '503',
    inject: (tenant, operation) => tenant.failNext({ status: 503, match: { operation } }),
    says: () => /The server had a problem\. Try again later\./,
    listSays: () => /Connections could not be loaded\. The server had a problem\. Try again later\./,
  },
  {
    fault: 'a dropped connection',
    inject: (tenant, operation) => tenant.failNext({ network: true, match: { operation } }),
    says: () => /The server could not be reached\. Check your connection and try again\./,
    listSays: () => /Connections could not be loaded\. The server could not be reached\./,
  },
  {
    fault: '403 with a scope',
    inject: (tenant, operation) =>
      tenant.failNext({
        status: 403,
        body: {
          statusCode: 403,
          error: 'Forbidden',
          message: `Insufficient scope, expected any of: ${scopeOf(operation)}`,
          errorCode: 'insufficient_scope',
        },
        match: { operation },
      }),
    says: (scope) => new RegExp(`Missing permission: ${literally(scope)}\\.`),
    listSays: (scope) => new RegExp(`Connections could not be loaded\\. Missing permission: ${literally(scope)}\\.`),
  },
  {
    fault: '400',
    inject: (tenant, operation) =>
      tenant.failNext({
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Connection is locked by policy',
          errorCode: 'invalid_body',
        },
        match: { operation },
      }),
    says: () => /The request was not accepted\./,
    listSays: () => /Connections could not be loaded\. The request was not accepted\./,
  },
  {
    fault: '401',
    inject: (tenant, operation) => tenant.failNext({ status: 401, match: { operation } }),
    says: () => /Your session has expired\. Sign in again\./,
    listSays: () => /Connections could not be loaded\. Your session has expired\. Sign in again\./,
  },
];

import { HttpResponse, http, type RequestHandler } from 'msw';
import type { FakeTenant } from '../tenant/fake-tenant';
import { type ApiBaseUrls, type ResolvedBaseUrl, resolveBaseUrls, targetOf } from './api-base-urls';
import { API_ROUTES, type HttpMethod } from './api-routes';

export type CreateHandlersOptions = ApiBaseUrls;

/**
 * MSW resolves a relative path against the document's base URL; where there is no document (Node),
 * a relative base matches any origin instead.
 */
function pathPrefix(base: ResolvedBaseUrl): string {
  if (base.origin !== undefined || typeof document !== 'undefined') return base.baseUrl;
  return `*${base.pathname}`;
}

const METHODS = { GET: http.get, POST: http.post, PATCH: http.patch, DELETE: http.delete } as const;

/**
 * MSW request handlers serving the fake tenant: one per endpoint of both APIs, plus `POST` at the token URL,
 * so a request to any other path stays unhandled (and `onUnhandledRequest: 'error'` reports it). Works with
 * `setupServer` (msw/node) and `setupWorker` (msw/browser); imports neither.
 */
export function createHandlers(tenant: FakeTenant, options: CreateHandlersOptions = {}): RequestHandler[] {
  const bases = resolveBaseUrls(options);
  const handlers: RequestHandler[] = [];
  const serve = (base: ResolvedBaseUrl, method: HttpMethod, template: string) =>
    METHODS[method](`${pathPrefix(base)}${template}`, async ({ request }) => {
      const target = targetOf(new URL(request.url), [base]) ?? { api: base.api, path: template };
      const response = await tenant.handle(request, target);
      return response.type === 'error' ? HttpResponse.error() : response;
    });
  for (const base of bases) {
    if (base.api === 'authentication') {
      handlers.push(serve(base, 'POST', ''));
      continue;
    }
    for (const route of API_ROUTES) {
      if (route.api === base.api) handlers.push(serve(base, route.method, route.template));
    }
  }
  return handlers;
}

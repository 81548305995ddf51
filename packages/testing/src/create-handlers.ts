import { HttpResponse, http, type RequestHandler } from 'msw';
import { type ApiBaseUrls, type ResolvedBaseUrl, resolveBaseUrls, targetOf } from './api-base-urls';
import { API_ROUTES } from './api-routes';
import type { FakeTenant } from './fake-tenant';

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
 * MSW request handlers serving the fake tenant: one per endpoint of both APIs, so a request to any
 * other path stays unhandled (and `onUnhandledRequest: 'error'` reports it). Works with `setupServer`
 * (msw/node) and `setupWorker` (msw/browser); imports neither.
 */
export function createHandlers(tenant: FakeTenant, options: CreateHandlersOptions = {}): RequestHandler[] {
  const bases = resolveBaseUrls(options);
  const handlers: RequestHandler[] = [];
  for (const base of bases) {
    for (const route of API_ROUTES) {
      if (route.api !== base.api) continue;
      handlers.push(
        METHODS[route.method](`${pathPrefix(base)}${route.template}`, async ({ request }) => {
          const target = targetOf(new URL(request.url), [base]) ?? { api: base.api, path: route.template };
          const response = await tenant.handle(request, target);
          return response.type === 'error' ? HttpResponse.error() : response;
        }),
      );
    }
  }
  return handlers;
}

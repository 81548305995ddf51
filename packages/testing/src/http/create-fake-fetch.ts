import type { FakeTenant } from '../tenant/fake-tenant';
import { type ApiBaseUrls, resolveBaseUrls, targetOf } from './api-base-urls';

export type CreateFakeFetchOptions = ApiBaseUrls;

/**
 * A `fetch` served by the fake tenant without MSW, for a client's `fetch` option. A URL outside both
 * base URLs and the token URL, or a simulated network failure, rejects with a `TypeError`, as `fetch` does.
 */
export function createFakeFetch(tenant: FakeTenant, options: CreateFakeFetchOptions = {}): typeof fetch {
  const bases = resolveBaseUrls(options);
  return async (input, init) => {
    const page = typeof globalThis.location === 'undefined' ? 'http://localhost' : globalThis.location.href;
    const request =
      input instanceof Request ? new Request(input, init) : new Request(new URL(String(input), page), init);
    const target = targetOf(new URL(request.url), bases);
    if (target === undefined) throw new TypeError(`The fake tenant does not serve ${request.method} ${request.url}.`);
    const response = await tenant.handle(request, target);
    if (response.type === 'error')
      throw new TypeError('Failed to fetch (a network failure injected by the fake tenant).');
    return response;
  };
}

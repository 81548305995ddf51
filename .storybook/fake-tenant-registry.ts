import { getResponse, http, type RequestHandler } from 'msw';

/**
 * Every story render gets its own fake tenant, served below its own path: `/fake-tenant/<key>/api/v2`
 * and `/fake-tenant/<key>/my-org/v1`. One initial MSW handler (it survives msw-storybook-addon's reset
 * between stories) hands each request to the handlers of the tenant its key names, so stories never
 * share data, faults or latency, not even when a docs page renders several of them at once.
 */
export const FAKE_TENANT_PATH = '/fake-tenant';

const tenants = new Map<string, RequestHandler[]>();
let counter = 0;

/** Registers a tenant's handlers; returns its key and a function that removes them again. */
export function registerTenant(createHandlers: (basePath: string) => RequestHandler[]): {
  basePath: string;
  unregister: () => void;
} {
  counter += 1;
  const key = String(counter);
  const basePath = `${FAKE_TENANT_PATH}/${key}`;
  tenants.set(key, createHandlers(basePath));
  return { basePath, unregister: () => tenants.delete(key) };
}

/** The one handler the worker starts with. */
export const fakeTenantDispatcher = http.all(`${FAKE_TENANT_PATH}/:key/*`, ({ request, params }) => {
  const handlers = typeof params.key === 'string' ? tenants.get(params.key) : undefined;
  return handlers === undefined ? undefined : getResponse(handlers, request);
});

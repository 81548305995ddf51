import { getResponse, http, type RequestHandler } from 'msw';

/**
 * Every story render gets its own fake tenant, served below its own path: `/fake-tenant/<key>/api/v2`
 * and `/fake-tenant/<key>/my-org/v1`. One initial MSW handler (it survives msw-storybook-addon's reset
 * between stories) hands each request to the handlers of the tenant its key names, so stories never
 * share data, faults or latency, not even when a docs page renders several of them at once.
 */
export const FAKE_TENANT_PATH = '/fake-tenant';

interface Registry {
  tenants: Map<string, RequestHandler[]>;
  counter: number;
}

// Kept on globalThis: the worker outlives a hot reload of this module, and must keep finding the tenants.
const page = globalThis as { __orgConnectionsFakeTenants?: Registry };
page.__orgConnectionsFakeTenants ??= { tenants: new Map(), counter: 0 };
const registry: Registry = page.__orgConnectionsFakeTenants;

/** Registers a tenant's handlers; returns its key and a function that removes them again. */
export function registerTenant(createHandlers: (basePath: string) => RequestHandler[]): {
  basePath: string;
  unregister: () => void;
} {
  registry.counter += 1;
  const key = String(registry.counter);
  const basePath = `${FAKE_TENANT_PATH}/${key}`;
  registry.tenants.set(key, createHandlers(basePath));
  return { basePath, unregister: () => registry.tenants.delete(key) };
}

/** The one handler the worker starts with. */
export const fakeTenantDispatcher = http.all(`${FAKE_TENANT_PATH}/:key/*`, ({ request, params }) => {
  const handlers = typeof params.key === 'string' ? registry.tenants.get(params.key) : undefined;
  return handlers === undefined ? undefined : getResponse(handlers, request);
});

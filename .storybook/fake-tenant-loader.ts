import {
  createManagementApiClient,
  createMyOrganizationApiClient,
  type OrgConnectionsApi,
  serverRollouts,
} from '@org-connections/core';
import {
  createFakeTenant,
  createHandlers,
  createLargeTenant,
  type FakeTenant,
  seedIds,
} from '@org-connections/testing';
import type { ReactRenderer, StoryContext } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { http } from 'msw';
import { mswLoader } from 'msw-storybook-addon/csf3';
import type { LoaderFunction } from 'storybook/internal/types';
import { registerTenant } from './fake-tenant-registry';
import { startMockServiceWorker } from './msw-worker';
import './story-parameters';

/** What every story finds in `context.loaded`. */
export interface FakeTenantLoaded {
  /** The story's own tenant: inspect `tenant.requests`, queue `tenant.failNext(...)`, read `tenant.snapshot()`. */
  tenant: FakeTenant;
  /** The client the provider was given, pointing at the tenant. */
  api: OrgConnectionsApi;
  /** A fresh cache, without retries. */
  queryClient: QueryClient;
  /** Where the tenant serves each API (relative to the page). */
  managementBaseUrl: string;
  myOrganizationBaseUrl: string;
  /** Where `parameters.client.backend` is served (relative to the page); the client's `baseUrl` when there is one. */
  backendBaseUrl: string;
  /** Removes the tenant's handlers. */
  unregister: () => void;
}

const startWorker = mswLoader(startMockServiceWorker);

/** Where a story's backend route is mounted below its tenant's path, as a host would mount the server package. */
const BACKEND_PATH = '/api/org-connections';

/**
 * Starts MSW (through msw-storybook-addon: `parameters.msw` handlers still apply, ahead of the tenant),
 * then builds the story's fresh fake tenant from `parameters.tenant`, a client for it (`parameters.client`)
 * and a QueryClient.
 */
export const fakeTenantLoader: LoaderFunction<ReactRenderer> = async (context) => {
  await startWorker(context);
  const { scopes, setup, connections, seed, ...tenantOptions } = context.parameters.tenant ?? {};
  const tenant =
    connections === undefined
      ? createFakeTenant(tenantOptions)
      : createLargeTenant({ ...tenantOptions, connections, seed });
  const client = context.parameters.client ?? {};
  const { basePath, unregister } = registerTenant((base) => {
    const handlers = createHandlers(tenant, {
      managementBaseUrl: `${base}/api/v2`,
      myOrganizationBaseUrl: `${base}/my-org/v1`,
    });
    if (client.backend === undefined) return handlers;
    const serve = client.backend({ tenant, basePath: `${base}${BACKEND_PATH}` });
    return [http.all(`${base}${BACKEND_PATH}/*`, ({ request }) => serve(asSentByThisPage(request))), ...handlers];
  });
  const managementBaseUrl = `${basePath}/api/v2`;
  const myOrganizationBaseUrl = `${basePath}/my-org/v1`;
  const backendBaseUrl = `${basePath}${BACKEND_PATH}`;
  const organizationId = tenantOptions.defaultOrganizationId ?? defaultOrganizationOf(tenant);
  const token = scopes === undefined ? tenant.defaultToken : tenant.issueToken({ scopes, organizationId });
  setup?.(tenant);

  const retry = { attempts: client.retryAttempts ?? 0 };
  const getAccessToken = () => token;
  // The clients are transport only: the provider's policy and the component's view are applied by the UI.
  // Behind a backend the browser holds no token: the route adds its own.
  // `serverRollouts` on both Management API clients: the backend is the server package, and the rollout stories that
  // show states a real rollout passes too quickly answer its rollout routes at the Management API's base.
  const rollouts = serverRollouts;
  const api =
    client.backend !== undefined
      ? createManagementApiClient({ baseUrl: backendBaseUrl, retry, endpoints: client.endpoints, rollouts })
      : client.api === 'my-organization'
        ? createMyOrganizationApiClient({ baseUrl: myOrganizationBaseUrl, getAccessToken, retry })
        : createManagementApiClient({
            baseUrl: managementBaseUrl,
            getAccessToken,
            retry,
            endpoints: client.endpoints,
            rollouts,
          });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const loaded: FakeTenantLoaded = {
    tenant,
    api,
    queryClient,
    managementBaseUrl,
    myOrganizationBaseUrl,
    backendBaseUrl,
    unregister,
  };
  return loaded;
};

/**
 * The request as a server would receive it from this page. MSW hands it over before the browser's network layer
 * adds `Sec-Fetch-Site` (which a page cannot set on a `Request`), so the route's CSRF check would refuse every
 * write; the page's own requests are same-origin by construction (the worker only sees this origin's paths).
 */
function asSentByThisPage(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.set('sec-fetch-site', 'same-origin');
  return Object.defineProperty(request, 'headers', { value: headers });
}

/** The organization the tenant binds its default token to (the seed's Acme, else the first): a scoped token gets the same. */
function defaultOrganizationOf(tenant: FakeTenant): string | undefined {
  const organizations = tenant.listOrganizations();
  return (organizations.find((organization) => organization.id === seedIds.organizations.acme) ?? organizations[0])?.id;
}

/** The story's fake tenant and client, typed. Throws outside a story rendered with the preview's loader. */
export function fakeTenantOf(context: Pick<StoryContext, 'loaded'>): FakeTenantLoaded {
  const loaded = context.loaded as Partial<FakeTenantLoaded>;
  if (loaded.tenant === undefined || loaded.api === undefined || loaded.queryClient === undefined) {
    throw new Error('This story has no fake tenant: render it with the preview in .storybook/preview.tsx.');
  }
  return loaded as FakeTenantLoaded;
}

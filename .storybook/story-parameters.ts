import type { ManagementApiEndpoints } from '@org-connections/core';
import type { OrgConnectionsProviderProps } from '@org-connections/react';
import type { FakeTenant, LargeTenantOptions } from '@org-connections/testing';

/**
 * `parameters.tenant`: how to build the story's own fake tenant (a fresh one for every story render).
 * Everything `createFakeTenant` takes; with `connections`, `createLargeTenant` adds that many generated
 * connections to the seed.
 */
export interface FakeTenantParameters extends LargeTenantOptions {
  /** Scopes of the token the story's client sends; every scope when absent. */
  scopes?: readonly string[];
  /** Runs once the tenant exists, before the story renders: queue faults, rate limits, edit data. */
  setup?: (tenant: FakeTenant) => void;
}

/** `parameters.client`: which API client the story's provider talks to (both served by the fake tenant). */
export interface StoryClientParameters {
  /** Default `management` (through the host backend's proxy, as `tenant-admin` does). */
  api?: 'management' | 'my-organization';
  /** Management API endpoint family; default `connections`. */
  endpoints?: ManagementApiEndpoints;
  /** Retries of a failed GET inside the client; default 0, so a story sees the failure at once. */
  retryAttempts?: number;
  /**
   * A host backend route in front of the tenant (the server package's guarded proxy), run in the page by MSW:
   * the story's Management API client calls the route at `basePath`, without a token, instead of the tenant.
   */
  backend?: StoryBackend;
}

/** Builds the story's backend route for its tenant, served at `basePath` (a path of the preview's origin). */
export type StoryBackend = (route: { tenant: FakeTenant; basePath: string }) => (request: Request) => Promise<Response>;

/**
 * `parameters.provider`: props of the wrapping `<OrgConnectionsProvider>`, or `false` for a story that renders its own provider.
 */
export type StoryProviderParameters = false | Omit<OrgConnectionsProviderProps, 'api' | 'queryClient' | 'children'>;

declare module 'storybook/internal/csf' {
  interface Parameters {
    tenant?: FakeTenantParameters;
    client?: StoryClientParameters;
    provider?: StoryProviderParameters;
  }
}

import { createManagementApiClient, type ManagementApiClientOptions } from '@org-connections/core';
import { createFakeTenant, createHandlers, type FakeTenant } from '@org-connections/testing';
import { QueryClient } from '@tanstack/react-query';
import { cleanup } from '@testing-library/react';
import type { SetupWorker } from 'msw/browser';
import type { SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

/** Where the tests' Management API client sends its requests, and where the fake tenant's handlers answer. */
export const BASE_URL = 'https://tenant.test/api/v2';

/**
 * Puts a fresh fake tenant behind `mock` for each test and hands it to `onTenant`: an MSW server (`msw/node`, jsdom
 * tests) or worker (`msw/browser`, browser tests), created by the test file so that neither is imported where it
 * cannot run. In jsdom, a request no handler answers is an error; in the browser the worker lets it through (the test
 * page's own modules are fetched through it).
 */
export function serveFakeTenant(mock: SetupServer | SetupWorker, onTenant?: (tenant: FakeTenant) => void) {
  beforeAll(() =>
    'listen' in mock
      ? mock.listen({ onUnhandledRequest: 'error' })
      : mock.start({ quiet: true, onUnhandledRequest: 'bypass' }),
  );
  afterAll(() => ('close' in mock ? mock.close() : mock.stop()));
  beforeEach(() => {
    const tenant = createFakeTenant({ authentication: 'optional', rateLimits: false });
    onTenant?.(tenant);
    mock.use(...createHandlers(tenant, { managementBaseUrl: BASE_URL }));
  });
  // What the test rendered goes first, while the handlers still answer: a component's requests as it unmounts (a dry
  // run's cancel) reach them, not "no handler" in this test nor the next test's handlers.
  afterEach(async () => {
    cleanup();
    await new Promise((resolve) => setTimeout(resolve, 0));
    mock.resetHandlers();
  });
}

/**
 * A test's own cache, with no retries, and a Management API client for the fake tenant that does not retry either:
 * each failure reaches the screen once. `options` are passed on to the client.
 */
export function createTestClients(options: Partial<ManagementApiClientOptions> = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const api = createManagementApiClient({ baseUrl: BASE_URL, retry: { attempts: 0 }, ...options });
  return { queryClient, api };
}

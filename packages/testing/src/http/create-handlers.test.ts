import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedIds } from '../data/seed-tenant-data';
import { createFakeTenant } from '../tenant/fake-tenant';
import { DEFAULT_MANAGEMENT_BASE_URL, DEFAULT_MY_ORGANIZATION_BASE_URL } from './api-base-urls';
import { createFakeFetch } from './create-fake-fetch';
import { createHandlers } from './create-handlers';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const acme = seedIds.organizations.acme;

describe('createHandlers', () => {
  it('serves both APIs at the default base URLs', async () => {
    const tenant = createFakeTenant();
    server.use(...createHandlers(tenant));
    const headers = { authorization: `Bearer ${tenant.defaultToken}` };
    const management = await fetch(`${DEFAULT_MANAGEMENT_BASE_URL}/organizations/${acme}/connections`, { headers });
    const myOrganization = await fetch(`${DEFAULT_MY_ORGANIZATION_BASE_URL}/identity-providers`, { headers });
    expect([management.status, myOrganization.status]).toEqual([200, 200]);
  });

  it('serves a relative base URL (a host backend proxy route) on any origin in Node', async () => {
    const tenant = createFakeTenant();
    server.use(...createHandlers(tenant, { managementBaseUrl: '/api/v2/', myOrganizationBaseUrl: '/my-org/v1' }));
    const response = await fetch(`http://localhost:6006/api/v2/organizations/${acme}/connections`, {
      headers: { authorization: `Bearer ${tenant.defaultToken}` },
    });
    expect(response.status).toBe(200);
    expect(tenant.requests[0]?.path).toBe(`/organizations/${acme}/connections`);
  });

  it('leaves paths and methods it does not serve unhandled', async () => {
    const tenant = createFakeTenant();
    const handlers = createHandlers(tenant);
    server.use(...handlers);
    await expect(fetch(`${DEFAULT_MANAGEMENT_BASE_URL}/organizations/${acme}`)).rejects.toThrow();
    await expect(fetch(`${DEFAULT_MANAGEMENT_BASE_URL}/connections`, { method: 'PUT' })).rejects.toThrow();
    expect(tenant.requests).toHaveLength(0);
  });

  it('turns an injected network failure into a rejected fetch', async () => {
    const tenant = createFakeTenant();
    server.use(...createHandlers(tenant));
    tenant.failNext({ network: true });
    await expect(fetch(`${DEFAULT_MANAGEMENT_BASE_URL}/connections`)).rejects.toThrow(TypeError);
  });
});

describe('createFakeFetch', () => {
  it('serves the fake without MSW and rejects URLs outside both APIs', async () => {
    const tenant = createFakeTenant();
    const fakeFetch = createFakeFetch(tenant, { managementBaseUrl: 'https://tenant.test/api/v2' });
    const response = await fakeFetch(`https://tenant.test/api/v2/organizations/${acme}/connections`, {
      headers: { authorization: `Bearer ${tenant.defaultToken}` },
    });
    expect(response.status).toBe(200);
    await expect(fakeFetch('https://elsewhere.test/api/v2/connections')).rejects.toThrow(TypeError);
  });

  it('accepts a Request and answers 404 for an unknown path under a base', async () => {
    const tenant = createFakeTenant();
    const fakeFetch = createFakeFetch(tenant);
    const response = await fakeFetch(new Request(`${DEFAULT_MANAGEMENT_BASE_URL}/users`));
    expect(response.status).toBe(404);
  });
});

describe('the browser entry', () => {
  /** The modules `index.ts` reaches through relative imports, and every specifier they import. */
  function moduleGraph(entry: URL) {
    const files = new Set<string>();
    const specifiers = new Set<string>();
    const visit = (file: URL) => {
      if (files.has(file.href)) return;
      files.add(file.href);
      const source = readFileSync(file, 'utf8');
      for (const [, specifier] of source.matchAll(/from '([^']+)'/g)) {
        if (specifier === undefined) continue;
        specifiers.add(specifier);
        if (specifier.startsWith('.')) visit(new URL(`${specifier}.ts`, file));
      }
    };
    visit(entry);
    return { files, specifiers };
  }
  const browserEntry = new URL('../index.ts', import.meta.url);

  it('imports neither msw/node, node: modules, Ajv nor the OpenAPI validator', () => {
    const specifiers = [...moduleGraph(browserEntry).specifiers];
    expect(specifiers.filter((specifier) => /^(msw\/node|node:|ajv)|oas-validator/.test(specifier))).toEqual([]);
    expect(specifiers).toContain('msw');
  });

  it('never touches window or document at the top level of a module', () => {
    for (const file of moduleGraph(browserEntry).files) {
      const topLevel = readFileSync(new URL(file), 'utf8')
        .split('\n')
        .filter((line) => /^[^\s/*]/.test(line));
      expect(topLevel.filter((line) => /\b(window|document|localStorage|location)\b/.test(line))).toEqual([]);
    }
  });
});

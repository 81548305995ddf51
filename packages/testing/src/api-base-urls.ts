import type { FakeApi } from './api-routes';
import type { FakeTenantRequestTarget } from './fake-tenant';

/** Where the fake serves the Management API when no base URL is given (`https://{domain}/api/v2`). */
export const DEFAULT_MANAGEMENT_BASE_URL = 'https://fake-tenant.test/api/v2';
/** Where the fake serves the My Organization API when no base URL is given (`https://{domain}/my-org/v1`). */
export const DEFAULT_MY_ORGANIZATION_BASE_URL = 'https://fake-tenant.test/my-org/v1';

export interface ApiBaseUrls {
  /** Absolute (`https://tenant.auth0.com/api/v2`) or relative to the page (`/api/v2`, a host backend's proxy). */
  managementBaseUrl?: string;
  /** Absolute (`https://tenant.auth0.com/my-org/v1`) or relative to the page. */
  myOrganizationBaseUrl?: string;
}

export interface ResolvedBaseUrl {
  api: FakeApi;
  /** The base as given, without a trailing slash. */
  baseUrl: string;
  /** `undefined` for a relative base, which matches any origin. */
  origin: string | undefined;
  pathname: string;
}

function isAbsolute(url: string): boolean {
  return /^[a-z][a-z\d+.-]*:\/\//i.test(url);
}

function resolve(api: FakeApi, baseUrl: string): ResolvedBaseUrl {
  const trimmed = baseUrl.replace(/\/+$/, '');
  if (isAbsolute(trimmed)) {
    const url = new URL(trimmed);
    return { api, baseUrl: trimmed, origin: url.origin, pathname: url.pathname.replace(/\/+$/, '') };
  }
  return { api, baseUrl: trimmed, origin: undefined, pathname: trimmed.startsWith('/') ? trimmed : `/${trimmed}` };
}

export function resolveBaseUrls(options: ApiBaseUrls = {}): ResolvedBaseUrl[] {
  return [
    resolve('management', options.managementBaseUrl ?? DEFAULT_MANAGEMENT_BASE_URL),
    resolve('my-organization', options.myOrganizationBaseUrl ?? DEFAULT_MY_ORGANIZATION_BASE_URL),
  ];
}

/** Which API a URL is addressed to, and its path relative to that API's base; `undefined` for neither. */
export function targetOf(url: URL, bases: readonly ResolvedBaseUrl[]): FakeTenantRequestTarget | undefined {
  for (const base of bases) {
    if (base.origin !== undefined && base.origin !== url.origin) continue;
    if (url.pathname === base.pathname || url.pathname.startsWith(`${base.pathname}/`)) {
      return { api: base.api, path: url.pathname.slice(base.pathname.length) || '/' };
    }
  }
  return undefined;
}

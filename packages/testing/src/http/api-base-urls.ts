import type { FakeTenantRequestTarget } from '../tenant/fake-tenant';
import type { FakeApi } from './api-routes';
import { TOKEN_PATH } from './authentication-api';

/** Where the fake serves the Management API when no base URL is given (`https://{domain}/api/v2`). */
export const DEFAULT_MANAGEMENT_BASE_URL = 'https://fake-tenant.test/api/v2';
/** Where the fake serves the My Organization API when no base URL is given (`https://{domain}/my-org/v1`). */
export const DEFAULT_MY_ORGANIZATION_BASE_URL = 'https://fake-tenant.test/my-org/v1';
/** Where the fake serves `POST /oauth/token` when neither a token URL nor an absolute Management API base is given. */
export const DEFAULT_TOKEN_URL = 'https://fake-tenant.test/oauth/token';

export interface ApiBaseUrls {
  /** Absolute (`https://tenant.auth0.com/api/v2`) or relative to the page (`/api/v2`, a host backend's proxy). */
  managementBaseUrl?: string;
  /** Absolute (`https://tenant.auth0.com/my-org/v1`) or relative to the page. */
  myOrganizationBaseUrl?: string;
  /**
   * The Authentication API's token endpoint. Defaults to `/oauth/token` at the origin of an absolute
   * `managementBaseUrl` (`https://{domain}/oauth/token`), else `DEFAULT_TOKEN_URL`.
   */
  tokenUrl?: string;
}

export interface ResolvedBaseUrl {
  api: FakeApi;
  /** The base as given, without a trailing slash (for `authentication`, the token URL itself). */
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

function defaultTokenUrl(management: ResolvedBaseUrl): string {
  return management.origin === undefined ? DEFAULT_TOKEN_URL : `${management.origin}${TOKEN_PATH}`;
}

export function resolveBaseUrls(options: ApiBaseUrls = {}): ResolvedBaseUrl[] {
  const management = resolve('management', options.managementBaseUrl ?? DEFAULT_MANAGEMENT_BASE_URL);
  return [
    management,
    resolve('my-organization', options.myOrganizationBaseUrl ?? DEFAULT_MY_ORGANIZATION_BASE_URL),
    resolve('authentication', options.tokenUrl ?? defaultTokenUrl(management)),
  ];
}

/** Which API a URL is addressed to, and its path relative to that API's base; `undefined` for neither. */
export function targetOf(url: URL, bases: readonly ResolvedBaseUrl[]): FakeTenantRequestTarget | undefined {
  for (const base of bases) {
    if (base.origin !== undefined && base.origin !== url.origin) continue;
    if (base.api === 'authentication') {
      if (url.pathname === base.pathname) return { api: base.api, path: TOKEN_PATH };
      continue;
    }
    if (url.pathname === base.pathname || url.pathname.startsWith(`${base.pathname}/`)) {
      return { api: base.api, path: url.pathname.slice(base.pathname.length) || '/' };
    }
  }
  return undefined;
}

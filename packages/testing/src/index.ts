export { CONNECTION_STRATEGIES, IDENTITY_PROVIDER_STRATEGIES } from './data/connection-strategies';
export type { LargeTenantOptions } from './data/create-large-tenant';
export { createLargeTenant } from './data/create-large-tenant';
export type { GenerateOrganizationsOptions } from './data/generate-organizations';
export { generateOrganizations } from './data/generate-organizations';
export type { GenerateTenantConnectionsOptions } from './data/generate-tenant-connections';
export { generateTenantConnections } from './data/generate-tenant-connections';
export { createSeedTenantData, seedIds, seedNames } from './data/seed-tenant-data';
export type { FakeConnection, FakeOrganization, FakeOrganizationConnection, FakeTenantData } from './data/tenant-data';
export type { ApiBaseUrls } from './http/api-base-urls';
export { DEFAULT_MANAGEMENT_BASE_URL, DEFAULT_MY_ORGANIZATION_BASE_URL, DEFAULT_TOKEN_URL } from './http/api-base-urls';
export type {
  ApiRoute,
  AuthenticationOperation,
  FakeApi,
  FakeOperation,
  ManagementOperation,
  MyOrganizationOperation,
} from './http/api-routes';
export { API_ROUTES } from './http/api-routes';
export type { FakeM2MClient, TokenResponseBody } from './http/authentication-api';
export { TOKEN_PATH } from './http/authentication-api';
export type { CreateFakeFetchOptions } from './http/create-fake-fetch';
export { createFakeFetch } from './http/create-fake-fetch';
export type { CreateHandlersOptions } from './http/create-handlers';
export { createHandlers } from './http/create-handlers';
export type {
  AuthenticationErrorBody,
  ManagementErrorBody,
  MyOrganizationErrorBody,
  MyOrganizationValidationErrorBody,
} from './http/fake-response';
export { OFFSET_PAGING_LIMIT } from './http/management-api';
export type { FakeAccessToken, IssueTokenOptions } from './tenant/access-tokens';
export { ALL_SCOPES, MANAGEMENT_SCOPES, MY_ORGANIZATION_SCOPES } from './tenant/access-tokens';
export type { FakeLatency, FakeTenant, FakeTenantOptions, FakeTenantRequestTarget } from './tenant/fake-tenant';
export { createFakeTenant } from './tenant/fake-tenant';
export type { FakeFault, MalformedFault, NetworkFault, RateLimitNextOptions, StatusFault } from './tenant/fault-queue';
export type { RateLimitBucket, RateLimitBucketOptions, RateLimitsOptions } from './tenant/rate-limiter';
export { AUTH0_ORGANIZATION_CONNECTION_WRITE_LIMITS, DEFAULT_RATE_LIMITS } from './tenant/rate-limiter';
export type { RecordedRequest, RequestMatch } from './tenant/recorded-request';

export type { FakeAccessToken, IssueTokenOptions } from './access-tokens';
export { ALL_SCOPES, MANAGEMENT_SCOPES, MY_ORGANIZATION_SCOPES } from './access-tokens';
export type { ApiBaseUrls } from './api-base-urls';
export { DEFAULT_MANAGEMENT_BASE_URL, DEFAULT_MY_ORGANIZATION_BASE_URL, DEFAULT_TOKEN_URL } from './api-base-urls';
export type {
  ApiRoute,
  AuthenticationOperation,
  FakeApi,
  FakeOperation,
  ManagementOperation,
  MyOrganizationOperation,
} from './api-routes';
export { API_ROUTES } from './api-routes';
export type { FakeM2MClient, TokenResponseBody } from './authentication-api';
export { TOKEN_PATH } from './authentication-api';
export { CONNECTION_STRATEGIES, IDENTITY_PROVIDER_STRATEGIES } from './connection-strategies';
export type { CreateFakeFetchOptions } from './create-fake-fetch';
export { createFakeFetch } from './create-fake-fetch';
export type { CreateHandlersOptions } from './create-handlers';
export { createHandlers } from './create-handlers';
export type { LargeTenantOptions } from './create-large-tenant';
export { createLargeTenant } from './create-large-tenant';
export type {
  AuthenticationErrorBody,
  ManagementErrorBody,
  MyOrganizationErrorBody,
  MyOrganizationValidationErrorBody,
} from './fake-response';
export type { FakeLatency, FakeTenant, FakeTenantOptions, FakeTenantRequestTarget } from './fake-tenant';
export { createFakeTenant } from './fake-tenant';
export type { FakeFault, MalformedFault, NetworkFault, RateLimitNextOptions, StatusFault } from './fault-queue';
export type { GenerateOrganizationsOptions } from './generate-organizations';
export { generateOrganizations } from './generate-organizations';
export type { GenerateTenantConnectionsOptions } from './generate-tenant-connections';
export { generateTenantConnections } from './generate-tenant-connections';
export { OFFSET_PAGING_LIMIT } from './management-api';
export type { RateLimitBucket, RateLimitBucketOptions, RateLimitsOptions } from './rate-limiter';
export { AUTH0_ORGANIZATION_CONNECTION_WRITE_LIMITS, DEFAULT_RATE_LIMITS } from './rate-limiter';
export type { RecordedRequest, RequestMatch } from './recorded-request';
export { createSeedTenantData, seedIds, seedNames } from './seed-tenant-data';
export type { FakeConnection, FakeOrganization, FakeOrganizationConnection, FakeTenantData } from './tenant-data';

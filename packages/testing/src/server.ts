/** The Node-only entry (`@org-connections/testing/server`): it imports `node:http`, so browser bundles never see it. */
export type { CreateFakeTenantServerOptions, FakeTenantServer } from './http/create-fake-tenant-server';
export { createFakeTenantServer } from './http/create-fake-tenant-server';
export type { FakeTenantCliOptions } from './http/fake-tenant-cli';
export {
  DEFAULT_CLI_PORT,
  DEMO_CLIENT,
  FAKE_TENANT_CLI_USAGE,
  parseFakeTenantCliArguments,
  startFakeTenantCli,
} from './http/fake-tenant-cli';

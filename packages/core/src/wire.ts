/**
 * `@org-connections/core/wire`: the Management API's wire format, for a backend that speaks it (the server
 * package, or a host's own proxy). Request schemas are as strict as Auth0's (no unknown fields, no string
 * booleans); the mappers turn wire items into the model the rules take, and settings back into a body.
 */

export type { WireRollout, WireRolloutCounts } from './model/rollout';
export {
  fromWireRollout,
  fromWireRolloutCounts,
  fromWireRolloutRequest,
  ORGANIZATION_CONNECTION_LIMIT_CODE,
  toWireRollout,
  toWireRolloutCounts,
  toWireRolloutRequest,
  wireRolloutListSchema,
  wireRolloutSchema,
} from './model/rollout';
export type {
  WireCreateOrganizationConnection,
  WireOrganizationConnection,
  WireTenantConnection,
  WireUpdateOrganizationConnection,
} from './wire/management-api-wire-schemas';
export {
  wireCreateOrganizationConnectionSchema,
  wireOrganizationConnectionSchema,
  wireOrganizationConnectionsPageSchema,
  wireTenantConnectionsPageSchema,
  wireUpdateOrganizationConnectionSchema,
} from './wire/management-api-wire-schemas';
export {
  fromWireOrganizationConnection,
  fromWireSettings,
  fromWireTenantConnection,
  toWireSettings,
} from './wire/org-connection-mapper';
export type { WireRolloutRequest, WireRolloutSettings } from './wire/rollout-request-schema';
export { wireRolloutRequestSchema, wireRolloutSettingsSchema } from './wire/rollout-request-schema';

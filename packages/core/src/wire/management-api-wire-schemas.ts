import * as z from 'zod/mini';
import { ORG_CONNECTION_SETTINGS } from '../model/org-connection-settings-table';
import { characterCount } from '../rules/character-count';
import { LOGIN_PROMPT_STATES } from '../rules/visibility-warning';

/*
 * The Management API's wire shapes (snake_case), as in the OpenAPI extracts under `shared/contract`: the two
 * sets of organization connection endpoints (`/connections`, with access levels, and `/enabled_connections`), tenant connections and the error body.
 * Response schemas tolerate fields they do not know (Auth0 adds fields); request schemas are strict,
 * as Auth0's own (`additionalProperties: false`).
 */

const connectionInformation = z.object({
  name: z.optional(z.string()),
  strategy: z.optional(z.string()),
});

/** An access level as sent by the server: any string, so an unknown future level is kept, not rejected. */
const accessLevelFromServer = z.string();

const nameLimits = ORG_CONNECTION_SETTINGS.organizationConnectionName.text;

/** A name within the settings table's limits. */
export const organizationConnectionNameSchema = z.string().check(
  z.minLength(nameLimits.minLength),
  z.refine(
    (name) => characterCount(name) <= nameLimits.maxLength,
    `must be ${nameLimits.maxLength} characters or fewer`,
  ),
  z.refine((name) => nameLimits.allowsNul || !name.includes('\u0000'), 'must not contain NUL'),
);

/** One of the access levels of the settings table. */
export const accessLevelSchema = z.enum(ORG_CONNECTION_SETTINGS.organizationAccessLevel.values);

/** The settings both families have: membership on authentication, signup (database), show as button (enterprise). */
const sharedSettings = {
  assign_membership_on_login: z.optional(z.boolean()),
  is_signup_enabled: z.optional(z.boolean()),
  show_as_button: z.optional(z.boolean()),
};

/** The paging fields of a wrapped page (`include_totals=true`, or offset paging). */
const offsetPage = {
  start: z.optional(z.number()),
  limit: z.optional(z.number()),
  total: z.optional(z.number()),
};

/** One item of `GET /organizations/{id}/connections` (the endpoints with access levels and names), and of
 * its POST/GET/PATCH responses. */
export const wireOrganizationConnectionSchema = z.object({
  connection_id: z.string(),
  organization_connection_name: z.optional(z.string()),
  organization_access_level: z.optional(accessLevelFromServer),
  is_enabled: z.optional(z.boolean()),
  ...sharedSettings,
  connection: z.optional(connectionInformation),
});
export type WireOrganizationConnection = z.infer<typeof wireOrganizationConnectionSchema>;

/** One item of `GET /organizations/{id}/enabled_connections` (the generally available endpoints, without levels). */
export const wireEnabledConnectionSchema = z.object({
  connection_id: z.string(),
  ...sharedSettings,
  connection: z.optional(connectionInformation),
});
export type WireEnabledConnection = z.infer<typeof wireEnabledConnectionSchema>;

/**
 * `include_totals=false` answers a bare array; `include_totals=true` the wrapper. Both are accepted. The wrapper
 * from `@org-connections/server` for an org admin adds `login_prompt`: `{ state }`, the organization's login prompt
 * (`ready`: it shows a connection; `failure`: connections are enabled, none shown; `empty`: none enabled), judged over
 * all its connections (the hidden ones too).
 */
export const wireOrganizationConnectionsPageSchema = z.union([
  z.array(wireOrganizationConnectionSchema),
  z.object({
    ...offsetPage,
    connections: z.array(wireOrganizationConnectionSchema),
    login_prompt: z.optional(z.object({ state: z.enum(LOGIN_PROMPT_STATES) })),
  }),
]);

export const wireEnabledConnectionsPageSchema = z.union([
  z.array(wireEnabledConnectionSchema),
  z.object({
    ...offsetPage,
    enabled_connections: z.array(wireEnabledConnectionSchema),
  }),
]);

/** One item of `GET /connections`, reduced to what this library reads. */
export const wireTenantConnectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  display_name: z.optional(z.string()),
  strategy: z.string(),
});
export type WireTenantConnection = z.infer<typeof wireTenantConnectionSchema>;

/**
 * `GET /connections` with `from`/`take` answers `{ next?, connections }`; offset paging may answer an array. The
 * server package's connection index adds `search` (the marker: it searched the whole tenant, all of it or, while its
 * first read runs, `partial`ly), `total` (matches) and `indexed` (connections read so far).
 */
export const wireTenantConnectionsPageSchema = z.union([
  z.array(wireTenantConnectionSchema),
  z.object({
    next: z.optional(z.string()),
    ...offsetPage,
    search: z.optional(z.enum(['complete', 'partial'])),
    indexed: z.optional(z.number()),
    connections: z.array(wireTenantConnectionSchema),
  }),
]);

/** Body of `POST /organizations/{id}/connections`. */
export const wireCreateOrganizationConnectionSchema = z.strictObject({
  connection_id: z.string().check(z.minLength(1), z.maxLength(50)),
  organization_connection_name: z.optional(organizationConnectionNameSchema),
  organization_access_level: z.optional(accessLevelSchema),
  is_enabled: z.optional(z.boolean()),
  ...sharedSettings,
});
export type WireCreateOrganizationConnection = z.infer<typeof wireCreateOrganizationConnectionSchema>;

/** Body of `PATCH /organizations/{id}/connections/{connection_id}`. */
export const wireUpdateOrganizationConnectionSchema = z.strictObject({
  organization_connection_name: z.optional(z.nullable(organizationConnectionNameSchema)),
  organization_access_level: z.optional(z.nullable(accessLevelSchema)),
  is_enabled: z.optional(z.nullable(z.boolean())),
  ...sharedSettings,
});
export type WireUpdateOrganizationConnection = z.infer<typeof wireUpdateOrganizationConnectionSchema>;

/** Body of `POST /organizations/{id}/enabled_connections` (these endpoints have no name, level or
 * `is_enabled`). */
export const wireAddEnabledConnectionSchema = z.strictObject({
  connection_id: z.string(),
  ...sharedSettings,
});
export type WireAddEnabledConnection = z.infer<typeof wireAddEnabledConnectionSchema>;

/** Body of `PATCH /organizations/{id}/enabled_connections/{connectionId}`. */
export const wireUpdateEnabledConnectionSchema = z.strictObject({
  ...sharedSettings,
});
export type WireUpdateEnabledConnection = z.infer<typeof wireUpdateEnabledConnectionSchema>;

/**
 * Answer of `POST`/`PATCH /organizations/{id}/enabled_connections...`: Auth0's schema leaves even
 * `connection_id` optional there, so the client fills it in from the request.
 */
export const wireEnabledConnectionWriteResponseSchema = z.object({
  connection_id: z.optional(z.string()),
  ...sharedSettings,
  connection: z.optional(connectionInformation),
});
export type WireEnabledConnectionWriteResponse = z.infer<typeof wireEnabledConnectionWriteResponseSchema>;

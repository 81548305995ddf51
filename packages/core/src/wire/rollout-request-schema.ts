import * as z from 'zod/mini';
import { accessLevelSchema, organizationConnectionNameSchema } from './management-api-wire-schemas';

/*
 * The body of `POST {base}/rollouts`, strict: the server package's check of what it is sent. A file of its own, apart
 * from rollout.ts, because the browser's Management API client imports rollout.ts and never parses its own request
 * (it builds it with `toWireRolloutRequest` from a checked `RolloutInput`): the client does not ship these schemas.
 */

/** The settings of a rollout, as the add body's fields (strict: an unknown field is refused). */
export const wireRolloutSettingsSchema = z.strictObject({
  organization_connection_name: z.optional(organizationConnectionNameSchema),
  organization_access_level: z.optional(accessLevelSchema),
  is_enabled: z.optional(z.boolean()),
  assign_membership_on_login: z.optional(z.boolean()),
  is_signup_enabled: z.optional(z.boolean()),
  show_as_button: z.optional(z.boolean()),
});
export type WireRolloutSettings = z.infer<typeof wireRolloutSettingsSchema>;

const organizationIdSchema = z.string().check(z.minLength(1), z.maxLength(50));

/** Body of `POST {base}/rollouts`. */
export const wireRolloutRequestSchema = z.strictObject({
  connection_id: z.string().check(z.minLength(1), z.maxLength(50)),
  organizations: z.union([z.enum(['all']), z.array(organizationIdSchema)]),
  if_enabled: z.enum(['skip', 'update']),
  settings: wireRolloutSettingsSchema,
  dry_run: z.optional(z.boolean()),
});
export type WireRolloutRequest = z.infer<typeof wireRolloutRequestSchema>;

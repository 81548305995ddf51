import * as z from 'zod/mini';

/*
 * The My Organization API's wire shapes (snake_case), as in the OpenAPI extracts under `shared/contract`.
 * Response schemas tolerate fields they do not know (Auth0 adds fields); request schemas are strict,
 * as Auth0's own (`additionalProperties: false`).
 */

/**
 * An identity provider (full item, or the minimal item used for `none`). The access level is any string, so an
 * unknown future level is kept, not rejected.
 */
export const wireIdentityProviderSchema = z.object({
  id: z.string(),
  name: z.optional(z.nullable(z.string())),
  strategy: z.optional(z.string()),
  display_name: z.optional(z.string()),
  is_enabled: z.optional(z.boolean()),
  show_as_button: z.optional(z.boolean()),
  assign_membership_on_login: z.optional(z.boolean()),
  access_level: z.optional(z.string()),
  domains: z.optional(z.array(z.string())),
});
export type WireIdentityProvider = z.infer<typeof wireIdentityProviderSchema>;

export const wireIdentityProvidersSchema = z.object({
  identity_providers: z.array(wireIdentityProviderSchema),
});

/** Body of `PATCH /identity-providers/{idp_id}`, limited to the fields this library edits. */
export const wireUpdateIdentityProviderSchema = z.strictObject({
  is_enabled: z.optional(z.boolean()),
  show_as_button: z.optional(z.boolean()),
  assign_membership_on_login: z.optional(z.boolean()),
});
export type WireUpdateIdentityProvider = z.infer<typeof wireUpdateIdentityProviderSchema>;

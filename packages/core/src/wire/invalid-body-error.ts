import type { ZodMiniType } from 'zod/mini';
import { OrgConnectionsError } from '../model/org-connections-error';

interface SchemaIssues {
  issues: readonly { path: readonly PropertyKey[] }[];
}

/**
 * The `invalid_request` error for a request body the strict wire schema refuses (a rule the core
 * validator does not cover). Such a body is never sent.
 */
export function invalidBodyError(action: string, error: SchemaIssues): OrgConnectionsError {
  const fields = [...new Set(error.issues.map((issue) => issue.path.map(String).join('.') || 'body'))];
  return new OrgConnectionsError({
    kind: 'invalid_request',
    message: `Could not ${action}: ${fields.join(', ')} ${fields.length === 1 ? 'is' : 'are'} not valid.`,
    issues: fields.map((field) => ({ field, message: 'is not valid' })),
    cause: error,
  });
}

/** `body` as the strict wire `schema` parses it, or the `invalid_request` error for `action`. */
export function validBody<Output>(schema: ZodMiniType<Output>, body: unknown, action: string): Output {
  const result = schema.safeParse(body);
  if (!result.success) throw invalidBodyError(action, result.error);
  return result.data;
}

import type { Problem } from './problem-response';

interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: unknown;
  keys?: readonly string[];
}

function describe(issue: SchemaIssue): string {
  const where = issue.path.length === 0 ? 'the body' : issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys' && issue.keys !== undefined) {
    return `${where} has unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.join(', ')}`;
  }
  if (issue.code === 'invalid_type' && typeof issue.expected === 'string') {
    return `${where} must be ${issue.expected === 'object' ? 'a JSON object' : `a ${issue.expected}`}`;
  }
  if (issue.code === 'invalid_value') return `${where} has a value that is not allowed`;
  if (issue.code === 'too_small' || issue.code === 'too_big') return `${where} has the wrong length`;
  return `${where} is invalid (${issue.message})`;
}

/** What core's request schemas offer (structurally, so this package's types do not name zod). */
export interface RequestBodySchema<Output> {
  safeParse(
    value: unknown,
  ): { success: true; data: Output } | { success: false; error: { issues: readonly unknown[] } };
}

export type ValidatedBody<Output> = { ok: true; data: Output } | { ok: false; problem: Problem };

/**
 * The body checked with one of core's strict request schemas (`@org-connections/core/wire`): unknown fields,
 * string booleans and wrong types are refused with a 400 naming the fields.
 */
export function validateRequestBody<Output>(value: unknown, schema: RequestBodySchema<Output>): ValidatedBody<Output> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const problems = (parsed.error.issues as readonly SchemaIssue[]).slice(0, 5).map(describe);
  return {
    ok: false,
    problem: { status: 400, errorCode: 'invalid_body', message: `Payload validation error: ${problems.join('; ')}.` },
  };
}

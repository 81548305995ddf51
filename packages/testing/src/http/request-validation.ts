import { ACCESS_LEVELS } from '@org-connections/core';

/*
 * Request checks shared by both fake APIs, with messages in the style of Auth0's validator
 * ("Expected type boolean but found type string", "No enum match for: \"read-only\"").
 */

export type BodyFieldRule =
  | 'boolean'
  | 'nullable-boolean'
  | 'access-level'
  | 'nullable-access-level'
  | 'organization-connection-name'
  | 'nullable-organization-connection-name'
  | 'connection-id'
  | 'display-name'
  | 'object'
  | 'read-only';

export interface BodySpec {
  fields: Record<string, BodyFieldRule>;
  required?: readonly string[];
}

export interface RequestIssue {
  /** The offending field, absent when the problem is the body as a whole. */
  field?: string;
  detail: string;
}

export type BodyEncoding = 'json' | 'form' | 'none' | 'invalid';

export type CheckResult<T> = { ok: true; value: T } | { ok: false; issues: RequestIssue[] };

/** Auth0's `connection-id` format. */
export const CONNECTION_ID_PATTERN = /^con_[A-Za-z0-9]{16}$/;

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** JSON Schema counts characters as code points, not UTF-16 units. */
export function characterCount(value: string): number {
  return [...value].length;
}

function checkString(value: string, min: number, max: number): string | undefined {
  const length = characterCount(value);
  if (length < min) return `String is too short (${length} chars), minimum ${min}`;
  if (length > max) return `String is too long (${length} chars), maximum ${max}`;
  return undefined;
}

function checkField(rule: BodyFieldRule, raw: unknown, encoding: BodyEncoding): { value: unknown; detail?: string } {
  const nullable = rule.startsWith('nullable-');
  if (nullable && raw === null) return { value: null };
  const base = nullable ? rule.slice('nullable-'.length) : rule;
  let value = raw;
  // An `application/x-www-form-urlencoded` body carries every value as a string.
  if (encoding === 'form' && base === 'boolean' && (raw === 'true' || raw === 'false')) value = raw === 'true';
  const found = jsonType(value);
  switch (base) {
    case 'read-only':
      return { value, detail: 'Property is read-only' };
    case 'boolean':
      return found === 'boolean' ? { value } : { value, detail: `Expected type boolean but found type ${found}` };
    case 'object':
      return found === 'object' ? { value } : { value, detail: `Expected type object but found type ${found}` };
    case 'access-level':
      if (typeof value !== 'string') return { value, detail: `Expected type string but found type ${found}` };
      return (ACCESS_LEVELS as readonly string[]).includes(value)
        ? { value }
        : { value, detail: `No enum match for: ${JSON.stringify(value)}` };
    case 'organization-connection-name': {
      if (typeof value !== 'string') return { value, detail: `Expected type string but found type ${found}` };
      if (value.includes('\u0000')) return { value, detail: 'String must not contain NUL characters' };
      return { value, detail: checkString(value, 1, 50) };
    }
    case 'display-name':
      if (typeof value !== 'string') return { value, detail: `Expected type string but found type ${found}` };
      return { value, detail: checkString(value, 1, 128) };
    case 'connection-id': {
      if (typeof value !== 'string') return { value, detail: `Expected type string but found type ${found}` };
      const tooLong = checkString(value, 1, 50);
      if (tooLong !== undefined) return { value, detail: tooLong };
      return CONNECTION_ID_PATTERN.test(value)
        ? { value }
        : { value, detail: `Object didn't pass validation for format connection-id: ${value}` };
    }
    default:
      return { value, detail: `Unsupported rule ${rule}` };
  }
}

/** Checks a request body against a strict spec (unknown fields are errors, as `additionalProperties: false`). */
export function checkBody(body: unknown, spec: BodySpec, encoding: BodyEncoding): CheckResult<Record<string, unknown>> {
  if (encoding === 'invalid') return { ok: false, issues: [{ detail: 'Invalid JSON body' }] };
  const found = jsonType(body);
  if (found !== 'object') {
    return {
      ok: false,
      issues: [{ detail: `Expected type object but found type ${found === 'undefined' ? 'null' : found}` }],
    };
  }
  const input = body as Record<string, unknown>;
  const issues: RequestIssue[] = [];
  const value: Record<string, unknown> = {};
  const unknown = Object.keys(input).filter((field) => !(field in spec.fields));
  if (unknown.length > 0)
    issues.push({ field: unknown[0], detail: `Additional properties not allowed: ${unknown.join(',')}` });
  for (const field of spec.required ?? []) {
    if (input[field] === undefined) issues.push({ field, detail: `Missing required property: ${field}` });
  }
  for (const [field, rule] of Object.entries(spec.fields)) {
    if (!(field in input)) continue;
    const checked = checkField(rule, input[field], encoding);
    if (checked.detail === undefined) value[field] = checked.value;
    else issues.push({ field, detail: checked.detail });
  }
  return issues.length === 0 ? { ok: true, value } : { ok: false, issues };
}

export type QueryRule =
  | { type: 'integer'; minimum?: number; maximum?: number }
  | { type: 'boolean' }
  | { type: 'string' }
  | { type: 'string-array'; values?: readonly string[] };

export type QueryValue = number | boolean | string | string[];

/** Checks query parameters: unknown ones are errors, like Auth0's `additionalProperties: false` on queries. */
export function checkQuery(
  query: URLSearchParams,
  spec: Record<string, QueryRule>,
): CheckResult<Record<string, QueryValue | undefined>> {
  const issues: RequestIssue[] = [];
  const value: Record<string, QueryValue | undefined> = {};
  for (const key of new Set(query.keys())) {
    const rule = spec[key];
    if (rule === undefined) {
      issues.push({ field: key, detail: `Additional properties not allowed: ${key}` });
      continue;
    }
    const all = query.getAll(key);
    const raw = all[all.length - 1] ?? '';
    if (rule.type === 'string-array') {
      const invalid = rule.values === undefined ? undefined : all.find((item) => !rule.values?.includes(item));
      if (invalid !== undefined) issues.push({ field: key, detail: `No enum match for: ${JSON.stringify(invalid)}` });
      else value[key] = all;
    } else if (all.length > 1) {
      issues.push({ field: key, detail: 'Expected a single value but found an array' });
    } else if (rule.type === 'string') {
      value[key] = raw;
    } else if (rule.type === 'boolean') {
      if (raw === 'true' || raw === 'false') value[key] = raw === 'true';
      else issues.push({ field: key, detail: `Expected type boolean but found type string` });
    } else {
      const number = Number(raw);
      if (raw.trim() === '' || !Number.isInteger(number)) {
        issues.push({ field: key, detail: 'Expected type integer but found type string' });
      } else if (rule.minimum !== undefined && number < rule.minimum) {
        issues.push({ field: key, detail: `Value ${number} is less than minimum ${rule.minimum}` });
      } else if (rule.maximum !== undefined && number > rule.maximum) {
        issues.push({ field: key, detail: `Value ${number} is greater than maximum ${rule.maximum}` });
      } else {
        value[key] = number;
      }
    }
  }
  return issues.length === 0 ? { ok: true, value } : { ok: false, issues };
}

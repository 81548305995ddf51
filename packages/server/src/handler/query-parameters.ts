import { CONNECTION_KINDS } from '@org-connections/core';
import type { Problem } from './problem-response';
import { ORGANIZATION_ID_PATTERN } from './proxy-route';

/** How one query parameter is checked: `repeatable` keys may appear more than once (`strategy=a&strategy=b`). */
interface ParameterRule {
  check: (value: string) => boolean;
  expected: string;
  repeatable?: boolean;
}

function integer(minimum: number, maximum: number): ParameterRule {
  return {
    check: (value) => /^(0|[1-9]\d{0,8})$/.test(value) && Number(value) >= minimum && Number(value) <= maximum,
    expected: `an integer from ${minimum} to ${maximum}`,
  };
}

const BOOLEAN: ParameterRule = { check: (value) => value === 'true' || value === 'false', expected: 'true or false' };

/** No control characters, at most `maximum` characters. */
function text(maximum: number): ParameterRule {
  return {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse them
    check: (value) => value.length >= 1 && value.length <= maximum && !/[\u0000-\u001f\u007f]/.test(value),
    expected: `text of 1 to ${maximum} characters`,
  };
}

/** The query parameters a route takes, by name. */
export type QueryRules = Readonly<Record<string, ParameterRule>>;

/** The query parameters of `GET /organizations/{id}/connections` (Auth0's N1). */
export const ORGANIZATION_CONNECTIONS_QUERY: Readonly<Record<string, ParameterRule>> = {
  page: integer(0, 100_000),
  per_page: integer(1, 100),
  include_totals: BOOLEAN,
  is_enabled: BOOLEAN,
};

/** The query parameters of `GET /connections` (Auth0's T1) the connection picker may send. */
export const TENANT_CONNECTIONS_QUERY: Readonly<Record<string, ParameterRule>> = {
  from: { check: (value) => /^[\x21-\x7e]{1,512}$/.test(value), expected: 'a checkpoint from a previous page' },
  take: integer(1, 100),
  strategy: {
    check: (value) => /^[a-z0-9][a-z0-9-]{0,63}$/.test(value),
    expected: 'a strategy name',
    repeatable: true,
  },
  name: text(128),
  fields: {
    check: (value) => /^[a-z_]{1,64}(,[a-z_]{1,64}){0,31}$/.test(value),
    expected: 'a comma-separated list of field names',
  },
  include_fields: BOOLEAN,
  page: integer(0, 100_000),
  per_page: integer(1, 100),
  include_totals: BOOLEAN,
  /** The organization the picker adds to: only connections the host's `attachable` allows for it (never sent to Auth0). */
  organization_id: { check: (value) => ORGANIZATION_ID_PATTERN.test(value), expected: 'an organization id (org_…)' },
  // Understood by the handler's connection index only (never sent to Auth0).
  q: {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse them
    check: (value) => value.trim().length >= 1 && value.trim().length <= 128 && !/[\u0000-\u001f\u007f]/.test(value),
    expected: 'text of 1 to 128 characters (spaces around it not counted)',
  },
  kind: {
    check: (value) => (CONNECTION_KINDS as readonly string[]).includes(value),
    expected: `one of ${CONNECTION_KINDS.join(', ')}`,
  },
};

/** The query parameters of `GET /connections/{id}`: the list's projection and its organization. */
export const TENANT_CONNECTION_QUERY: Readonly<Record<string, ParameterRule>> = {
  fields: TENANT_CONNECTIONS_QUERY.fields as ParameterRule,
  include_fields: BOOLEAN,
  organization_id: TENANT_CONNECTIONS_QUERY.organization_id as ParameterRule,
};

/** A route that takes no query parameters. */
export const NO_QUERY: Readonly<Record<string, ParameterRule>> = {};

export type CheckedQuery = { ok: true; query: URLSearchParams } | { ok: false; problem: Problem };

function invalidQuery(message: string): CheckedQuery {
  return { ok: false, problem: { status: 400, errorCode: 'invalid_query_string', message } };
}

/**
 * The query checked against a route's whitelist: every key known, not repeated unless repeatable, every value
 * of the expected form. Returns a fresh `URLSearchParams` built from the checked pairs (re-serialized, never the
 * browser's string).
 */
export function checkQuery(search: URLSearchParams, rules: Readonly<Record<string, ParameterRule>>): CheckedQuery {
  const checked = new URLSearchParams();
  const seen = new Set<string>();
  for (const [key, value] of search) {
    const rule = Object.hasOwn(rules, key) ? rules[key] : undefined;
    if (rule === undefined) {
      const name = key.length > 40 ? `${key.slice(0, 40)}…` : key;
      const known = Object.keys(rules);
      return invalidQuery(
        known.length === 0
          ? `This route takes no query parameters (got "${name}").`
          : `Unknown query parameter "${name}"; expected one of ${known.join(', ')}.`,
      );
    }
    if (seen.has(key) && rule.repeatable !== true) return invalidQuery(`The query parameter "${key}" is repeated.`);
    seen.add(key);
    if (!rule.check(value)) return invalidQuery(`The query parameter "${key}" must be ${rule.expected}.`);
    checked.append(key, value);
  }
  return { ok: true, query: checked };
}

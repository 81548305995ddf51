/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';

/*
 * Validates requests and responses against Auth0's OpenAPI extracts in `packages/testing/contract/`.
 * Node only (it reads the files with `node:fs`): import it by path, never from the browser entry.
 */

export type OasApi = 'management' | 'my-organization';

export const OAS_FILES: Record<OasApi, string> = {
  management: 'auth0-management-api.organization-connections.oas.json',
  'my-organization': 'auth0-my-organization-api.identity-providers.oas.json',
};

export interface OasValidationResult {
  valid: boolean;
  /** One line per problem: `<instance path> <message>`. */
  errors: string[];
  /** The operation the path resolved to, e.g. `GET /organizations/{id}/connections`. */
  operation?: string;
  /** What the value was checked against (a `$ref`, or `inline`); absent when the OpenAPI has no schema for it. */
  schema?: string;
  /** Whether the OpenAPI lists this response status (always true for request bodies of a known operation). */
  documented: boolean;
}

export interface ValidateRequestBodyOptions {
  /**
   * For a body whose schema is a `oneOf` keyed by `x-strategy-map` (My Organization API PATCH): the
   * identity provider's strategy picks the variant. Without it the body must match at least one variant,
   * because a body without `options` matches all seven and a strict `oneOf` would reject it.
   */
  strategy?: string;
}

export interface OasValidator {
  validateRequestBody(
    api: OasApi,
    method: string,
    path: string,
    body: unknown,
    options?: ValidateRequestBodyOptions,
  ): OasValidationResult;
  validateResponse(api: OasApi, method: string, path: string, status: number, body: unknown): OasValidationResult;
  /** Validates against a named schema of `components.schemas`. */
  validateSchema(api: OasApi, schemaName: string, value: unknown): OasValidationResult;
  /** The path template and operation object for a request, or `undefined`. */
  findOperation(api: OasApi, method: string, path: string): { template: string; operation: OasOperation } | undefined;
}

export interface CreateOasValidatorOptions {
  /** Where the two `*.oas.json` files are; `packages/testing/contract/` when absent. */
  contractDirectory?: string;
}

export interface OasOperation {
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  [key: string]: unknown;
}

interface OasDocument {
  servers?: { url: string }[];
  paths: Record<string, Record<string, OasOperation>>;
  components: Record<string, Record<string, unknown>>;
}

const DEFAULT_CONTRACT_DIRECTORY = fileURLToPath(new URL('../../contract', import.meta.url));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows `$ref`s to `#/components/...` until the value is not a reference. */
function dereference(document: OasDocument, value: unknown): unknown {
  let current = value;
  for (let depth = 0; depth < 20 && isRecord(current) && typeof current.$ref === 'string'; depth += 1) {
    const pointer = current.$ref.replace(/^#\//, '').split('/');
    let target: unknown = document;
    for (const segment of pointer) {
      target = isRecord(target) ? target[segment.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined;
    }
    current = target;
  }
  return current;
}

/** Rewrites local `$ref`s so an inline schema resolves them inside the registered document `id`. */
function rebase(value: unknown, id: string): unknown {
  if (Array.isArray(value)) return value.map((item) => rebase(item, id));
  if (!isRecord(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = key === '$ref' && typeof item === 'string' && item.startsWith('#/') ? `${id}${item}` : rebase(item, id);
  }
  return copy;
}

function formatErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const params = Object.keys(error.params).length === 0 ? '' : ` ${JSON.stringify(error.params)}`;
    return `${error.instancePath || '/'} ${error.message ?? 'is invalid'}${params}`;
  });
}

function templatePattern(template: string): RegExp {
  const escaped = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${escaped}$`);
}

export function createOasValidator(options: CreateOasValidatorOptions = {}): OasValidator {
  const directory = options.contractDirectory ?? DEFAULT_CONTRACT_DIRECTORY;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  for (const format of ['connection-id', 'client-id', 'connection-realm']) ajv.addFormat(format, true);
  ajv.addFormat('uri', (value: string) => URL.canParse(value));

  const documents = {} as Record<OasApi, OasDocument>;
  for (const api of Object.keys(OAS_FILES) as OasApi[]) {
    const document = JSON.parse(readFileSync(join(directory, OAS_FILES[api]), 'utf8')) as OasDocument;
    documents[api] = document;
    ajv.addSchema({ $id: api, components: document.components });
  }
  const compiled = new Map<string, ValidateFunction>();

  function compile(api: OasApi, schema: unknown, cacheKey: string): ValidateFunction {
    const cached = compiled.get(cacheKey);
    if (cached !== undefined) return cached;
    let validate: ValidateFunction | undefined;
    if (isRecord(schema) && typeof schema.$ref === 'string' && Object.keys(schema).length === 1) {
      validate = ajv.getSchema(`${api}${schema.$ref}`);
    }
    validate ??= ajv.compile(rebase(schema, api) as object);
    compiled.set(cacheKey, validate);
    return validate;
  }

  function basePaths(api: OasApi): string[] {
    return (documents[api].servers ?? [])
      .map((server) => new URL(server.url.replace(/\{[^}]+\}/g, 'tenant')).pathname.replace(/\/+$/, ''))
      .sort((a, b) => b.length - a.length);
  }

  function relativePath(api: OasApi, path: string): string {
    let pathname = /^[a-z]+:\/\//i.test(path) ? new URL(path).pathname : (path.split('?')[0] ?? path);
    for (const base of basePaths(api)) {
      if (base !== '' && (pathname === base || pathname.startsWith(`${base}/`))) {
        pathname = pathname.slice(base.length);
        break;
      }
    }
    return pathname.replace(/\/+$/, '') || '/';
  }

  function findOperation(api: OasApi, method: string, path: string) {
    const relative = relativePath(api, path);
    const candidates = Object.keys(documents[api].paths)
      .filter((template) => templatePattern(template).test(relative))
      .sort((a, b) => b.replace(/\{[^}]+\}/g, '').length - a.replace(/\{[^}]+\}/g, '').length);
    for (const template of candidates) {
      const operation = documents[api].paths[template]?.[method.toLowerCase()];
      if (operation !== undefined) return { template, operation };
    }
    return undefined;
  }

  function run(api: OasApi, schema: unknown, cacheKey: string, value: unknown, base: OasValidationResult) {
    const validate = compile(api, schema, cacheKey);
    const valid = validate(value) === true;
    const reference = isRecord(schema) && typeof schema.$ref === 'string' ? schema.$ref : 'inline';
    return { ...base, valid, errors: valid ? [] : formatErrors(validate.errors), schema: reference };
  }

  return {
    findOperation,

    validateSchema(api, schemaName, value) {
      const reference = `#/components/schemas/${schemaName}`;
      if (documents[api].components.schemas?.[schemaName] === undefined) {
        return { valid: false, errors: [`No schema named ${schemaName}`], documented: false };
      }
      return run(api, { $ref: reference }, `${api} ${reference}`, value, {
        valid: false,
        errors: [],
        documented: true,
      });
    },

    validateRequestBody(api, method, path, body, requestOptions = {}) {
      const found = findOperation(api, method, path);
      if (found === undefined) {
        return { valid: false, errors: [`No operation ${method.toUpperCase()} ${path}`], documented: false };
      }
      const operation = `${method.toUpperCase()} ${found.template}`;
      const base: OasValidationResult = { valid: false, errors: [], operation, documented: true };
      const requestBody = dereference(documents[api], found.operation.requestBody);
      const content = isRecord(requestBody) && isRecord(requestBody.content) ? requestBody.content : undefined;
      const media = content?.['application/json'];
      const schema = isRecord(media) ? media.schema : undefined;
      if (schema === undefined) {
        return body === undefined
          ? { ...base, valid: true }
          : { ...base, errors: [`${operation} takes no request body`] };
      }
      const resolved = dereference(documents[api], schema);
      if (isRecord(resolved) && isRecord(resolved['x-strategy-map']) && Array.isArray(resolved.oneOf)) {
        const strategyMap = resolved['x-strategy-map'];
        const strategy = requestOptions.strategy;
        if (strategy !== undefined) {
          const variant = strategyMap[strategy];
          if (variant === undefined) return { ...base, errors: [`No variant for strategy ${strategy}`] };
          return run(api, variant, `${api} ${operation} request ${strategy}`, body, base);
        }
        return run(api, { anyOf: resolved.oneOf }, `${api} ${operation} request any`, body, base);
      }
      return run(api, schema, `${api} ${operation} request`, body, base);
    },

    validateResponse(api, method, path, status, body) {
      const found = findOperation(api, method, path);
      if (found === undefined) {
        return { valid: false, errors: [`No operation ${method.toUpperCase()} ${path}`], documented: false };
      }
      const operation = `${method.toUpperCase()} ${found.template}`;
      const responses = found.operation.responses ?? {};
      const declared =
        responses[String(status)] ?? responses[`${String(status).charAt(0)}XX`] ?? responses.default ?? undefined;
      const base: OasValidationResult = { valid: false, errors: [], operation, documented: declared !== undefined };
      const response = dereference(documents[api], declared);
      const content = isRecord(response) && isRecord(response.content) ? response.content : undefined;
      const media = content?.['application/json'];
      const schema = isRecord(media) ? media.schema : undefined;
      if (schema === undefined) {
        if (status === 204 && body !== undefined && body !== '') {
          return { ...base, errors: ['A 204 response must have no body'] };
        }
        return { ...base, valid: true };
      }
      return run(api, schema, `${api} ${operation} ${status}`, body, base);
    },
  };
}

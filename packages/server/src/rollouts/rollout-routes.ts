import { checkRolloutInput, englishOrgConnectionSettingsIssue, type RolloutInputIssue } from '@org-connections/core';
import {
  fromWireRolloutRequest,
  toWireRollout,
  toWireSettings,
  wireRolloutRequestSchema,
} from '@org-connections/core/wire';
import { readJsonRequestBody } from '../handler/json-request-body';
import type { TenantAdminAuthorization } from '../handler/org-connections-authorization';
import { jsonResponse, ORGANIZATION_NOT_FOUND, type Problem, problemResponse } from '../handler/problem-response';
import { CONNECTION_ID_PATTERN, ORGANIZATION_ID_PATTERN, type ProxyRoute } from '../handler/proxy-route';
import { validateRequestBody } from '../handler/validate-request-body';
import type { UpstreamAnswer } from '../upstream/management-api-upstream';
import { upstreamResponse } from '../upstream/upstream-response';
import type { RolloutEngine } from './rollouts';

/** A list of 10,000 organization ids is about 250 kB. */
export const ROLLOUT_MAX_BODY_BYTES = 512 * 1024;

const ROLLOUT_NOT_FOUND: Problem = {
  status: 404,
  errorCode: 'inexistent_rollout',
  message: 'The rollout does not exist.',
};

const json = (status: number, body: unknown) => jsonResponse(status, JSON.stringify(body));
const invalid = (message: string) => problemResponse({ status: 400, errorCode: 'invalid_body', message });

/** The wire name of a rollout issue's field (`settings.organization_connection_name`, `organizations`). */
function wireField(field: RolloutInputIssue['field']): string {
  if (field === 'organizations') return 'organizations';
  if (field === 'settings') return 'settings';
  return `settings.${Object.keys(toWireSettings({ [field]: true }))[0] ?? field}`;
}

function describeIssue(issue: RolloutInputIssue): string {
  switch (issue.code) {
    case 'organizations_empty':
      return 'organizations: list at least one organization, or "all".';
    case 'organizations_too_many':
      return 'organizations: list at most 10000 organizations, or "all".';
    case 'organization_duplicate':
      return 'organizations: each organization may be listed once.';
    case 'not_permitted':
      return `${wireField(issue.field)}: may not be set.`;
    default: {
      const field = issue.field as Exclude<RolloutInputIssue['field'], 'organizations'>;
      const { message } = englishOrgConnectionSettingsIssue(field, issue.code, undefined, 'database');
      return `${wireField(issue.field)}: ${message || issue.code}`;
    }
  }
}

const isAnswer = (value: unknown): value is UpstreamAnswer =>
  typeof value === 'object' && value !== null && 'status' in value && 'headers' in value;

/** `POST {base}/rollouts`: checks the body, the connection (read from Auth0) and the rules; starts a rollout or a dry run. */
async function startRollout(
  engine: RolloutEngine,
  authorization: TenantAdminAuthorization,
  request: Request,
): Promise<Response> {
  const body = await readJsonRequestBody(request, ROLLOUT_MAX_BODY_BYTES);
  if (!body.ok) return problemResponse(body.problem);
  const validated = validateRequestBody(body.value, wireRolloutRequestSchema);
  if (!validated.ok) return problemResponse(validated.problem);
  const input = fromWireRolloutRequest(validated.data);
  if (!CONNECTION_ID_PATTERN.test(input.connectionId)) {
    return invalid('Payload validation error: connection_id must be "con_" followed by 16 letters and digits.');
  }
  if (input.organizations !== 'all') {
    const bad = input.organizations.findIndex((id) => !ORGANIZATION_ID_PATTERN.test(id));
    if (bad !== -1) {
      return invalid(
        `Payload validation error: organizations[${bad}] must be "org_" followed by letters and digits (50 characters at most).`,
      );
    }
  }
  const early = checkRolloutInput(input);
  if (early.length > 0) return invalid(early.map(describeIssue).join(' '));
  if (input.organizations !== 'all') {
    const limitedTo = authorization.organizations;
    if (limitedTo !== undefined && limitedTo !== '*' && input.organizations.some((id) => !limitedTo.includes(id))) {
      return problemResponse(ORGANIZATION_NOT_FOUND);
    }
  }
  const found = await engine.connection(input.connectionId);
  if (isAnswer(found)) return upstreamResponse(found);
  const issues = checkRolloutInput(input, found.kind);
  if (issues.length > 0) return invalid(issues.map(describeIssue).join(' '));
  // A dry run is a rollout that writes nothing: the same resource (`dry_run: true`), read and cancelled the same way.
  const rollout = await engine.create(input, authorization, found.connection);
  return json(202, toWireRollout(rollout));
}

/** The rollout routes, for a tenant admin (the handler answers everyone else the 404 of a route not served). */
export async function serveRollouts(
  engine: RolloutEngine,
  authorization: TenantAdminAuthorization,
  request: Request,
  route: Extract<ProxyRoute, { name: 'rollouts' | 'rollout' | 'rollout-control' }>,
): Promise<Response> {
  if (route.name === 'rollouts') {
    if (request.method === 'POST') return startRollout(engine, authorization, request);
    return json(200, { rollouts: (await engine.list()).map(toWireRollout) });
  }
  if (route.name === 'rollout') {
    const rollout = await engine.view(route.rolloutId);
    return rollout === undefined ? problemResponse(ROLLOUT_NOT_FOUND) : json(200, toWireRollout(rollout));
  }
  const result = await engine.control(route.rolloutId, route.control);
  if (result === 'not_found') return problemResponse(ROLLOUT_NOT_FOUND);
  if (result === 'conflict') {
    return problemResponse({
      status: 409,
      errorCode: 'rollout_state_conflict',
      message:
        route.control === 'retry'
          ? 'There is nothing to retry: no organization failed, or the rollout was cancelled.'
          : `The rollout cannot ${route.control} in its present state.`,
    });
  }
  return json(200, toWireRollout(result));
}

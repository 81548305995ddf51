import { type AccessTokenStore, MANAGEMENT_SCOPES } from '../tenant/access-tokens';
import { authenticationError, type FakeResponse } from './fake-response';
import type { BodyEncoding } from './request-validation';

/** The Authentication API's token endpoint, at the tenant's origin (`https://{domain}/oauth/token`). */
export const TOKEN_PATH = '/oauth/token';

/** A machine-to-machine application the tenant knows, allowed the client-credentials grant for the Management API. */
export interface FakeM2MClient {
  clientId: string;
  clientSecret: string;
  /** The scopes its tokens carry; `MANAGEMENT_SCOPES` when absent. */
  scopes?: readonly string[];
  /** Seconds its tokens live; 86400 (Auth0's default) when absent. */
  expiresIn?: number;
}

/** A successful `POST /oauth/token` answer, as Auth0 sends it. */
export interface TokenResponseBody {
  access_token: string;
  token_type: 'Bearer';
  /** Seconds. */
  expires_in: number;
  /** The granted scopes, separated by spaces. */
  scope: string;
}

export interface TokenRequest {
  url: URL;
  body: unknown;
  encoding: BodyEncoding;
}

const DEFAULT_EXPIRES_IN = 86_400;

/** Throws a specific error for a client the tenant cannot hold. */
export function checkClient(client: FakeM2MClient, existing: ReadonlyMap<string, FakeM2MClient>): void {
  if (typeof client.clientId !== 'string' || client.clientId === '') {
    throw new Error('A client needs a non-empty clientId.');
  }
  if (typeof client.clientSecret !== 'string' || client.clientSecret === '') {
    throw new Error(`The client ${client.clientId} needs a non-empty clientSecret.`);
  }
  if (client.expiresIn !== undefined && !(Number.isInteger(client.expiresIn) && client.expiresIn > 0)) {
    throw new Error(`The client ${client.clientId} needs a positive whole number of seconds as expiresIn.`);
  }
  if (existing.has(client.clientId)) throw new Error(`The client ${client.clientId} already exists.`);
}

/** The Management API audiences a token request on this URL may ask for (with and without the trailing slash). */
function managementAudiences(url: URL): string[] {
  const origins = new Set([`https://${url.host}`, url.origin]);
  return [...origins].flatMap((origin) => [`${origin}/api/v2/`, `${origin}/api/v2`]);
}

function field(body: Record<string, unknown>, name: string): { value: string } | { error: FakeResponse } {
  const value = body[name];
  if (value === undefined || value === null || value === '') {
    return { error: authenticationError(400, 'invalid_request', `Missing required parameter: ${name}`) };
  }
  if (typeof value !== 'string') {
    return { error: authenticationError(400, 'invalid_request', `Invalid parameter: ${name} must be a string`) };
  }
  return { value };
}

/**
 * `POST /oauth/token` with the client-credentials grant, answered as Auth0's Authentication API does.
 * The token comes from the tenant's own token store, so the Management API accepts it with the client's scopes.
 */
export function handleTokenRequest(
  clients: ReadonlyMap<string, FakeM2MClient>,
  tokens: AccessTokenStore,
  request: TokenRequest,
): FakeResponse {
  if (request.encoding === 'invalid' || (request.body !== undefined && !isRecord(request.body))) {
    return authenticationError(
      400,
      'invalid_request',
      'The request body must be JSON or application/x-www-form-urlencoded parameters',
    );
  }
  const body = request.body ?? {};
  const grantType = field(body, 'grant_type');
  if ('error' in grantType) return grantType.error;
  const clientId = field(body, 'client_id');
  if ('error' in clientId) return clientId.error;
  const clientSecret = field(body, 'client_secret');
  if ('error' in clientSecret) return clientSecret.error;

  const client = clients.get(clientId.value);
  if (client === undefined || client.clientSecret !== clientSecret.value) {
    return authenticationError(401, 'access_denied', 'Unauthorized');
  }
  if (grantType.value !== 'client_credentials') {
    return authenticationError(
      403,
      'unauthorized_client',
      `Grant type '${grantType.value}' not allowed for the client.`,
    );
  }
  const audience = body.audience;
  if (audience === undefined || audience === null || audience === '') {
    return authenticationError(
      403,
      'access_denied',
      'No audience parameter was provided, and no default audience has been configured',
    );
  }
  if (typeof audience !== 'string' || !managementAudiences(request.url).includes(audience)) {
    return authenticationError(403, 'access_denied', `Service not enabled within domain: ${String(audience)}`);
  }

  const scopes = [...(client.scopes ?? MANAGEMENT_SCOPES)];
  const expiresIn = client.expiresIn ?? DEFAULT_EXPIRES_IN;
  const answer: TokenResponseBody = {
    access_token: tokens.issue({ scopes, expiresIn }),
    token_type: 'Bearer',
    expires_in: expiresIn,
    scope: scopes.join(' '),
  };
  return { status: 200, body: answer, headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

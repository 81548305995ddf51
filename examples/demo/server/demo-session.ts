import type { IncomingMessage, ServerResponse } from 'node:http';

/** Who the demo's visitor is playing: the SaaS operator's staff, or the administrator of one customer organization. */
export type DemoRole = 'tenant-admin' | 'org-admin';

export const DEMO_ROLES: readonly DemoRole[] = ['tenant-admin', 'org-admin'];
const COOKIE = 'org_connections_demo_role';

function isDemoRole(value: unknown): value is DemoRole {
  return DEMO_ROLES.includes(value as DemoRole);
}

/** The role a request's session cookie names, or `undefined` without a session (the guard answers 401). */
export function demoRoleOf(cookieHeader: string | null | undefined): DemoRole | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === COOKIE && isDemoRole(value)) return value;
  }
  return undefined;
}

export interface DemoSessionInfo {
  role: DemoRole | undefined;
  /** The organization the org admin belongs to, and the one the tenant admin's page shows. */
  organizationId: string;
  /** `fake`: the fake tenant on loopback; `auth0`: a real tenant from AUTH0_DOMAIN. */
  upstream: 'fake' | 'auth0';
}

/**
 * `GET /demo/session` says who the visitor is; `POST /demo/session` with `{"role": ...}` switches (a cookie,
 * as a host app's own session would be). Returns `false` for any other path.
 */
export async function handleDemoSession(
  request: IncomingMessage,
  response: ServerResponse,
  info: Omit<DemoSessionInfo, 'role'>,
): Promise<boolean> {
  if (request.url !== '/demo/session') return false;
  let role = demoRoleOf(request.headers.cookie);
  if (request.method === 'POST') {
    let body = '';
    for await (const chunk of request) body += chunk;
    const asked: unknown = JSON.parse(body || '{}').role;
    if (!isDemoRole(asked)) {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: `role must be one of ${DEMO_ROLES.join(', ')}` }));
      return true;
    }
    role = asked;
    response.setHeader('set-cookie', `${COOKIE}=${role}; Path=/; HttpOnly; SameSite=Strict`);
  }
  response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify({ ...info, role } satisfies DemoSessionInfo));
  return true;
}

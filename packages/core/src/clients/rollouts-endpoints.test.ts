import { createFakeFetch, createFakeTenant, DEFAULT_MANAGEMENT_BASE_URL, seedIds } from '@org-connections/testing';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failure } from '../../test/failure';
import type { WireRollout } from '../model/rollout';
import { wireRolloutRequestSchema } from '../wire/rollout-request-schema';
import { createManagementApiClient } from './management-api-client';
import { createMyOrganizationApiClient } from './my-organization-api-client';
import { serverRollouts } from './rollouts-endpoints';

/** Where a host mounts `@org-connections/server`; the route's answers below are the protocol's wire bodies. */
const BACKEND = 'https://app.test/api/org-connections';
const BACKEND_PATH = new URL(BACKEND).pathname;
const { connections, organizations } = seedIds;

const tenant = createFakeTenant();
const received: { method: string; path: string; body: unknown }[] = [];

function wireRollout(overrides: Partial<WireRollout> = {}): WireRollout {
  return {
    id: 'rol_1',
    status: 'running',
    connection_id: connections.google,
    organizations: 'all',
    if_enabled: 'skip',
    settings: { is_enabled: true, organization_access_level: 'readonly', assign_membership_on_login: false },
    counts: { added: 40, updated: 0, skipped_enabled: 3, skipped_limit: 2, failed: 1, pending: 54 },
    total: 100,
    failures: [{ organization_id: 'org_7', error: { kind: 'forbidden', code: 'insufficient_scope', status: 403 } }],
    rate_per_minute: 22.5,
    created_at: '2026-12-06T08:00:00.000Z',
    updated_at: '2026-12-06T08:02:00.000Z',
    ...overrides,
  };
}

const server = setupServer(
  // The server package's routes as the protocol gives them; each request is recorded, each body checked against
  // core's strict request schema (the server's own check).
  http.post(`${BACKEND}/rollouts`, async ({ request }) => {
    const body = await request.json();
    received.push({ method: 'POST', path: '/rollouts', body });
    const parsed = wireRolloutRequestSchema.safeParse(body);
    if (!parsed.success) return HttpResponse.json({ statusCode: 400, message: 'Invalid body' }, { status: 400 });
    if (parsed.data.dry_run)
      return HttpResponse.json({ id: 'rol_3', status: 'running', dry_run: true }, { status: 202 });
    return HttpResponse.json({ id: 'rol_2', status: 'running' }, { status: 202 });
  }),
  http.get(`${BACKEND}/rollouts`, () => {
    received.push({ method: 'GET', path: '/rollouts', body: undefined });
    return HttpResponse.json({ rollouts: [wireRollout({ id: 'rol_2' }), wireRollout({ status: 'done' })] });
  }),
  http.get(`${BACKEND}/rollouts/:id`, ({ request, params }) => {
    received.push({ method: 'GET', path: new URL(request.url).pathname.slice(BACKEND_PATH.length), body: undefined });
    if (params.id === 'rol_3') {
      const counts = { added: 4812, updated: 0, skipped_enabled: 12, skipped_limit: 37, failed: 0, pending: 0 };
      return HttpResponse.json(wireRollout({ id: 'rol_3', status: 'done', counts, total: 4861, dry_run: true }));
    }
    if (params.id !== 'rol_1') return HttpResponse.json({ statusCode: 404, message: 'Not Found' }, { status: 404 });
    return HttpResponse.json(wireRollout());
  }),
  http.post(`${BACKEND}/rollouts/:id/:control`, ({ params }) => {
    received.push({ method: 'POST', path: `/rollouts/${params.id}/${params.control}`, body: undefined });
    return HttpResponse.json(wireRollout({ status: params.control === 'pause' ? 'paused' : 'running' }));
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  received.length = 0;
  tenant.reset();
});
afterAll(() => server.close());

const client = () => createManagementApiClient({ baseUrl: BACKEND, retry: { attempts: 0 }, rollouts: serverRollouts });

describe('createManagementApiClient: rollouts (served by @org-connections/server)', () => {
  it('supports rollouts; the My Organization API client does not and has no such methods', () => {
    expect(client().supports?.('rollouts')).toBe(true);
    const myOrganization = createMyOrganizationApiClient({
      baseUrl: 'https://app.test/my-org/v1',
      getAccessToken: () => 'token',
    });
    expect(myOrganization.supports?.('rollouts')).toBe(false);
    expect(myOrganization.startRollout).toBeUndefined();
  });

  it('starts a rollout with the wire body of the protocol and answers its id and status', async () => {
    const started = await client().startRollout?.({
      connectionId: connections.google,
      organizations: [organizations.acme, organizations.globex],
      ifEnabled: 'update',
      settings: {
        isEnabled: true,
        organizationAccessLevel: 'limited',
        assignMembershipOnLogin: false,
        showAsButton: true,
      },
    });
    expect(started).toEqual({ dryRun: false, id: 'rol_2', status: 'running' });
    expect(received).toEqual([
      {
        method: 'POST',
        path: '/rollouts',
        body: {
          connection_id: connections.google,
          organizations: [organizations.acme, organizations.globex],
          if_enabled: 'update',
          settings: {
            is_enabled: true,
            organization_access_level: 'limited',
            assign_membership_on_login: false,
            show_as_button: true,
          },
        },
      },
    ]);
  });

  it('a dry run sends dry_run, answers the dry run started, and its counts are read like a rollout', async () => {
    const api = client();
    const preview = await api.startRollout?.({
      connectionId: connections.google,
      organizations: 'all',
      ifEnabled: 'skip',
      settings: { isEnabled: true },
      dryRun: true,
    });
    expect(preview).toEqual({ dryRun: true, id: 'rol_3', status: 'running' });
    expect(received[0]?.body).toMatchObject({ organizations: 'all', dry_run: true });
    const read = await api.getRollout?.('rol_3');
    expect(read).toMatchObject({
      dryRun: true,
      status: 'done',
      counts: { added: 4812, updated: 0, skippedEnabled: 12, skippedLimit: 37, failed: 0, pending: 0 },
      total: 4861,
    });
  });

  it('a rollout is no dry run, on the start and on the resource', async () => {
    const started = await client().startRollout?.({
      connectionId: connections.google,
      organizations: 'all',
      ifEnabled: 'skip',
      settings: { isEnabled: true },
    });
    expect(started?.dryRun).toBe(false);
    expect((await client().getRollout?.('rol_1'))?.dryRun).toBe(false);
  });

  it('reads a rollout as the model, its failures with the error kind and code', async () => {
    const rollout = await client().getRollout?.('rol_1');
    expect(rollout).toEqual({
      id: 'rol_1',
      status: 'running',
      connectionId: connections.google,
      organizations: 'all',
      ifEnabled: 'skip',
      settings: { isEnabled: true, organizationAccessLevel: 'readonly', assignMembershipOnLogin: false },
      counts: { added: 40, updated: 0, skippedEnabled: 3, skippedLimit: 2, failed: 1, pending: 54 },
      total: 100,
      failures: [{ organizationId: 'org_7', error: { kind: 'forbidden', code: 'insufficient_scope', status: 403 } }],
      ratePerMinute: 22.5,
      createdAt: '2026-12-06T08:00:00.000Z',
      updatedAt: '2026-12-06T08:02:00.000Z',
      dryRun: false,
    });
  });

  it('lists the recent rollouts, newest first, and encodes the id in the path', async () => {
    const { items } = (await client().listRollouts?.()) ?? { items: [] };
    expect(received).toEqual([{ method: 'GET', path: '/rollouts', body: undefined }]);
    expect(items.map((rollout) => [rollout.id, rollout.status])).toEqual([
      ['rol_2', 'running'],
      ['rol_1', 'done'],
    ]);
    const error = await failure(client().getRollout?.('rol/../x') ?? Promise.resolve());
    expect(error.kind).toBe('not_found');
    expect(received.at(-1)?.path).toBe('/rollouts/rol%2F..%2Fx');
  });

  it.each([
    ['pause', 'paused'],
    ['resume', 'running'],
    ['cancel', 'running'],
    ['retry', 'running'],
  ] as const)('%s is one POST to /rollouts/{id}/%s, answered with the rollout', async (control, status) => {
    const rollout = await client().controlRollout?.('rol_1', control);
    expect(rollout?.status).toBe(status);
    expect(received).toEqual([{ method: 'POST', path: `/rollouts/rol_1/${control}`, body: undefined }]);
  });

  it('without serverRollouts the client has no rollout methods and says so', () => {
    const plain = createManagementApiClient({ baseUrl: BACKEND, retry: { attempts: 0 } });
    expect(plain.supports?.('rollouts')).toBe(false);
    expect([plain.startRollout, plain.getRollout, plain.listRollouts, plain.controlRollout]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    // The other features stay as the endpoint family gives them.
    expect(plain.supports?.('listTenantConnections')).toBe(true);
    expect(client().supports?.('rollouts')).toBe(true);
  });

  it('given serverRollouts but pointed straight at Auth0 (no server package), a rollout call fails with not_found', async () => {
    const direct = createManagementApiClient({
      baseUrl: DEFAULT_MANAGEMENT_BASE_URL,
      getAccessToken: () => tenant.defaultToken,
      fetch: createFakeFetch(tenant),
      retry: { attempts: 0 },
      rollouts: serverRollouts,
    });
    expect((await failure(direct.listRollouts?.() ?? Promise.resolve())).kind).toBe('not_found');
    const start = direct.startRollout?.({
      connectionId: connections.google,
      organizations: 'all',
      ifEnabled: 'skip',
      settings: { isEnabled: true },
    });
    expect((await failure(start ?? Promise.resolve())).kind).toBe('not_found');
  });
});

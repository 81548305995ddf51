import { createFakeFetch, createFakeTenant, seedIds } from '@org-connections/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrgConnectionsAuditEvent } from './audit-event';
import { createOrgConnectionsHandler, type OrgConnectionsHandlerOptions } from './create-org-connections-handler';
import type { OrgConnectionsAuthorization } from './org-connections-authorization';

const { acme, globex } = seedIds.organizations;
const c = seedIds.connections;
const ORIGIN = 'https://app.example';
const BASE = `${ORIGIN}/api/org-connections`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const tenant = createFakeTenant();
const audits: OrgConnectionsAuditEvent[] = [];
afterEach(() => {
  tenant.reset();
  audits.length = 0;
});

const orgAdmin: OrgConnectionsAuthorization = { view: 'org-admin', actor: 'user|acme-admin', organizationId: acme };
const staff: OrgConnectionsAuthorization = { view: 'tenant-admin', actor: 'user|staff' };

function handlerFor(authorization: OrgConnectionsAuthorization, options: Partial<OrgConnectionsHandlerOptions> = {}) {
  return createOrgConnectionsHandler({
    domain: 'fake-tenant.test',
    basePath: '/api/org-connections',
    getManagementToken: () => tenant.defaultToken,
    authorize: async () => authorization,
    fetch: createFakeFetch(tenant),
    onAudit: (event) => {
      audits.push(event);
    },
    index: false,
    ...options,
  } as OrgConnectionsHandlerOptions);
}

function write(method: string, path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${BASE}${path}`, {
    method,
    headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const item = (organizationId: string, connectionId: string) =>
  `/organizations/${organizationId}/connections/${connectionId}`;

describe('the audit event', () => {
  it("an org admin's update: before (read from Auth0), after (Auth0's answer), when, request id and user agent", async () => {
    const started = new Date().toISOString();
    const response = await handlerFor(orgAdmin)(
      write(
        'PATCH',
        item(acme, c.google),
        { is_enabled: false },
        {
          'x-request-id': 'req-42',
          'user-agent': 'Mozilla/5.0 (test)',
        },
      ),
    );
    const finished = new Date().toISOString();
    expect(response.status).toBe(200);
    expect(audits).toHaveLength(1);
    const event = audits[0] as OrgConnectionsAuditEvent;
    expect(event).toEqual({
      actor: 'user|acme-admin',
      view: 'org-admin',
      organizationId: acme,
      connectionId: c.google,
      action: 'update',
      changes: { isEnabled: false },
      before: { isEnabled: true },
      after: { isEnabled: false },
      outcome: 'allowed',
      status: 200,
      at: expect.any(String),
      requestId: 'req-42',
      userAgent: 'Mozilla/5.0 (test)',
    });
    // ISO 8601 in UTC, taken while the request was handled.
    expect(event.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(event.at >= started && event.at <= finished).toBe(true);
    // A Fetch runtime gives no socket: no client address rather than a guessed one.
    expect(event).not.toHaveProperty('clientAddress');
  });

  it('a refused write says why (errorCode and reason) and carries before, but no after', async () => {
    await handlerFor(orgAdmin)(write('PATCH', item(acme, c.github), { is_enabled: false }));
    expect(audits).toEqual([
      expect.objectContaining({
        outcome: 'refused',
        status: 403,
        errorCode: 'org_connections_refused',
        reason: expect.stringContaining('readonly'),
        before: { isEnabled: true },
      }),
    ]);
    expect(audits[0]).not.toHaveProperty('after');
  });

  it('generates a request id when the request has none, or one that is not usable', async () => {
    const handler = handlerFor(staff);
    await handler(write('PATCH', item(acme, c.google), { is_enabled: false }));
    await handler(write('PATCH', item(acme, c.google), { is_enabled: true }, { 'x-request-id': 'x'.repeat(201) }));
    expect(audits.map((event) => event.requestId)).toEqual([expect.stringMatching(UUID), expect.stringMatching(UUID)]);
    expect(audits[0]?.requestId).not.toBe(audits[1]?.requestId);
  });

  it("a tenant admin's add carries after, the settings Auth0 wrote; a remove carries neither", async () => {
    const handler = handlerFor(staff);
    await handler(
      write('POST', `/organizations/${globex}/connections`, {
        connection_id: c.google,
        is_enabled: true,
        assign_membership_on_login: true,
      }),
    );
    await handler(write('DELETE', item(globex, c.google), undefined));
    expect(audits).toEqual([
      expect.objectContaining({
        action: 'add',
        changes: { isEnabled: true, assignMembershipOnLogin: true },
        after: { isEnabled: true, assignMembershipOnLogin: true },
        status: 201,
      }),
      expect.objectContaining({ action: 'remove', status: 204 }),
    ]);
    expect(audits[1]).not.toHaveProperty('before');
    expect(audits[1]).not.toHaveProperty('after');
  });

  it('reads the client address from x-forwarded-for only with trustProxy', async () => {
    const headers = { 'x-forwarded-for': '198.51.100.4, 10.0.0.1' };
    await handlerFor(staff)(write('PATCH', item(acme, c.google), { is_enabled: false }, headers));
    await handlerFor(staff, { trustProxy: true })(write('PATCH', item(acme, c.google), { is_enabled: true }, headers));
    await handlerFor(staff, { trustProxy: true })(
      write('PATCH', item(acme, c.google), { is_enabled: false }, { 'x-forwarded-for': '<script>' }),
    );
    expect(audits.map((event) => event.clientAddress)).toEqual([undefined, '198.51.100.4', undefined]);
  });
});

import { describe, expect, it } from 'vitest';
import { wireRolloutRequestSchema } from '../wire/rollout-request-schema';
import { ORG_CONNECTION_LIMIT } from './org-connection';
import {
  checkRolloutInput,
  emptyRolloutCounts,
  fromWireRollout,
  fromWireRolloutRequest,
  ROLLOUT_MAX_LISTED_ORGANIZATIONS,
  type Rollout,
  rolloutCountOf,
  rolloutOutcome,
  rolloutStepOutcome,
  toWireRollout,
  toWireRolloutRequest,
  wireRolloutSchema,
} from './rollout';

describe('checkRolloutInput', () => {
  it("judges the settings with the add dialog's rules (as a tenant admin), naming the field", () => {
    expect(checkRolloutInput({ organizations: 'all', settings: {} })).toEqual([]);
    expect(checkRolloutInput({ organizations: 'all', settings: { organizationAccessLevel: 'readonly' } })).toEqual([
      { field: 'organizationConnectionName', code: 'name_required' },
    ]);
    expect(
      checkRolloutInput({ organizations: 'all', settings: { isSignupEnabled: true } }, 'enterprise'),
    ).toContainEqual({ field: 'isSignupEnabled', code: 'signup_not_database' });
    // Without the kind, only the rules that do not depend on it.
    expect(checkRolloutInput({ organizations: 'all', settings: { showAsButton: false } })).toEqual([]);
    expect(checkRolloutInput({ organizations: 'all', settings: { showAsButton: false } }, 'database')).toContainEqual({
      field: 'showAsButton',
      code: 'show_as_button_not_enterprise',
    });
  });

  it('wants a list of organizations that is not empty, not too long, and names each once', () => {
    const check = (organizations: string[]) => checkRolloutInput({ organizations, settings: {} });
    expect(check([])).toEqual([{ field: 'organizations', code: 'organizations_empty' }]);
    expect(check(['org_a', 'org_a'])).toEqual([{ field: 'organizations', code: 'organization_duplicate' }]);
    const many = Array.from({ length: ROLLOUT_MAX_LISTED_ORGANIZATIONS + 1 }, (_, index) => `org_${index}`);
    expect(check(many)).toEqual([{ field: 'organizations', code: 'organizations_too_many' }]);
    expect(check(['org_a', 'org_b'])).toEqual([]);
  });
});

describe('rolloutOutcome (an organization whose state is known: a dry run)', () => {
  it('skips or updates where the connection is on, skips at the limit, adds otherwise', () => {
    expect(rolloutOutcome('skip', { alreadyEnabled: true, connectionCount: 3 })).toBe('skipped_enabled');
    expect(rolloutOutcome('update', { alreadyEnabled: true, connectionCount: ORG_CONNECTION_LIMIT })).toBe('updated');
    expect(rolloutOutcome('update', { alreadyEnabled: false, connectionCount: ORG_CONNECTION_LIMIT })).toBe(
      'skipped_limit',
    );
    expect(rolloutOutcome('skip', { alreadyEnabled: false, connectionCount: ORG_CONNECTION_LIMIT - 1 })).toBe('added');
  });
});

describe('rolloutStepOutcome (after a write)', () => {
  const conflict = {
    ok: false as const,
    status: 409,
    kind: 'conflict' as const,
    code: 'organization_connection_conflict',
  };
  it('reads a 409 as "already enabled", not a failure', () => {
    expect(rolloutStepOutcome({ ifEnabled: 'skip', write: 'add', result: conflict })).toBe('skipped_enabled');
    expect(rolloutStepOutcome({ ifEnabled: 'update', write: 'add', result: conflict })).toBe('update');
    // Its own add, sent before a restart that lost the answer.
    expect(rolloutStepOutcome({ ifEnabled: 'skip', write: 'add', result: conflict, inFlight: true })).toBe('added');
  });
  it('after a lost answer in update mode still updates (the connection may have been there with other settings), and counts the add', () => {
    expect(rolloutStepOutcome({ ifEnabled: 'update', write: 'add', result: conflict, inFlight: true })).toBe('update');
    const ok = { ok: true as const };
    expect(rolloutStepOutcome({ ifEnabled: 'update', write: 'update', result: ok, afterLostAdd: true })).toBe('added');
    expect(rolloutStepOutcome({ ifEnabled: 'update', write: 'update', result: ok, inFlight: true })).toBe('updated');
    expect(rolloutStepOutcome({ ifEnabled: 'update', write: 'update', result: conflict, afterLostAdd: true })).toBe(
      'failed',
    );
  });
  it("tells Auth0's 10-connection limit from a conflict, waits out a 429, and fails the rest", () => {
    const limit = { ...conflict, code: 'organization_connection_limit_reached' };
    expect(rolloutStepOutcome({ ifEnabled: 'skip', write: 'add', result: limit })).toBe('skipped_limit');
    const limited = { ok: false as const, status: 429, kind: 'rate_limited' as const };
    expect(rolloutStepOutcome({ ifEnabled: 'skip', write: 'add', result: limited })).toBe('retry');
    const forbidden = { ok: false as const, status: 403, kind: 'forbidden' as const };
    expect(rolloutStepOutcome({ ifEnabled: 'skip', write: 'add', result: forbidden })).toBe('failed');
    expect(rolloutStepOutcome({ ifEnabled: 'update', write: 'update', result: conflict })).toBe('failed');
    expect(rolloutStepOutcome({ ifEnabled: 'update', write: 'update', result: { ok: true } })).toBe('updated');
    expect(rolloutStepOutcome({ ifEnabled: 'skip', write: 'add', result: { ok: true } })).toBe('added');
  });
});

describe('the wire', () => {
  it('round-trips a request, and refuses unknown fields and string booleans', () => {
    const input = {
      connectionId: 'con_0123456789abcdef',
      organizations: ['org_a'],
      ifEnabled: 'update' as const,
      settings: { organizationConnectionName: 'Sign in', organizationAccessLevel: 'readonly' as const },
      dryRun: true,
    };
    const wire = toWireRolloutRequest(input);
    expect(wire).toEqual({
      connection_id: 'con_0123456789abcdef',
      organizations: ['org_a'],
      if_enabled: 'update',
      settings: { organization_connection_name: 'Sign in', organization_access_level: 'readonly' },
      dry_run: true,
    });
    expect(fromWireRolloutRequest(wireRolloutRequestSchema.parse(wire))).toEqual(input);
    expect(wireRolloutRequestSchema.safeParse({ ...wire, extra: 1 }).success).toBe(false);
    expect(wireRolloutRequestSchema.safeParse({ ...wire, settings: { is_enabled: 'true' } }).success).toBe(false);
    expect(wireRolloutRequestSchema.safeParse({ ...wire, organizations: 'some' }).success).toBe(false);
  });

  it('maps a rollout resource to the model and back', () => {
    const rollout: Rollout = {
      id: 'rol_AAAAAAAAAAAAAAAAAAAA',
      status: 'running',
      connectionId: 'con_0123456789abcdef',
      organizations: 'all',
      ifEnabled: 'skip',
      settings: { assignMembershipOnLogin: true },
      counts: { ...emptyRolloutCounts(), added: 3, skippedLimit: 1, failed: 1, pending: 5 },
      total: 10,
      failures: [{ organizationId: 'org_b', error: { kind: 'forbidden', code: 'insufficient_scope', status: 403 } }],
      ratePerMinute: 12,
      createdAt: '2026-12-06T09:00:00.000Z',
      updatedAt: '2026-12-06T09:01:00.000Z',
      dryRun: false,
    };
    const wire = toWireRollout(rollout);
    expect(wire.counts).toEqual({ added: 3, updated: 0, skipped_enabled: 0, skipped_limit: 1, failed: 1, pending: 5 });
    expect(wire.failures).toEqual([
      { organization_id: 'org_b', error: { kind: 'forbidden', code: 'insufficient_scope', status: 403 } },
    ]);
    expect(fromWireRollout(wireRolloutSchema.parse(JSON.parse(JSON.stringify(wire))))).toEqual(rollout);
    expect(rolloutCountOf('skipped_limit')).toBe('skippedLimit');
    expect(wire).not.toHaveProperty('paused_reason');
    expect(wire).not.toHaveProperty('dry_run');

    // Paused on its own: why, as `paused_reason` on the wire and `pausedReason` in the model.
    const paused: Rollout = { ...rollout, status: 'paused', pausedReason: { kind: 'server', status: 503 } };
    const pausedWire = toWireRollout(paused);
    expect(pausedWire.paused_reason).toEqual({ kind: 'server', status: 503 });
    expect(fromWireRollout(wireRolloutSchema.parse(JSON.parse(JSON.stringify(pausedWire))))).toEqual(paused);
    // A dry run: `dry_run: true` on the wire; a rollout has no such field.
    const dryRun: Rollout = { ...rollout, dryRun: true };
    const dryRunWire = toWireRollout(dryRun);
    expect(dryRunWire.dry_run).toBe(true);
    expect(fromWireRollout(wireRolloutSchema.parse(JSON.parse(JSON.stringify(dryRunWire))))).toEqual(dryRun);
  });
});

import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { capabilitiesFor, forbiddenChanges } from './capabilities';
import { CONNECTION_KINDS } from './connection-kind';
import {
  guardNewOrganizationConnection,
  guardOrganizationConnectionChanges,
} from './guard-organization-connection-changes';
import type { OrgConnectionSettings } from './org-connection';
import { isOrgConnectionsError } from './org-connections-error';

const level = fc.constantFrom('none', 'readonly', 'limited', 'full', 'delegated', undefined);
const kind = fc.constantFrom(...CONNECTION_KINDS);
const view = fc.constantFrom('tenant-admin' as const, 'org-admin' as const);
const changes = fc.record(
  {
    organizationConnectionName: fc.string({ minLength: 1, maxLength: 10 }),
    organizationAccessLevel: fc.constantFrom('none', 'readonly', 'limited', 'full'),
    isEnabled: fc.boolean(),
    assignMembershipOnLogin: fc.boolean(),
    isSignupEnabled: fc.boolean(),
    showAsButton: fc.boolean(),
  },
  { requiredKeys: [] },
);

function kindOfError(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (isOrgConnectionsError(error)) return error.kind;
    throw error;
  }
}

describe('guardOrganizationConnectionChanges', () => {
  test.prop([view, level, kind, changes])(
    'refuses with not_permitted exactly the changes the capabilities forbid',
    (currentView, accessLevel, currentKind, proposed) => {
      const current = { kind: currentKind, organizationAccessLevel: accessLevel, organizationConnectionName: 'Named' };
      const forbidden = forbiddenChanges(
        capabilitiesFor({ view: currentView, accessLevel, kind: currentKind }),
        proposed,
      );
      const outcome = kindOfError(() =>
        guardOrganizationConnectionChanges({ view: currentView, current, changes: proposed }),
      );
      if (forbidden.length > 0) expect(outcome).toBe('not_permitted');
      else expect(outcome).not.toBe('not_permitted');
    },
  );

  it('does not hold a problem the connection already had against an unrelated change', () => {
    // Signup on without membership: an old record Auth0 would refuse today.
    const current = {
      kind: 'database' as const,
      organizationAccessLevel: 'full',
      organizationConnectionName: 'Staff',
      isSignupEnabled: true,
      assignMembershipOnLogin: false,
    };
    const sent = guardOrganizationConnectionChanges({ view: 'tenant-admin', current, changes: { isEnabled: false } });
    expect(sent).toEqual({ isEnabled: false });
  });

  it('refuses a change that breaks the signup rule given the current settings', () => {
    const current = { kind: 'database' as const, isSignupEnabled: false, assignMembershipOnLogin: false };
    expect(
      kindOfError(() =>
        guardOrganizationConnectionChanges({ view: 'tenant-admin', current, changes: { isSignupEnabled: true } }),
      ),
    ).toBe('invalid_request');
  });

  it('leaves out the fields given as undefined', () => {
    const current = { kind: 'social' as const };
    const proposed: Partial<OrgConnectionSettings> = { isEnabled: true, showAsButton: undefined };
    expect(guardOrganizationConnectionChanges({ view: 'tenant-admin', current, changes: proposed })).toEqual({
      isEnabled: true,
    });
  });
});

describe('guardNewOrganizationConnection', () => {
  it('refuses an org admin adding a connection', () => {
    expect(kindOfError(() => guardNewOrganizationConnection({ view: 'org-admin', kind: 'social', settings: {} }))).toBe(
      'not_permitted',
    );
  });

  it('applies only the rules that do not depend on the kind when the kind is unknown', () => {
    expect(
      guardNewOrganizationConnection({ view: 'tenant-admin', kind: undefined, settings: { showAsButton: false } }),
    ).toEqual({ showAsButton: false });
    expect(
      kindOfError(() =>
        guardNewOrganizationConnection({
          view: 'tenant-admin',
          kind: undefined,
          settings: { organizationAccessLevel: 'full' },
        }),
      ),
    ).toBe('invalid_request');
  });
});

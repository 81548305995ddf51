import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CONNECTION_KINDS } from '../model/connection-kind';
import { UNSUPPORTED_FEATURE_CODE } from '../model/data-source-features';
import type { OrgConnectionSettings } from '../model/org-connection';
import { isOrgConnectionsError, VIEW_NOT_PERMITTED_CODE } from '../model/org-connections-error';
import { capabilitiesFor, forbiddenChanges } from './capabilities';
import {
  checkNewOrganizationConnection,
  checkOrganizationConnectionChanges,
  checkOrganizationConnectionChangesAlone,
  guardNewOrganizationConnection,
  guardOrganizationConnectionChanges,
} from './guard-organization-connection-changes';
import { englishOrgConnectionSettingsIssue } from './validate-org-connection-settings';

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

  it('names each broken rule by field and code in its invalid_request error, for a developer', () => {
    const current = { kind: 'database' as const, isSignupEnabled: false, assignMembershipOnLogin: false };
    expect(() =>
      guardOrganizationConnectionChanges({ view: 'tenant-admin', current, changes: { isSignupEnabled: true } }),
    ).toThrowError(
      expect.objectContaining({
        kind: 'invalid_request',
        code: 'signup_requires_membership',
        message: 'The settings break a rule: isSignupEnabled (signup_requires_membership).',
      }),
    );
  });

  it('carries each broken rule as a field and a code, for a UI to word', () => {
    const current = { kind: 'database' as const, organizationAccessLevel: 'full' };
    const changes = { organizationConnectionName: 'x'.repeat(51), isSignupEnabled: true };
    expect(() => guardOrganizationConnectionChanges({ view: 'tenant-admin', current, changes })).toThrowError(
      expect.objectContaining({
        issues: [
          expect.objectContaining({ field: 'organizationConnectionName', code: 'name_too_long' }),
          expect.objectContaining({ field: 'isSignupEnabled', code: 'signup_requires_membership' }),
        ],
      }),
    );
  });

  it('names the refused settings in its not_permitted error', () => {
    const current = { kind: 'enterprise' as const, organizationAccessLevel: 'limited' };
    const changes = { organizationAccessLevel: 'full' as const, assignMembershipOnLogin: true };
    expect(() => guardOrganizationConnectionChanges({ view: 'org-admin', current, changes })).toThrowError(
      expect.objectContaining({
        kind: 'not_permitted',
        code: 'view_not_permitted',
        message: 'Cannot change organizationAccessLevel, assignMembershipOnLogin.',
      }),
    );
  });

  it("gives the view's refusal a code of its own, apart from a data source's unsupported feature", () => {
    const refusal = (() => {
      try {
        guardOrganizationConnectionChanges({
          view: 'org-admin',
          current: { kind: 'social', organizationAccessLevel: 'readonly' },
          changes: { isEnabled: false },
        });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toMatchObject({ kind: 'not_permitted', code: VIEW_NOT_PERMITTED_CODE });
    expect(VIEW_NOT_PERMITTED_CODE).not.toBe(UNSUPPORTED_FEATURE_CODE);
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

describe('checkOrganizationConnectionChanges', () => {
  const full = { kind: 'database' as const, organizationAccessLevel: 'full', organizationConnectionName: 'Staff' };

  it('refuses an org admin any change to a readonly connection', () => {
    const current = { kind: 'social' as const, organizationAccessLevel: 'readonly' };
    const verdict = checkOrganizationConnectionChanges({ view: 'org-admin', current, changes: { isEnabled: false } });
    expect(verdict).toEqual({ changes: { isEnabled: false }, refused: ['isEnabled'], issues: [] });
  });

  it('refuses an org admin the access level and the name, even of a full connection', () => {
    const verdict = checkOrganizationConnectionChanges({
      view: 'org-admin',
      current: full,
      changes: { organizationAccessLevel: 'none', organizationConnectionName: 'Renamed', isEnabled: false },
    });
    expect(verdict.refused).toEqual(['organizationConnectionName', 'organizationAccessLevel']);
  });

  it('refuses membership at limited for an org admin unless the policy loosens limited', () => {
    const current = { kind: 'social' as const, organizationAccessLevel: 'limited' };
    const changes = { assignMembershipOnLogin: true };
    expect(checkOrganizationConnectionChanges({ view: 'org-admin', current, changes }).refused).toEqual([
      'assignMembershipOnLogin',
    ]);
    const policy = { limitedCanAssignMembership: true };
    expect(checkOrganizationConnectionChanges({ view: 'org-admin', policy, current, changes }).refused).toEqual([]);
  });

  it('refuses even a tenant admin signup on a social connection', () => {
    const current = { kind: 'social' as const, organizationAccessLevel: 'full' };
    const verdict = checkOrganizationConnectionChanges({
      view: 'tenant-admin',
      current,
      changes: { isSignupEnabled: true },
    });
    expect(verdict.refused).toEqual(['isSignupEnabled']);
  });

  it('reports turning on signup without membership as an issue of isSignupEnabled', () => {
    const current = { ...full, assignMembershipOnLogin: true, isSignupEnabled: false };
    const verdict = checkOrganizationConnectionChanges({
      view: 'tenant-admin',
      current,
      changes: { assignMembershipOnLogin: false, isSignupEnabled: true },
    });
    expect(verdict.refused).toEqual([]);
    expect(verdict.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['isSignupEnabled', 'signup_requires_membership'],
    ]);
  });

  it('reports leaving none without a name, and accepts it with one', () => {
    const current = { kind: 'social' as const, organizationAccessLevel: 'none' };
    const unnamed = checkOrganizationConnectionChanges({
      view: 'tenant-admin',
      current,
      changes: { organizationAccessLevel: 'full' },
    });
    expect(unnamed.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['organizationConnectionName', 'name_required'],
    ]);
    const named = checkOrganizationConnectionChanges({
      view: 'tenant-admin',
      current,
      changes: { organizationConnectionName: 'Google', organizationAccessLevel: 'full' },
    });
    expect(named).toEqual({
      changes: { organizationConnectionName: 'Google', organizationAccessLevel: 'full' },
      refused: [],
      issues: [],
    });
  });
});

describe('checkOrganizationConnectionChangesAlone: the guard without the connection', () => {
  const views = ['tenant-admin', 'org-admin'] as const;
  const codes = (view: (typeof views)[number], changes: Partial<OrgConnectionSettings>) =>
    checkOrganizationConnectionChangesAlone({ view, changes }).issues.map((issue) => [issue.field, issue.code]);

  it.each(views)('judges, for %s, the rules the changes break on their own', (view) => {
    expect(codes(view, { isSignupEnabled: true, assignMembershipOnLogin: false })).toEqual([
      ['isSignupEnabled', 'signup_requires_membership'],
    ]);
    expect(codes(view, { organizationConnectionName: '' })).toEqual([['organizationConnectionName', 'name_too_short']]);
  });

  it.each(views)('leaves to the connection, for %s, the rules that read a setting the changes leave out', (view) => {
    // Membership may be on, the connection may have a name, its kind may have the setting.
    expect(codes(view, { isSignupEnabled: true })).toEqual([]);
    expect(codes(view, { organizationAccessLevel: 'full' })).toEqual([]);
    expect(codes(view, { showAsButton: false, isSignupEnabled: false })).toEqual([]);
  });

  it('refuses what no connection lets the view change: for an org admin the name and the access level', () => {
    const changes = { organizationConnectionName: 'Mine', organizationAccessLevel: 'full' as const, isEnabled: false };
    const refused = (view: (typeof views)[number]) =>
      checkOrganizationConnectionChangesAlone({ view, changes }).refused;
    expect(refused('org-admin')).toEqual(['organizationConnectionName', 'organizationAccessLevel']);
    expect(refused('tenant-admin')).toEqual([]);
  });

  test.prop([view, kind, changes])(
    'never finds an issue the change would not break on a sound connection of any kind it applies to',
    (anyView, anyKind, anyChanges) => {
      const alone = checkOrganizationConnectionChangesAlone({ view: anyView, changes: anyChanges });
      const current = {
        kind: anyKind,
        organizationAccessLevel: 'full',
        organizationConnectionName: 'Staff',
        assignMembershipOnLogin: true,
      };
      const known = checkOrganizationConnectionChanges({ view: 'tenant-admin', current, changes: anyChanges });
      // On a kind that has every setting the changes give, each issue found alone is found with the connection.
      if (known.refused.length > 0) return;
      for (const issue of alone.issues) expect(known.issues).toContainEqual(issue);
    },
  );
});

describe('the verdict issues', () => {
  const current = { kind: 'database' as const, isSignupEnabled: false, assignMembershipOnLogin: false };

  it('are coded, without words, by default', () => {
    const verdict = checkOrganizationConnectionChanges({
      view: 'tenant-admin',
      current,
      changes: { isSignupEnabled: true },
    });
    expect(verdict.issues).toStrictEqual([{ field: 'isSignupEnabled', code: 'signup_requires_membership' }]);
  });

  it('are made by the factory given, such as the English one the server package answers with', () => {
    const changes = { isSignupEnabled: true };
    const verdict = checkOrganizationConnectionChanges(
      { view: 'tenant-admin', current, changes },
      englishOrgConnectionSettingsIssue,
    );
    expect(verdict.issues).toStrictEqual([
      {
        field: 'isSignupEnabled',
        code: 'signup_requires_membership',
        message: 'Turn on membership on authentication to allow signup.',
      },
    ]);
    const added = checkNewOrganizationConnection(
      { view: 'tenant-admin', kind: 'social', settings: { organizationAccessLevel: 'full' } },
      englishOrgConnectionSettingsIssue,
    );
    expect(added.issues.map((issue) => issue.message)).toEqual([
      'Enter an organization connection name before setting the access level to full.',
    ]);
  });
});

describe('checkNewOrganizationConnection', () => {
  it('refuses an org admin adding a connection, naming the settings given or isEnabled when none are', () => {
    expect(checkNewOrganizationConnection({ view: 'org-admin', kind: 'social', settings: {} }).refused).toEqual([
      'isEnabled',
    ]);
    const verdict = checkNewOrganizationConnection({
      view: 'org-admin',
      kind: 'enterprise',
      settings: { showAsButton: false, isEnabled: true },
    });
    expect(verdict.refused).toEqual(['isEnabled', 'showAsButton']);
  });

  it("refuses signup on a connection known to be enterprise from the tenant's list", () => {
    const verdict = checkNewOrganizationConnection({
      view: 'tenant-admin',
      kind: 'enterprise',
      settings: { isSignupEnabled: true },
    });
    expect(verdict.refused).toEqual(['isSignupEnabled']);
  });

  it('reports the settings rules the new connection would break', () => {
    const verdict = checkNewOrganizationConnection({
      view: 'tenant-admin',
      kind: 'database',
      settings: { organizationAccessLevel: 'limited', assignMembershipOnLogin: false, isSignupEnabled: true },
    });
    expect(verdict.refused).toEqual([]);
    expect(verdict.issues.map((issue) => issue.code).sort()).toEqual(['name_required', 'signup_requires_membership']);
  });

  it('leaves out the settings given as undefined', () => {
    const verdict = checkNewOrganizationConnection({
      view: 'tenant-admin',
      kind: 'social',
      settings: { isEnabled: true, showAsButton: undefined },
    });
    expect(verdict).toEqual({ changes: { isEnabled: true }, refused: [], issues: [] });
  });
});

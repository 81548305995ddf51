import { describe, expect, it } from 'vitest';
import { connectionControlsFor, membershipAdmitsProviderUsers, viewControlsFor } from './capabilities';

describe('connectionControlsFor', () => {
  it('a tenant admin may rename, set the level and remove, with nothing locked and every setting of the kind shown', () => {
    const controls = connectionControlsFor({ view: 'tenant-admin', accessLevel: 'readonly', kind: 'database' });
    expect(controls).toMatchObject({
      rename: true,
      changeAccessLevel: true,
      remove: true,
      lockReason: undefined,
      explainSignupOff: true,
    });
    expect(controls.shown).toEqual({
      organizationConnectionName: true,
      organizationAccessLevel: true,
      isEnabled: true,
      assignMembershipOnLogin: true,
      isSignupEnabled: true,
      showAsButton: false,
    });
  });

  it('an org admin never renames, sets a level or removes, at any level', () => {
    for (const accessLevel of ['readonly', 'limited', 'full'] as const) {
      const controls = connectionControlsFor({ view: 'org-admin', accessLevel, kind: 'enterprise' });
      expect([controls.rename, controls.changeAccessLevel, controls.remove]).toEqual([false, false, false]);
    }
  });

  it('readonly: every setting of the kind is shown, locked, and the row says why once (not signup on its own)', () => {
    const controls = connectionControlsFor({ view: 'org-admin', accessLevel: 'readonly', kind: 'database' });
    expect(controls.lockReason).toBe('readonly');
    expect(controls.explainSignupOff).toBe(false);
    expect(controls.shown).toMatchObject({ isEnabled: true, assignMembershipOnLogin: true, isSignupEnabled: true });
    expect(controls.shown.showAsButton).toBe(false);
    expect(controls.shown.organizationAccessLevel).toBe(false);
  });

  it('limited: only the settings it may change are shown, and the row says some are locked', () => {
    const controls = connectionControlsFor({ view: 'org-admin', accessLevel: 'limited', kind: 'database' });
    expect(controls.lockReason).toBe('limited');
    expect(controls.explainSignupOff).toBe(true);
    expect(controls.shown).toMatchObject({ isEnabled: true, assignMembershipOnLogin: false, isSignupEnabled: false });
  });

  it('limited follows the policy: with membership allowed, nothing of an enterprise connection is locked', () => {
    const strict = connectionControlsFor({ view: 'org-admin', accessLevel: 'limited', kind: 'enterprise' });
    const loose = connectionControlsFor({
      view: 'org-admin',
      accessLevel: 'limited',
      kind: 'enterprise',
      policy: { limitedCanAssignMembership: true },
    });
    expect(strict.lockReason).toBe('limited');
    expect(loose.lockReason).toBeUndefined();
    expect(loose.shown.assignMembershipOnLogin).toBe(true);
    // Signup stays a full-level setting: a database connection is still partly locked under that policy.
    expect(
      connectionControlsFor({
        view: 'org-admin',
        accessLevel: 'limited',
        kind: 'database',
        policy: { limitedCanAssignMembership: true },
      }).lockReason,
    ).toBe('limited');
  });

  it('full: nothing locked for an org admin', () => {
    expect(connectionControlsFor({ view: 'org-admin', accessLevel: 'full', kind: 'database' }).lockReason).toBe(
      undefined,
    );
  });
});

describe('viewControlsFor', () => {
  it('only a tenant admin adds, removes and sees every connection; an org admin needs access levels', () => {
    expect(viewControlsFor('tenant-admin')).toEqual({
      addOrRemove: true,
      seesAllConnections: true,
      needsAccessLevels: false,
    });
    expect(viewControlsFor('org-admin')).toEqual({
      addOrRemove: false,
      seesAllConnections: false,
      needsAccessLevels: true,
    });
  });
});

describe('settings rules the UI asks', () => {
  it("membership on authentication admits the identity provider's users for an enterprise connection only", () => {
    expect(membershipAdmitsProviderUsers('enterprise')).toBe(true);
    expect(membershipAdmitsProviderUsers('database')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { ORG_CONNECTION_FIELDS } from '../model/org-connection';
import { connectionControlsFor, membershipAdmitsProviderUsers, seesEveryConnection } from './capabilities';

describe('connectionControlsFor', () => {
  it('a tenant admin may rename, set the level and remove, with nothing locked and every setting of the kind shown', () => {
    const controls = connectionControlsFor({ view: 'tenant-admin', accessLevel: 'readonly', kind: 'database' });
    expect(controls.editable).toMatchObject({ organizationConnectionName: true, organizationAccessLevel: true });
    expect(controls).toMatchObject({
      remove: true,
      lockReason: undefined,
    });
    expect(ORG_CONNECTION_FIELDS.filter(controls.shown)).toEqual([
      'organizationConnectionName',
      'organizationAccessLevel',
      'isEnabled',
      'assignMembershipOnLogin',
      'isSignupEnabled',
    ]);
  });

  it('an org admin never renames, sets a level or removes, at any level', () => {
    for (const accessLevel of ['readonly', 'limited', 'full'] as const) {
      const controls = connectionControlsFor({ view: 'org-admin', accessLevel, kind: 'enterprise' });
      const { organizationConnectionName: rename, organizationAccessLevel: setLevel } = controls.editable;
      expect([rename, setLevel, controls.remove]).toEqual([false, false, false]);
    }
  });

  it('readonly: every setting of the kind is shown, and the row says why they are locked', () => {
    const controls = connectionControlsFor({ view: 'org-admin', accessLevel: 'readonly', kind: 'database' });
    expect(controls.lockReason).toBe('readonly');
    expect(ORG_CONNECTION_FIELDS.filter(controls.shown)).toEqual([
      'isEnabled',
      'assignMembershipOnLogin',
      'isSignupEnabled',
    ]);
  });

  it('limited: only the settings it may change are shown, and the row says some are locked', () => {
    const controls = connectionControlsFor({ view: 'org-admin', accessLevel: 'limited', kind: 'database' });
    expect(controls.lockReason).toBe('limited');
    expect(ORG_CONNECTION_FIELDS.filter(controls.shown)).toEqual(['isEnabled']);
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
    expect(loose.shown('assignMembershipOnLogin')).toBe(true);
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

describe('seesEveryConnection', () => {
  it('a tenant admin sees every connection; an org admin only those its access levels allow', () => {
    expect(seesEveryConnection('tenant-admin')).toBe(true);
    expect(seesEveryConnection('org-admin')).toBe(false);
  });
});

describe('settings rules the UI asks', () => {
  it("membership on authentication admits the identity provider's users for an enterprise connection only", () => {
    expect(membershipAdmitsProviderUsers('enterprise')).toBe(true);
    expect(membershipAdmitsProviderUsers('database')).toBe(false);
  });
});

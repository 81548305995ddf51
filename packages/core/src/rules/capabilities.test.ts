import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { AccessLevelValue } from '../model/access-level';
import { CONNECTION_KINDS, type ConnectionKind } from '../model/connection-kind';
import { ORG_CONNECTION_FIELDS, type OrgConnectionField, type OrgConnectionSettings } from '../model/org-connection';
import {
  type AccessPolicy,
  type Capabilities,
  capabilitiesFor,
  fieldAppliesTo,
  forbiddenChanges,
} from './capabilities';

/** Every field set to `false` except those listed: each cell of the matrix is stated, none inferred. */
function only(...fields: OrgConnectionField[]): Record<OrgConnectionField, boolean> {
  return {
    organizationConnectionName: fields.includes('organizationConnectionName'),
    organizationAccessLevel: fields.includes('organizationAccessLevel'),
    isEnabled: fields.includes('isEnabled'),
    assignMembershipOnLogin: fields.includes('assignMembershipOnLogin'),
    isSignupEnabled: fields.includes('isSignupEnabled'),
    showAsButton: fields.includes('showAsButton'),
  };
}

/** The levels of the matrix: the four Auth0 sends, values it might send one day, and no value at all. */
const LEVELS: ReadonlyArray<[label: string, level: AccessLevelValue | undefined]> = [
  ['none', 'none'],
  ['readonly', 'readonly'],
  ['limited', 'limited'],
  ['full', 'full'],
  ['unknown "read-only"', 'read-only'],
  ['unknown "owner"', 'owner'],
  ['unknown "FULL"', 'FULL'],
  ['unknown ""', ''],
  ['undefined', undefined],
];

/** Tenant admin: every setting that exists for the kind, at every level, under every policy. */
const TENANT_ADMIN: Record<ConnectionKind, Capabilities> = {
  database: {
    visible: true,
    editable: only(
      'organizationConnectionName',
      'organizationAccessLevel',
      'isEnabled',
      'assignMembershipOnLogin',
      'isSignupEnabled',
    ),
  },
  enterprise: {
    visible: true,
    editable: only(
      'organizationConnectionName',
      'organizationAccessLevel',
      'isEnabled',
      'assignMembershipOnLogin',
      'showAsButton',
    ),
  },
  social: {
    visible: true,
    editable: only('organizationConnectionName', 'organizationAccessLevel', 'isEnabled', 'assignMembershipOnLogin'),
  },
  passwordless: {
    visible: true,
    editable: only('organizationConnectionName', 'organizationAccessLevel', 'isEnabled', 'assignMembershipOnLogin'),
  },
};

const HIDDEN: Capabilities = { visible: false, editable: only() };
const LOCKED: Capabilities = { visible: true, editable: only() };

/** Org admin, Auth0's docs' reading of `limited` (the default policy). */
const ORG_ADMIN_STRICT: Record<string, Record<ConnectionKind, Capabilities>> = {
  none: { database: HIDDEN, enterprise: HIDDEN, social: HIDDEN, passwordless: HIDDEN },
  readonly: { database: LOCKED, enterprise: LOCKED, social: LOCKED, passwordless: LOCKED },
  limited: {
    database: { visible: true, editable: only('isEnabled') },
    enterprise: { visible: true, editable: only('isEnabled', 'showAsButton') },
    social: { visible: true, editable: only('isEnabled') },
    passwordless: { visible: true, editable: only('isEnabled') },
  },
  full: {
    database: { visible: true, editable: only('isEnabled', 'assignMembershipOnLogin', 'isSignupEnabled') },
    enterprise: { visible: true, editable: only('isEnabled', 'assignMembershipOnLogin', 'showAsButton') },
    social: { visible: true, editable: only('isEnabled', 'assignMembershipOnLogin') },
    passwordless: { visible: true, editable: only('isEnabled', 'assignMembershipOnLogin') },
  },
};

/** Org admin with `policy.limitedCanAssignMembership`: `limited` also changes membership, nothing else moves. */
const ORG_ADMIN_LOOSE: Record<string, Record<ConnectionKind, Capabilities>> = {
  ...ORG_ADMIN_STRICT,
  limited: {
    database: { visible: true, editable: only('isEnabled', 'assignMembershipOnLogin') },
    enterprise: { visible: true, editable: only('isEnabled', 'assignMembershipOnLogin', 'showAsButton') },
    social: { visible: true, editable: only('isEnabled', 'assignMembershipOnLogin') },
    passwordless: { visible: true, editable: only('isEnabled', 'assignMembershipOnLogin') },
  },
};

function orgAdminRow(
  table: Record<string, Record<ConnectionKind, Capabilities>>,
  level: AccessLevelValue | undefined,
): Record<ConnectionKind, Capabilities> {
  const row = table[level === 'readonly' || level === 'limited' || level === 'full' ? level : 'none'];
  if (row === undefined) throw new Error(`no row for ${String(level)}`);
  return row;
}

const POLICIES: ReadonlyArray<[label: string, policy: AccessPolicy | undefined]> = [
  ['no policy', undefined],
  ['an empty policy', {}],
  ['limitedCanAssignMembership: false', { limitedCanAssignMembership: false }],
  ['limitedCanAssignMembership: true', { limitedCanAssignMembership: true }],
];

const cells = LEVELS.flatMap(([levelLabel, level]) =>
  CONNECTION_KINDS.flatMap((kind) =>
    POLICIES.map(([policyLabel, policy]) => ({ levelLabel, level, kind, policyLabel, policy })),
  ),
);

describe('capabilitiesFor: the whole matrix', () => {
  it.each(cells)(
    'tenant admin, level $levelLabel, $kind connection, $policyLabel: every setting of the kind',
    ({ level, kind, policy }) => {
      expect(capabilitiesFor({ view: 'tenant-admin', accessLevel: level, kind, policy })).toEqual(TENANT_ADMIN[kind]);
    },
  );

  it.each(cells)('org admin, level $levelLabel, $kind connection, $policyLabel', ({ level, kind, policy }) => {
    const table = policy?.limitedCanAssignMembership ? ORG_ADMIN_LOOSE : ORG_ADMIN_STRICT;
    expect(capabilitiesFor({ view: 'org-admin', accessLevel: level, kind, policy })).toEqual(
      orgAdminRow(table, level)[kind],
    );
  });
});

describe('capabilitiesFor: the rules in words', () => {
  it('hides a none connection from an org admin', () => {
    expect(capabilitiesFor({ view: 'org-admin', accessLevel: 'none', kind: 'enterprise' }).visible).toBe(false);
  });

  it('treats an access level it does not know as none for an org admin', () => {
    expect(capabilitiesFor({ view: 'org-admin', accessLevel: 'read-only', kind: 'enterprise' })).toEqual(
      capabilitiesFor({ view: 'org-admin', accessLevel: 'none', kind: 'enterprise' }),
    );
  });

  it('shows a readonly connection to an org admin but lets them change nothing', () => {
    const capabilities = capabilitiesFor({ view: 'org-admin', accessLevel: 'readonly', kind: 'database' });
    expect(capabilities.visible).toBe(true);
    expect(Object.values(capabilities.editable)).not.toContain(true);
  });

  it('never lets an org admin change the access level or the organization connection name', () => {
    for (const kind of CONNECTION_KINDS) {
      const { editable } = capabilitiesFor({
        view: 'org-admin',
        accessLevel: 'full',
        kind,
        policy: { limitedCanAssignMembership: true },
      });
      expect([editable.organizationAccessLevel, editable.organizationConnectionName]).toEqual([false, false]);
    }
  });

  it('does not let a limited org admin assign membership unless the policy allows it', () => {
    const strict = capabilitiesFor({ view: 'org-admin', accessLevel: 'limited', kind: 'social' });
    const loose = capabilitiesFor({
      view: 'org-admin',
      accessLevel: 'limited',
      kind: 'social',
      policy: { limitedCanAssignMembership: true },
    });
    expect(strict.editable.assignMembershipOnLogin).toBe(false);
    expect(loose.editable.assignMembershipOnLogin).toBe(true);
  });

  it('keeps signup for full org admins of database connections, even with the loose policy at limited', () => {
    const limited = capabilitiesFor({
      view: 'org-admin',
      accessLevel: 'limited',
      kind: 'database',
      policy: { limitedCanAssignMembership: true },
    });
    expect(limited.editable.isSignupEnabled).toBe(false);
    expect(capabilitiesFor({ view: 'org-admin', accessLevel: 'full', kind: 'database' }).editable.isSignupEnabled).toBe(
      true,
    );
  });
});

describe('fieldAppliesTo', () => {
  it.each(
    CONNECTION_KINDS.flatMap((kind) =>
      ORG_CONNECTION_FIELDS.map((field) => ({
        kind,
        field,
        applies:
          field === 'isSignupEnabled' ? kind === 'database' : field === 'showAsButton' ? kind === 'enterprise' : true,
      })),
    ),
  )('$field applies to a $kind connection: $applies', ({ kind, field, applies }) => {
    expect(fieldAppliesTo(field, kind)).toBe(applies);
  });
});

describe('forbiddenChanges', () => {
  const readonlyEnterprise = capabilitiesFor({ view: 'org-admin', accessLevel: 'readonly', kind: 'enterprise' });
  const limitedEnterprise = capabilitiesFor({ view: 'org-admin', accessLevel: 'limited', kind: 'enterprise' });
  const fullDatabase = capabilitiesFor({ view: 'org-admin', accessLevel: 'full', kind: 'database' });
  const tenantSocial = capabilitiesFor({ view: 'tenant-admin', accessLevel: 'none', kind: 'social' });

  it('an org admin cannot enable a readonly connection', () => {
    expect(forbiddenChanges(readonlyEnterprise, { isEnabled: true })).toEqual(['isEnabled']);
  });

  it('names the refused settings in the order given', () => {
    expect(
      forbiddenChanges(limitedEnterprise, { organizationAccessLevel: 'full', assignMembershipOnLogin: true }),
    ).toEqual(['organizationAccessLevel', 'assignMembershipOnLogin']);
  });

  it('lets a limited org admin switch an enterprise connection and its button', () => {
    expect(forbiddenChanges(limitedEnterprise, { isEnabled: false, showAsButton: false })).toEqual([]);
  });

  it('does not let a limited org admin assign membership', () => {
    expect(forbiddenChanges(limitedEnterprise, { isEnabled: true, assignMembershipOnLogin: true })).toEqual([
      'assignMembershipOnLogin',
    ]);
  });

  it('lets a full org admin turn on signup and membership of a database connection, but not rename it', () => {
    expect(forbiddenChanges(fullDatabase, { isSignupEnabled: true, assignMembershipOnLogin: true })).toEqual([]);
    expect(forbiddenChanges(fullDatabase, { organizationConnectionName: 'Acme' })).toEqual([
      'organizationConnectionName',
    ]);
  });

  it('does not let even a tenant admin set a setting that does not exist for the kind', () => {
    expect(forbiddenChanges(tenantSocial, { showAsButton: true, isSignupEnabled: false })).toEqual([
      'showAsButton',
      'isSignupEnabled',
    ]);
  });

  it('ignores settings left undefined', () => {
    expect(forbiddenChanges(readonlyEnterprise, { isEnabled: undefined })).toEqual([]);
    expect(forbiddenChanges(readonlyEnterprise, {})).toEqual([]);
  });

  it('refuses a field the model does not know', () => {
    const changes = { connectionId: 'con_other' } as unknown as Partial<OrgConnectionSettings>;
    expect(forbiddenChanges(tenantSocial, changes)).toEqual(['connectionId']);
  });
});

describe('capabilitiesFor: properties', () => {
  const kinds = fc.constantFrom(...CONNECTION_KINDS);
  const policies = fc.option(fc.record({ limitedCanAssignMembership: fc.boolean() }, { requiredKeys: [] }), {
    nil: undefined,
  });
  const anyLevel = fc.oneof(
    fc.constantFrom<AccessLevelValue | undefined>('none', 'readonly', 'limited', 'full', undefined),
    fc.string(),
  );
  const lockedLevel = fc.oneof(
    fc.constantFrom<AccessLevelValue | undefined>('none', 'readonly', undefined),
    fc.string().filter((text) => !['none', 'readonly', 'limited', 'full'].includes(text)),
  );

  test.prop([lockedLevel, kinds, policies])(
    'never grants an org admin anything for none, readonly or unknown levels',
    (accessLevel, kind, policy) => {
      const { visible, editable } = capabilitiesFor({ view: 'org-admin', accessLevel, kind, policy });
      expect(Object.values(editable).some(Boolean)).toBe(false);
      expect(visible).toBe(accessLevel === 'readonly');
    },
  );

  test.prop([anyLevel, kinds, policies])(
    'lets a tenant admin edit every setting that applies to the kind, and only those',
    (accessLevel, kind, policy) => {
      const { visible, editable } = capabilitiesFor({ view: 'tenant-admin', accessLevel, kind, policy });
      expect(visible).toBe(true);
      for (const field of ORG_CONNECTION_FIELDS) expect(editable[field]).toBe(fieldAppliesTo(field, kind));
    },
  );

  test.prop([anyLevel, kinds, policies])(
    'never grants an org admin more than a tenant admin',
    (accessLevel, kind, policy) => {
      const orgAdmin = capabilitiesFor({ view: 'org-admin', accessLevel, kind, policy }).editable;
      const tenantAdmin = capabilitiesFor({ view: 'tenant-admin', accessLevel, kind, policy }).editable;
      for (const field of ORG_CONNECTION_FIELDS) if (orgAdmin[field]) expect(tenantAdmin[field]).toBe(true);
    },
  );

  test.prop([kinds, policies])('grants an org admin more as the level rises', (kind, policy) => {
    const granted = (accessLevel: AccessLevelValue) =>
      capabilitiesFor({ view: 'org-admin', accessLevel, kind, policy }).editable;
    const ladder = [granted('none'), granted('readonly'), granted('limited'), granted('full')];
    for (let step = 1; step < ladder.length; step += 1) {
      for (const field of ORG_CONNECTION_FIELDS) {
        if (ladder[step - 1]?.[field]) expect(ladder[step]?.[field]).toBe(true);
      }
    }
  });

  const changesArbitrary = fc.record(
    {
      organizationConnectionName: fc.string(),
      organizationAccessLevel: fc.constantFrom('none', 'readonly', 'limited', 'full'),
      isEnabled: fc.boolean(),
      assignMembershipOnLogin: fc.boolean(),
      isSignupEnabled: fc.boolean(),
      showAsButton: fc.boolean(),
    },
    { requiredKeys: [] },
  );

  test.prop([fc.constantFrom('tenant-admin', 'org-admin'), anyLevel, kinds, policies, changesArbitrary])(
    'refuses a change exactly when it touches a setting that is not editable',
    (view, accessLevel, kind, policy, changes) => {
      const capabilities = capabilitiesFor({ view, accessLevel, kind, policy });
      const refused = (Object.keys(changes) as OrgConnectionField[]).filter((field) => !capabilities.editable[field]);
      expect(forbiddenChanges(capabilities, changes)).toEqual(refused);
    },
  );
});

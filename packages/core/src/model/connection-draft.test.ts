import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { validateOrgConnectionSettings } from '../rules/validate-org-connection-settings';
import {
  wireCreateOrganizationConnectionSchema,
  wireUpdateOrganizationConnectionSchema,
} from '../wire/management-api-wire-schemas';
import { toWireSettings } from '../wire/org-connection-mapper';
import type { AccessLevelValue } from './access-level';
import {
  applyDraftChange,
  type ConnectionDraft,
  type ConnectionDraftChange,
  createConnectionDraft,
  draftChanges,
  draftSubmitPayload,
} from './connection-draft';
import { CONNECTION_KINDS, type ConnectionKind } from './connection-kind';
import { ORG_CONNECTION_FIELDS, type OrgConnection, type OrgConnectionField } from './org-connection';

const STRATEGIES: Record<ConnectionKind, string> = {
  database: 'auth0',
  social: 'github',
  enterprise: 'samlp',
  passwordless: 'sms',
};

function storedConnection(kind: ConnectionKind, overrides: Partial<OrgConnection> = {}): OrgConnection {
  return {
    connectionId: `con_${kind}`,
    organizationConnectionName: 'Acme',
    organizationAccessLevel: 'limited',
    isEnabled: true,
    assignMembershipOnLogin: true,
    isSignupEnabled: true,
    showAsButton: false,
    connection: { name: `${kind}-connection`, strategy: STRATEGIES[kind] },
    kind,
    ...overrides,
  };
}

function apply(draft: ConnectionDraft, ...changes: ConnectionDraftChange[]): ConnectionDraft {
  return changes.reduce(applyDraftChange, draft);
}

function codes(draft: ConnectionDraft): string[] {
  return draft.issues.map((issue) => `${issue.field}:${issue.code}`).sort();
}

describe('createConnectionDraft', () => {
  it.each([
    ['database', { isSignupEnabled: false }],
    ['enterprise', { showAsButton: true }],
    ['social', {}],
    ['passwordless', {}],
  ] as const)('starts an added %s connection from the defaults that apply to it', (kind, specific) => {
    const draft = createConnectionDraft({ kind });
    const expected = {
      organizationConnectionName: '',
      organizationAccessLevel: 'none',
      isEnabled: true,
      assignMembershipOnLogin: false,
      ...specific,
    };
    expect(draft).toEqual({
      mode: 'add',
      kind,
      connectionId: undefined,
      initial: expected,
      values: expected,
      dirtyFields: [],
      isDirty: false,
      touchedFields: [],
      issues: [],
      isValid: true,
    });
  });

  it('adds the connection picked from the tenant, with its kind', () => {
    const draft = createConnectionDraft({
      tenantConnection: { id: 'con_okta', name: 'okta', strategy: 'okta', kind: 'enterprise' },
    });
    expect(draft).toMatchObject({ mode: 'add', kind: 'enterprise', connectionId: 'con_okta' });
    expect(draft.values.showAsButton).toBe(true);
  });

  it('edits a stored connection from its settings, without those of other kinds', () => {
    const draft = createConnectionDraft({ connection: storedConnection('social') });
    expect(draft).toMatchObject({ mode: 'edit', kind: 'social', connectionId: 'con_social', isValid: true });
    expect(draft.values).toEqual({
      organizationConnectionName: 'Acme',
      organizationAccessLevel: 'limited',
      isEnabled: true,
      assignMembershipOnLogin: true,
    });
    expect(draft.initial).toEqual(draft.values);
  });

  it('edits a connection from a source without names or levels as unnamed and none', () => {
    const connection = storedConnection('database');
    delete connection.organizationConnectionName;
    delete connection.organizationAccessLevel;
    const draft = createConnectionDraft({ connection });
    expect(draft.values).toMatchObject({ organizationConnectionName: '', organizationAccessLevel: 'none' });
    expect(draft.isValid).toBe(true);
  });

  it('keeps an access level it does not know and asks for a known one', () => {
    const draft = createConnectionDraft({
      connection: storedConnection('enterprise', { organizationAccessLevel: 'owner' }),
    });
    expect(draft.values.organizationAccessLevel).toBe('owner');
    expect(codes(draft)).toEqual(['organizationAccessLevel:unknown_access_level']);
  });

  it('takes initial values over the defaults, dropping those of other kinds', () => {
    const draft = createConnectionDraft({
      kind: 'social',
      initialValues: { assignMembershipOnLogin: true, showAsButton: false, isSignupEnabled: true },
    });
    expect(draft.initial).toEqual({
      organizationConnectionName: '',
      organizationAccessLevel: 'none',
      isEnabled: true,
      assignMembershipOnLogin: true,
    });
    expect(draft.isDirty).toBe(false);
  });

  it('restores values typed before, as changes from the baseline', () => {
    const draft = createConnectionDraft({
      connection: storedConnection('database'),
      values: { organizationConnectionName: 'Renamed', isSignupEnabled: false },
    });
    expect(draft.dirtyFields).toEqual(['organizationConnectionName', 'isSignupEnabled']);
    expect(draftChanges(draft)).toEqual({ organizationConnectionName: 'Renamed', isSignupEnabled: false });
  });
});

describe('applyDraftChange', () => {
  it('sets a value, marks it dirty and touched, and leaves the draft it was given as it was', () => {
    const before = createConnectionDraft({ kind: 'database' });
    const after = applyDraftChange(before, { field: 'organizationConnectionName', value: 'Acme' });
    expect(after.values.organizationConnectionName).toBe('Acme');
    expect(after).toMatchObject({ dirtyFields: ['organizationConnectionName'], isDirty: true });
    expect(after.touchedFields).toEqual(['organizationConnectionName']);
    expect(before.values.organizationConnectionName).toBe('');
    expect(before.touchedFields).toEqual([]);
  });

  it('turns signup off when membership on authentication is turned off', () => {
    const draft = apply(
      createConnectionDraft({ kind: 'database' }),
      { field: 'assignMembershipOnLogin', value: true },
      { field: 'isSignupEnabled', value: true },
      { field: 'assignMembershipOnLogin', value: false },
    );
    expect(draft.values).toMatchObject({ assignMembershipOnLogin: false, isSignupEnabled: false });
    expect(draft.isValid).toBe(true);
  });

  it('turns signup off with membership even when the stored settings break the rule', () => {
    const stored = storedConnection('database', { assignMembershipOnLogin: false, isSignupEnabled: true });
    const draft = applyDraftChange(createConnectionDraft({ connection: stored }), {
      field: 'assignMembershipOnLogin',
      value: false,
    });
    expect(draft.values.isSignupEnabled).toBe(false);
    expect(draftChanges(draft)).toEqual({ isSignupEnabled: false });
  });

  it('keeps signup on without membership and reports it, without turning membership on', () => {
    const draft = applyDraftChange(createConnectionDraft({ kind: 'database' }), {
      field: 'isSignupEnabled',
      value: true,
    });
    expect(draft.values).toMatchObject({ assignMembershipOnLogin: false, isSignupEnabled: true });
    expect(draft.issues).toEqual([{ field: 'isSignupEnabled', code: 'signup_requires_membership' }]);
    expect(applyDraftChange(draft, { field: 'assignMembershipOnLogin', value: true }).isValid).toBe(true);
  });

  it.each([
    ['social', 'showAsButton'],
    ['database', 'showAsButton'],
    ['passwordless', 'isSignupEnabled'],
    ['enterprise', 'isSignupEnabled'],
  ] as const)('ignores a change to a setting a %s connection does not have (%s)', (kind, field) => {
    const draft = createConnectionDraft({ kind });
    expect(applyDraftChange(draft, { field, value: true })).toBe(draft);
    expect(applyDraftChange(draft, { type: 'touch', field })).toBe(draft);
  });

  it('ignores a field the model does not know', () => {
    const draft = createConnectionDraft({ kind: 'social' });
    const change = { field: 'connectionId', value: 'con_other' } as unknown as ConnectionDraftChange;
    expect(applyDraftChange(draft, change)).toBe(draft);
  });

  it('returns the same draft when a change changes nothing', () => {
    const draft = applyDraftChange(createConnectionDraft({ kind: 'social' }), { field: 'isEnabled', value: false });
    expect(applyDraftChange(draft, { field: 'isEnabled', value: false })).toBe(draft);
    expect(applyDraftChange(draft, { type: 'touch', field: 'isEnabled' })).toBe(draft);
  });

  it('asks for a name once the access level leaves none, and stops once one is typed', () => {
    const leveled = applyDraftChange(createConnectionDraft({ kind: 'enterprise' }), {
      field: 'organizationAccessLevel',
      value: 'readonly',
    });
    expect(codes(leveled)).toEqual(['organizationConnectionName:name_required']);
    expect(applyDraftChange(leveled, { field: 'organizationConnectionName', value: 'Acme' }).isValid).toBe(true);
  });

  it('reports a name of 51 characters or with NUL', () => {
    const draft = createConnectionDraft({ kind: 'social' });
    expect(codes(applyDraftChange(draft, { field: 'organizationConnectionName', value: 'a'.repeat(51) }))).toEqual([
      'organizationConnectionName:name_too_long',
    ]);
    expect(codes(applyDraftChange(draft, { field: 'organizationConnectionName', value: 'a\u0000' }))).toEqual([
      'organizationConnectionName:name_has_nul',
    ]);
  });

  it('does not let a stored name be cleared, since an update cannot clear it', () => {
    const draft = applyDraftChange(
      createConnectionDraft({ connection: storedConnection('social', { organizationAccessLevel: 'none' }) }),
      { field: 'organizationConnectionName', value: '' },
    );
    expect(draft.issues).toEqual([{ field: 'organizationConnectionName', code: 'name_required' }]);
  });

  it('touches a field on blur without making it dirty', () => {
    const draft = applyDraftChange(createConnectionDraft({ kind: 'social' }), {
      type: 'touch',
      field: 'organizationConnectionName',
    });
    expect(draft.touchedFields).toEqual(['organizationConnectionName']);
    expect(draft.isDirty).toBe(false);
  });

  it('touches every setting of the kind when a submit is attempted', () => {
    const draft = apply(
      createConnectionDraft({ kind: 'enterprise' }),
      { field: 'isEnabled', value: false },
      { type: 'touch-all' },
    );
    expect(draft.touchedFields).toEqual([
      'isEnabled',
      'organizationConnectionName',
      'organizationAccessLevel',
      'assignMembershipOnLogin',
      'showAsButton',
    ]);
  });

  it('resets to the baseline and forgets what was touched', () => {
    const start = createConnectionDraft({ connection: storedConnection('database') });
    const reset = apply(
      start,
      { field: 'organizationConnectionName', value: 'Other' },
      { field: 'assignMembershipOnLogin', value: false },
      { type: 'reset' },
    );
    expect(reset.values).toEqual(start.values);
    expect(reset).toMatchObject({ dirtyFields: [], isDirty: false, touchedFields: [], isValid: true });
    expect(applyDraftChange(start, { type: 'reset' })).toBe(start);
  });
});

describe('draftSubmitPayload and draftChanges', () => {
  it.each([
    ['database', { isSignupEnabled: false }],
    ['enterprise', { showAsButton: true }],
    ['social', {}],
    ['passwordless', {}],
  ] as const)('sends every setting of a %s connection but an empty name', (kind, specific) => {
    expect(draftSubmitPayload(createConnectionDraft({ kind }))).toEqual({
      organizationAccessLevel: 'none',
      isEnabled: true,
      assignMembershipOnLogin: false,
      ...specific,
    });
  });

  it('sends the name once one is typed', () => {
    const draft = apply(
      createConnectionDraft({ kind: 'social' }),
      { field: 'organizationConnectionName', value: 'Acme' },
      { field: 'organizationAccessLevel', value: 'full' },
    );
    expect(draftSubmitPayload(draft)).toMatchObject({
      organizationConnectionName: 'Acme',
      organizationAccessLevel: 'full',
    });
  });

  it('leaves out what the data source does not offer', () => {
    const draft = apply(createConnectionDraft({ kind: 'database' }), {
      field: 'organizationConnectionName',
      value: 'Acme',
    });
    const offered = ['isEnabled'];
    expect(draftSubmitPayload(draft, { supports: (feature) => offered.includes(feature) })).toEqual({
      isEnabled: true,
      assignMembershipOnLogin: false,
      isSignupEnabled: false,
    });
  });

  it('sends only what changed for an update', () => {
    const start = createConnectionDraft({ connection: storedConnection('enterprise') });
    expect(draftChanges(start)).toEqual({});
    const draft = apply(start, { field: 'showAsButton', value: true }, { field: 'isEnabled', value: true });
    expect(draftChanges(draft)).toEqual({ showAsButton: true });
  });

  it('sends signup turned off along with membership', () => {
    const draft = applyDraftChange(createConnectionDraft({ connection: storedConnection('database') }), {
      field: 'assignMembershipOnLogin',
      value: false,
    });
    expect(draftChanges(draft)).toEqual({ assignMembershipOnLogin: false, isSignupEnabled: false });
  });
});

// ---- Properties: any sequence of changes, checked against a model of the rules written here ----------

const levels = fc.constantFrom<AccessLevelValue>('none', 'readonly', 'limited', 'full');
const names = fc.oneof(
  fc.constant(''),
  fc.string({ minLength: 1, maxLength: 50 }),
  fc.string({ minLength: 51, maxLength: 70 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ maxLength: 20 }).map((text) => `${text}\u0000`),
);
const fields = fc.constantFrom(...ORG_CONNECTION_FIELDS);

const changeArbitrary: fc.Arbitrary<ConnectionDraftChange> = fc.oneof(
  { weight: 3, arbitrary: names.map((value) => ({ field: 'organizationConnectionName' as const, value })) },
  {
    weight: 3,
    arbitrary: fc
      .constantFrom('none', 'readonly', 'limited', 'full' as const)
      .map((value) => ({ field: 'organizationAccessLevel' as const, value })),
  },
  {
    weight: 8,
    arbitrary: fc
      .record({
        field: fc.constantFrom('isEnabled', 'assignMembershipOnLogin', 'isSignupEnabled', 'showAsButton' as const),
        value: fc.boolean(),
      })
      .map((change) => change as ConnectionDraftChange),
  },
  { weight: 2, arbitrary: fields.map((field) => ({ type: 'touch' as const, field })) },
  { weight: 1, arbitrary: fc.constant({ type: 'touch-all' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'reset' as const }) },
);

const storedArbitrary = fc
  .record({
    kind: fc.constantFrom(...CONNECTION_KINDS),
    organizationConnectionName: fc.option(names, { nil: undefined }),
    organizationAccessLevel: fc.option(fc.oneof(levels, fc.constantFrom('read-only', 'owner')), { nil: undefined }),
    isEnabled: fc.boolean(),
    assignMembershipOnLogin: fc.boolean(),
    isSignupEnabled: fc.boolean(),
    showAsButton: fc.boolean(),
  })
  .map(({ kind, ...settings }) => {
    const connection = storedConnection(kind, settings);
    if (settings.organizationConnectionName === undefined) delete connection.organizationConnectionName;
    if (settings.organizationAccessLevel === undefined) delete connection.organizationAccessLevel;
    return connection;
  });

/** Either a new connection of any kind, or any stored connection, even one that breaks the rules. */
const startArbitrary = fc.oneof(
  fc.constantFrom(...CONNECTION_KINDS).map((kind) => createConnectionDraft({ kind })),
  storedArbitrary.map((connection) => createConnectionDraft({ connection })),
);

const KIND_FIELDS: Record<ConnectionKind, readonly OrgConnectionField[]> = {
  database: [
    'organizationConnectionName',
    'organizationAccessLevel',
    'isEnabled',
    'assignMembershipOnLogin',
    'isSignupEnabled',
  ],
  enterprise: [
    'organizationConnectionName',
    'organizationAccessLevel',
    'isEnabled',
    'assignMembershipOnLogin',
    'showAsButton',
  ],
  social: ['organizationConnectionName', 'organizationAccessLevel', 'isEnabled', 'assignMembershipOnLogin'],
  passwordless: ['organizationConnectionName', 'organizationAccessLevel', 'isEnabled', 'assignMembershipOnLogin'],
};

interface Model {
  values: Record<string, unknown>;
  touched: OrgConnectionField[];
}

/** The coupling rules restated: what the values and the touched fields should be after the changes. */
function simulate(start: ConnectionDraft, changes: readonly ConnectionDraftChange[]): Model {
  const own = KIND_FIELDS[start.kind];
  let model: Model = { values: { ...start.values }, touched: [...start.touchedFields] };
  const touch = (field: OrgConnectionField) => {
    if (own.includes(field) && !model.touched.includes(field)) model.touched.push(field);
  };
  for (const change of changes) {
    if ('type' in change) {
      if (change.type === 'reset') model = { values: { ...start.initial }, touched: [] };
      else if (change.type === 'touch-all') for (const field of ORG_CONNECTION_FIELDS) touch(field);
      else touch(change.field);
      continue;
    }
    if (!own.includes(change.field)) continue;
    model.values[change.field] = change.value;
    if (change.field === 'assignMembershipOnLogin' && change.value === false && start.kind === 'database') {
      model.values.isSignupEnabled = false;
    }
    touch(change.field);
  }
  return model;
}

/** The rules restated, as the `field:code` the values break. */
function expectedIssues(start: ConnectionDraft, values: Record<string, unknown>): string[] {
  const expected: string[] = [];
  const name = String(values.organizationConnectionName);
  const level = String(values.organizationAccessLevel);
  if (name.length > 50) expected.push('organizationConnectionName:name_too_long');
  if (name.split('').some((character) => character.charCodeAt(0) === 0)) {
    expected.push('organizationConnectionName:name_has_nul');
  }
  const needsName = ['readonly', 'limited', 'full'].includes(level);
  const hadName = start.mode === 'edit' && start.initial.organizationConnectionName !== '';
  if (name === '' && (needsName || hadName)) expected.push('organizationConnectionName:name_required');
  if (!['none', 'readonly', 'limited', 'full'].includes(level)) {
    expected.push('organizationAccessLevel:unknown_access_level');
  }
  if (start.kind === 'database' && values.isSignupEnabled === true && values.assignMembershipOnLogin !== true) {
    expected.push('isSignupEnabled:signup_requires_membership');
  }
  return expected.sort();
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('applyDraftChange: properties', () => {
  test.prop([startArbitrary, fc.array(changeArbitrary, { maxLength: 25 })], { numRuns: 400 })(
    'any sequence of changes leaves a draft that reports exactly the rules its values break',
    (start, changes) => {
      const draft = changes.reduce(applyDraftChange, start);
      const model = simulate(start, changes);
      expect(draft.values).toEqual(model.values);
      expect(Object.keys(draft.values).sort()).toEqual([...KIND_FIELDS[start.kind]].sort());
      expect(draft.touchedFields).toEqual(model.touched);
      expect(codes(draft)).toEqual(expectedIssues(start, model.values));
      expect(draft.isValid).toBe(draft.issues.length === 0);
      const dirty = ORG_CONNECTION_FIELDS.filter(
        (field) => field in model.values && model.values[field] !== start.initial[field],
      );
      expect(draft.dirtyFields).toEqual(dirty);
      expect(draft.isDirty).toBe(dirty.length > 0);
    },
  );

  test.prop([startArbitrary, fc.array(changeArbitrary, { maxLength: 25 })])(
    'never produces a setting the kind does not have, so validation never reports one',
    (start, changes) => {
      const draft = changes.reduce(applyDraftChange, start);
      const kindIssues = draft.issues.filter((issue) =>
        ['signup_not_database', 'show_as_button_not_enterprise', 'invalid_type', 'not_an_object'].includes(issue.code),
      );
      expect(kindIssues).toEqual([]);
    },
  );

  test.prop([startArbitrary, fc.array(changeArbitrary, { maxLength: 25 })])(
    'never mutates the draft it is given',
    (start, changes) => {
      const snapshot = structuredClone(start);
      let draft = deepFreeze(start);
      for (const change of changes) draft = deepFreeze(applyDraftChange(draft, change));
      expect(start).toEqual(snapshot);
    },
  );

  test.prop([startArbitrary, fc.array(changeArbitrary, { maxLength: 25 })])(
    'turning membership off always leaves signup off',
    (start, changes) => {
      const draft = applyDraftChange(changes.reduce(applyDraftChange, start), {
        field: 'assignMembershipOnLogin',
        value: false,
      });
      expect(draft.values.isSignupEnabled === true).toBe(false);
    },
  );

  test.prop([startArbitrary, fc.array(changeArbitrary, { maxLength: 25 })])(
    'a valid draft gives payloads that pass validation and Auth0 request schemas',
    (start, changes) => {
      const draft = changes.reduce(applyDraftChange, start);
      fc.pre(draft.isValid);
      const payload = draftSubmitPayload(draft);
      expect(validateOrgConnectionSettings(payload, draft.kind)).toEqual({ ok: true, issues: [] });
      const created = wireCreateOrganizationConnectionSchema.safeParse({
        connection_id: 'con_1',
        ...toWireSettings(payload),
      });
      expect(created.success).toBe(true);
      const updated = wireUpdateOrganizationConnectionSchema.safeParse(toWireSettings(draftChanges(draft)));
      expect(updated.success).toBe(true);
      for (const field of Object.keys(draftChanges(draft))) {
        expect(draft.dirtyFields).toContain(field);
      }
    },
  );
});

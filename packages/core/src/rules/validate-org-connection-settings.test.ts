import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CONNECTION_KINDS, type ConnectionKind } from '../model/connection-kind';
import { ORG_CONNECTION_FIELDS } from '../model/org-connection';
import {
  ORG_CONNECTION_SETTINGS_ISSUE_CODES,
  type OrgConnectionSettingsIssue,
  validateOrgConnectionSettings,
} from './validate-org-connection-settings';

/** Issues as `field:code`, sorted, so a test compares what was found, not the order or the wording. */
function found(settings: unknown, kind: ConnectionKind): string[] {
  return validateOrgConnectionSettings(settings, kind)
    .issues.map((issue) => `${issue.field}:${issue.code}`)
    .sort();
}

describe('validateOrgConnectionSettings: settings that follow the rules', () => {
  it.each(CONNECTION_KINDS)('accepts no settings at all for a %s connection', (kind) => {
    expect(validateOrgConnectionSettings({}, kind)).toEqual({ ok: true, issues: [] });
  });

  it.each([
    ['database', { isEnabled: true, assignMembershipOnLogin: true, isSignupEnabled: true }],
    ['database', { assignMembershipOnLogin: false, isSignupEnabled: false }],
    ['enterprise', { isEnabled: false, assignMembershipOnLogin: true, showAsButton: false }],
    ['social', { isEnabled: true, assignMembershipOnLogin: false }],
    ['passwordless', { isEnabled: true, assignMembershipOnLogin: true }],
    ['enterprise', { organizationConnectionName: 'Acme SSO', organizationAccessLevel: 'full' }],
    ['social', { organizationConnectionName: 'x', organizationAccessLevel: 'readonly' }],
    ['database', { organizationConnectionName: 'a'.repeat(50), organizationAccessLevel: 'limited' }],
    ['database', { organizationAccessLevel: 'none' }],
  ] as const)('accepts valid settings for a %s connection: %o', (kind, settings) => {
    expect(validateOrgConnectionSettings(settings, kind)).toEqual({ ok: true, issues: [] });
  });

  it('ignores fields it does not know, such as the wire names or the rest of a connection', () => {
    const settings = {
      connectionId: 'con_1',
      connection: { name: 'okta' },
      is_enabled: 'yes',
      extra: null,
      isEnabled: true,
    };
    expect(validateOrgConnectionSettings(settings, 'social')).toEqual({ ok: true, issues: [] });
  });
});

describe('validateOrgConnectionSettings: organizationConnectionName', () => {
  it.each([
    ['a'.repeat(51), ['organizationConnectionName:name_too_long']],
    ['🔐'.repeat(51), ['organizationConnectionName:name_too_long']],
    ['a'.repeat(500), ['organizationConnectionName:name_too_long']],
    ['bad\u0000name', ['organizationConnectionName:name_has_nul']],
    ['\u0000', ['organizationConnectionName:name_has_nul']],
    [
      `${'a'.repeat(50)}\u0000`,
      ['organizationConnectionName:name_has_nul', 'organizationConnectionName:name_too_long'],
    ],
  ])('refuses the name %j', (name, expected) => {
    expect(found({ organizationConnectionName: name }, 'database')).toEqual(expected);
  });

  // Lengths count characters as Auth0's schema does: 50 emoji are 50 characters (100 UTF-16 units).
  it.each(['a', 'a'.repeat(50), '🔐'.repeat(50), 'Acme <b>SSO</b>', ' spaced ', 'Ünïcödé'])(
    'accepts the name %j',
    (name) => {
      expect(found({ organizationConnectionName: name, organizationAccessLevel: 'full' }, 'social')).toEqual([]);
    },
  );

  it.each(['readonly', 'limited', 'full'] as const)('requires a name before the access level becomes %s', (level) => {
    expect(found({ organizationAccessLevel: level }, 'enterprise')).toEqual([
      'organizationConnectionName:name_required',
    ]);
  });

  it.each([undefined, 'none', 'readonly', 'full'] as const)(
    'reports an empty name as too short (Auth0 asks for at least 1 character), at level %j',
    (level) => {
      const settings =
        level === undefined
          ? { organizationConnectionName: '' }
          : { organizationConnectionName: '', organizationAccessLevel: level };
      expect(found(settings, 'database')).toEqual(['organizationConnectionName:name_too_short']);
      expect(validateOrgConnectionSettings(settings, 'database').issues[0]?.message).toBe(
        'Organization connection name is empty; enter 1 to 50 characters, or leave it out.',
      );
    },
  );

  it('names the level it is about in the name_required message', () => {
    const [issue] = validateOrgConnectionSettings({ organizationAccessLevel: 'limited' }, 'social').issues;
    expect(issue?.message).toBe('Enter an organization connection name before setting the access level to limited.');
  });

  it.each([undefined, 'none'])('needs no name while the access level is %s', (level) => {
    expect(found({ organizationAccessLevel: level }, 'database')).toEqual([]);
  });

  it('does not ask for a name because of a level it does not know', () => {
    expect(found({ organizationAccessLevel: 'owner' }, 'database')).toEqual([
      'organizationAccessLevel:unknown_access_level',
    ]);
  });
});

describe('validateOrgConnectionSettings: organizationAccessLevel', () => {
  it.each(['read-only', 'READONLY', 'Full', '', 'admin', ' none'])('refuses the level %j as unknown', (level) => {
    expect(found({ organizationAccessLevel: level, organizationConnectionName: 'n' }, 'social')).toEqual([
      'organizationAccessLevel:unknown_access_level',
    ]);
  });

  it('quotes the unknown level and lists the four it accepts', () => {
    const [issue] = validateOrgConnectionSettings({ organizationAccessLevel: 'read-only' }, 'social').issues;
    expect(issue?.message).toBe(
      'Organization access level "read-only" is not known; choose one of none, readonly, limited, full.',
    );
  });

  it('shortens a very long unknown level in the message', () => {
    const [issue] = validateOrgConnectionSettings({ organizationAccessLevel: 'x'.repeat(1000) }, 'social').issues;
    expect(issue?.message.length).toBeLessThan(150);
  });
});

describe('validateOrgConnectionSettings: kind-specific settings', () => {
  it.each([
    ['social', true],
    ['social', false],
    ['enterprise', true],
    ['enterprise', false],
    ['passwordless', true],
    ['passwordless', false],
  ] as const)('refuses isSignupEnabled on a %s connection, even %s', (kind, value) => {
    expect(found({ isSignupEnabled: value, assignMembershipOnLogin: true }, kind)).toEqual([
      'isSignupEnabled:signup_not_database',
    ]);
  });

  it('reports only that signup does not apply when it is also on without membership', () => {
    expect(found({ isSignupEnabled: true }, 'social')).toEqual(['isSignupEnabled:signup_not_database']);
  });

  it.each([
    ['database', true],
    ['database', false],
    ['social', true],
    ['social', false],
    ['passwordless', true],
    ['passwordless', false],
  ] as const)('refuses showAsButton on a %s connection, even %s', (kind, value) => {
    expect(found({ showAsButton: value }, kind)).toEqual(['showAsButton:show_as_button_not_enterprise']);
  });

  it.each([true, false])('accepts showAsButton %s on an enterprise connection', (value) => {
    expect(found({ showAsButton: value }, 'enterprise')).toEqual([]);
  });

  it.each([
    [{ isSignupEnabled: true }, ['isSignupEnabled:signup_requires_membership']],
    [{ isSignupEnabled: true, assignMembershipOnLogin: false }, ['isSignupEnabled:signup_requires_membership']],
    [{ isSignupEnabled: true, assignMembershipOnLogin: true }, []],
    [{ isSignupEnabled: false, assignMembershipOnLogin: false }, []],
    [{ isSignupEnabled: false }, []],
  ])('checks that signup on a database connection has membership: %o', (settings, expected) => {
    expect(found(settings, 'database')).toEqual(expected);
  });

  it('tells the person to turn on membership to allow signup', () => {
    const [issue] = validateOrgConnectionSettings({ isSignupEnabled: true }, 'database').issues;
    expect(issue).toEqual({
      field: 'isSignupEnabled',
      code: 'signup_requires_membership',
      message: 'Turn on membership on authentication to allow signup.',
    });
  });

  it('names the field and the kind when a setting does not apply', () => {
    const [issue] = validateOrgConnectionSettings({ showAsButton: true }, 'social').issues;
    expect(issue?.message).toBe(
      'Show as button applies only to enterprise connections; remove it for a social connection.',
    );
  });
});

describe('validateOrgConnectionSettings: bad input never throws', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a string', 'is_enabled=true'],
    ['a boolean', true],
    ['an array', [{ isEnabled: true }]],
    ['a function', () => ({ isEnabled: true })],
    ['a bigint', 10n],
    ['a symbol', Symbol('settings')],
  ])('refuses %s as not an object', (_label, settings) => {
    expect(validateOrgConnectionSettings(settings, 'database')).toEqual({
      ok: false,
      issues: [
        { field: 'settings', code: 'not_an_object', message: expect.stringContaining('Settings must be an object') },
      ],
    });
  });

  it.each([
    ['isEnabled', 'true', 'Enabled must be true or false, not a string.'],
    ['isEnabled', null, 'Enabled must be true or false, not null.'],
    ['assignMembershipOnLogin', 1, 'Membership on authentication must be true or false, not a number.'],
    ['isSignupEnabled', 'false', 'Signup must be true or false, not a string.'],
    ['showAsButton', {}, 'Show as button must be true or false, not an object.'],
    ['organizationConnectionName', 42, 'Organization connection name must be text, not a number.'],
    ['organizationConnectionName', ['a'], 'Organization connection name must be text, not an array.'],
    [
      'organizationAccessLevel',
      null,
      'Organization access level must be one of none, readonly, limited, full, not null.',
    ],
  ])('refuses %s of the wrong type (%j), naming the field', (field, value, message) => {
    const kind: ConnectionKind = field === 'showAsButton' ? 'enterprise' : 'database';
    expect(validateOrgConnectionSettings({ [field]: value }, kind).issues).toEqual([
      { field, code: 'invalid_type', message },
    ]);
  });

  it('does not also ask for a name when the name has the wrong type', () => {
    expect(found({ organizationConnectionName: 7, organizationAccessLevel: 'full' }, 'social')).toEqual([
      'organizationConnectionName:invalid_type',
    ]);
  });

  it('reports a string "true" for signup as a wrong type, not as signup without membership', () => {
    expect(found({ isSignupEnabled: 'true' }, 'database')).toEqual(['isSignupEnabled:invalid_type']);
  });

  it('reports settings it cannot read instead of throwing', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
      },
    );
    expect(validateOrgConnectionSettings(hostile, 'social')).toEqual({
      ok: false,
      issues: [{ field: 'settings', code: 'unreadable', message: expect.any(String) }],
    });
  });

  it('accepts an object without a prototype', () => {
    const settings = Object.assign(Object.create(null) as object, { isEnabled: true });
    expect(validateOrgConnectionSettings(settings, 'social').ok).toBe(true);
  });

  it('does not throw for a kind it does not know, and treats it as neither database nor enterprise', () => {
    expect(found({ showAsButton: true, isSignupEnabled: true }, '__proto__' as ConnectionKind)).toEqual([
      'isSignupEnabled:signup_not_database',
      'showAsButton:show_as_button_not_enterprise',
    ]);
  });
});

const knownCodes: readonly string[] = ORG_CONNECTION_SETTINGS_ISSUE_CODES;
const knownFields: readonly string[] = [...ORG_CONNECTION_FIELDS, 'settings'];

function wellFormed(result: { ok: boolean; issues: OrgConnectionSettingsIssue[] }): boolean {
  return (
    result.ok === (result.issues.length === 0) &&
    result.issues.every(
      (issue) =>
        knownCodes.includes(issue.code) &&
        knownFields.includes(issue.field) &&
        typeof issue.message === 'string' &&
        issue.message.length > 0,
    )
  );
}

describe('validateOrgConnectionSettings: properties', () => {
  test.prop([
    fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true }),
    fc.constantFrom(...CONNECTION_KINDS),
  ])('never throws and always answers with known codes, whatever it is given', (settings, kind) => {
    expect(wellFormed(validateOrgConnectionSettings(settings, kind))).toBe(true);
  });

  test.prop([
    fc.dictionary(fc.constantFrom(...ORG_CONNECTION_FIELDS), fc.anything()),
    fc.constantFrom(...CONNECTION_KINDS),
  ])('never throws on objects of settings with values of any type', (settings, kind) => {
    expect(wellFormed(validateOrgConnectionSettings(settings, kind))).toBe(true);
  });

  /** Values that hit every rule: the right type, a wrong type, and the edge cases of each rule. */
  const anyValue = fc.oneof(fc.boolean(), fc.constant(undefined), fc.constant(null), fc.constant('true'), fc.integer());
  const nameValue = fc.oneof(
    fc.constant(undefined),
    fc.constant(''),
    fc.string({ minLength: 1, maxLength: 50 }),
    fc.string({ minLength: 51, maxLength: 80 }),
    fc.string().map((text) => `${text}\u0000`),
    fc.integer(),
  );
  const levelValue = fc.oneof(
    fc.constantFrom(undefined, 'none', 'readonly', 'limited', 'full', 'read-only', 'FULL', ''),
    fc.string(),
    fc.constant(null),
    fc.boolean(),
  );
  const settingsArbitrary = fc.record(
    {
      organizationConnectionName: nameValue,
      organizationAccessLevel: levelValue,
      isEnabled: anyValue,
      assignMembershipOnLogin: anyValue,
      isSignupEnabled: anyValue,
      showAsButton: anyValue,
    },
    { requiredKeys: [] },
  );

  /** The rules restated independently of the implementation, as the set of `field:code` they produce. */
  function oracle(settings: Record<string, unknown>, kind: ConnectionKind): string[] {
    const expected: string[] = [];
    const name = settings.organizationConnectionName;
    const level = settings.organizationAccessLevel;
    const levels = ['none', 'readonly', 'limited', 'full'];
    if (name !== undefined && typeof name !== 'string') expected.push('organizationConnectionName:invalid_type');
    if (typeof name === 'string' && name.length > 50) expected.push('organizationConnectionName:name_too_long');
    if (typeof name === 'string' && name.indexOf(String.fromCharCode(0)) >= 0) {
      expected.push('organizationConnectionName:name_has_nul');
    }
    if (name === '') expected.push('organizationConnectionName:name_too_short');
    if (name === undefined && ['readonly', 'limited', 'full'].includes(level as string)) {
      expected.push('organizationConnectionName:name_required');
    }
    if (level !== undefined && typeof level !== 'string') expected.push('organizationAccessLevel:invalid_type');
    if (typeof level === 'string' && !levels.includes(level)) {
      expected.push('organizationAccessLevel:unknown_access_level');
    }
    for (const field of ['isEnabled', 'assignMembershipOnLogin', 'isSignupEnabled', 'showAsButton']) {
      const value = settings[field];
      if (value !== undefined && value !== true && value !== false) expected.push(`${field}:invalid_type`);
    }
    if (kind !== 'database' && settings.isSignupEnabled !== undefined) {
      expected.push('isSignupEnabled:signup_not_database');
    }
    if (kind === 'database' && settings.isSignupEnabled === true && settings.assignMembershipOnLogin !== true) {
      expected.push('isSignupEnabled:signup_requires_membership');
    }
    if (kind !== 'enterprise' && settings.showAsButton !== undefined) {
      expected.push('showAsButton:show_as_button_not_enterprise');
    }
    return expected.sort();
  }

  test.prop([settingsArbitrary, fc.constantFrom(...CONNECTION_KINDS)], { numRuns: 500 })(
    'reports exactly the rules the settings break',
    (settings, kind) => {
      expect(found(settings, kind)).toEqual(oracle(settings, kind));
      expect(validateOrgConnectionSettings(settings, kind).ok).toBe(oracle(settings, kind).length === 0);
    },
  );
});

import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { CONNECTION_KINDS } from '../model/connection-kind';
import { ORG_CONNECTION_FIELDS } from '../model/org-connection';
import { orgConnectionSettingsIssues } from './org-connection-settings-issues';
import { validateOrgConnectionSettings } from './validate-org-connection-settings';

describe('orgConnectionSettingsIssues', () => {
  it('reports each rule as a field and a code, without words', () => {
    expect(
      orgConnectionSettingsIssues({ organizationAccessLevel: 'full', isSignupEnabled: true }, 'database'),
    ).toStrictEqual([
      { field: 'organizationConnectionName', code: 'name_required' },
      { field: 'isSignupEnabled', code: 'signup_requires_membership' },
    ]);
    expect(orgConnectionSettingsIssues([], 'social')).toStrictEqual([{ field: 'settings', code: 'not_an_object' }]);
    expect(orgConnectionSettingsIssues({}, 'social')).toStrictEqual([]);
  });

  it('hands a custom factory the value at fault', () => {
    const issues = orgConnectionSettingsIssues(
      { organizationConnectionName: 'x'.repeat(51), organizationAccessLevel: 'FULL', isEnabled: 1 },
      'social',
      (field, code, value) => `${field}:${code}:${String(value)}`,
    );
    expect(issues).toEqual([
      `organizationConnectionName:name_too_long:${'x'.repeat(51)}`,
      'organizationAccessLevel:unknown_access_level:FULL',
      'isEnabled:invalid_type:1',
    ]);
  });

  test.prop([
    fc.oneof(
      fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true }),
      fc.dictionary(fc.constantFrom(...ORG_CONNECTION_FIELDS), fc.anything()),
    ),
    fc.constantFrom(...CONNECTION_KINDS),
  ])('finds the same fields and codes, in the same order, as validateOrgConnectionSettings', (settings, kind) => {
    expect(orgConnectionSettingsIssues(settings, kind)).toStrictEqual(
      validateOrgConnectionSettings(settings, kind).issues.map(({ field, code }) => ({ field, code })),
    );
  });
});

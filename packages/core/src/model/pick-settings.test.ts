import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { OrgConnectionsFeature } from '../clients/org-connections-api';
import { fieldAppliesTo } from '../rules/capabilities';
import { CONNECTION_KINDS } from './connection-kind';
import { ORG_CONNECTION_FIELDS, type OrgConnectionField } from './org-connection';
import { pickSettings } from './pick-settings';

const settings = fc.record(
  {
    organizationConnectionName: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
    organizationAccessLevel: fc.option(fc.constantFrom('none', 'readonly', 'limited', 'full'), { nil: undefined }),
    isEnabled: fc.option(fc.boolean(), { nil: undefined }),
    assignMembershipOnLogin: fc.option(fc.boolean(), { nil: undefined }),
    isSignupEnabled: fc.option(fc.boolean(), { nil: undefined }),
    showAsButton: fc.option(fc.boolean(), { nil: undefined }),
  },
  { requiredKeys: [] },
);
const kind = fc.option(fc.constantFrom(...CONNECTION_KINDS), { nil: undefined });
const fields = fc.subarray([...ORG_CONNECTION_FIELDS]);
const unsupported = fc.subarray<OrgConnectionsFeature>([
  'organizationAccessLevel',
  'organizationConnectionName',
  'isEnabled',
]);

describe('pickSettings', () => {
  test.prop([settings, kind, fields, unsupported])(
    'keeps exactly the settings that are set, apply to the kind, are asked for and are offered, with their values',
    (given, connectionKind, asked, notOffered) => {
      const picked = pickSettings(given, {
        kind: connectionKind,
        fields: asked,
        supports: (feature) => !notOffered.includes(feature),
      });
      const expected = asked.filter(
        (field) =>
          given[field] !== undefined &&
          (connectionKind === undefined || fieldAppliesTo(field, connectionKind)) &&
          !(notOffered as readonly string[]).includes(field),
      );
      expect(Object.keys(picked)).toEqual(expected);
      for (const field of expected) expect(picked[field]).toBe(given[field]);
    },
  );

  it('leaves out what is not a setting, and keeps false and the empty name', () => {
    const connection = {
      connectionId: 'con_1',
      kind: 'database' as const,
      isEnabled: false,
      organizationConnectionName: '',
    };
    expect(pickSettings(connection)).toEqual({ organizationConnectionName: '', isEnabled: false });
  });

  it('asks the source only about the settings that are features', () => {
    const asked: string[] = [];
    pickSettings(
      { isEnabled: true, showAsButton: true, isSignupEnabled: true },
      {
        supports: (feature) => {
          asked.push(feature);
          return true;
        },
      },
    );
    expect(asked).toEqual(['isEnabled' satisfies OrgConnectionField]);
  });
});

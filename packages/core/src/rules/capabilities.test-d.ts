import { describe, expectTypeOf, it } from 'vitest';
import type { AccessLevel, AccessLevelValue } from '../model/access-level';
import {
  applyDraftChange,
  type ConnectionDraft,
  type ConnectionDraftChange,
  type ConnectionDraftOptions,
  type ConnectionDraftValues,
  createConnectionDraft,
  draftChanges,
  draftSubmitPayload,
} from '../model/connection-draft';
import type { ConnectionKind } from '../model/connection-kind';
import type {
  OrgConnection,
  OrgConnectionField,
  OrgConnectionSettings,
  TenantConnection,
  View,
} from '../model/org-connection';
import { type Capabilities, type CapabilitiesInput, capabilitiesFor } from './capabilities';
import {
  type OrgConnectionSettingsIssue,
  type OrgConnectionSettingsIssueCode,
  validateOrgConnectionSettings,
} from './validate-org-connection-settings';
import { type VisibilityWarning, visibilityWarning } from './visibility-warning';

declare const draft: ConnectionDraft;

describe('capabilities types', () => {
  it('editable has exactly the model names of the settings, as booleans', () => {
    expectTypeOf<keyof Capabilities['editable']>().toEqualTypeOf<OrgConnectionField>();
    expectTypeOf<Capabilities['editable']>().toEqualTypeOf<Record<OrgConnectionField, boolean>>();
    expectTypeOf<OrgConnectionField>().toEqualTypeOf<
      | 'organizationConnectionName'
      | 'organizationAccessLevel'
      | 'isEnabled'
      | 'assignMembershipOnLogin'
      | 'isSignupEnabled'
      | 'showAsButton'
    >();
  });

  it('capabilitiesFor takes a view, a level as sent by the server, and a kind', () => {
    expectTypeOf(capabilitiesFor).parameter(0).toEqualTypeOf<CapabilitiesInput>();
    expectTypeOf<CapabilitiesInput['view']>().toEqualTypeOf<View>();
    expectTypeOf<CapabilitiesInput['accessLevel']>().toEqualTypeOf<AccessLevelValue | undefined>();
    expectTypeOf<CapabilitiesInput['kind']>().toEqualTypeOf<ConnectionKind>();
    expectTypeOf(capabilitiesFor).returns.toEqualTypeOf<Capabilities>();
    // @ts-expect-error: the views are a closed set
    capabilitiesFor({ view: 'admin', accessLevel: 'full', kind: 'database' });
    // @ts-expect-error: the kinds are a closed set
    capabilitiesFor({ view: 'org-admin', accessLevel: 'full', kind: 'saml' });
  });

  it('an unknown access level is accepted as a string, but AccessLevel itself is the four', () => {
    expectTypeOf<'owner'>().toExtend<AccessLevelValue>();
    expectTypeOf<AccessLevel>().toEqualTypeOf<'none' | 'readonly' | 'limited' | 'full'>();
    expectTypeOf<'read-only'>().not.toExtend<AccessLevel>();
  });
});

describe('draft change types', () => {
  it('isEnabled only takes a boolean', () => {
    expectTypeOf<{ field: 'isEnabled'; value: boolean }>().toExtend<ConnectionDraftChange>();
    expectTypeOf<{ field: 'isEnabled'; value: string }>().not.toExtend<ConnectionDraftChange>();
    // @ts-expect-error: a string boolean is not a boolean
    applyDraftChange(draft, { field: 'isEnabled', value: 'true' });
  });

  it('organizationAccessLevel only takes one of the four levels', () => {
    expectTypeOf<{ field: 'organizationAccessLevel'; value: 'readonly' }>().toExtend<ConnectionDraftChange>();
    expectTypeOf<{ field: 'organizationAccessLevel'; value: 'read-only' }>().not.toExtend<ConnectionDraftChange>();
    expectTypeOf<{ field: 'organizationAccessLevel'; value: string }>().not.toExtend<ConnectionDraftChange>();
    // @ts-expect-error: Auth0 spells it readonly
    applyDraftChange(draft, { field: 'organizationAccessLevel', value: 'read-only' });
  });

  it('the name only takes a string, and no setting takes undefined or null', () => {
    expectTypeOf<{ field: 'organizationConnectionName'; value: string }>().toExtend<ConnectionDraftChange>();
    expectTypeOf<{ field: 'organizationConnectionName'; value: null }>().not.toExtend<ConnectionDraftChange>();
    expectTypeOf<{ field: 'showAsButton'; value: undefined }>().not.toExtend<ConnectionDraftChange>();
  });

  it('events are touch of a field, touch-all and reset', () => {
    expectTypeOf<{ type: 'touch'; field: 'showAsButton' }>().toExtend<ConnectionDraftChange>();
    expectTypeOf<{ type: 'touch-all' }>().toExtend<ConnectionDraftChange>();
    expectTypeOf<{ type: 'reset' }>().toExtend<ConnectionDraftChange>();
    expectTypeOf<{ type: 'touch'; field: 'connectionId' }>().not.toExtend<ConnectionDraftChange>();
    expectTypeOf<{ type: 'submit' }>().not.toExtend<ConnectionDraftChange>();
  });

  it('applyDraftChange returns a draft', () => {
    expectTypeOf(applyDraftChange).returns.toEqualTypeOf<ConnectionDraft>();
  });
});

describe('draft types', () => {
  it('a draft starts from exactly one of a kind, a tenant connection or a stored connection', () => {
    expectTypeOf<{ kind: 'database' }>().toExtend<ConnectionDraftOptions>();
    expectTypeOf<{ initialValues: OrgConnectionSettings }>().not.toExtend<ConnectionDraftOptions>();
    expectTypeOf<{ kind: ConnectionKind; tenantConnection: TenantConnection }>().not.toExtend<ConnectionDraftOptions>();
    expectTypeOf<{ kind: ConnectionKind; connection: OrgConnection }>().not.toExtend<ConnectionDraftOptions>();
    expectTypeOf(createConnectionDraft).parameter(0).toEqualTypeOf<ConnectionDraftOptions>();
  });

  it('the values always hold the settings every kind has, and maybe the kind-specific ones', () => {
    expectTypeOf<ConnectionDraftValues['isEnabled']>().toEqualTypeOf<boolean>();
    expectTypeOf<ConnectionDraftValues['organizationConnectionName']>().toEqualTypeOf<string>();
    expectTypeOf<ConnectionDraftValues['isSignupEnabled']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<ConnectionDraftValues>().toExtend<OrgConnectionSettings>();
    expectTypeOf<ConnectionDraft['mode']>().toEqualTypeOf<'add' | 'edit'>();
    expectTypeOf<ConnectionDraft['dirtyFields']>().toEqualTypeOf<readonly OrgConnectionField[]>();
  });

  it('the payloads are settings the API port takes', () => {
    expectTypeOf(draftSubmitPayload).returns.toEqualTypeOf<OrgConnectionSettings>();
    expectTypeOf(draftChanges).returns.toEqualTypeOf<Partial<OrgConnectionSettings>>();
  });
});

describe('validation and warning types', () => {
  it('validation issues name a setting or the settings, with a code from a closed set', () => {
    expectTypeOf(validateOrgConnectionSettings).parameter(0).toBeUnknown();
    expectTypeOf(validateOrgConnectionSettings).returns.toEqualTypeOf<{
      ok: boolean;
      issues: OrgConnectionSettingsIssue[];
    }>();
    expectTypeOf<OrgConnectionSettingsIssue['field']>().toEqualTypeOf<OrgConnectionField | 'settings'>();
    expectTypeOf<'signup_requires_membership'>().toExtend<OrgConnectionSettingsIssueCode>();
    expectTypeOf<string>().not.toExtend<OrgConnectionSettingsIssueCode>();
  });

  it('visibilityWarning answers a typed warning or undefined', () => {
    expectTypeOf(visibilityWarning).returns.toEqualTypeOf<VisibilityWarning | undefined>();
    expectTypeOf<VisibilityWarning['code']>().toEqualTypeOf<'no_visible_connections'>();
  });
});

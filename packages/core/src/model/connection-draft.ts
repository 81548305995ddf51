import type { OrgConnectionsFeature } from '../clients/org-connections-api';
import { fieldAppliesTo } from '../rules/capabilities';
import {
  allowsSignup,
  type OrgConnectionSettingsCodedIssue,
  orgConnectionSettingsIssues,
} from '../rules/org-connection-settings-issues';
import type { AccessLevel, AccessLevelValue } from './access-level';
import type { ConnectionKind } from './connection-kind';
import {
  ORG_CONNECTION_FIELDS,
  type OrgConnection,
  type OrgConnectionField,
  type OrgConnectionSettings,
  type TenantConnection,
} from './org-connection';
import { settingDefinition } from './org-connection-settings-table';
import { pickSettings } from './pick-settings';

/**
 * The settings a form shows: every setting that applies to the draft's kind has a value, and no other
 * is present. An empty `organizationConnectionName` means "no name".
 */
export interface ConnectionDraftValues {
  organizationConnectionName: string;
  /** A level the server sent that this version does not know stays as it was, and is reported as an issue. */
  organizationAccessLevel: AccessLevelValue;
  isEnabled: boolean;
  assignMembershipOnLogin: boolean;
  /** Database connections only; absent for every other kind. */
  isSignupEnabled?: boolean;
  /** Enterprise connections only; absent for every other kind. */
  showAsButton?: boolean;
}

/** `add` for a connection not yet added to the organization, `edit` for one that is. */
export type ConnectionDraftMode = 'add' | 'edit';

interface ConnectionDraftValueOptions {
  /** Overrides the defaults (add) or the connection's settings (edit) as the baseline changes are measured from. */
  initialValues?: OrgConnectionSettings;
  /** The values to show now, over the baseline: a form restored after a failed submit. They count as changes. */
  values?: OrgConnectionSettings;
}

export type ConnectionDraftOptions = ConnectionDraftValueOptions &
  (
    | { kind: ConnectionKind; tenantConnection?: undefined; connection?: undefined }
    | { tenantConnection: TenantConnection; kind?: undefined; connection?: undefined }
    | { connection: OrgConnection; kind?: undefined; tenantConnection?: undefined }
  );

export interface ConnectionDraft {
  mode: ConnectionDraftMode;
  kind: ConnectionKind;
  /** The connection being added (when picked) or edited. */
  connectionId: string | undefined;
  /** The baseline: defaults when adding, the stored settings when editing. */
  initial: ConnectionDraftValues;
  values: ConnectionDraftValues;
  /** Settings whose value differs from `initial`, in `ORG_CONNECTION_FIELDS` order. */
  dirtyFields: readonly OrgConnectionField[];
  isDirty: boolean;
  /** Settings the person changed or left (blur), in the order they first did. */
  touchedFields: readonly OrgConnectionField[];
  /** The rules the values break, as codes: a UI words them (`validateOrgConnectionSettings` has English). */
  issues: readonly OrgConnectionSettingsCodedIssue[];
  isValid: boolean;
}

/** A new value for one setting. Each setting takes only its own type of value. */
export type ConnectionDraftValueChange =
  | { field: 'organizationConnectionName'; value: string }
  | { field: 'organizationAccessLevel'; value: AccessLevel }
  | { field: 'isEnabled'; value: boolean }
  | { field: 'assignMembershipOnLogin'; value: boolean }
  | { field: 'isSignupEnabled'; value: boolean }
  | { field: 'showAsButton'; value: boolean };

/** `touch`: the person left a field. `touch-all`: a submit was attempted. `reset`: back to `initial`. */
export type ConnectionDraftEvent =
  | { type: 'touch'; field: OrgConnectionField }
  | { type: 'touch-all' }
  | { type: 'reset' };

export type ConnectionDraftChange = ConnectionDraftValueChange | ConnectionDraftEvent;

export interface DraftPayloadOptions {
  /** The data source's `supports`: settings it does not offer are left out of the payload. */
  supports?: (feature: OrgConnectionsFeature) => boolean;
}

/** Auth0's defaults for the settings `kind` has (the table's), and an empty name: "no name". */
function defaultValues(kind: ConnectionKind): ConnectionDraftValues {
  const values: Record<string, unknown> = { organizationConnectionName: '' };
  for (const field of ORG_CONNECTION_FIELDS) {
    const value = settingDefinition(field).defaultValue;
    if (value !== undefined && fieldAppliesTo(field, kind)) values[field] = value;
  }
  return values as unknown as ConnectionDraftValues;
}

/** `base` with every setting of `overrides` that applies to `kind` and is not `undefined`. */
function withSettings(
  base: ConnectionDraftValues,
  overrides: OrgConnectionSettings | undefined,
  kind: ConnectionKind,
): ConnectionDraftValues {
  return overrides === undefined ? base : { ...base, ...pickSettings(overrides, { kind }) };
}

function isDraftField(field: unknown, kind: ConnectionKind): field is OrgConnectionField {
  return (
    ORG_CONNECTION_FIELDS.includes(field as OrgConnectionField) && fieldAppliesTo(field as OrgConnectionField, kind)
  );
}

function draftIssues(
  mode: ConnectionDraftMode,
  kind: ConnectionKind,
  initial: ConnectionDraftValues,
  values: ConnectionDraftValues,
): OrgConnectionSettingsCodedIssue[] {
  // An empty text box means "no name": it is validated (and sent) as not set.
  const issues = orgConnectionSettingsIssues(
    { ...values, organizationConnectionName: values.organizationConnectionName || undefined },
    kind,
  );
  // The model has no way to clear a name (Auth0's PATCH takes `null`, with effects it does not document),
  // so a name that was set must stay set.
  if (
    mode === 'edit' &&
    initial.organizationConnectionName &&
    !values.organizationConnectionName &&
    !issues.some((issue) => issue.code === 'name_required')
  ) {
    issues.unshift({ field: 'organizationConnectionName', code: 'name_required' });
  }
  return issues;
}

function buildDraft(
  base: Pick<ConnectionDraft, 'mode' | 'kind' | 'connectionId' | 'initial'>,
  values: ConnectionDraftValues,
  touchedFields: readonly OrgConnectionField[],
): ConnectionDraft {
  // A setting the kind does not have is absent from both, so it is never dirty.
  const dirtyFields = ORG_CONNECTION_FIELDS.filter((field) => !Object.is(values[field], base.initial[field]));
  const issues = draftIssues(base.mode, base.kind, base.initial, values);
  // `base` may be a whole draft: every other field is set again below.
  return {
    ...base,
    values,
    dirtyFields,
    isDirty: dirtyFields.length > 0,
    touchedFields,
    issues,
    isValid: issues.length === 0,
  };
}

/**
 * A draft for the add or edit form: add with a `kind` or the picked `tenantConnection`, edit with the
 * stored `connection`. Settings that do not apply to the kind are dropped, whatever the options say.
 */
export function createConnectionDraft(options: ConnectionDraftOptions): ConnectionDraft {
  let mode: ConnectionDraftMode = 'add';
  let kind: ConnectionKind;
  let connectionId: string | undefined;
  let stored: OrgConnectionSettings | undefined;
  if (options.connection !== undefined) {
    mode = 'edit';
    kind = options.connection.kind;
    connectionId = options.connection.connectionId;
    stored = options.connection; // Only its settings are read.
  } else if (options.tenantConnection !== undefined) {
    kind = options.tenantConnection.kind;
    connectionId = options.tenantConnection.id;
  } else {
    kind = options.kind;
  }
  const initial = withSettings(withSettings(defaultValues(kind), stored, kind), options.initialValues, kind);
  const values = withSettings(initial, options.values, kind);
  return buildDraft({ mode, kind, connectionId, initial }, values, []);
}

function withTouched(touched: readonly OrgConnectionField[], field: OrgConnectionField): readonly OrgConnectionField[] {
  return touched.includes(field) ? touched : [...touched, field];
}

function sameValues(left: ConnectionDraftValues, right: ConnectionDraftValues): boolean {
  return ORG_CONNECTION_FIELDS.every((field) => Object.is(left[field], right[field]));
}

/**
 * The draft after one change, with the coupling rules applied: turning membership on authentication off
 * turns signup off. Turning signup on while membership is off is kept and reported
 * (`signup_requires_membership`), never fixed silently. A change to a setting that does not apply to the
 * kind is ignored. Returns `draft` itself when nothing changes.
 */
export function applyDraftChange(draft: ConnectionDraft, change: ConnectionDraftChange): ConnectionDraft {
  if ('type' in change) {
    if (change.type === 'reset') {
      if (sameValues(draft.values, draft.initial) && draft.touchedFields.length === 0) return draft;
      return buildDraft(draft, draft.initial, []);
    }
    const touched = (change.type === 'touch-all' ? ORG_CONNECTION_FIELDS : [change.field])
      .filter((field) => isDraftField(field, draft.kind))
      .reduce(withTouched, draft.touchedFields);
    return touched === draft.touchedFields ? draft : { ...draft, touchedFields: touched };
  }
  if (!isDraftField(change.field, draft.kind)) return draft;
  const values: ConnectionDraftValues = { ...draft.values, [change.field]: change.value };
  if (change.field === 'assignMembershipOnLogin' && !allowsSignup(values) && values.isSignupEnabled !== undefined) {
    values.isSignupEnabled = false;
  }
  const touched = withTouched(draft.touchedFields, change.field);
  if (touched === draft.touchedFields && sameValues(values, draft.values)) return draft;
  return buildDraft(draft, values, touched);
}

function payloadOf(
  draft: ConnectionDraft,
  fields: readonly OrgConnectionField[],
  options: DraftPayloadOptions | undefined,
): OrgConnectionSettings {
  // An empty name means "no name": it is not sent. A setting the kind does not have is absent from the values.
  const values = { ...draft.values, organizationConnectionName: draft.values.organizationConnectionName || undefined };
  return pickSettings(values, { fields, supports: options?.supports });
}

/**
 * The settings to send when adding the connection (`{ connectionId, ...draftSubmitPayload(draft) }`):
 * every setting that applies to the kind, without an empty name. Send it only when `draft.isValid`.
 */
export function draftSubmitPayload(draft: ConnectionDraft, options?: DraftPayloadOptions): OrgConnectionSettings {
  return payloadOf(draft, ORG_CONNECTION_FIELDS, options);
}

/** Only the settings changed from `initial`, for an update (PATCH). Send it only when `draft.isValid`. */
export function draftChanges(draft: ConnectionDraft, options?: DraftPayloadOptions): Partial<OrgConnectionSettings> {
  return payloadOf(draft, draft.dirtyFields, options);
}

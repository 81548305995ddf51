import { type AccessPolicy, assertChangesPermitted, capabilitiesFor, fieldAppliesTo } from './capabilities';
import type { ConnectionKind } from './connection-kind';
import { ORG_CONNECTION_FIELDS, type OrgConnection, type OrgConnectionSettings, type View } from './org-connection';
import { OrgConnectionsError } from './org-connections-error';
import { type OrgConnectionSettingsIssue, validateOrgConnectionSettings } from './validate-org-connection-settings';

export interface OrganizationConnectionChangesGuardInput {
  view: View;
  policy?: AccessPolicy | undefined;
  /** The connection as the server last described it. */
  current: Pick<OrgConnection, 'kind' | 'organizationAccessLevel'> & OrgConnectionSettings;
  changes: Partial<OrgConnectionSettings>;
}

/** The changes without the fields left `undefined` (they are not sent). */
export function definedChanges(changes: Partial<OrgConnectionSettings>): Partial<OrgConnectionSettings> {
  const defined: Partial<OrgConnectionSettings> = {};
  for (const field of ORG_CONNECTION_FIELDS) {
    const value = changes[field];
    if (value !== undefined) Object.assign(defined, { [field]: value });
  }
  return defined;
}

function applicableSettings(settings: OrgConnectionSettings, kind: ConnectionKind): OrgConnectionSettings {
  const applicable: OrgConnectionSettings = {};
  for (const field of ORG_CONNECTION_FIELDS) {
    const value = settings[field];
    if (value !== undefined && fieldAppliesTo(field, kind)) Object.assign(applicable, { [field]: value });
  }
  return applicable;
}

function invalidRequest(issues: readonly OrgConnectionSettingsIssue[]): OrgConnectionsError {
  return new OrgConnectionsError({
    kind: 'invalid_request',
    code: issues[0]?.code ?? 'invalid_settings',
    message: issues.map((issue) => issue.message).join(' '),
    issues: issues.map((issue) => ({ field: issue.field, message: issue.message })),
  });
}

/**
 * Refuses, before any request, a change the view may not make (`not_permitted`) or one that breaks the
 * core rules given the connection's current settings (`invalid_request`). Problems the connection already
 * had are not held against an unrelated change. Returns the changes that will be sent.
 */
export function guardOrganizationConnectionChanges(
  input: OrganizationConnectionChangesGuardInput,
): Partial<OrgConnectionSettings> {
  const { current, view, policy } = input;
  const changes = definedChanges(input.changes);
  const capabilities = capabilitiesFor({
    view,
    accessLevel: current.organizationAccessLevel,
    kind: current.kind,
    ...(policy === undefined ? {} : { policy }),
  });
  assertChangesPermitted(capabilities, changes);

  const before = applicableSettings(current, current.kind);
  const known = new Set(
    validateOrgConnectionSettings(before, current.kind).issues.map((issue) => `${issue.field}:${issue.code}`),
  );
  const introduced = validateOrgConnectionSettings({ ...before, ...changes }, current.kind).issues.filter(
    (issue) => !known.has(`${issue.field}:${issue.code}`),
  );
  if (introduced.length > 0) throw invalidRequest(introduced);
  return changes;
}

export interface NewOrganizationConnectionGuardInput {
  view: View;
  policy?: AccessPolicy | undefined;
  /** The connection's kind, when the tenant connection is known; otherwise only kind-independent rules apply. */
  kind: ConnectionKind | undefined;
  settings: OrgConnectionSettings;
}

const KIND_SPECIFIC_CODES: ReadonlySet<string> = new Set(['signup_not_database', 'show_as_button_not_enterprise']);

/**
 * Refuses, before any request, adding a connection with settings the view may not set or that break the
 * core rules. Returns the settings that will be sent.
 */
export function guardNewOrganizationConnection(input: NewOrganizationConnectionGuardInput): OrgConnectionSettings {
  const settings = definedChanges(input.settings);
  if (input.view === 'org-admin') {
    throw new OrgConnectionsError({
      kind: 'not_permitted',
      message: 'Only a tenant administrator can add a connection to the organization.',
    });
  }
  if (input.kind !== undefined) {
    assertChangesPermitted(
      capabilitiesFor({
        view: input.view,
        accessLevel: settings.organizationAccessLevel,
        kind: input.kind,
        ...(input.policy === undefined ? {} : { policy: input.policy }),
      }),
      settings,
    );
  }
  const issues = validateOrgConnectionSettings(settings, input.kind ?? 'database').issues.filter(
    (issue) => input.kind !== undefined || !KIND_SPECIFIC_CODES.has(issue.code),
  );
  if (issues.length > 0) throw invalidRequest(issues);
  return settings;
}

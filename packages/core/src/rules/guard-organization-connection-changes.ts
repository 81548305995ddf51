import { ACCESS_LEVELS } from '../model/access-level';
import { CONNECTION_KINDS, type ConnectionKind } from '../model/connection-kind';
import {
  ORG_CONNECTION_FIELDS,
  type OrgConnection,
  type OrgConnectionField,
  type OrgConnectionSettings,
  type View,
} from '../model/org-connection';
import { settingDefinition } from '../model/org-connection-settings-table';
import { OrgConnectionsError, VIEW_NOT_PERMITTED_CODE } from '../model/org-connections-error';
import { pickSettings } from '../model/pick-settings';
import { type AccessPolicy, canAddOrRemoveConnections, capabilitiesFor, forbiddenChanges } from './capabilities';
import {
  type OrgConnectionSettingsCodedIssue,
  type OrgConnectionSettingsIssueFactory,
  orgConnectionSettingsIssues,
} from './org-connection-settings-issues';

export interface OrganizationConnectionChangesGuardInput {
  view: View;
  policy?: AccessPolicy | undefined;
  /** The connection as the server last described it. */
  current: Pick<OrgConnection, 'kind' | 'organizationAccessLevel'> & OrgConnectionSettings;
  changes: Partial<OrgConnectionSettings>;
}

/**
 * What the guard says of a change: what would be sent, what the view may not touch, what breaks a rule.
 * The issues are coded (`{ field, code }`) unless the guard was given an issue factory.
 */
export interface OrganizationConnectionChangesVerdict<
  Settings = Partial<OrgConnectionSettings>,
  Issue = OrgConnectionSettingsCodedIssue,
> {
  /** The changes without the fields left `undefined`: what would be sent. */
  changes: Settings;
  /** Fields the view may not change, in `ORG_CONNECTION_FIELDS` order. */
  refused: OrgConnectionField[];
  /** Rules the change would break (problems the connection already had are not counted). */
  issues: Issue[];
}

/**
 * The change guard, pure: which fields of `changes` the view may not make to this connection, and which
 * rules the change would break given the connection's current settings. The UI's mutation hooks and the
 * server package both judge a change with this one function. `issue` makes each issue, as for
 * `orgConnectionSettingsIssues` (the server package words its answers with `englishOrgConnectionSettingsIssue`).
 */
export function checkOrganizationConnectionChanges<Issue extends OrgConnectionSettingsCodedIssue>(
  input: OrganizationConnectionChangesGuardInput,
  issue?: OrgConnectionSettingsIssueFactory<Issue>,
): OrganizationConnectionChangesVerdict<Partial<OrgConnectionSettings>, Issue> {
  const { current, view, policy } = input;
  const changes = pickSettings(input.changes);
  const capabilities = capabilitiesFor({
    view,
    accessLevel: current.organizationAccessLevel,
    kind: current.kind,
    policy,
  });
  const refused = forbiddenChanges(capabilities, changes);
  const before = pickSettings(current, { kind: current.kind });
  const known = new Set(orgConnectionSettingsIssues(before, current.kind).map(({ field, code }) => `${field}:${code}`));
  const issues = orgConnectionSettingsIssues({ ...before, ...changes }, current.kind, issue).filter(
    ({ field, code }) => !known.has(`${field}:${code}`),
  );
  return { changes, refused, issues };
}

/**
 * Whether an issue the changes alone break is judged without the connection: not when it reads a setting the
 * changes may leave out (the kind, for a setting another kind lacks; the name, which an access level requires;
 * membership, which signup needs, unless the changes set it too).
 */
function judgedWithoutConnection(code: string, changes: Partial<OrgConnectionSettings>): boolean {
  if (KIND_SPECIFIC_CODES.has(code) || code === 'name_required') return false;
  return code !== 'signup_requires_membership' || changes.assignMembershipOnLogin !== undefined;
}

/**
 * The change guard without the connection, pure, for a server that does not read the connection before writing:
 * the fields no access level of any kind lets the view change are refused, and only the rules the changes break on
 * their own are judged (signup without membership in the same body, the name's limits); a rule that reads a
 * setting the changes leave out is `checkOrganizationConnectionChanges`'s, with the connection. `issue` makes each
 * issue, as for `checkOrganizationConnectionChanges`.
 */
export function checkOrganizationConnectionChangesAlone<Issue extends OrgConnectionSettingsCodedIssue>(
  input: Omit<OrganizationConnectionChangesGuardInput, 'current'>,
  issue?: OrgConnectionSettingsIssueFactory<Issue>,
): OrganizationConnectionChangesVerdict<Partial<OrgConnectionSettings>, Issue> {
  const { view, policy } = input;
  const changes = pickSettings(input.changes);
  const refused = (Object.keys(changes) as OrgConnectionField[]).filter((field) =>
    ACCESS_LEVELS.every((accessLevel) =>
      CONNECTION_KINDS.every((kind) => !capabilitiesFor({ view, accessLevel, kind, policy }).editable[field]),
    ),
  );
  const issues = orgConnectionSettingsIssues(changes, 'database', issue).filter(({ code }) =>
    judgedWithoutConnection(code, changes),
  );
  return { changes, refused, issues };
}

export interface NewOrganizationConnectionGuardInput {
  view: View;
  policy?: AccessPolicy | undefined;
  /** The connection's kind, when the tenant connection is known; otherwise only kind-independent rules apply. */
  kind: ConnectionKind | undefined;
  settings: OrgConnectionSettings;
}

/** The codes for a setting given for a kind that does not have it: unknowable without the kind. */
const KIND_SPECIFIC_CODES: ReadonlySet<string> = new Set(
  ORG_CONNECTION_FIELDS.flatMap((field) => settingDefinition(field).otherKindCode ?? []),
);

/**
 * The guard for adding a connection, pure: an org admin may add nothing (every given field is refused,
 * and `refused` is never empty for it); otherwise the settings the view may not set and the rules they break.
 * `issue` makes each issue, as for `checkOrganizationConnectionChanges`.
 */
export function checkNewOrganizationConnection<Issue extends OrgConnectionSettingsCodedIssue>(
  input: NewOrganizationConnectionGuardInput,
  issue?: OrgConnectionSettingsIssueFactory<Issue>,
): OrganizationConnectionChangesVerdict<OrgConnectionSettings, Issue> {
  const settings = pickSettings(input.settings);
  if (!canAddOrRemoveConnections(input.view)) {
    const given = Object.keys(settings) as OrgConnectionField[];
    return { changes: settings, refused: given.length > 0 ? given : ['isEnabled'], issues: [] };
  }
  const refused =
    input.kind === undefined
      ? []
      : forbiddenChanges(
          capabilitiesFor({
            view: input.view,
            accessLevel: settings.organizationAccessLevel,
            kind: input.kind,
            policy: input.policy,
          }),
          settings,
        );
  const issues = orgConnectionSettingsIssues(settings, input.kind ?? 'database', issue).filter(
    ({ code }) => input.kind !== undefined || !KIND_SPECIFIC_CODES.has(code),
  );
  return { changes: settings, refused, issues };
}

function refusal<Settings>(verdict: OrganizationConnectionChangesVerdict<Settings>, message: string): Settings {
  // Both errors are for a developer's log and name the fields; the verdict (`check...`) has them as data.
  if (verdict.refused.length > 0) {
    throw new OrgConnectionsError({ kind: 'not_permitted', code: VIEW_NOT_PERMITTED_CODE, message });
  }
  const { issues } = verdict;
  const first = issues[0];
  if (first !== undefined) {
    throw new OrgConnectionsError({
      kind: 'invalid_request',
      code: first.code,
      message: `The settings break a rule: ${issues.map(({ field, code }) => `${field} (${code})`).join(', ')}.`,
      issues: issues.map(({ field, code }) => ({ field, code, message: code })),
    });
  }
  return verdict.changes;
}

/**
 * Refuses, before any request, a change the view may not make (`not_permitted`, code `view_not_permitted`) or one that breaks the
 * core rules given the connection's current settings (`invalid_request`). Returns the changes to send.
 */
export function guardOrganizationConnectionChanges(
  input: OrganizationConnectionChangesGuardInput,
): Partial<OrgConnectionSettings> {
  const verdict = checkOrganizationConnectionChanges(input);
  return refusal(verdict, `Cannot change ${verdict.refused.join(', ')}.`);
}

/**
 * Refuses, before any request, adding a connection with settings the view may not set or that break the
 * core rules. Returns the settings to send.
 */
export function guardNewOrganizationConnection(input: NewOrganizationConnectionGuardInput): OrgConnectionSettings {
  const verdict = checkNewOrganizationConnection(input);
  const message = !canAddOrRemoveConnections(input.view)
    ? 'Only a tenant administrator can add a connection to the organization.'
    : `Cannot set ${verdict.refused.join(', ')}.`;
  return refusal(verdict, message);
}

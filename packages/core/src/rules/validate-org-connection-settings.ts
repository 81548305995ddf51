import type { ConnectionKind } from '../model/connection-kind';
import { englishOrgConnectionSettingsIssue, type OrgConnectionSettingsIssue } from '../model/developer-english';
import { orgConnectionSettingsIssues } from './org-connection-settings-issues';

export type { OrgConnectionSettingsIssue } from '../model/developer-english';
export { englishOrgConnectionSettingsIssue } from '../model/developer-english';

export type { OrgConnectionSettingsIssueCode } from './org-connection-settings-issues';
export {
  ORG_CONNECTION_SETTINGS_ISSUE_CODES,
  ORGANIZATION_CONNECTION_NAME_MAX_LENGTH,
} from './org-connection-settings-issues';

export interface OrgConnectionSettingsValidation {
  ok: boolean;
  issues: OrgConnectionSettingsIssue[];
}

/**
 * Checks organization connection settings against Auth0's rules for a kind of connection, as
 * `orgConnectionSettingsIssues` does, with an English message for each issue. Never throws, whatever
 * `settings` is.
 */
export function validateOrgConnectionSettings(
  settings: unknown,
  kind: ConnectionKind,
): OrgConnectionSettingsValidation {
  const issues = orgConnectionSettingsIssues(settings, kind, englishOrgConnectionSettingsIssue);
  return { ok: issues.length === 0, issues };
}

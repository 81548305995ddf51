export type { AccessLevel, AccessLevelValue } from './access-level';
export { ACCESS_LEVELS, isAccessLevel } from './access-level';
export type {
  AccessPolicy,
  Capabilities,
  CapabilitiesInput,
  ConnectionControls,
  LockReason,
} from './capabilities';
export {
  canAddOrRemoveConnections,
  capabilitiesFor,
  connectionControlsFor,
  fieldAppliesTo,
  membershipAdmitsProviderUsers,
  SWITCH_FIELDS,
  seesEveryConnection,
} from './capabilities';
export type {
  ConnectionDraft,
  ConnectionDraftChange,
  ConnectionDraftEvent,
  ConnectionDraftMode,
  ConnectionDraftOptions,
  ConnectionDraftValueChange,
  ConnectionDraftValues,
  DraftPayloadOptions,
} from './connection-draft';
export { applyDraftChange, createConnectionDraft, draftChanges, draftSubmitPayload } from './connection-draft';
export type { ConnectionKind } from './connection-kind';
export {
  CONNECTION_KINDS,
  connectionKind,
  ENTERPRISE_STRATEGIES,
  PASSWORDLESS_STRATEGIES,
  strategiesOfKind,
  UNKNOWN_STRATEGY,
} from './connection-kind';
export type { ConnectionLimitStatus } from './connection-limit-status';
export { connectionLimitStatus } from './connection-limit-status';
export { connectionSearchMatcher, foldForSearch } from './connection-search';
export { UNSUPPORTED_FEATURE_CODE } from './data-source-features';
export type {
  NewOrganizationConnectionGuardInput,
  OrganizationConnectionChangesGuardInput,
  OrganizationConnectionChangesVerdict,
} from './guard-organization-connection-changes';
export {
  checkNewOrganizationConnection,
  checkOrganizationConnectionChanges,
  checkOrganizationConnectionChangesAlone,
  guardNewOrganizationConnection,
  guardOrganizationConnectionChanges,
} from './guard-organization-connection-changes';
export type { Fetch, GetAccessToken, GetAccessTokenOptions, RetryOptions } from './http-client';
export type { LockoutRisk, LockoutRiskInput } from './lockout-risk';
export { lockoutRisk } from './lockout-risk';
export type {
  LoginPromptFailure,
  LoginPromptFlow,
  LoginPromptForm,
  LoginPromptHiddenConnection,
  LoginPromptModel,
  LoginPromptModelOptions,
  LoginPromptRoute,
} from './login-prompt-model';
export { LOGIN_PROMPT_FLOWS, loginPromptModel } from './login-prompt-model';
export type { ManagementApiClientOptions } from './management-api-client';
export { createManagementApiClient } from './management-api-client';
export type { MyOrganizationApiClientOptions } from './my-organization-api-client';
export { createMyOrganizationApiClient } from './my-organization-api-client';
export type {
  OrgConnection,
  OrgConnectionField,
  OrgConnectionSettings,
  TenantConnection,
  View,
} from './org-connection';
export { ORG_CONNECTION_LIMIT } from './org-connection';
export type {
  OrgConnectionSettingsCodedIssue,
  OrgConnectionSettingsIssueCode,
  OrgConnectionSettingsIssueFactory,
} from './org-connection-settings-issues';
export {
  allowsSignup,
  ORGANIZATION_CONNECTION_NAME_MAX_LENGTH,
  orgConnectionSettingsIssues,
} from './org-connection-settings-issues';
export type { OrgConnectionSettingDefinition, OrgConnectionSettingWireName } from './org-connection-settings-table';
export { ORG_CONNECTION_SETTINGS } from './org-connection-settings-table';
export type {
  AddOrganizationConnectionInput,
  ListOrganizationConnectionsOptions,
  ListOrganizationConnectionsResult,
  ListTenantConnectionsOptions,
  ListTenantConnectionsResult,
  OrgConnectionsApi,
  OrgConnectionsFeature,
  RequestOptions,
  RolloutStartResult,
  TenantConnectionsFilter,
} from './org-connections-api';
export { TENANT_CONNECTIONS_ORGANIZATION_HEADER } from './org-connections-api';
export type {
  OrgConnectionsErrorIssue,
  OrgConnectionsErrorKind,
  OrgConnectionsErrorOptions,
} from './org-connections-error';
export {
  CHANGE_REFUSED_CODE,
  isOrgConnectionsError,
  OrgConnectionsError,
  VIEW_NOT_PERMITTED_CODE,
} from './org-connections-error';
export { orgConnectionsKeys } from './org-connections-keys';
export type { ManagementApiEndpoints } from './organization-connections-endpoints';
export type {
  Rollout,
  RolloutControl,
  RolloutCounts,
  RolloutFailure,
  RolloutFailureError,
  RolloutIfEnabled,
  RolloutInput,
  RolloutInputIssue,
  RolloutInputIssueCode,
  RolloutOrganizationState,
  RolloutOutcome,
  RolloutPreview,
  RolloutStatus,
  RolloutWrite,
  RolloutWriteResult,
} from './rollout';
export {
  checkRolloutInput,
  emptyRolloutCounts,
  ROLLOUT_CONTROLS,
  ROLLOUT_MAX_LISTED_ORGANIZATIONS,
  ROLLOUT_OUTCOMES,
  ROLLOUT_STATUSES,
  rolloutCountOf,
  rolloutOutcome,
  rolloutStepOutcome,
} from './rollout';
export type {
  OrgConnectionSettingsIssue,
  OrgConnectionSettingsValidation,
} from './validate-org-connection-settings';
export { englishOrgConnectionSettingsIssue, validateOrgConnectionSettings } from './validate-org-connection-settings';
export type { LoginPromptVerdict, VisibilityWarning, VisibilityWarningCode } from './visibility-warning';
export {
  hasNoVisibleConnection,
  promptHasNoVisibleConnection,
  shownOnLoginPrompt,
  visibilityWarning,
} from './visibility-warning';

export type { Fetch, GetAccessToken, GetAccessTokenOptions, RetryOptions } from './clients/http-client';
export type { ManagementApiClientOptions } from './clients/management-api-client';
export { createManagementApiClient } from './clients/management-api-client';
export type { MyOrganizationApiClientOptions } from './clients/my-organization-api-client';
export { createMyOrganizationApiClient } from './clients/my-organization-api-client';
export type {
  AddOrganizationConnectionInput,
  GetTenantConnectionOptions,
  ListOrganizationConnectionsOptions,
  ListOrganizationConnectionsResult,
  ListTenantConnectionsOptions,
  ListTenantConnectionsResult,
  OrgConnectionsApi,
  OrgConnectionsFeature,
  RequestOptions,
  RolloutStartResult,
  TenantConnectionsFilter,
} from './clients/org-connections-api';
export { TENANT_CONNECTIONS_ORGANIZATION_HEADER } from './clients/org-connections-api';
export { orgConnectionsKeys } from './clients/org-connections-keys';
export type { ManagementApiEndpoints } from './clients/organization-connections-endpoints';
export { serverRollouts } from './clients/rollouts-endpoints';
export type { AccessLevel, AccessLevelValue } from './model/access-level';
export { ACCESS_LEVELS, isAccessLevel } from './model/access-level';
export type {
  ConnectionDraft,
  ConnectionDraftChange,
  ConnectionDraftEvent,
  ConnectionDraftMode,
  ConnectionDraftOptions,
  ConnectionDraftValueChange,
  ConnectionDraftValues,
  DraftPayloadOptions,
} from './model/connection-draft';
export { applyDraftChange, createConnectionDraft, draftChanges, draftSubmitPayload } from './model/connection-draft';
export type { ConnectionKind, ConnectionKindFilter } from './model/connection-kind';
export {
  CONNECTION_KIND_FILTERS,
  CONNECTION_KINDS,
  connectionKind,
  ENTERPRISE_STRATEGIES,
  matchesKindFilter,
  PASSWORDLESS_STRATEGIES,
  strategiesOfKind,
  UNKNOWN_STRATEGY,
} from './model/connection-kind';
export { UNSUPPORTED_FEATURE_CODE, unsupportedFeatureError } from './model/data-source-features';
export type {
  OrgConnection,
  OrgConnectionField,
  OrgConnectionSettings,
  TenantConnection,
  View,
} from './model/org-connection';
export { ORG_CONNECTION_LIMIT } from './model/org-connection';
export type {
  OrgConnectionSettingDefinition,
  OrgConnectionSettingWireName,
} from './model/org-connection-settings-table';
export { ORG_CONNECTION_SETTINGS } from './model/org-connection-settings-table';
export type {
  OrgConnectionsErrorIssue,
  OrgConnectionsErrorKind,
  OrgConnectionsErrorOptions,
} from './model/org-connections-error';
export {
  CHANGE_REFUSED_CODE,
  isOrgConnectionsError,
  OrgConnectionsError,
  VIEW_NOT_PERMITTED_CODE,
} from './model/org-connections-error';
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
  RolloutStatus,
  RolloutWrite,
  RolloutWriteResult,
} from './model/rollout';
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
} from './model/rollout';
export type {
  AccessPolicy,
  Capabilities,
  CapabilitiesInput,
  ConnectionControls,
  LockReason,
} from './rules/capabilities';
export {
  canAddOrRemoveConnections,
  capabilitiesFor,
  connectionControlsFor,
  fieldAppliesTo,
  membershipAdmitsProviderUsers,
  SWITCH_FIELDS,
  seesEveryConnection,
} from './rules/capabilities';
export type { ConnectionLimitStatus } from './rules/connection-limit-status';
export { connectionLimitStatus } from './rules/connection-limit-status';
export { connectionSearchMatcher, foldForSearch, searchMatcher } from './rules/connection-search';
export type {
  NewOrganizationConnectionGuardInput,
  OrganizationConnectionChangesGuardInput,
  OrganizationConnectionChangesVerdict,
} from './rules/guard-organization-connection-changes';
export {
  checkNewOrganizationConnection,
  checkOrganizationConnectionChanges,
  checkOrganizationConnectionChangesAlone,
  guardNewOrganizationConnection,
  guardOrganizationConnectionChanges,
} from './rules/guard-organization-connection-changes';
export type { LockoutRisk, LockoutRiskInput } from './rules/lockout-risk';
export { lockoutRisk } from './rules/lockout-risk';
export type {
  LoginPromptFailure,
  LoginPromptFlow,
  LoginPromptForm,
  LoginPromptHiddenConnection,
  LoginPromptModel,
  LoginPromptModelOptions,
  LoginPromptRoute,
} from './rules/login-prompt-model';
export { LOGIN_PROMPT_FLOWS, loginPromptModel } from './rules/login-prompt-model';
export type {
  OrgConnectionSettingsCodedIssue,
  OrgConnectionSettingsIssueCode,
  OrgConnectionSettingsIssueFactory,
} from './rules/org-connection-settings-issues';
export {
  allowsSignup,
  ORGANIZATION_CONNECTION_NAME_MAX_LENGTH,
  orgConnectionSettingsIssues,
} from './rules/org-connection-settings-issues';
export type {
  OrgConnectionSettingsIssue,
  OrgConnectionSettingsValidation,
} from './rules/validate-org-connection-settings';
export {
  englishOrgConnectionSettingsIssue,
  validateOrgConnectionSettings,
} from './rules/validate-org-connection-settings';
export type {
  LoginPromptState,
  LoginPromptVerdict,
  VisibilityWarning,
  VisibilityWarningCode,
} from './rules/visibility-warning';
export {
  hasNoVisibleConnection,
  LOGIN_PROMPT_STATES,
  loginPromptState,
  loginPromptVerdict,
  promptHasNoVisibleConnection,
  shownOnLoginPrompt,
  visibilityWarning,
} from './rules/visibility-warning';

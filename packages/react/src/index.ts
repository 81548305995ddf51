'use client';
export type { LoginPromptFlow, TenantConnectionsFilter } from '@org-connections/core';
export type { AccessLevelSelectProps } from './access-level-select';
export { AccessLevelSelect } from './access-level-select';
export type { AddConnectionDialogProps } from './add-connection-dialog';
export { AddConnectionDialog } from './add-connection-dialog';
export type { ConnectionIcon, OrgConnectionsIcons } from './connection-logo';
export type { ConnectionRolloutDialogProps } from './connection-rollout-dialog';
export { ConnectionRolloutDialog } from './connection-rollout-dialog';
export type { LoginPromptPreviewProps } from './login-prompt-preview';
export { LoginPromptPreview } from './login-prompt-preview';
export type { MessageFormat, PluralCategory, PluralForms } from './message-format';
export { messageFormat } from './message-format';
export type { OrgConnectionsMessages } from './messages';
export { defaultMessages, mergeMessages } from './messages';
export type { OrgConnectionMutationOptions } from './org-connection-mutation-options';
export type {
  OrgConnectionsErrorDetails,
  OrgConnectionsEvents,
  OrgConnectionsOperation,
} from './org-connections-events';
export type { OrgConnectionsListProps } from './org-connections-list';
export { OrgConnectionsList } from './org-connections-list';
export type { OrgConnectionsContextValue, OrgConnectionsProviderProps } from './org-connections-provider';
export { OrgConnectionsProvider, useOrgConnectionsContext } from './org-connections-provider';
export { orgConnectionsQueryOptions, tenantConnectionsQueryOptions } from './org-connections-query-options';
export type { ConnectionRolloutMessages } from './rollout-messages';
export { defaultRolloutMessages } from './rollout-messages';
export type {
  AccessLevelSelectSlot,
  AddConnectionDialogSlot,
  ConnectionRolloutDialogSlot,
  LoginPromptPreviewSlot,
  OrgConnectionsListSlot,
} from './slots';
export type {
  ClassNames,
  OrgConnectionsColorScheme,
  OrgConnectionsColors,
  OrgConnectionsDensity,
  OrgConnectionsTheme,
} from './theme';
export type { UseAddOrgConnectionOptions } from './use-add-org-connection';
export { useAddOrgConnection } from './use-add-org-connection';
export { useConnectionCapabilities } from './use-connection-capabilities';
export type {
  ConnectionRolloutInput,
  ConnectionRolloutState,
  UseConnectionRolloutOptions,
  UseConnectionRolloutResult,
} from './use-connection-rollout';
export { ROLLOUT_POLL_INTERVAL, useConnectionRollout } from './use-connection-rollout';
export { useOrgConnections } from './use-org-connections';
export type { OrgConnectionsComponentProps } from './use-org-connections-component';
export type { UseRemoveOrgConnectionOptions } from './use-remove-org-connection';
export { useRemoveOrgConnection } from './use-remove-org-connection';
export type { UseTenantConnectionsOptions } from './use-tenant-connections';
export { useTenantConnections } from './use-tenant-connections';
export type { UpdateOrgConnectionVariables, UseUpdateOrgConnectionOptions } from './use-update-org-connection';
export { useUpdateOrgConnection } from './use-update-org-connection';

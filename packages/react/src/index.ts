'use client';
export type { LoginPromptFlow, TenantConnectionsFilter } from '@org-connections/core';
export type { AccessLevelSelectProps } from './components/access-level-select';
export { AccessLevelSelect } from './components/access-level-select';
export type { AddConnectionDialogProps } from './components/add-connection-dialog';
export { AddConnectionDialog } from './components/add-connection-dialog';
export type { ConnectionIcon, OrgConnectionsIcons } from './components/connection-logo';
export type { ConnectionRolloutDialogProps } from './components/connection-rollout-dialog';
export { ConnectionRolloutDialog } from './components/connection-rollout-dialog';
export type { LoginPromptPreviewProps } from './components/login-prompt-preview';
export { LoginPromptPreview } from './components/login-prompt-preview';
export type { OrgConnectionsListProps } from './components/org-connections-list';
export { OrgConnectionsList } from './components/org-connections-list';
export type { OrgConnectionsContextValue, OrgConnectionsProviderProps } from './components/org-connections-provider';
export { OrgConnectionsProvider, useOrgConnectionsContext } from './components/org-connections-provider';
export type {
  AccessLevelSelectSlot,
  AddConnectionDialogSlot,
  ConnectionRolloutDialogSlot,
  LoginPromptPreviewSlot,
  OrgConnectionsListSlot,
} from './components/slots';
export type {
  ClassNames,
  OrgConnectionsColorScheme,
  OrgConnectionsColors,
  OrgConnectionsDensity,
  OrgConnectionsTheme,
} from './components/theme';
export type { OrgConnectionMutationOptions } from './hooks/org-connection-mutation-options';
export type {
  OrgConnectionsErrorDetails,
  OrgConnectionsEvents,
  OrgConnectionsOperation,
} from './hooks/org-connections-events';
export { orgConnectionsQueryOptions, tenantConnectionsQueryOptions } from './hooks/org-connections-query-options';
export type { UseAddOrgConnectionOptions } from './hooks/use-add-org-connection';
export { useAddOrgConnection } from './hooks/use-add-org-connection';
export { useConnectionCapabilities } from './hooks/use-connection-capabilities';
export type {
  ConnectionRolloutInput,
  ConnectionRolloutPreviewState,
  ConnectionRolloutState,
  UseConnectionRolloutOptions,
  UseConnectionRolloutResult,
} from './hooks/use-connection-rollout';
export { ROLLOUT_POLL_INTERVAL, useConnectionRollout } from './hooks/use-connection-rollout';
export { useOrgConnections } from './hooks/use-org-connections';
export type { OrgConnectionsComponentProps } from './hooks/use-org-connections-presentation';
export type { UseRemoveOrgConnectionOptions } from './hooks/use-remove-org-connection';
export { useRemoveOrgConnection } from './hooks/use-remove-org-connection';
export type { UseTenantConnectionOptions } from './hooks/use-tenant-connection';
export { useTenantConnection } from './hooks/use-tenant-connection';
export type { UseTenantConnectionsOptions } from './hooks/use-tenant-connections';
export { useTenantConnections } from './hooks/use-tenant-connections';
export type { UpdateOrgConnectionVariables, UseUpdateOrgConnectionOptions } from './hooks/use-update-org-connection';
export { useUpdateOrgConnection } from './hooks/use-update-org-connection';
export type { MessageFormat, PluralCategory, PluralForms } from './i18n/message-format';
export { messageFormat } from './i18n/message-format';
export type { OrgConnectionsMessages } from './i18n/messages';
export { defaultMessages, mergeMessages } from './i18n/messages';
export type { ConnectionRolloutMessages } from './i18n/rollout-messages';
export { defaultRolloutMessages } from './i18n/rollout-messages';

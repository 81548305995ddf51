import type { MessageFormat } from './message-format';

/**
 * The words of `<ConnectionRolloutDialog>`, apart from `OrgConnectionsMessages` so that an app that never rolls a
 * connection out ships none of them: English is built in, the other languages are their own entries
 * (`@org-connections/react/locales/de/rollout`), given to the provider's (or the dialog's) `messages` beside the
 * locale: `messages={{ ...de, ...deRollout }}`. The settings form and the errors use `OrgConnectionsMessages`.
 */
export interface ConnectionRolloutMessages {
  /** The button that opens the dialog. */
  rolloutButton: string;
  /** `name`: the connection's display name (or name). */
  rolloutTitle: (name: string) => string;
  rolloutDescription: string;
  /** Loading the connection and the rollouts. */
  rolloutLoading: string;
  rolloutLoadError: string;
  /** The data source has no rollouts (the My Organization API, or Auth0 without the server package). */
  rolloutUnsupported: string;
  /** The fieldset: which organizations. */
  rolloutOrganizations: string;
  rolloutAllOrganizations: string;
  rolloutListedOrganizations: string;
  /** The text field of organization IDs. */
  rolloutOrganizationIds: string;
  rolloutOrganizationsEmpty: string;
  rolloutOrganizationsTooMany: (max: number, format: MessageFormat) => string;
  rolloutOrganizationDuplicate: string;
  /** The fieldset: what to do where the connection is already enabled. */
  rolloutIfEnabled: string;
  rolloutIfEnabledSkip: string;
  rolloutIfEnabledUpdate: string;
  rolloutPreview: string;
  /** The preview button while the dry run starts. */
  rolloutPreviewing: string;
  /** The dry run's progress bar's accessible name. */
  rolloutPreviewProgressLabel: string;
  /** Organizations the dry run has checked, of the total (`total` unknown while the organizations are being listed). */
  rolloutPreviewProgress: (checked: number, total: number | null, format: MessageFormat) => string;
  /** The preview button while the dry run runs: stops it. */
  rolloutPreviewStop: string;
  /** Before the reason (the error, worded) when the dry run failed; the preview button runs it again. */
  rolloutPreviewFailed: string;
  /** The dry run's answer: organizations that will get the connection (added or updated), and those at the limit. */
  rolloutPreviewResult: (willGet: number, atLimit: number, format: MessageFormat) => string;
  /** Organizations where it is already enabled and left as they are. */
  rolloutPreviewAlreadyEnabled: (count: number, format: MessageFormat) => string;
  rolloutStart: string;
  rolloutStarting: string;
  rolloutStatusRunning: string;
  rolloutStatusPaused: string;
  /** Beside the paused status when the rollout stopped on its own; `reason` is the error, already worded. */
  rolloutPausedBecause: (reason: string) => string;
  rolloutStatusCancelled: string;
  rolloutStatusDone: string;
  /** The progress bar's accessible name. */
  rolloutProgressLabel: string;
  /** Organizations done, of the total (`total` unknown while the organizations are still being read). */
  rolloutProgress: (done: number, total: number | null, format: MessageFormat) => string;
  rolloutRate: (perMinute: number, format: MessageFormat) => string;
  /** `duration` is already formatted for the locale (`12 minutes`). */
  rolloutTimeLeft: (duration: string) => string;
  rolloutCountAdded: string;
  rolloutCountUpdated: string;
  rolloutCountSkippedEnabled: string;
  rolloutCountSkippedLimit: string;
  rolloutCountFailed: string;
  rolloutCountPending: string;
  rolloutPause: string;
  rolloutResume: string;
  rolloutCancel: string;
  rolloutFailuresTitle: (count: number, format: MessageFormat) => string;
  rolloutRetryFailed: string;
  /** A pause, resume, cancel or retry its state no longer allowed (it ended meanwhile); the rollout is read again. */
  rolloutControlConflict: string;
  /** Back to the settings after a rollout ended (they are kept). */
  rolloutNew: string;
  rolloutClose: string;
}

export const defaultRolloutMessages: ConnectionRolloutMessages = {
  rolloutButton: 'Roll out to organizations',
  rolloutTitle: (name) => `Roll out ${name}`,
  rolloutDescription: 'Enable this connection in many organizations with the same settings.',
  rolloutLoading: 'Loading…',
  rolloutLoadError: 'The rollout could not be loaded.',
  rolloutUnsupported:
    'Rollouts need @org-connections/server: neither the Management API nor the My Organization API offers them.',
  rolloutOrganizations: 'Organizations',
  rolloutAllOrganizations: 'All organizations',
  rolloutListedOrganizations: 'Only these organizations',
  rolloutOrganizationIds: 'Organization IDs, one per line',
  rolloutOrganizationsEmpty: 'Enter at least one organization ID.',
  rolloutOrganizationsTooMany: (max, { plural }) =>
    `List at most ${plural(max, { one: '# organization', other: '# organizations' })}, or choose all.`,
  rolloutOrganizationDuplicate: 'An organization ID is listed twice.',
  rolloutIfEnabled: 'Where it is already enabled',
  rolloutIfEnabledSkip: 'Leave it as it is',
  rolloutIfEnabledUpdate: 'Apply these settings',
  rolloutPreview: 'Preview',
  rolloutPreviewing: 'Counting…',
  rolloutPreviewProgressLabel: 'Preview progress',
  rolloutPreviewProgress: (checked, total, { number, plural }) =>
    total === null
      ? 'Listing the organizations…'
      : `Checked ${number(checked)} of ${plural(total, { one: '# organization', other: '# organizations' })}`,
  rolloutPreviewStop: 'Stop preview',
  rolloutPreviewFailed: 'The preview could not finish.',
  rolloutPreviewResult: (willGet, atLimit, { plural }) =>
    `${plural(willGet, { one: '# organization will get it', other: '# organizations will get it' })}, ${plural(atLimit, { one: '# is at its limit', other: '# are at their limit' })}.`,
  rolloutPreviewAlreadyEnabled: (count, { plural }) =>
    plural(count, { one: '# already has it.', other: '# already have it.' }),
  rolloutStart: 'Start rollout',
  rolloutStarting: 'Starting…',
  rolloutStatusRunning: 'Rolling out…',
  rolloutStatusPaused: 'Paused',
  rolloutPausedBecause: (reason) => `It stopped because Auth0 refused to list the organizations: ${reason}`,
  rolloutStatusCancelled: 'Cancelled',
  rolloutStatusDone: 'Done',
  rolloutProgressLabel: 'Rollout progress',
  rolloutProgress: (done, total, { number, plural }) =>
    total === null
      ? plural(done, { one: '# organization so far', other: '# organizations so far' })
      : `${number(done)} of ${plural(total, { one: '# organization', other: '# organizations' })}`,
  rolloutRate: (perMinute, { plural }) =>
    plural(perMinute, { one: '# organization a minute', other: '# organizations a minute' }),
  rolloutTimeLeft: (duration) => `About ${duration} left`,
  rolloutCountAdded: 'Added',
  rolloutCountUpdated: 'Updated',
  rolloutCountSkippedEnabled: 'Already enabled',
  rolloutCountSkippedLimit: 'At the connection limit',
  rolloutCountFailed: 'Failed',
  rolloutCountPending: 'Waiting',
  rolloutPause: 'Pause',
  rolloutResume: 'Resume',
  rolloutCancel: 'Cancel rollout',
  rolloutFailuresTitle: (count, { plural }) =>
    plural(count, { one: '# organization failed', other: '# organizations failed' }),
  rolloutRetryFailed: 'Retry failed',
  rolloutControlConflict: 'The rollout has moved on meanwhile: this is where it stands now.',
  rolloutNew: 'New rollout',
  rolloutClose: 'Close',
};

import type { PluralForms } from '../../i18n/messages';
import type { ConnectionRolloutMessages } from '../../i18n/rollout-messages';

const organizations = (suffix = ''): PluralForms => ({
  one: `# Organisation${suffix}`,
  other: `# Organisationen${suffix}`,
});

/** German words of the rollout dialog (formal address), beside `@org-connections/react/locales/de`. */
export const messages: ConnectionRolloutMessages = {
  rolloutButton: 'Für Organisationen ausrollen',
  rolloutTitle: (name) => `${name} ausrollen`,
  rolloutDescription: 'Aktivieren Sie diese Verbindung mit denselben Einstellungen in vielen Organisationen.',
  rolloutLoading: 'Wird geladen…',
  rolloutLoadError: 'Der Rollout konnte nicht geladen werden.',
  rolloutUnsupported:
    'Rollouts benötigen @org-connections/server: Weder die Management API noch die My Organization API bietet sie an.',
  rolloutOrganizations: 'Organisationen',
  rolloutAllOrganizations: 'Alle Organisationen',
  rolloutListedOrganizations: 'Nur diese Organisationen',
  rolloutOrganizationIds: 'Organisations-IDs, eine pro Zeile',
  rolloutOrganizationsEmpty: 'Geben Sie mindestens eine Organisations-ID ein.',
  rolloutOrganizationsTooMany: (max, { plural }) =>
    `Geben Sie höchstens ${plural(max, organizations())} an, oder wählen Sie alle.`,
  rolloutOrganizationDuplicate: 'Eine Organisations-ID ist doppelt angegeben.',
  rolloutIfEnabled: 'Wo sie bereits aktiviert ist',
  rolloutIfEnabledSkip: 'Unverändert lassen',
  rolloutIfEnabledUpdate: 'Diese Einstellungen anwenden',
  rolloutPreview: 'Vorschau',
  rolloutPreviewing: 'Wird gezählt…',
  rolloutPreviewProgressLabel: 'Fortschritt der Vorschau',
  rolloutPreviewProgress: (checked, total, { number, plural }) =>
    total === null
      ? 'Die Organisationen werden aufgelistet…'
      : `${number(checked)} von ${plural(total, organizations())} geprüft`,
  rolloutPreviewStop: 'Vorschau abbrechen',
  rolloutPreviewFailed: 'Die Vorschau konnte nicht abgeschlossen werden.',
  rolloutPreviewResult: (willGet, atLimit, { plural }) =>
    `${plural(willGet, { one: '# Organisation erhält sie', other: '# Organisationen erhalten sie' })}, ${plural(atLimit, { one: '# hat ihr Limit erreicht', other: '# haben ihr Limit erreicht' })}.`,
  rolloutPreviewAlreadyEnabled: (count, { plural }) =>
    plural(count, { one: '# hat sie bereits.', other: '# haben sie bereits.' }),
  rolloutStart: 'Rollout starten',
  rolloutStarting: 'Wird gestartet…',
  rolloutStatusRunning: 'Wird ausgerollt…',
  rolloutStatusPaused: 'Pausiert',
  rolloutPausedBecause: (reason) => `Angehalten, weil Auth0 die Organisationen nicht auflisten ließ: ${reason}`,
  rolloutStatusCancelled: 'Abgebrochen',
  rolloutStatusDone: 'Abgeschlossen',
  rolloutProgressLabel: 'Fortschritt des Rollouts',
  rolloutProgress: (done, total, { number, plural }) =>
    total === null ? plural(done, organizations(' bisher')) : `${number(done)} von ${plural(total, organizations())}`,
  rolloutRate: (perMinute, { plural }) => plural(perMinute, organizations(' pro Minute')),
  rolloutTimeLeft: (duration) => `Noch etwa ${duration}`,
  rolloutCountAdded: 'Hinzugefügt',
  rolloutCountUpdated: 'Aktualisiert',
  rolloutCountSkippedEnabled: 'Bereits aktiviert',
  rolloutCountSkippedLimit: 'Am Verbindungslimit',
  rolloutCountFailed: 'Fehlgeschlagen',
  rolloutCountPending: 'Ausstehend',
  rolloutPause: 'Pausieren',
  rolloutResume: 'Fortsetzen',
  rolloutCancel: 'Rollout abbrechen',
  rolloutFailuresTitle: (count, { plural }) => plural(count, organizations(' fehlgeschlagen')),
  rolloutRetryFailed: 'Fehlgeschlagene erneut versuchen',
  rolloutControlConflict: 'Der Rollout hat sich inzwischen geändert: Hier ist sein aktueller Stand.',
  rolloutNew: 'Neuer Rollout',
  rolloutClose: 'Schließen',
};
export default messages;

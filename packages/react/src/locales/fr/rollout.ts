import type { PluralForms } from '../../i18n/messages';
import type { ConnectionRolloutMessages } from '../../i18n/rollout-messages';

const organizations = (suffix = ''): PluralForms => ({
  one: `# organisation${suffix}`,
  many: `# d’organisations${suffix}`,
  other: `# organisations${suffix}`,
});

/** French words of the rollout dialog (vouvoiement), beside `@org-connections/react/locales/fr`. */
export const messages: ConnectionRolloutMessages = {
  rolloutButton: 'Déployer dans les organisations',
  rolloutTitle: (name) => `Déployer ${name}`,
  rolloutDescription: 'Activez cette connexion dans de nombreuses organisations avec les mêmes paramètres.',
  rolloutLoading: 'Chargement…',
  rolloutLoadError: 'Le déploiement n’a pas pu être chargé.',
  rolloutUnsupported:
    'Les déploiements nécessitent @org-connections/server : ni la Management API ni la My Organization API ne les proposent.',
  rolloutOrganizations: 'Organisations',
  rolloutAllOrganizations: 'Toutes les organisations',
  rolloutListedOrganizations: 'Seulement ces organisations',
  rolloutOrganizationIds: 'ID des organisations, un par ligne',
  rolloutOrganizationsEmpty: 'Saisissez au moins un ID d’organisation.',
  rolloutOrganizationsTooMany: (max, { plural }) =>
    `Indiquez au plus ${plural(max, organizations())}, ou choisissez toutes les organisations.`,
  rolloutOrganizationDuplicate: 'Un ID d’organisation figure deux fois.',
  rolloutIfEnabled: 'Là où elle est déjà activée',
  rolloutIfEnabledSkip: 'La laisser telle quelle',
  rolloutIfEnabledUpdate: 'Appliquer ces paramètres',
  rolloutPreview: 'Aperçu',
  rolloutPreviewing: 'Comptage…',
  rolloutPreviewProgressLabel: 'Progression de l’aperçu',
  rolloutPreviewProgress: (checked, total, { number, plural }) =>
    total === null
      ? 'Recherche des organisations…'
      : `Vérification : ${number(checked)} sur ${plural(total, organizations())}`,
  rolloutPreviewStop: 'Arrêter l’aperçu',
  rolloutPreviewFailed: 'L’aperçu n’a pas pu aboutir.',
  rolloutPreviewResult: (willGet, atLimit, { plural }) =>
    `${plural(willGet, { one: '# organisation la recevra', many: '# d’organisations la recevront', other: '# organisations la recevront' })}, ${plural(atLimit, { one: '# a atteint sa limite', many: '# ont atteint leur limite', other: '# ont atteint leur limite' })}.`,
  rolloutPreviewAlreadyEnabled: (count, { plural }) =>
    plural(count, { one: '# l’a déjà.', many: '# l’ont déjà.', other: '# l’ont déjà.' }),
  rolloutStart: 'Lancer le déploiement',
  rolloutStarting: 'Lancement…',
  rolloutStatusRunning: 'Déploiement en cours…',
  rolloutStatusPaused: 'En pause',
  rolloutPausedBecause: (reason) => `Arrêté, car Auth0 a refusé de lister les organisations : ${reason}`,
  rolloutStatusCancelled: 'Annulé',
  rolloutStatusDone: 'Terminé',
  rolloutProgressLabel: 'Progression du déploiement',
  rolloutProgress: (done, total, { number, plural }) =>
    total === null
      ? plural(done, organizations(' jusqu’ici'))
      : `${number(done)} sur ${plural(total, organizations())}`,
  rolloutRate: (perMinute, { plural }) => plural(perMinute, organizations(' par minute')),
  rolloutTimeLeft: (duration) => `Encore environ ${duration}`,
  rolloutCountAdded: 'Ajouts',
  rolloutCountUpdated: 'Mises à jour',
  rolloutCountSkippedEnabled: 'Déjà activée',
  rolloutCountSkippedLimit: 'Limite de connexions atteinte',
  rolloutCountFailed: 'Échecs',
  rolloutCountPending: 'En attente',
  rolloutPause: 'Suspendre',
  rolloutResume: 'Reprendre',
  rolloutCancel: 'Annuler le déploiement',
  rolloutFailuresTitle: (count, { plural }) => `Échec dans ${plural(count, organizations())}`,
  rolloutRetryFailed: 'Réessayer les échecs',
  rolloutControlConflict: 'Le déploiement a changé entre-temps : voici où il en est.',
  rolloutNew: 'Nouveau déploiement',
  rolloutClose: 'Fermer',
};
export default messages;

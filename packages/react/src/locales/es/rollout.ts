import type { PluralForms } from '../../i18n/messages';
import type { ConnectionRolloutMessages } from '../../i18n/rollout-messages';

const organizations = (suffix = ''): PluralForms => ({
  one: `# organización${suffix}`,
  many: `# de organizaciones${suffix}`,
  other: `# organizaciones${suffix}`,
});

/** Spanish words of the rollout dialog (usted), beside `@org-connections/react/locales/es`. */
export const messages: ConnectionRolloutMessages = {
  rolloutButton: 'Implementar en organizaciones',
  rolloutTitle: (name) => `Implementar ${name}`,
  rolloutDescription: 'Habilite esta conexión en muchas organizaciones con la misma configuración.',
  rolloutLoading: 'Cargando…',
  rolloutLoadError: 'No se pudo cargar la implementación.',
  rolloutUnsupported:
    'Las implementaciones requieren @org-connections/server: ni la Management API ni la My Organization API las ofrecen.',
  rolloutOrganizations: 'Organizaciones',
  rolloutAllOrganizations: 'Todas las organizaciones',
  rolloutListedOrganizations: 'Solo estas organizaciones',
  rolloutOrganizationIds: 'ID de organización, uno por línea',
  rolloutOrganizationsEmpty: 'Introduzca al menos un ID de organización.',
  rolloutOrganizationsTooMany: (max, { plural }) =>
    `Indique como máximo ${plural(max, organizations())}, o elija todas las organizaciones.`,
  rolloutOrganizationDuplicate: 'Un ID de organización aparece dos veces.',
  rolloutIfEnabled: 'Donde ya está habilitada',
  rolloutIfEnabledSkip: 'Dejarla como está',
  rolloutIfEnabledUpdate: 'Aplicar esta configuración',
  rolloutPreview: 'Vista previa',
  rolloutPreviewing: 'Contando…',
  rolloutPreviewProgressLabel: 'Progreso de la vista previa',
  rolloutPreviewProgress: (checked, total, { number, plural }) =>
    total === null
      ? 'Buscando las organizaciones…'
      : `Se han comprobado ${number(checked)} de ${plural(total, organizations())}`,
  rolloutPreviewStop: 'Detener la vista previa',
  rolloutPreviewFailed: 'No se pudo completar la vista previa.',
  rolloutPreviewResult: (willGet, atLimit, { plural }) =>
    `${plural(willGet, { one: '# organización la recibirá', many: '# de organizaciones la recibirán', other: '# organizaciones la recibirán' })}, ${plural(atLimit, { one: '# está en su límite', many: '# están en su límite', other: '# están en su límite' })}.`,
  rolloutPreviewAlreadyEnabled: (count, { plural }) =>
    plural(count, { one: '# ya la tiene.', many: '# ya la tienen.', other: '# ya la tienen.' }),
  rolloutStart: 'Iniciar implementación',
  rolloutStarting: 'Iniciando…',
  rolloutStatusRunning: 'Implementando…',
  rolloutStatusPaused: 'En pausa',
  rolloutPausedBecause: (reason) => `Se detuvo porque Auth0 no permitió listar las organizaciones: ${reason}`,
  rolloutStatusCancelled: 'Cancelada',
  rolloutStatusDone: 'Completada',
  rolloutProgressLabel: 'Progreso de la implementación',
  rolloutProgress: (done, total, { number, plural }) =>
    total === null
      ? plural(done, organizations(' hasta ahora'))
      : `${number(done)} de ${plural(total, organizations())}`,
  rolloutRate: (perMinute, { plural }) => plural(perMinute, organizations(' por minuto')),
  rolloutTimeLeft: (duration) => `Tiempo restante aproximado: ${duration}`,
  rolloutCountAdded: 'Añadidas',
  rolloutCountUpdated: 'Actualizadas',
  rolloutCountSkippedEnabled: 'Ya habilitada',
  rolloutCountSkippedLimit: 'En el límite de conexiones',
  rolloutCountFailed: 'Con error',
  rolloutCountPending: 'Pendientes',
  rolloutPause: 'Pausar',
  rolloutResume: 'Reanudar',
  rolloutCancel: 'Cancelar implementación',
  rolloutFailuresTitle: (count, { plural }) => `Falló en ${plural(count, organizations())}`,
  rolloutRetryFailed: 'Reintentar las fallidas',
  rolloutControlConflict: 'La implementación ha cambiado mientras tanto: este es su estado actual.',
  rolloutNew: 'Nueva implementación',
  rolloutClose: 'Cerrar',
};
export default messages;

import type { OrgConnectionsMessages } from '../i18n/messages';

/** Spanish (español), addressing the reader as «usted». */
export const messages: OrgConnectionsMessages = {
  kindDatabase: 'Base de datos',
  kindSocial: 'Social',
  kindEnterprise: 'Empresarial',
  kindPasswordless: 'Sin contraseña',
  accessLevelNone: 'Ninguno',
  accessLevelReadonly: 'Solo lectura',
  accessLevelLimited: 'Limitado',
  accessLevelFull: 'Completo',
  accessLevelUnknown: (value) => `Desconocido (${value})`,
  fieldOrganizationConnectionName: 'Nombre en esta organización',
  fieldOrganizationAccessLevel: 'Acceso de administradores de la organización',
  fieldIsEnabled: 'Habilitada',
  fieldAssignMembershipOnLogin: 'Membresía al autenticarse',
  fieldIsSignupEnabled: 'Registro',
  fieldShowAsButton: 'Mostrar como botón',
  save: 'Guardar',
  cancel: 'Cancelar',
  retry: 'Reintentar',
  addConnection: 'Agregar conexión',
  limitReached: (limit, { plural }) =>
    `Una organización puede tener como máximo ${plural(limit, { one: '# conexión', many: '# de conexiones', other: '# conexiones' })}. Quite una para agregar otra.`,

  errorRateLimited: (time) =>
    time
      ? `Demasiadas solicitudes. Vuelva a intentarlo a las ${time}.`
      : 'Demasiadas solicitudes. Vuelva a intentarlo en un momento.',
  errorForbidden: (scopes, { anyOf }) =>
    scopes.length > 0 ? `Falta el permiso ${anyOf(scopes)}.` : 'No tiene permiso para hacer esto.',
  errorUnauthorized: 'Su sesión caducó. Vuelva a iniciar sesión.',
  errorNotFound: 'Esta conexión u organización ya no existe.',
  errorConflict: 'Esta conexión ya está habilitada para la organización.',
  errorInvalidRequest: (field) => (field ? `${field}: este valor no se acepta.` : 'La solicitud no se aceptó.'),
  errorServer: 'El servidor tuvo un problema. Vuelva a intentarlo más tarde.',
  errorNetwork: 'No se pudo contactar con el servidor. Compruebe su conexión y vuelva a intentarlo.',
  errorInvalidResponse: 'El servidor envió una respuesta inesperada.',
  errorNotPermitted: 'No tiene permiso para cambiar este ajuste.',
  errorUnsupported: 'Esta fuente de datos no lo permite.',
  errorNotAllowed: 'Inició sesión, pero no tiene permiso para administrar las conexiones de esta organización.',
  errorReadOnlyRole: 'Su rol puede ver estas conexiones, pero no cambiarlas.',
  errorConnectionNotAttachable: 'Esta conexión no se puede agregar a esta organización.',
  errorAttachableUnavailable: 'No se pudo comprobar si esta conexión se puede agregar. Inténtelo de nuevo más tarde.',
  errorUnknown: 'Algo salió mal.',
  nameRequired: 'Escriba un nombre.',
  nameTooLong: (max, { plural }) =>
    `Use como máximo ${plural(max, { one: '# carácter', many: '# de caracteres', other: '# caracteres' })}.`,
  nameInvalidCharacters: 'El nombre contiene un carácter no permitido.',

  listLabel: 'Conexiones de la organización',
  connectionCount: (count, limit, { number, plural }) =>
    `${number(count)} de ${plural(limit, { one: '# conexión', many: '# de conexiones', other: '# conexiones' })}`,
  loading: 'Cargando conexiones…',
  emptyTitle: 'No hay conexiones',
  emptyDescription: 'No hay conexiones habilitadas para esta organización.',
  emptyDescriptionCanAdd: 'Agregue una conexión para que los miembros de esta organización puedan iniciar sesión.',
  unsupportedTitle: 'No disponible para administradores de la organización',
  unsupportedDescription:
    'Esta fuente de datos no tiene niveles de acceso, así que no se puede mostrar ninguna conexión a un administrador de la organización.',
  unsupportedAlternative:
    'Use los endpoints /organizations/{id}/connections de la Management API a través de @org-connections/server, o la My Organization API.',
  loadErrorTitle: 'No se pudieron cargar las conexiones.',
  rateLimitedRetrying: (time) => `Demasiadas solicitudes. Nuevo intento a las ${time}.`,
  retryCountdown: (wait) => `Nuevo intento ${wait}`,
  organizationNotFound: 'Esta organización no existe.',
  visibilityWarning:
    'Todas las conexiones habilitadas están ocultas, así que el inicio de sesión fallará con «no connections enabled for the organization are visible». Muestre una como botón.',
  searchLabel: 'Buscar conexiones',
  kindFilterLabel: 'Tipo',
  allKinds: 'Todos los tipos',
  noMatches: 'Ninguna conexión coincide.',
  readonlyExplanation: 'Solo lectura: su proveedor administra estos ajustes.',
  limitedExplanation: 'Su proveedor administra algunos ajustes.',
  signupNeedsMembership: 'Active la membresía al autenticarse para permitir el registro.',
  renameButton: 'Cambiar nombre',
  rename: (name) => `Cambiar nombre de ${name}`,
  removeButton: 'Quitar',
  remove: (name) => `Quitar ${name}`,
  removeTitle: (name) => `¿Quitar ${name}?`,
  removeDescription:
    'Los miembros ya no podrán usarla para iniciar sesión en esta organización. La conexión sigue en el tenant.',
  removeConfirm: 'Quitar',
  lockoutTitle: (name) => `¿Deshabilitar ${name}?`,
  lockoutConfirm: 'Deshabilitar',
  lockoutSignedInConnection:
    'Inició sesión con esta conexión. Usted y todas las personas que la usan perderán el acceso a esta organización hasta que se vuelva a habilitar.',
  lockoutLastEnabledConnection:
    'Es la única conexión habilitada: nadie podrá iniciar sesión en esta organización hasta que se vuelva a habilitar una.',
  saved: (name) => `Se guardó ${name}.`,
  removed: (name) => `Se quitó ${name}.`,
  added: (name) => `Se agregó ${name}.`,
  changeFailed: (name, reason) => `No se cambió ${name}. ${reason}`,

  accessLevelNoneDescription: 'Los administradores de la organización no ven esta conexión.',
  accessLevelReadonlyDescription: 'Los administradores de la organización la ven, pero no pueden cambiarla.',
  accessLevelLimitedDescription:
    'Los administradores de la organización pueden activarla, desactivarla y mostrarla como botón.',
  accessLevelFullDescription: 'Los administradores de la organización pueden cambiar todos los ajustes.',
  addConnectionTitle: 'Agregar una conexión',
  pickConnectionDescription: 'Elija una conexión del tenant para habilitarla en esta organización.',
  configureConnectionDescription: (name) => `Elija cómo funciona ${name} en esta organización.`,
  tenantConnectionsLabel: 'Conexiones del tenant',
  loadingMore: 'Cargando más…',
  searchPartial: 'Aún se está leyendo el tenant; pueden faltar resultados.',
  searchedFirst: (count, { plural }) =>
    `Se buscó en ${plural(count, { one: 'la primera conexión', many: 'las primeras # de conexiones', other: 'las primeras # conexiones' })}.`,
  searchAll: 'Buscar en todas las conexiones',
  searchedSoFar: (count, { plural }) =>
    `Se buscó en ${plural(count, { one: '# conexión', many: '# de conexiones', other: '# conexiones' })} hasta ahora…`,
  stopSearching: 'Detener la búsqueda',
  noConnectionsToAdd: 'No quedan conexiones por agregar.',
  back: 'Atrás',
  next: 'Siguiente',
  adding: 'Agregando…',
  membershipNotice:
    'Todas las personas que puedan iniciar sesión con este proveedor de identidad pasarán a ser miembros de esta organización.',

  loginPromptLabel: 'Vista previa del inicio de sesión',
  loginPromptCaption:
    'Lo que ven los miembros de esta organización al iniciar sesión. Es una imagen, no un formulario real.',
  loginPromptTitle: 'Iniciar sesión',
  loginPromptEmail: 'Correo electrónico',
  loginPromptPassword: 'Contraseña',
  loginPromptPhone: 'Número de teléfono',
  loginPromptContinue: 'Continuar',
  loginPromptSignup: '¿No tiene una cuenta? Regístrese',
  loginPromptOr: 'o',
  loginPromptContinueWith: (name) => `Continuar con ${name}`,
  loginPromptHiddenTitle: (count, { plural }) =>
    `${plural(count, { one: '# conexión no aparece', many: '# de conexiones no aparecen', other: '# conexiones no aparecen' })} en el inicio de sesión`,
  loginPromptHiddenByParameter: 'Solo se llega a ella si la aplicación envía el parámetro connection.',
  loginPromptHiddenByDiscovery:
    'Solo se llega a ella con Home Realm Discovery (identificador primero, sin org_id en la solicitud) o con el parámetro connection.',
  loginPromptEmpty: 'No hay ninguna conexión habilitada, así que nadie puede iniciar sesión en esta organización.',
  loginPromptProviderNote: 'También pueden aparecer conexiones administradas por su proveedor.',
};
export default messages;

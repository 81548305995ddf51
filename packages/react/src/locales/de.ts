import type { OrgConnectionsMessages } from '../i18n/messages';

/** German (Deutsch), addressing the reader formally. */
export const messages: OrgConnectionsMessages = {
  kindDatabase: 'Datenbank',
  kindSocial: 'Social Login',
  kindEnterprise: 'Enterprise',
  kindPasswordless: 'Passwortlos',
  accessLevelNone: 'Kein Zugriff',
  accessLevelReadonly: 'Nur lesen',
  accessLevelLimited: 'Eingeschränkt',
  accessLevelFull: 'Vollzugriff',
  accessLevelUnknown: (value) => `Unbekannt (${value})`,
  fieldOrganizationConnectionName: 'Name in dieser Organisation',
  fieldOrganizationAccessLevel: 'Zugriff für Organisationsadmins',
  fieldIsEnabled: 'Aktiviert',
  fieldAssignMembershipOnLogin: 'Mitgliedschaft bei Anmeldung',
  fieldIsSignupEnabled: 'Registrierung',
  fieldShowAsButton: 'Als Schaltfläche anzeigen',
  save: 'Speichern',
  cancel: 'Abbrechen',
  retry: 'Erneut versuchen',
  addConnection: 'Verbindung hinzufügen',
  limitReached: (limit, { plural }) =>
    `Eine Organisation kann höchstens ${plural(limit, { one: '# Verbindung', other: '# Verbindungen' })} haben. Entfernen Sie eine, um eine andere hinzuzufügen.`,

  errorRateLimited: (time) =>
    time
      ? `Zu viele Anfragen. Versuchen Sie es um ${time} erneut.`
      : 'Zu viele Anfragen. Versuchen Sie es gleich erneut.',
  errorForbidden: (scopes, { anyOf }) =>
    scopes.length > 0 ? `Fehlende Berechtigung: ${anyOf(scopes)}.` : 'Dafür fehlt Ihnen die Berechtigung.',
  errorUnauthorized: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an.',
  errorNotFound: 'Diese Verbindung oder Organisation existiert nicht mehr.',
  errorConflict: 'Diese Verbindung ist für die Organisation bereits aktiviert.',
  errorInvalidRequest: (field) =>
    field ? `${field}: Dieser Wert wird nicht akzeptiert.` : 'Die Anfrage wurde nicht akzeptiert.',
  errorServer: 'Beim Server ist ein Fehler aufgetreten. Versuchen Sie es später erneut.',
  errorNetwork: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  errorInvalidResponse: 'Der Server hat unerwartet geantwortet.',
  errorNotPermitted: 'Sie dürfen diese Einstellung nicht ändern.',
  errorUnsupported: 'Diese Datenquelle bietet das nicht an.',
  errorNotAllowed: 'Sie sind angemeldet, dürfen die Verbindungen dieser Organisation aber nicht verwalten.',
  errorReadOnlyRole: 'Ihre Rolle kann diese Verbindungen ansehen, aber nicht ändern.',
  errorConnectionNotAttachable: 'Diese Verbindung kann dieser Organisation nicht hinzugefügt werden.',
  errorAttachableUnavailable:
    'Ob diese Verbindung hinzugefügt werden darf, konnte nicht geprüft werden. Versuchen Sie es später erneut.',
  errorUnknown: 'Etwas ist schiefgelaufen.',
  nameRequired: 'Geben Sie einen Namen ein.',
  nameTooLong: (max, { plural }) => `Verwenden Sie höchstens ${plural(max, { one: '# Zeichen', other: '# Zeichen' })}.`,
  nameInvalidCharacters: 'Der Name enthält ein unzulässiges Zeichen.',

  listLabel: 'Verbindungen der Organisation',
  connectionCount: (count, limit, { number, plural }) =>
    `${number(count)} von ${plural(limit, { one: '# Verbindung', other: '# Verbindungen' })}`,
  loading: 'Verbindungen werden geladen…',
  emptyTitle: 'Keine Verbindungen',
  emptyDescription: 'Für diese Organisation sind keine Verbindungen aktiviert.',
  emptyDescriptionCanAdd:
    'Fügen Sie eine Verbindung hinzu, damit sich die Mitglieder dieser Organisation anmelden können.',
  unsupportedTitle: 'Für Organisationsadmins nicht verfügbar',
  unsupportedDescription:
    'Diese Datenquelle kennt keine Zugriffsstufen, daher kann Organisationsadmins keine Verbindung angezeigt werden.',
  unsupportedAlternative:
    'Verwenden Sie die Endpunkte /organizations/{id}/connections der Management API über @org-connections/server oder die My Organization API.',
  loadErrorTitle: 'Die Verbindungen konnten nicht geladen werden.',
  rateLimitedRetrying: (time) => `Zu viele Anfragen. Neuer Versuch um ${time}.`,
  retryCountdown: (wait) => `Nächster Versuch ${wait}`,
  organizationNotFound: 'Diese Organisation existiert nicht.',
  visibilityWarning:
    'Alle aktivierten Verbindungen sind ausgeblendet, daher schlägt die Anmeldung mit „no connections enabled for the organization are visible“ fehl. Zeigen Sie eine als Schaltfläche an.',
  searchLabel: 'Verbindungen durchsuchen',
  kindFilterLabel: 'Art',
  allKinds: 'Alle Arten',
  noMatches: 'Keine passenden Verbindungen.',
  readonlyExplanation: 'Nur lesen: Diese Einstellungen verwaltet Ihr Anbieter.',
  limitedExplanation: 'Einige Einstellungen verwaltet Ihr Anbieter.',
  signupNeedsMembership: 'Aktivieren Sie die Mitgliedschaft bei Anmeldung, um die Registrierung zu erlauben.',
  renameButton: 'Umbenennen',
  rename: (name) => `${name} umbenennen`,
  removeButton: 'Entfernen',
  remove: (name) => `${name} entfernen`,
  removeTitle: (name) => `${name} entfernen?`,
  removeDescription:
    'Mitglieder können sich damit nicht mehr bei dieser Organisation anmelden. Die Verbindung selbst bleibt im Tenant.',
  removeConfirm: 'Entfernen',
  lockoutTitle: (name) => `${name} deaktivieren?`,
  lockoutConfirm: 'Deaktivieren',
  lockoutSignedInConnection:
    'Sie haben sich mit dieser Verbindung angemeldet. Sie und alle, die sich damit anmelden, verlieren den Zugang zu dieser Organisation, bis sie wieder aktiviert wird.',
  lockoutLastEnabledConnection:
    'Dies ist die einzige aktivierte Verbindung: Niemand kann sich bei dieser Organisation anmelden, bis wieder eine aktiviert wird.',
  saved: (name) => `${name} gespeichert.`,
  removed: (name) => `${name} entfernt.`,
  added: (name) => `${name} hinzugefügt.`,
  changeFailed: (name, reason) => `${name} wurde nicht geändert. ${reason}`,

  accessLevelNoneDescription: 'Organisationsadmins sehen diese Verbindung nicht.',
  accessLevelReadonlyDescription: 'Organisationsadmins sehen sie, können sie aber nicht ändern.',
  accessLevelLimitedDescription: 'Organisationsadmins können sie ein- und ausschalten und als Schaltfläche anzeigen.',
  accessLevelFullDescription: 'Organisationsadmins können alle Einstellungen ändern.',
  addConnectionTitle: 'Verbindung hinzufügen',
  pickConnectionDescription:
    'Wählen Sie eine Verbindung des Tenants, die Sie für diese Organisation aktivieren möchten.',
  configureConnectionDescription: (name) => `Legen Sie fest, wie ${name} für diese Organisation funktioniert.`,
  tenantConnectionsLabel: 'Verbindungen des Tenants',
  loadingMore: 'Weitere werden geladen…',
  searchPartial: 'Der Tenant wird noch gelesen; Ergebnisse können fehlen.',
  searchedFirst: (count, { plural }) =>
    plural(count, {
      one: 'Die erste Verbindung wurde durchsucht.',
      other: 'Die ersten # Verbindungen wurden durchsucht.',
    }),
  searchAll: 'Alle Verbindungen durchsuchen',
  searchedSoFar: (count, { plural }) =>
    plural(count, { one: 'Bisher # Verbindung durchsucht…', other: 'Bisher # Verbindungen durchsucht…' }),
  stopSearching: 'Suche beenden',
  noConnectionsToAdd: 'Es gibt keine weiteren Verbindungen zum Hinzufügen.',
  back: 'Zurück',
  next: 'Weiter',
  adding: 'Wird hinzugefügt…',
  membershipNotice:
    'Alle, die sich über diesen Identitätsanbieter anmelden können, werden Mitglied dieser Organisation.',

  loginPromptLabel: 'Vorschau der Anmeldung',
  loginPromptCaption:
    'Das sehen Mitglieder dieser Organisation bei der Anmeldung. Eine Abbildung, kein echtes Formular.',
  loginPromptTitle: 'Anmelden',
  loginPromptEmail: 'E-Mail-Adresse',
  loginPromptPassword: 'Passwort',
  loginPromptPhone: 'Telefonnummer',
  loginPromptContinue: 'Weiter',
  loginPromptSignup: 'Noch kein Konto? Registrieren',
  loginPromptOr: 'oder',
  loginPromptContinueWith: (name) => `Weiter mit ${name}`,
  loginPromptHiddenTitle: (count, { plural }) =>
    plural(count, {
      one: '# Verbindung erscheint nicht bei der Anmeldung',
      other: '# Verbindungen erscheinen nicht bei der Anmeldung',
    }),
  loginPromptHiddenByParameter: 'Nur erreichbar, wenn die Anwendung den Parameter connection sendet.',
  loginPromptHiddenByDiscovery:
    'Nur erreichbar über Home Realm Discovery (Kennung zuerst, kein org_id in der Anfrage) oder den Parameter connection.',
  loginPromptEmpty: 'Keine Verbindung ist aktiviert, daher kann sich niemand bei dieser Organisation anmelden.',
  loginPromptProviderNote: 'Von Ihrem Anbieter verwaltete Verbindungen können ebenfalls erscheinen.',
};
export default messages;

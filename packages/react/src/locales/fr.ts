import type { OrgConnectionsMessages } from '../i18n/messages';

/** French (français), addressing the reader as « vous ». */
export const messages: OrgConnectionsMessages = {
  kindDatabase: 'Base de données',
  kindSocial: 'Réseau social',
  kindEnterprise: 'Entreprise',
  kindPasswordless: 'Sans mot de passe',
  accessLevelNone: 'Aucun',
  accessLevelReadonly: 'Lecture seule',
  accessLevelLimited: 'Limité',
  accessLevelFull: 'Complet',
  accessLevelUnknown: (value) => `Inconnu (${value})`,
  fieldOrganizationConnectionName: 'Nom dans cette organisation',
  fieldOrganizationAccessLevel: 'Accès des admins de l’organisation',
  fieldIsEnabled: 'Activée',
  fieldAssignMembershipOnLogin: 'Adhésion lors de l’authentification',
  fieldIsSignupEnabled: 'Inscription',
  fieldShowAsButton: 'Afficher en bouton',
  save: 'Enregistrer',
  cancel: 'Annuler',
  retry: 'Réessayer',
  addConnection: 'Ajouter une connexion',
  limitReached: (limit, { plural }) =>
    `Une organisation peut avoir au plus ${plural(limit, { one: '# connexion', many: '# de connexions', other: '# connexions' })}. Retirez-en une pour en ajouter une autre.`,

  errorRateLimited: (time) =>
    time ? `Trop de requêtes. Réessayez à ${time}.` : 'Trop de requêtes. Réessayez dans un instant.',
  errorForbidden: (scopes, { anyOf }) =>
    scopes.length > 0 ? `Autorisation manquante : ${anyOf(scopes)}.` : 'Vous n’avez pas l’autorisation de faire cela.',
  errorUnauthorized: 'Votre session a expiré. Reconnectez-vous.',
  errorNotFound: 'Cette connexion ou cette organisation n’existe plus.',
  errorConflict: 'Cette connexion est déjà activée pour l’organisation.',
  errorInvalidRequest: (field) =>
    field ? `${field} : cette valeur n’est pas acceptée.` : 'La requête n’a pas été acceptée.',
  errorServer: 'Le serveur a rencontré un problème. Réessayez plus tard.',
  errorNetwork: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  errorInvalidResponse: 'Le serveur a envoyé une réponse inattendue.',
  errorNotPermitted: 'Vous n’êtes pas autorisé à modifier ce paramètre.',
  errorUnsupported: 'Cette source de données ne le permet pas.',
  errorNotAllowed: 'Vous êtes connecté, mais pas autorisé à gérer les connexions de cette organisation.',
  errorReadOnlyRole: 'Votre rôle permet de consulter ces connexions, pas de les modifier.',
  errorConnectionNotAttachable: 'Cette connexion ne peut pas être ajoutée à cette organisation.',
  errorAttachableUnavailable: 'Impossible de vérifier si cette connexion peut être ajoutée. Réessayez plus tard.',
  errorUnknown: 'Une erreur s’est produite.',
  nameRequired: 'Saisissez un nom.',
  nameTooLong: (max, { plural }) =>
    `Utilisez au plus ${plural(max, { one: '# caractère', many: '# de caractères', other: '# caractères' })}.`,
  nameInvalidCharacters: 'Le nom contient un caractère non autorisé.',

  listLabel: 'Connexions de l’organisation',
  connectionCount: (count, limit, { number, plural }) =>
    `${number(count)} sur ${plural(limit, { one: '# connexion', many: '# de connexions', other: '# connexions' })}`,
  loading: 'Chargement des connexions…',
  emptyTitle: 'Aucune connexion',
  emptyDescription: 'Aucune connexion n’est activée pour cette organisation.',
  emptyDescriptionCanAdd: 'Ajoutez une connexion pour que les membres de l’organisation puissent se connecter.',
  unsupportedTitle: 'Non disponible pour les admins de l’organisation',
  unsupportedDescription:
    'Cette source de données n’a pas de niveaux d’accès : aucune connexion ne peut être montrée à un admin de l’organisation.',
  unsupportedAlternative:
    'Utilisez les endpoints /organizations/{id}/connections de la Management API via @org-connections/server, ou la My Organization API.',
  loadErrorTitle: 'Impossible de charger les connexions.',
  rateLimitedRetrying: (time) => `Trop de requêtes. Nouvel essai à ${time}.`,
  retryCountdown: (wait) => `Nouvel essai ${wait}`,
  organizationNotFound: 'Cette organisation n’existe pas.',
  visibilityWarning:
    'Toutes les connexions activées sont masquées : la connexion échouera avec « no connections enabled for the organization are visible ». Affichez-en une en bouton.',
  searchLabel: 'Rechercher des connexions',
  kindFilterLabel: 'Type',
  allKinds: 'Tous les types',
  noMatches: 'Aucune connexion ne correspond.',
  readonlyExplanation: 'Lecture seule : ces paramètres sont gérés par votre fournisseur.',
  limitedExplanation: 'Certains paramètres sont gérés par votre fournisseur.',
  signupNeedsMembership: 'Activez l’adhésion lors de l’authentification pour autoriser l’inscription.',
  renameButton: 'Renommer',
  rename: (name) => `Renommer ${name}`,
  removeButton: 'Retirer',
  remove: (name) => `Retirer ${name}`,
  removeTitle: (name) => `Retirer ${name} ?`,
  removeDescription:
    'Les membres ne pourront plus l’utiliser pour se connecter à cette organisation. La connexion reste dans le tenant.',
  removeConfirm: 'Retirer',
  lockoutTitle: (name) => `Désactiver ${name} ?`,
  lockoutConfirm: 'Désactiver',
  lockoutSignedInConnection:
    'Vous vous êtes connecté avec cette connexion. Vous et toutes les personnes qui l’utilisent perdrez l’accès à cette organisation jusqu’à ce qu’elle soit réactivée.',
  lockoutLastEnabledConnection:
    'C’est la seule connexion activée : personne ne pourra se connecter à cette organisation tant qu’aucune connexion ne sera réactivée.',
  saved: (name) => `Connexion ${name} enregistrée.`,
  removed: (name) => `Connexion ${name} retirée.`,
  added: (name) => `Connexion ${name} ajoutée.`,
  changeFailed: (name, reason) => `La connexion ${name} n’a pas été modifiée. ${reason}`,

  accessLevelNoneDescription: 'Les admins de l’organisation ne voient pas cette connexion.',
  accessLevelReadonlyDescription: 'Les admins de l’organisation la voient sans pouvoir la modifier.',
  accessLevelLimitedDescription:
    'Les admins de l’organisation peuvent l’activer, la désactiver et l’afficher en bouton.',
  accessLevelFullDescription: 'Les admins de l’organisation peuvent modifier tous les paramètres.',
  addConnectionTitle: 'Ajouter une connexion',
  pickConnectionDescription: 'Choisissez une connexion du tenant à activer pour cette organisation.',
  configureConnectionDescription: (name) => `Choisissez comment ${name} fonctionne pour cette organisation.`,
  tenantConnectionsLabel: 'Connexions du tenant',
  loadingMore: 'Chargement de la suite…',
  searchPartial: 'Lecture du tenant en cours ; des résultats peuvent manquer.',
  searchedFirst: (count, { plural }) =>
    plural(count, {
      one: 'Recherche faite dans la première connexion.',
      many: 'Recherche faite dans les # premières connexions.',
      other: 'Recherche faite dans les # premières connexions.',
    }),
  searchAll: 'Rechercher dans toutes les connexions',
  searchedSoFar: (count, { plural }) =>
    plural(count, {
      one: '# connexion parcourue…',
      many: '# de connexions parcourues…',
      other: '# connexions parcourues…',
    }),
  stopSearching: 'Arrêter la recherche',
  noConnectionsToAdd: 'Plus aucune connexion à ajouter.',
  back: 'Retour',
  next: 'Suivant',
  adding: 'Ajout en cours…',
  membershipNotice:
    'Toute personne pouvant se connecter via ce fournisseur d’identité deviendra membre de cette organisation.',

  loginPromptLabel: 'Aperçu de la page de connexion',
  loginPromptCaption:
    'Ce que voient les membres de cette organisation quand ils se connectent. Une image, pas un formulaire.',
  loginPromptTitle: 'Se connecter',
  loginPromptEmail: 'Adresse e-mail',
  loginPromptPassword: 'Mot de passe',
  loginPromptPhone: 'Numéro de téléphone',
  loginPromptContinue: 'Continuer',
  loginPromptSignup: 'Pas de compte ? Inscrivez-vous',
  loginPromptOr: 'ou',
  loginPromptContinueWith: (name) => `Continuer avec ${name}`,
  loginPromptHiddenTitle: (count, { plural }) =>
    `Absentes de la page de connexion : ${plural(count, { one: '# connexion', many: '# de connexions', other: '# connexions' })}`,
  loginPromptHiddenByParameter: 'Accessible seulement si l’application envoie le paramètre connection.',
  loginPromptHiddenByDiscovery:
    'Accessible seulement par Home Realm Discovery (identifiant d’abord, sans org_id dans la requête) ou le paramètre connection.',
  loginPromptEmpty: 'Aucune connexion n’est activée : personne ne peut se connecter à cette organisation.',
  loginPromptProviderNote: 'Des connexions gérées par votre fournisseur peuvent aussi apparaître.',
};
export default messages;

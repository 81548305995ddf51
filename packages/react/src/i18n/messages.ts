import type { MessageFormat } from './message-format';

export type { MessageFormat, PluralCategory, PluralForms } from './message-format';

/**
 * Every string the components show; English is built in, the other languages are entry points
 * (`@org-connections/react/locales/de`). Override any key through the provider's or a component's `messages`
 * prop (the two are merged over these defaults, the component's last). Interpolated strings are functions;
 * names from the server are passed in as plain text. A message with a count is also given a `MessageFormat`
 * for the provider's `locale`: `plural(count, { one: '# connection', other: '# connections' })`.
 */
export interface OrgConnectionsMessages {
  // ---- Shared: kinds, access levels, fields, actions -------------------------------------------
  kindDatabase: string;
  kindSocial: string;
  kindEnterprise: string;
  kindPasswordless: string;
  accessLevelNone: string;
  accessLevelReadonly: string;
  accessLevelLimited: string;
  accessLevelFull: string;
  /** An access level this version does not know, shown as sent by the server. */
  accessLevelUnknown: (value: string) => string;
  fieldOrganizationConnectionName: string;
  fieldOrganizationAccessLevel: string;
  fieldIsEnabled: string;
  fieldAssignMembershipOnLogin: string;
  fieldIsSignupEnabled: string;
  fieldShowAsButton: string;
  save: string;
  cancel: string;
  retry: string;
  addConnection: string;
  /** The organization has reached its limit; adding is blocked. */
  limitReached: (limit: number, format: MessageFormat) => string;

  // ---- Shared: errors, by `OrgConnectionsError['kind']` -----------------------------------------
  /** `time` is already formatted for the locale; `undefined` when the server did not say. */
  errorRateLimited: (time: string | undefined) => string;
  /** `scopes`: any one of them would do. */
  errorForbidden: (scopes: readonly string[], format: MessageFormat) => string;
  errorUnauthorized: string;
  errorNotFound: string;
  errorConflict: string;
  /**
   * The request was not accepted (a read or a change); `field` is the setting at fault (its `field*` message) when
   * known.
   */
  errorInvalidRequest: (field: string | undefined) => string;
  errorServer: string;
  errorNetwork: string;
  errorInvalidResponse: string;
  errorNotPermitted: string;
  /** The data source does not offer what was asked (`not_permitted`, code `unsupported_feature`). */
  errorUnsupported: string;
  /**
   * `@org-connections/server` refusals, by `code` (`forbidden`): signed in but not allowed (`not_allowed`; a 401 says
   * `errorUnauthorized`), a read-only role's change (`read_only_role`), a connection the host does not let this
   * organization add (`connection_not_attachable`) or could not judge (`attachable_unavailable`).
   */
  errorNotAllowed: string;
  errorReadOnlyRole: string;
  errorConnectionNotAttachable: string;
  errorAttachableUnavailable: string;
  errorUnknown: string;
  nameRequired: string;
  nameTooLong: (max: number, format: MessageFormat) => string;
  nameInvalidCharacters: string;

  // ---- OrgConnectionsList ------------------------------------------------------------------------
  listLabel: string;
  connectionCount: (count: number, limit: number, format: MessageFormat) => string;
  loading: string;
  emptyTitle: string;
  emptyDescription: string;
  emptyDescriptionCanAdd: string;
  /** The org-admin view on a data source without access levels (the `enabled_connections` endpoints). */
  unsupportedTitle: string;
  unsupportedDescription: string;
  /** What to use instead. */
  unsupportedAlternative: string;
  loadErrorTitle: string;
  /** `time` is already formatted for the locale. */
  rateLimitedRetrying: (time: string) => string;
  /** Shown (not announced) under `rateLimitedRetrying`, every second; `wait` as `Intl.RelativeTimeFormat` says it. */
  retryCountdown: (wait: string) => string;
  organizationNotFound: string;
  visibilityWarning: string;
  searchLabel: string;
  kindFilterLabel: string;
  allKinds: string;
  noMatches: string;
  readonlyExplanation: string;
  limitedExplanation: string;
  signupNeedsMembership: string;
  renameButton: string;
  /** The rename button's accessible name. */
  rename: (name: string) => string;
  removeButton: string;
  remove: (name: string) => string;
  removeTitle: (name: string) => string;
  removeDescription: string;
  removeConfirm: string;
  /**
   * The confirmation before switching off (title, button) or removing a connection that locks people out (core's
   * `lockoutRisk`): the one the admin signed in with, or the last enabled one.
   */
  lockoutTitle: (name: string) => string;
  lockoutConfirm: string;
  lockoutSignedInConnection: string;
  lockoutLastEnabledConnection: string;
  /** Announced when a change was saved. */
  saved: (name: string) => string;
  removed: (name: string) => string;
  added: (name: string) => string;
  /** Announced and shown inline when a change was rolled back. */
  changeFailed: (name: string, reason: string) => string;

  // ---- AccessLevelSelect, AddConnectionDialog, ConnectionPicker ----------------------------------
  accessLevelNoneDescription: string;
  accessLevelReadonlyDescription: string;
  accessLevelLimitedDescription: string;
  accessLevelFullDescription: string;
  addConnectionTitle: string;
  pickConnectionDescription: string;
  /** `name` is the picked connection's display name (or name). */
  configureConnectionDescription: (name: string) => string;
  tenantConnectionsLabel: string;
  loadingMore: string;
  /** The picker's source has read only part of the tenant so far (it asks again until it has read all of it). */
  searchPartial: string;
  /** The picker's search read this many of the tenant's connections on its own and stopped. */
  searchedFirst: (count: number, format: MessageFormat) => string;
  searchAll: string;
  /** While "search all" reads the rest of the tenant: how many connections it has read. */
  searchedSoFar: (count: number, format: MessageFormat) => string;
  stopSearching: string;
  noConnectionsToAdd: string;
  back: string;
  next: string;
  adding: string;
  /** Under "membership on authentication" of an enterprise connection being added, while it is on. */
  membershipNotice: string;

  // ---- LoginPromptPreview ------------------------------------------------------------------------
  /** The preview's accessible name. */
  loginPromptLabel: string;
  /** Under the label: what the picture is, and that it does not work. */
  loginPromptCaption: string;
  /** The title of the pictured prompt. */
  loginPromptTitle: string;
  /** The pictured fields and actions of the forms (text in boxes, not inputs). */
  loginPromptEmail: string;
  loginPromptPassword: string;
  loginPromptPhone: string;
  loginPromptContinue: string;
  loginPromptSignup: string;
  /** Between the forms and the buttons. */
  loginPromptOr: string;
  /** A social or enterprise connection's button. */
  loginPromptContinueWith: (name: string) => string;
  /** Above the enterprise connections that are not shown as buttons. */
  loginPromptHiddenTitle: (count: number, format: MessageFormat) => string;
  /** How a hidden connection is reached when the application sends `org_id`. */
  loginPromptHiddenByParameter: string;
  /** How a hidden connection is reached with the "Prompt for Credentials" flow (no `org_id`). */
  loginPromptHiddenByDiscovery: string;
  /** Every enabled connection is a hidden enterprise connection: login fails. */
  /** No connection is enabled. */
  loginPromptEmpty: string;
  /** The org-admin view: connections the provider manages are not listed but may be on the prompt. */
  loginPromptProviderNote: string;
}

export const defaultMessages: OrgConnectionsMessages = {
  kindDatabase: 'Database',
  kindSocial: 'Social',
  kindEnterprise: 'Enterprise',
  kindPasswordless: 'Passwordless',
  accessLevelNone: 'None',
  accessLevelReadonly: 'Read only',
  accessLevelLimited: 'Limited',
  accessLevelFull: 'Full',
  accessLevelUnknown: (value) => `Unknown (${value})`,
  fieldOrganizationConnectionName: 'Name in this organization',
  fieldOrganizationAccessLevel: 'Organization admin access',
  fieldIsEnabled: 'Enabled',
  fieldAssignMembershipOnLogin: 'Membership on authentication',
  fieldIsSignupEnabled: 'Signup',
  fieldShowAsButton: 'Show as button',
  save: 'Save',
  cancel: 'Cancel',
  retry: 'Retry',
  addConnection: 'Add connection',
  limitReached: (limit, { plural }) =>
    `An organization can have at most ${plural(limit, { one: '# connection', other: '# connections' })}. Remove one to add another.`,

  errorRateLimited: (time) =>
    time ? `Too many requests. Try again at ${time}.` : 'Too many requests. Try again soon.',
  errorForbidden: (scopes, { anyOf }) =>
    scopes.length > 0 ? `Missing permission: ${anyOf(scopes)}.` : 'You do not have permission to do this.',
  errorUnauthorized: 'Your session has expired. Sign in again.',
  errorNotFound: 'This connection or organization no longer exists.',
  errorConflict: 'This connection is already enabled for the organization.',
  errorInvalidRequest: (field) => (field ? `${field}: this value is not accepted.` : 'The request was not accepted.'),
  errorServer: 'The server had a problem. Try again later.',
  errorNetwork: 'The server could not be reached. Check your connection and try again.',
  errorInvalidResponse: 'The server sent an unexpected answer.',
  errorNotPermitted: 'You are not allowed to change this setting.',
  errorUnsupported: 'This data source does not offer that.',
  errorNotAllowed: 'You are signed in, but not allowed to manage the connections of this organization.',
  errorReadOnlyRole: 'Your role can view these connections but not change them.',
  errorConnectionNotAttachable: 'This connection cannot be added to this organization.',
  errorAttachableUnavailable: 'Could not check whether this connection may be added. Try again later.',
  errorUnknown: 'Something went wrong.',
  nameRequired: 'Enter a name.',
  nameTooLong: (max, { plural }) => `Use at most ${plural(max, { one: '# character', other: '# characters' })}.`,
  nameInvalidCharacters: 'The name contains a character that is not allowed.',

  listLabel: 'Organization connections',
  connectionCount: (count, limit, { number, plural }) =>
    `${number(count)} of ${plural(limit, { one: '# connection', other: '# connections' })}`,
  loading: 'Loading connections…',
  emptyTitle: 'No connections',
  emptyDescription: 'No connections are enabled for this organization.',
  emptyDescriptionCanAdd: 'Add a connection so members of this organization can log in.',
  unsupportedTitle: 'Not available to organization administrators',
  unsupportedDescription:
    'This data source has no access levels, so no connection can be shown to an organization administrator.',
  unsupportedAlternative:
    "Use the Management API's /organizations/{id}/connections endpoints through @org-connections/server, or the My Organization API.",
  loadErrorTitle: 'Connections could not be loaded.',
  rateLimitedRetrying: (time) => `Too many requests. Retrying at ${time}.`,
  retryCountdown: (wait) => `Next try ${wait}`,
  organizationNotFound: 'This organization does not exist.',
  visibilityWarning:
    'Every enabled connection is hidden, so login will fail with "no connections enabled for the organization are visible". Show one as a button.',
  searchLabel: 'Search connections',
  kindFilterLabel: 'Kind',
  allKinds: 'All kinds',
  noMatches: 'No connections match.',
  readonlyExplanation: 'Read only: these settings are managed by your provider.',
  limitedExplanation: 'Some settings are managed by your provider.',
  signupNeedsMembership: 'Turn on membership on authentication to allow signup.',
  renameButton: 'Rename',
  rename: (name) => `Rename ${name}`,
  removeButton: 'Remove',
  remove: (name) => `Remove ${name}`,
  removeTitle: (name) => `Remove ${name}?`,
  removeDescription:
    'Members will no longer log in to this organization with it. The connection itself stays in the tenant.',
  removeConfirm: 'Remove',
  lockoutTitle: (name) => `Turn off ${name}?`,
  lockoutConfirm: 'Turn off',
  lockoutSignedInConnection:
    'You signed in with this connection. You and everyone else who signs in with it will lose access to this organization until it is enabled again.',
  lockoutLastEnabledConnection:
    'This is the only enabled connection: nobody will be able to sign in to this organization until one is enabled again.',
  saved: (name) => `${name} saved.`,
  removed: (name) => `${name} removed.`,
  added: (name) => `${name} added.`,
  changeFailed: (name, reason) => `${name} was not changed. ${reason}`,

  accessLevelNoneDescription: 'Organization admins do not see this connection.',
  accessLevelReadonlyDescription: 'Organization admins see it but cannot change it.',
  accessLevelLimitedDescription: 'Organization admins can turn it on or off and show it as a button.',
  accessLevelFullDescription: 'Organization admins can change every setting.',
  addConnectionTitle: 'Add a connection',
  pickConnectionDescription: 'Choose a connection of the tenant to enable for this organization.',
  configureConnectionDescription: (name) => `Choose how ${name} works for this organization.`,
  tenantConnectionsLabel: 'Tenant connections',
  loadingMore: 'Loading more…',
  searchPartial: 'Still reading the tenant: results may be incomplete.',
  searchedFirst: (count, { plural }) =>
    plural(count, { one: 'Searched the first connection.', other: 'Searched the first # connections.' }),
  searchAll: 'Search all connections',
  searchedSoFar: (count, { plural }) =>
    plural(count, { one: 'Searched # connection so far…', other: 'Searched # connections so far…' }),
  stopSearching: 'Stop searching',
  noConnectionsToAdd: 'No connections left to add.',
  back: 'Back',
  next: 'Next',
  adding: 'Adding…',
  membershipNotice:
    'Everyone who can sign in through this identity provider will become a member of this organization.',

  loginPromptLabel: 'Login prompt preview',
  loginPromptCaption: 'What members of this organization see when they log in. A picture, not a working form.',
  loginPromptTitle: 'Log in',
  loginPromptEmail: 'Email address',
  loginPromptPassword: 'Password',
  loginPromptPhone: 'Phone number',
  loginPromptContinue: 'Continue',
  loginPromptSignup: "Don't have an account? Sign up",
  loginPromptOr: 'or',
  loginPromptContinueWith: (name) => `Continue with ${name}`,
  loginPromptHiddenTitle: (count, { plural }) =>
    plural(count, { one: '# connection is not on the prompt', other: '# connections are not on the prompt' }),
  loginPromptHiddenByParameter: 'Reached only when the application sends the connection parameter.',
  loginPromptHiddenByDiscovery:
    'Reached only through Home Realm Discovery (identifier first, no org_id in the request) or the connection parameter.',
  loginPromptEmpty: 'No connection is enabled, so nobody can log in to this organization.',
  loginPromptProviderNote: 'Connections managed by your provider may also appear.',
};

/** The defaults with each override applied in order, per key. */
export function mergeMessages(
  ...overrides: ReadonlyArray<Partial<OrgConnectionsMessages> | undefined>
): OrgConnectionsMessages {
  return Object.assign({}, defaultMessages, ...overrides);
}

/** A value as it is spelled inside a message key: `rate_limited` -> `RateLimited`, `isEnabled` -> `IsEnabled`. */
export type KeyPart<Value extends string> = Value extends `${infer Head}_${infer Tail}`
  ? `${Capitalize<Head>}${KeyPart<Tail>}`
  : Capitalize<Value>;

/** For the messages named after a value: ``messages[`kind${keyPart(kind)}`]`` is `messages.kindDatabase` for `database`. */
export const keyPart = <Value extends string>(value: Value) =>
  value.replace(/(?:^|_)(\w)/g, (_, letter: string) => letter.toUpperCase()) as KeyPart<Value>;

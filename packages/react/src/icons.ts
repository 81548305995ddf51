/**
 * `@org-connections/react/icons`: logos for the common strategies, for the provider's `icons`. Opt in: an app that
 * does not import this entry ships none of it.
 *
 * The brand paths (Google, GitHub, Apple, Facebook, X, Okta, OpenID) are copied from simple-icons 16.37.0
 * (https://simpleicons.org, CC0 1.0); the brands remain their owners' trademarks. Brands simple-icons does not carry
 * (Microsoft, LinkedIn, Ping Identity, SAML) get generic shapes drawn for this package: a window, a briefcase, a key,
 * a shield; and a building for on-premises directories, a cylinder for databases, an envelope and a message bubble for
 * passwordless.
 */
import type { ConnectionIcon, OrgConnectionsIcons } from './components/connection-logo';

export type { ConnectionIcon, OrgConnectionsIcons } from './components/connection-logo';

const icon = (path: string): ConnectionIcon => ({ path });

// simple-icons 16.37.0 (CC0 1.0)
const google = icon(
  'M12.48 10.92v3.28h7.84c-.24 1.84-.853 3.187-1.787 4.133-1.147 1.147-2.933 2.4-6.053 2.4-4.827 0-8.6-3.893-8.6-8.72s3.773-8.72 8.6-8.72c2.6 0 4.507 1.027 5.907 2.347l2.307-2.307C18.747 1.44 16.133 0 12.48 0 5.867 0 .307 5.387.307 12s5.56 12 12.173 12c3.573 0 6.267-1.173 8.373-3.36 2.16-2.16 2.84-5.213 2.84-7.667 0-.76-.053-1.467-.173-2.053H12.48z',
);
const github = icon(
  'M12 .297c-6.63 0-12 5.373-12 12 0 5.303 3.438 9.8 8.205 11.385.6.113.82-.258.82-.577 0-.285-.01-1.04-.015-2.04-3.338.724-4.042-1.61-4.042-1.61C4.422 18.07 3.633 17.7 3.633 17.7c-1.087-.744.084-.729.084-.729 1.205.084 1.838 1.236 1.838 1.236 1.07 1.835 2.809 1.305 3.495.998.108-.776.417-1.305.76-1.605-2.665-.3-5.466-1.332-5.466-5.93 0-1.31.465-2.38 1.235-3.22-.135-.303-.54-1.523.105-3.176 0 0 1.005-.322 3.3 1.23.96-.267 1.98-.399 3-.405 1.02.006 2.04.138 3 .405 2.28-1.552 3.285-1.23 3.285-1.23.645 1.653.24 2.873.12 3.176.765.84 1.23 1.91 1.23 3.22 0 4.61-2.805 5.625-5.475 5.92.42.36.81 1.096.81 2.22 0 1.606-.015 2.896-.015 3.286 0 .315.21.69.825.57C20.565 22.092 24 17.592 24 12.297c0-6.627-5.373-12-12-12',
);
const apple = icon(
  'M12.152 6.896c-.948 0-2.415-1.078-3.96-1.04-2.04.027-3.91 1.183-4.961 3.014-2.117 3.675-.546 9.103 1.519 12.09 1.013 1.454 2.208 3.09 3.792 3.039 1.52-.065 2.09-.987 3.935-.987 1.831 0 2.35.987 3.96.948 1.637-.026 2.676-1.48 3.676-2.948 1.156-1.688 1.636-3.325 1.662-3.415-.039-.013-3.182-1.221-3.22-4.857-.026-3.04 2.48-4.494 2.597-4.559-1.429-2.09-3.623-2.324-4.39-2.376-2-.156-3.675 1.09-4.61 1.09zM15.53 3.83c.843-1.012 1.4-2.427 1.245-3.83-1.207.052-2.662.805-3.532 1.818-.78.896-1.454 2.338-1.273 3.714 1.338.104 2.715-.688 3.559-1.701',
);
const facebook = icon(
  'M9.101 23.691v-7.98H6.627v-3.667h2.474v-1.58c0-4.085 1.848-5.978 5.858-5.978.401 0 .955.042 1.468.103a8.68 8.68 0 0 1 1.141.195v3.325a8.623 8.623 0 0 0-.653-.036 26.805 26.805 0 0 0-.733-.009c-.707 0-1.259.096-1.675.309a1.686 1.686 0 0 0-.679.622c-.258.42-.374.995-.374 1.752v1.297h3.919l-.386 2.103-.287 1.564h-3.246v8.245C19.396 23.238 24 18.179 24 12.044c0-6.627-5.373-12-12-12s-12 5.373-12 12c0 5.628 3.874 10.35 9.101 11.647Z',
);
const x = icon(
  'M14.234 10.162 22.977 0h-2.072l-7.591 8.824L7.251 0H.258l9.168 13.343L.258 24H2.33l8.016-9.318L16.749 24h6.993zm-2.837 3.299-.929-1.329L3.076 1.56h3.182l5.965 8.532.929 1.329 7.754 11.09h-3.182z',
);
const okta = icon(
  'M12 0C5.389 0 0 5.35 0 12s5.35 12 12 12 12-5.35 12-12S18.611 0 12 0zm0 18c-3.325 0-6-2.675-6-6s2.675-6 6-6 6 2.675 6 6-2.675 6-6 6z',
);
const openid = icon(
  'M14.54.889l-3.63 1.773v18.17c-4.15-.52-7.27-2.78-7.27-5.5 0-2.58 2.8-4.75 6.63-5.41v-2.31C4.42 8.322 0 11.502 0 15.332c0 3.96 4.74 7.24 10.91 7.78l3.63-1.71V.888m.64 6.724v2.31c1.43.25 2.71.7 3.76 1.31l-1.97 1.11 7.03 1.53-.5-5.21-1.87 1.06c-1.74-1.06-3.96-1.81-6.45-2.11z',
);

// Generic shapes, drawn for this package.
const windowShape = icon('M2 3h20v18H2zm2 6v10h16V9zm1-4v2h2V5zm3 0v2h2V5z');
const briefcase = icon(
  'M9 2h6a2 2 0 0 1 2 2v2h4a1 1 0 0 1 1 1v13a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h4V4a2 2 0 0 1 2-2zm0 4h6V4H9zM4 8v4h16V8zm0 6v5h16v-5z',
);
const key = icon('M8 7a5 5 0 0 1 4.77 3.5H22v3h-2v3h-3v-3h-4.23A5 5 0 1 1 8 7zm-1 3a2 2 0 1 0 0 4 2 2 0 1 0 0-4z');
const shield = icon(
  'M12 1 3 4.5v6.2c0 5.6 3.8 10.8 9 12.3 5.2-1.5 9-6.7 9-12.3V4.5zm0 2.2 7 2.7v4.8c0 4.6-3 8.9-7 10.2-4-1.3-7-5.6-7-10.2V5.9zM12 7a2.5 2.5 0 0 0-1 4.8V16h2v-4.2A2.5 2.5 0 0 0 12 7z',
);
const building = icon(
  'M3 21V3h12v6h6v12zm2-2h3v-3h2v3h3V5H5zm10 0h4v-8h-4zM7 7h2v2H7zm4 0h2v2h-2zm-4 4h2v2H7zm4 0h2v2h-2z',
);
const database = icon(
  'M12 2C7.6 2 4 3.3 4 5v14c0 1.7 3.6 3 8 3s8-1.3 8-3V5c0-1.7-3.6-3-8-3zm0 2c3.3 0 5.5.6 6 1-.5.4-2.7 1-6 1s-5.5-.6-6-1c.5-.4 2.7-1 6-1zM6 7.8C7.6 8.4 9.7 8.7 12 8.7s4.4-.3 6-.9V12c-.5.4-2.7 1-6 1s-5.5-.6-6-1zm0 7c1.6.6 3.7.9 6 .9s4.4-.3 6-.9V19c-.5.4-2.7 1-6 1s-5.5-.6-6-1z',
);
const envelope = icon('M2 4h20v16H2zm2 2.4V18h16V6.4l-8 5.6zM5.6 6l6.4 4.5L18.4 6z');
const message = icon(
  'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9.5L5 21.5V18H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm0 2v11h3v1.6L9 16h11V5zm2.5 5.5a1.5 1.5 0 1 0 3 0 1.5 1.5 0 1 0-3 0zm4 0a1.5 1.5 0 1 0 3 0 1.5 1.5 0 1 0-3 0zm4 0a1.5 1.5 0 1 0 3 0 1.5 1.5 0 1 0-3 0z',
);
const person = icon('M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zm-9 10a9 7 0 0 1 18 0z');

/** The logos, by Auth0 strategy, and by kind for the strategies not named. Pass it to the provider's `icons`. */
export const connectionIcons: OrgConnectionsIcons = {
  strategies: {
    'google-oauth2': google,
    'google-apps': google,
    github,
    apple,
    facebook,
    twitter: x,
    linkedin: briefcase,
    windowslive: windowShape,
    waad: windowShape,
    office365: windowShape,
    okta,
    pingfederate: key,
    adfs: building,
    ad: building,
    samlp: shield,
    oidc: openid,
    auth0: database,
    email: envelope,
    sms: message,
  },
  kinds: { database, social: person, enterprise: building, passwordless: envelope },
};

import {
  defaultOrganizationConnection,
  type FakeConnection,
  type FakeOrganizationConnection,
  type FakeTenantData,
} from './tenant-data';

/**
 * Stable ids of the seed, so stories and tests can name what they use:
 * `seedIds.organizations.acme`, `seedIds.connections.societeGenerale`.
 */
export const seedIds = {
  organizations: {
    /** Eight connections of every kind and every access level; the default organization of the default token. */
    acme: 'org_AcmeCorp00000001',
    /** No connections at all (the empty state). */
    globex: 'org_Globex0000000002',
    /** Exactly at the 10-connection limit. */
    initech: 'org_Initech000000003',
    /** Only enterprise connections, all hidden from the login prompt (the visibility warning). */
    umbrella: 'org_Umbrella00000004',
  },
  connections: {
    usernamePassword: 'con_UsernamePwd00001',
    partnersDatabase: 'con_PartnersDb000002',
    google: 'con_GoogleOauth20003',
    github: 'con_GitHub0000000004',
    apple: 'con_Apple00000000005',
    linkedin: 'con_LinkedIn00000006',
    windowsLive: 'con_WindowsLive00007',
    emailPasswordless: 'con_EmailOtp00000008',
    smsPasswordless: 'con_SmsOtp0000000009',
    oktaAcme: 'con_OktaAcme00000010',
    societeGenerale: 'con_SocieteGen000011',
    contosoEntra: 'con_ContosoEntra0012',
    googleWorkspace: 'con_GoogleWorksp0013',
    adfsInitech: 'con_AdfsInitech00014',
    pingUmbrella: 'con_PingUmbrella0015',
    samlUmbrella: 'con_SamlUmbrella0016',
    oidcMarkup: 'con_OidcMarkup000017',
    office365: 'con_Office365Legac18',
    activeDirectory: 'con_ActiveDirect0019',
    zurichBank: 'con_ZurichBank000020',
  },
} as const;

/** Names that exercise rendering: accents, emoji, HTML-like text, and the 50-character maximum. */
export const seedNames = {
  accented: 'Société Générale SSO',
  emoji: 'Contoso Entra ID 🚀',
  markup: '<img src=x onerror=alert(1)>',
  /** Exactly 50 characters, the longest `organization_connection_name` Auth0 accepts. */
  longest: 'Acme Platform Engineering: GitHub Enterprise Login',
} as const;

const c = seedIds.connections;
const o = seedIds.organizations;

function connection(id: string, name: string, strategy: string, displayName?: string): FakeConnection {
  const item: FakeConnection = {
    id,
    name,
    strategy,
    realms: [name],
    is_domain_connection: false,
    metadata: {},
  };
  if (displayName !== undefined) item.display_name = displayName;
  return item;
}

function enabled(
  connectionId: string,
  settings: Partial<Omit<FakeOrganizationConnection, 'connection_id'>> = {},
): FakeOrganizationConnection {
  return { ...defaultOrganizationConnection(connectionId), ...settings };
}

/**
 * A realistic tenant: four organizations (a busy one, an empty one, one at the 10-connection limit,
 * one whose enterprise connections are all hidden) and twenty connections of every kind.
 * A fresh copy on every call.
 */
export function createSeedTenantData(): FakeTenantData {
  return {
    organizations: [
      { id: o.acme, name: 'acme-corp', display_name: 'Acme Corp' },
      { id: o.globex, name: 'globex', display_name: 'Globex Corporation' },
      { id: o.initech, name: 'initech', display_name: 'Initech' },
      { id: o.umbrella, name: 'umbrella', display_name: 'Umbrella Corporation' },
    ],
    connections: [
      connection(c.usernamePassword, 'Username-Password-Authentication', 'auth0'),
      connection(c.partnersDatabase, 'partners-db', 'auth0', 'Partner Portal'),
      connection(c.google, 'google-oauth2', 'google-oauth2', 'Google'),
      connection(c.github, 'github', 'github', 'GitHub'),
      connection(c.apple, 'apple', 'apple', 'Apple'),
      connection(c.linkedin, 'linkedin', 'linkedin', 'LinkedIn'),
      connection(c.windowsLive, 'windowslive', 'windowslive', 'Microsoft Account'),
      connection(c.emailPasswordless, 'email', 'email', 'Email code'),
      connection(c.smsPasswordless, 'sms', 'sms', 'SMS code'),
      connection(c.oktaAcme, 'acme-okta', 'okta', 'Acme Okta Workforce'),
      connection(c.societeGenerale, 'societe-generale-sso', 'samlp', seedNames.accented),
      connection(c.contosoEntra, 'contoso-entra-id', 'waad', seedNames.emoji),
      connection(c.googleWorkspace, 'google-workspace', 'google-apps', 'Google Workspace'),
      connection(c.adfsInitech, 'initech-adfs', 'adfs', 'Initech ADFS'),
      connection(c.pingUmbrella, 'umbrella-ping', 'pingfederate', 'Umbrella PingFederate'),
      connection(c.samlUmbrella, 'umbrella-saml', 'samlp', 'Umbrella SAML'),
      connection(c.oidcMarkup, 'oidc-markup-test', 'oidc', seedNames.markup),
      connection(c.office365, 'office365-legacy', 'office365', 'Office 365 (legacy)'),
      connection(c.activeDirectory, 'on-prem-ad', 'ad', 'On-premises Active Directory'),
      connection(c.zurichBank, 'zurich-bank-saml', 'samlp', 'Zürich Bank SAML 🇨🇭'),
    ],
    organizationConnections: {
      [o.acme]: [
        enabled(c.usernamePassword, {
          organization_connection_name: 'Acme Employees',
          organization_access_level: 'full',
          assign_membership_on_login: true,
          is_signup_enabled: true,
        }),
        enabled(c.google, {
          organization_connection_name: 'Sign in with Google',
          organization_access_level: 'limited',
        }),
        enabled(c.github, { organization_connection_name: seedNames.longest, organization_access_level: 'readonly' }),
        enabled(c.oktaAcme, {
          organization_connection_name: 'Acme Okta',
          organization_access_level: 'readonly',
          assign_membership_on_login: true,
        }),
        enabled(c.societeGenerale, {
          organization_connection_name: seedNames.accented,
          organization_access_level: 'full',
          show_as_button: false,
        }),
        enabled(c.contosoEntra, { is_enabled: false }),
        enabled(c.emailPasswordless, {
          organization_connection_name: 'Magic link ✉️',
          organization_access_level: 'limited',
        }),
        enabled(c.oidcMarkup, { organization_connection_name: seedNames.markup, organization_access_level: 'limited' }),
      ],
      [o.globex]: [],
      [o.initech]: [
        enabled(c.usernamePassword, {
          organization_connection_name: 'Initech Staff',
          organization_access_level: 'full',
          assign_membership_on_login: true,
        }),
        enabled(c.google),
        enabled(c.github),
        enabled(c.apple),
        enabled(c.linkedin, { is_enabled: false }),
        enabled(c.windowsLive),
        enabled(c.emailPasswordless),
        enabled(c.smsPasswordless),
        enabled(c.adfsInitech, { organization_connection_name: 'Initech ADFS', organization_access_level: 'limited' }),
        enabled(c.office365, { show_as_button: false }),
      ],
      [o.umbrella]: [
        enabled(c.pingUmbrella, {
          organization_connection_name: 'Umbrella Ping',
          organization_access_level: 'full',
          show_as_button: false,
        }),
        enabled(c.samlUmbrella, {
          organization_connection_name: 'Umbrella SAML',
          organization_access_level: 'limited',
          show_as_button: false,
        }),
      ],
    },
  };
}

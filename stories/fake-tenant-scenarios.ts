import { type FakeOrganizationConnection, type FakeTenant, seedIds, seedNames } from '@org-connections/testing';

/**
 * Set-ups for `parameters.tenant` shared by several stories. Each story still gets its own fresh tenant;
 * these only describe what to change in it.
 */

/** A latency that never ends: the loading state, held. */
export const NEVER_ANSWERS = Number.POSITIVE_INFINITY;

/** Keeps only these of the organization's seed connections, in this order. */
export function onlyConnections(organizationId: string, connectionIds: readonly string[]) {
  return (tenant: FakeTenant) => {
    const all = tenant.listOrganizationConnections(organizationId);
    const kept = connectionIds.map((id) => {
      const found = all.find((connection) => connection.connection_id === id);
      if (found === undefined) throw new Error(`${id} is not enabled for ${organizationId} in the seed.`);
      return found;
    });
    tenant.setOrganizationConnections(organizationId, kept);
  };
}

const { connections } = seedIds;

/** Names a server could send that must render as plain text and stay inside their row. */
const hostileNames = [
  seedNames.markup,
  '<script>alert("owned")</script>',
  '"><svg onload=alert(1)><b>bold</b>',
  'W'.repeat(50),
  seedNames.longest,
  'تسجيل الدخول الموحد للمؤسسة',
  seedNames.emoji,
  seedNames.accented,
  'Z̷a̷l̷g̷o̷ ̷S̷S̷O̷ ‮reversed‬',
] as const;

const hostileConnectionIds = [
  connections.oidcMarkup,
  connections.google,
  connections.github,
  connections.usernamePassword,
  connections.oktaAcme,
  connections.samlUmbrella,
  connections.contosoEntra,
  connections.societeGenerale,
  connections.emailPasswordless,
];

/** Globex, with nine connections whose organization names are hostile or at the length limit. */
export const hostileNamesTenant = {
  organizationId: seedIds.organizations.globex,
  names: hostileNames,
  setup(tenant: FakeTenant) {
    const records = hostileConnectionIds.map(
      (connectionId, index): FakeOrganizationConnection => ({
        connection_id: connectionId,
        organization_connection_name: hostileNames[index] ?? connectionId,
        organization_access_level: 'limited',
        is_enabled: true,
        assign_membership_on_login: false,
        is_signup_enabled: false,
        show_as_button: true,
      }),
    );
    tenant.setOrganizationConnections(seedIds.organizations.globex, records);
  },
};

/** Changes some settings (wire names) of one connection the organization has in the seed. */
export function withSettings(
  organizationId: string,
  connectionId: string,
  settings: Partial<Omit<FakeOrganizationConnection, 'connection_id'>>,
) {
  return (tenant: FakeTenant) => {
    const all = tenant.listOrganizationConnections(organizationId);
    if (!all.some((connection) => connection.connection_id === connectionId)) {
      throw new Error(`${connectionId} is not enabled for ${organizationId} in the seed.`);
    }
    tenant.setOrganizationConnections(
      organizationId,
      all.map((connection) =>
        connection.connection_id === connectionId ? { ...connection, ...settings } : connection,
      ),
    );
  };
}

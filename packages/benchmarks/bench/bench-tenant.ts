import {
  createSeedTenantData,
  type FakeConnection,
  type FakeOrganizationConnection,
  type FakeTenantData,
  generateTenantConnections,
} from '@org-connections/testing';

/** The tenant's size: the seed's connections plus generated ones. */
export const TENANT_CONNECTION_COUNT = 10_000;

/** The organizations the benchmark renders, by how many connections they have. */
export const BENCH_ORGANIZATIONS = {
  /** At Auth0's limit of 10. */
  ten: 'org_BenchTen00000010',
  /**
   * 100 connections: past Auth0's limit (10 per organization), so no real organization looks like
   * this; it shows how the list scales. Set up with `setOrganizationConnections`-style data, which
   * bypasses the fake's rules.
   */
  hundred: 'org_BenchHundred0100',
  /** Three connections, so the add dialog's picker is offered (and excludes those three). */
  picker: 'org_BenchPicker00003',
} as const;

const ACCESS_LEVELS = ['full', 'limited', 'readonly', 'none'] as const;

function enabled(connection: FakeConnection, index: number): FakeOrganizationConnection {
  return {
    connection_id: connection.id,
    organization_connection_name: (connection.display_name ?? connection.name).slice(0, 50),
    organization_access_level: ACCESS_LEVELS[index % ACCESS_LEVELS.length] ?? 'full',
    is_enabled: true,
    assign_membership_on_login: index % 2 === 0,
    is_signup_enabled: false,
    show_as_button: true,
  };
}

/** The seed tenant grown to 10,000 connections, plus the three benchmark organizations. */
export function createBenchTenantData(): FakeTenantData {
  const data = createSeedTenantData();
  const generated = generateTenantConnections(TENANT_CONNECTION_COUNT - data.connections.length, { seed: 2024 });
  data.connections.push(...generated);
  const organizations: [string, number][] = [
    [BENCH_ORGANIZATIONS.ten, 10],
    [BENCH_ORGANIZATIONS.hundred, 100],
    [BENCH_ORGANIZATIONS.picker, 3],
  ];
  for (const [id, count] of organizations) {
    data.organizations.push({ id, name: id.toLowerCase().replace(/_/g, '-') });
    data.organizationConnections[id] = generated.slice(0, count).map(enabled);
  }
  return data;
}

/**
 * A search only the tenant's last pages answer: the number that ends the name sorting last (the tenant pages
 * by name), e.g. "-04711". No other name or display name contains it.
 */
export function deepSearchTerm(data: FakeTenantData = createBenchTenantData()): string {
  return numberOf(generatedNames(data).at(-1));
}

/** A search only the tenant's first page answers: the number that ends the generated name sorting first. */
export function firstPageSearchTerm(data: FakeTenantData = createBenchTenantData()): string {
  return numberOf(generatedNames(data)[0]);
}

const generatedNames = (data: FakeTenantData) =>
  data.connections
    .map((connection) => connection.name)
    .filter((name) => /-\d{5}$/.test(name))
    .sort();
const numberOf = (name = '') => name.slice(name.lastIndexOf('-'));

import { createFakeTenant, type FakeTenant, type FakeTenantOptions } from '../tenant/fake-tenant';
import { generateOrganizations } from './generate-organizations';
import { generateTenantConnections } from './generate-tenant-connections';
import { createSeedTenantData } from './seed-tenant-data';

export interface LargeTenantOptions extends FakeTenantOptions {
  /** How many generated connections to add to the data (the seed's when `data` is absent). 10,000 when absent. */
  connections?: number;
  /** How many generated organizations to add (each with no connection). None when absent. */
  organizations?: number;
  /** The generator's seed. */
  seed?: number;
}

/** A fake tenant with thousands of connections, for the picker's paging, search and virtualization. */
export function createLargeTenant(options: LargeTenantOptions = {}): FakeTenant {
  const { connections = 10_000, organizations = 0, seed, data, ...tenantOptions } = options;
  const tenantData = structuredClone(data ?? createSeedTenantData());
  tenantData.connections.push(...generateTenantConnections(connections, seed === undefined ? {} : { seed }));
  for (const organization of generateOrganizations(organizations, seed === undefined ? {} : { seed })) {
    tenantData.organizations.push(organization);
    tenantData.organizationConnections[organization.id] = [];
  }
  return createFakeTenant({ ...tenantOptions, data: tenantData });
}

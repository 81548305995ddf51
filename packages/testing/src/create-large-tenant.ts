import { createFakeTenant, type FakeTenant, type FakeTenantOptions } from './fake-tenant';
import { generateTenantConnections } from './generate-tenant-connections';
import { createSeedTenantData } from './seed-tenant-data';

export interface LargeTenantOptions extends FakeTenantOptions {
  /** How many generated connections to add to the data (the seed's when `data` is absent). 10,000 when absent. */
  connections?: number;
  /** The generator's seed. */
  seed?: number;
}

/** A fake tenant with thousands of connections, for the picker's paging, search and virtualization. */
export function createLargeTenant(options: LargeTenantOptions = {}): FakeTenant {
  const { connections = 10_000, seed, data, ...tenantOptions } = options;
  const tenantData = structuredClone(data ?? createSeedTenantData());
  tenantData.connections.push(...generateTenantConnections(connections, seed === undefined ? {} : { seed }));
  return createFakeTenant({ ...tenantOptions, data: tenantData });
}

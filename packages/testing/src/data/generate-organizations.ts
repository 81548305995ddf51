import { createSeededRandom } from './seeded-random';
import type { FakeOrganization } from './tenant-data';

export interface GenerateOrganizationsOptions {
  /** The PRNG seed: the same seed and count always give the same organizations. 1 when absent. */
  seed?: number;
  /** Put before every `name` (`customer-`), to keep several generated sets apart. */
  namePrefix?: string;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'.split('');
const WORDS = ['acme', 'globex', 'initech', 'umbrella', 'stark', 'wayne', 'tyrell', 'cyberdyne', 'soylent', 'hooli'];
const SUFFIXES = ['corp', 'labs', 'group', 'systems', 'health', 'bank', 'retail', 'energy', 'media', 'logistics'];

/**
 * `count` customer organizations of a B2B tenant: ids `org_` + 16 letters and digits (unique), slug names
 * (`acme-labs-42`), display names. For a fake tenant with thousands of organizations (rollouts).
 */
export function generateOrganizations(count: number, options: GenerateOrganizationsOptions = {}): FakeOrganization[] {
  const random = createSeededRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const ids = new Set<string>();
  const organizations: FakeOrganization[] = [];
  for (let index = 0; index < count; index += 1) {
    let id: string;
    do {
      id = 'org_';
      for (let character = 0; character < 16; character += 1) id += pick(ALPHANUMERIC);
    } while (ids.has(id));
    ids.add(id);
    const word = pick(WORDS);
    const suffix = pick(SUFFIXES);
    organizations.push({
      id,
      name: `${options.namePrefix ?? ''}${word}-${suffix}-${index + 1}`,
      display_name: `${word[0]?.toUpperCase()}${word.slice(1)} ${suffix[0]?.toUpperCase()}${suffix.slice(1)} ${index + 1}`,
    });
  }
  return organizations;
}

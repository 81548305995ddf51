import { createSeededRandom } from './seeded-random';
import type { FakeConnection } from './tenant-data';

export interface GenerateTenantConnectionsOptions {
  /** The PRNG seed: the same seed and count always give the same connections. 1 when absent. */
  seed?: number;
  /** Strategies to draw from, uniformly. A realistic mix (mostly enterprise, some social, few database) when absent. */
  strategies?: readonly string[];
  /** Prepended to every `name`, to keep several generated sets apart. */
  namePrefix?: string;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const CHARACTERS = ALPHANUMERIC.split('');

/** Weighted like a large B2B tenant: one enterprise connection per customer, a few shared ones. */
const DEFAULT_STRATEGY_MIX: readonly string[] = [
  ...Array<string>(12).fill('samlp'),
  ...Array<string>(8).fill('oidc'),
  ...Array<string>(6).fill('waad'),
  ...Array<string>(5).fill('okta'),
  ...Array<string>(3).fill('adfs'),
  ...Array<string>(3).fill('google-apps'),
  ...Array<string>(2).fill('pingfederate'),
  'ad',
  'office365',
  ...Array<string>(3).fill('google-oauth2'),
  'github',
  'linkedin',
  'apple',
  'windowslive',
  'auth0',
  'email',
  'sms',
];

const ADJECTIVES = [
  'amber',
  'brisk',
  'cobalt',
  'dusty',
  'eager',
  'frosty',
  'golden',
  'hidden',
  'ivory',
  'jolly',
  'keen',
  'lunar',
  'misty',
  'noble',
  'opal',
  'proud',
  'quiet',
  'rapid',
  'silver',
  'tidal',
  'urban',
  'vivid',
  'witty',
  'young',
  'zesty',
];
const NOUNS = [
  'harbor',
  'falcon',
  'meadow',
  'summit',
  'river',
  'canyon',
  'forest',
  'glacier',
  'island',
  'lagoon',
  'orchard',
  'prairie',
  'reef',
  'valley',
  'willow',
  'beacon',
  'comet',
  'delta',
  'ember',
  'fjord',
];
/** Display-name decorations that exercise rendering, used for every 250th connection. */
const DECORATIONS = ['Société', 'Zürich', 'Ørsted', 'São Paulo', '東京', '🚀', '<b>bold</b>'];

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function base62(value: number, width: number): string {
  let text = '';
  let rest = value;
  do {
    text = (ALPHANUMERIC[rest % 62] ?? '0') + text;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return text.padStart(width, '0');
}

/**
 * `count` connections with unique `con_` ids and names, deterministic for a seed. Ids start `con_Gen`,
 * so they never collide with the seed's.
 */
export function generateTenantConnections(
  count: number,
  options: GenerateTenantConnectionsOptions = {},
): FakeConnection[] {
  const random = createSeededRandom(options.seed ?? 1);
  const strategies = options.strategies ?? DEFAULT_STRATEGY_MIX;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const prefix = options.namePrefix ?? '';
  const connections: FakeConnection[] = [];
  for (let index = 0; index < count; index += 1) {
    let suffix = '';
    for (let character = 0; character < 7; character += 1) suffix += pick(CHARACTERS);
    const adjective = pick(ADJECTIVES);
    const noun = pick(NOUNS);
    const strategy = pick(strategies);
    const name = `${prefix}${adjective}-${noun}-${String(index).padStart(5, '0')}`;
    let displayName = `${capitalize(adjective)} ${capitalize(noun)} ${index}`;
    if (index % 250 === 249) displayName = `${pick(DECORATIONS)} ${displayName}`;
    connections.push({
      id: `con_Gen${base62(index, 6)}${suffix}`,
      name,
      display_name: displayName,
      strategy,
      realms: [name],
      is_domain_connection: false,
      metadata: {},
    });
  }
  return connections;
}

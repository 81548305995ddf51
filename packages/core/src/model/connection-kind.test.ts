import { describe, expect, it } from 'vitest';
import {
  CONNECTION_KIND_FILTERS,
  CONNECTION_KINDS,
  connectionKind,
  ENTERPRISE_STRATEGIES,
  matchesKindFilter,
  strategiesOfKind,
} from './connection-kind';

describe('connectionKind', () => {
  it.each([
    ['auth0', 'database'],
    ['email', 'passwordless'],
    ['sms', 'passwordless'],
    ['okta', 'enterprise'],
    ['samlp', 'enterprise'],
    ['waad', 'enterprise'],
    ['google-oauth2', 'social'],
    ['github', 'social'],
  ] as const)('classifies %s as %s', (strategy, kind) => {
    expect(connectionKind(strategy)).toBe(kind);
  });
});

describe('strategiesOfKind', () => {
  it.each(['database', 'enterprise', 'passwordless'] as const)('lists strategies that are all %s', (kind) => {
    const strategies = strategiesOfKind(kind) ?? [];
    expect(strategies.length).toBeGreaterThan(0);
    for (const strategy of strategies) expect(connectionKind(strategy)).toBe(kind);
  });

  it('has no list for social, which is every other strategy', () => {
    expect(strategiesOfKind('social')).toBeUndefined();
    const listed = CONNECTION_KINDS.flatMap((kind) => strategiesOfKind(kind) ?? []);
    expect(listed).not.toContain('google-oauth2');
    expect(connectionKind('google-oauth2')).toBe('social');
  });

  it('gives the documented enterprise and passwordless lists', () => {
    expect(strategiesOfKind('enterprise')).toEqual(ENTERPRISE_STRATEGIES);
    expect(strategiesOfKind('passwordless')).toEqual(['email', 'sms']);
    expect(strategiesOfKind('database')).toEqual(['auth0']);
  });
});

describe('the kind filter', () => {
  it('offers every kind first, then each kind', () => {
    expect(CONNECTION_KIND_FILTERS).toEqual(['all', 'database', 'social', 'enterprise', 'passwordless']);
  });

  it('lets every kind through "all" and only its own kind through a kind', () => {
    for (const kind of CONNECTION_KINDS) {
      expect(matchesKindFilter(kind, 'all')).toBe(true);
      for (const filter of CONNECTION_KINDS) expect(matchesKindFilter(kind, filter)).toBe(kind === filter);
    }
  });

  it('gives no strategy filter for "all"', () => {
    expect(strategiesOfKind('all')).toBeUndefined();
  });
});

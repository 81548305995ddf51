import { fc, test } from '@fast-check/vitest';
import { connectionKind } from '@org-connections/core';
import { generateTenantConnections } from '@org-connections/testing';
import { describe, expect, it } from 'vitest';
import {
  connectionSortKey,
  decodeIndexCheckpoint,
  foldForSearch,
  searchEntries,
  sortEntries,
  toConnectionIndexEntry,
} from './connection-index-search';
import type { ConnectionIndexEntry } from './connection-index-state';

const entries = (connections: Omit<ConnectionIndexEntry, 'folded'>[]) =>
  sortEntries(connections.map(toConnectionIndexEntry));

const SWISS = entries([
  { id: 'con_zurich0000000001', name: 'zurich-sso', display_name: 'Zürich Versicherung', strategy: 'samlp' },
  { id: 'con_geneve0000000001', name: 'geneve', display_name: 'Genève Énergie', strategy: 'oidc' },
  { id: 'con_basel00000000001', name: 'BASEL-db', strategy: 'auth0' },
  { id: 'con_github0000000001', name: 'github', display_name: 'GitHub', strategy: 'github' },
  { id: 'con_email00000000001', name: 'email', strategy: 'email', metadata: { customer: 'cust_1' } },
]);

const names = (page: { connections: { name: string }[] }) => page.connections.map((connection) => connection.name);

describe('searching the index', () => {
  it('finds "Zürich" by "zurich", "ZURICH" and "zür", and "Genève Énergie" by "geneve energie"', () => {
    for (const q of ['zurich', 'ZURICH', 'zür', 'Versicherung']) {
      expect(names(searchEntries(SWISS, { q, take: 50 }))).toEqual(['zurich-sso']);
    }
    expect(names(searchEntries(SWISS, { q: 'geneve energie', take: 50 }))).toEqual(['geneve']);
    expect(names(searchEntries(SWISS, { q: '  ÉNERGIE ', take: 50 }))).toEqual(['geneve']);
  });

  it('matches the name when there is no display name, and the name beside a display name', () => {
    expect(names(searchEntries(SWISS, { q: 'basel-', take: 50 }))).toEqual(['BASEL-db']);
    expect(names(searchEntries(SWISS, { q: 'sso', take: 50 }))).toEqual(['zurich-sso']);
  });

  it('never matches across the display name and the name', () => {
    // "GitHub" + "github": "hubgit" spans the two.
    expect(searchEntries(SWISS, { q: 'hubgit', take: 50 }).total).toBe(0);
  });

  it('combines the search with the kind filter, and the kind alone lists that kind', () => {
    expect(names(searchEntries(SWISS, { kind: 'enterprise', take: 50 }))).toEqual(['geneve', 'zurich-sso']);
    expect(names(searchEntries(SWISS, { q: 'e', kind: 'passwordless', take: 50 }))).toEqual(['email']);
    expect(names(searchEntries(SWISS, { q: 'zurich', kind: 'social', take: 50 }))).toEqual([]);
  });

  it('sorts by the lower-cased name, as GET /connections does', () => {
    expect(names(searchEntries(SWISS, { take: 50 }))).toEqual(['BASEL-db', 'email', 'geneve', 'github', 'zurich-sso']);
  });

  it('gives the browser id, name, display name and strategy, never metadata', () => {
    const page = searchEntries(SWISS, { q: 'email', take: 50 });
    expect(page.connections).toEqual([{ id: 'con_email00000000001', name: 'email', strategy: 'email' }]);
    expect(SWISS.find((entry) => entry.name === 'email')?.metadata).toEqual({ customer: 'cust_1' });
  });

  it('folds as NFD without marks, lower-cased', () => {
    expect(foldForSearch('Ça Zürich ÅNGSTRÖM')).toBe('ca zurich angstrom');
  });

  it('refuses a checkpoint it did not give', () => {
    expect(decodeIndexCheckpoint('not a checkpoint')).toBeUndefined();
    expect(decodeIndexCheckpoint(Buffer.from('no separator').toString('base64url'))).toBeUndefined();
  });
});

describe('paging through a search', () => {
  const tenant = entries(generateTenantConnections(400, { seed: 7 }));

  test.prop(
    [
      fc.integer({ min: 1, max: 100 }),
      fc.constantFrom(undefined, 'misty', 'a', '-00', 'zz-none'),
      fc.constantFrom(undefined, 'enterprise' as const, 'social' as const, 'database' as const),
    ],
    { numRuns: 40 },
  )('following next page by page gives every match once, in order, and total counts them', (take, q, kind) => {
    const expected = tenant
      .filter((entry) => q === undefined || entry.folded.includes(foldForSearch(q)))
      .filter((entry) => kind === undefined || connectionKind(entry.strategy) === kind)
      .map((entry) => entry.id);
    const seen: string[] = [];
    let fromKey: string | undefined;
    for (;;) {
      const page = searchEntries(tenant, {
        take,
        ...(q === undefined ? {} : { q }),
        ...(kind === undefined ? {} : { kind }),
        ...(fromKey === undefined ? {} : { fromKey }),
      });
      expect(page.total).toBe(expected.length);
      expect(page.connections.length).toBeLessThanOrEqual(take);
      seen.push(...page.connections.map((connection) => connection.id));
      if (page.next === undefined) break;
      expect(page.connections).toHaveLength(take);
      fromKey = decodeIndexCheckpoint(page.next);
      expect(fromKey).toBeDefined();
    }
    expect(seen).toEqual(expected);
  });

  it('the entries are in sort-key order', () => {
    const keys = tenant.map(connectionSortKey);
    expect(keys).toEqual([...keys].sort());
  });
});

import { describe, expect, it } from 'vitest';
import { connectionSearchMatcher, foldForSearch, searchMatcher } from './connection-search';

describe('foldForSearch', () => {
  it('drops case and accents, keeping every other character', () => {
    expect(foldForSearch('Société Générale')).toBe('societe generale');
    expect(foldForSearch('ZÜRICH-09902')).toBe('zurich-09902');
    expect(foldForSearch('<img src=x>')).toBe('<img src=x>');
  });
});

describe('connectionSearchMatcher', () => {
  const societe = { name: 'societe-generale-saml', displayName: 'Société Générale' };
  const misty = { name: 'misty-harbor-09902' };

  it('matches a substring of the display name or the name, case- and accent-insensitive', () => {
    expect(connectionSearchMatcher('GÉNÉR')(societe)).toBe(true);
    expect(connectionSearchMatcher('generale-saml')(societe)).toBe(true);
    expect(connectionSearchMatcher('Harbor-0990')(misty)).toBe(true);
    expect(connectionSearchMatcher('harbour')(misty)).toBe(false);
    expect(connectionSearchMatcher('générale')(misty)).toBe(false);
  });

  it('trims the term, and a blank term matches every connection', () => {
    expect(connectionSearchMatcher('  misty ')(misty)).toBe(true);
    expect(connectionSearchMatcher('   ')(misty)).toBe(true);
    expect(connectionSearchMatcher('')(societe)).toBe(true);
  });
});

describe('searchMatcher', () => {
  it('matches when the term is in any of the texts, skipping absent ones', () => {
    const matches = searchMatcher(' zÜrich ');
    expect(matches([undefined, 'Acme Zurich', 'okta'])).toBe(true);
    expect(matches(['acme', undefined, 'samlp'])).toBe(false);
    expect(matches([])).toBe(false);
  });

  it('a blank term matches anything, texts absent included', () => {
    expect(searchMatcher(' ')([undefined])).toBe(true);
    expect(searchMatcher('')([])).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { connectionSearchMatcher, foldForSearch } from './connection-search';

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

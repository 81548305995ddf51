import { describe, expect, it } from 'vitest';
import { connectionKind } from './connection-kind';

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

import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { lockoutRisk } from './lockout-risk';

const connection = (connectionId: string, isEnabled = true) => ({ connectionId, isEnabled });

describe('lockoutRisk', () => {
  it('switching off the only enabled connection locks everyone out', () => {
    const connections = [connection('con_a'), connection('con_b', false)];
    expect(lockoutRisk({ connections, connectionId: 'con_a' })).toBe('last_enabled_connection');
    // The admin signed in with it too: the wider lockout is the one to say.
    expect(lockoutRisk({ connections, connectionId: 'con_a', signedInWith: 'con_a' })).toBe('last_enabled_connection');
  });

  it('the connection the admin signed in with locks them out while others stay enabled', () => {
    const connections = [connection('con_a'), connection('con_b')];
    expect(lockoutRisk({ connections, connectionId: 'con_a', signedInWith: 'con_a' })).toBe('signed_in_connection');
    expect(lockoutRisk({ connections, connectionId: 'con_b', signedInWith: 'con_a' })).toBeUndefined();
    expect(lockoutRisk({ connections, connectionId: 'con_a' })).toBeUndefined();
  });

  it('a connection that is off, or not in the list, locks nobody out', () => {
    const connections = [connection('con_a'), connection('con_b', false)];
    expect(lockoutRisk({ connections, connectionId: 'con_b', signedInWith: 'con_b' })).toBeUndefined();
    expect(lockoutRisk({ connections, connectionId: 'con_x', signedInWith: 'con_x' })).toBeUndefined();
  });

  test.prop([
    fc.uniqueArray(fc.record({ connectionId: fc.constantFrom('a', 'b', 'c', 'd'), isEnabled: fc.boolean() }), {
      selector: (item) => item.connectionId,
    }),
    fc.constantFrom('a', 'b', 'c', 'd'),
    fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: undefined }),
  ])(
    'asks exactly when the change leaves nothing enabled or takes away the signed-in connection',
    (connections, connectionId, signedInWith) => {
      const risk = lockoutRisk({ connections, connectionId, signedInWith });
      const enabled = connections.filter((item) => item.isEnabled);
      const remaining = enabled.filter((item) => item.connectionId !== connectionId);
      const touchesEnabled = remaining.length < enabled.length;
      const expected = !touchesEnabled
        ? undefined
        : remaining.length === 0
          ? 'last_enabled_connection'
          : connectionId === signedInWith
            ? 'signed_in_connection'
            : undefined;
      expect(risk).toBe(expected);
    },
  );
});

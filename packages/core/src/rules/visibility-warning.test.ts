import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { connection } from '../../test/org-connection';
import { CONNECTION_KINDS, type ConnectionKind } from '../model/connection-kind';
import {
  hasNoVisibleConnection,
  type LoginPromptVerdict,
  loginPromptState,
  loginPromptVerdict,
  promptHasNoVisibleConnection,
  shownOnLoginPrompt,
  visibilityWarning,
} from './visibility-warning';

describe('visibilityWarning', () => {
  it('warns when every enabled connection is enterprise and hidden', () => {
    const warning = visibilityWarning([
      connection('con_okta', 'enterprise', { showAsButton: false }),
      connection('con_saml', 'enterprise', { showAsButton: false }),
    ]);
    expect(warning).toEqual({
      code: 'no_visible_connections',
      message: expect.stringMatching(
        /^No connections enabled for the organization are visible: .*Show at least one as a button/,
      ),
      connectionIds: ['con_okta', 'con_saml'],
    });
  });

  it('ignores switched-off connections both ways', () => {
    const warning = visibilityWarning([
      connection('con_okta', 'enterprise', { showAsButton: false }),
      connection('con_db', 'database', { isEnabled: false }),
      connection('con_saml', 'enterprise', { isEnabled: false, showAsButton: true }),
    ]);
    expect(warning?.connectionIds).toEqual(['con_okta']);
  });

  it('does not warn when one enterprise connection is shown as a button', () => {
    expect(
      visibilityWarning([
        connection('con_okta', 'enterprise', { showAsButton: false }),
        connection('con_saml', 'enterprise', { showAsButton: true }),
      ]),
    ).toBeUndefined();
  });

  it.each(['database', 'social', 'passwordless'] as const)(
    'does not warn when a %s connection is enabled beside hidden enterprise ones',
    (kind) => {
      expect(
        visibilityWarning([
          connection('con_okta', 'enterprise', { showAsButton: false }),
          connection('con_other', kind),
        ]),
      ).toBeUndefined();
    },
  );

  it('does not warn for a non-enterprise connection whose showAsButton is false (it does not apply)', () => {
    expect(visibilityWarning([connection('con_db', 'database', { showAsButton: false })])).toBeUndefined();
  });

  it('does not warn when no connection is enabled, or there are none', () => {
    expect(visibilityWarning([])).toBeUndefined();
    expect(
      visibilityWarning([connection('con_okta', 'enterprise', { isEnabled: false, showAsButton: false })]),
    ).toBeUndefined();
  });

  const connections = fc.array(
    fc.record({ kind: fc.constantFrom(...CONNECTION_KINDS), isEnabled: fc.boolean(), showAsButton: fc.boolean() }),
    { maxLength: 12 },
  );

  test.prop([connections])('warns exactly when login would show no connection', (shapes) => {
    const list = shapes.map((shape, index) => connection(`con_${index}`, shape.kind, shape));
    const enabled = list.filter((item) => item.isEnabled);
    const someoneVisible = enabled.some((item) => item.kind !== 'enterprise' || item.showAsButton);
    const warning = visibilityWarning(list);
    expect(warning !== undefined).toBe(enabled.length > 0 && !someoneVisible);
    if (warning) expect(warning.connectionIds).toEqual(enabled.map((item) => item.connectionId));
  });

  test.prop([connections])('hasNoVisibleConnection is the rule the warning is given by', (shapes) => {
    const list = shapes.map((shape, index) => connection(`con_${index}`, shape.kind, shape));
    expect(hasNoVisibleConnection(list)).toBe(visibilityWarning(list) !== undefined);
  });
});

const shapes = fc.array(
  fc.record({ kind: fc.constantFrom(...CONNECTION_KINDS), isEnabled: fc.boolean(), showAsButton: fc.boolean() }),
  { maxLength: 12 },
);
const build = (list: readonly { kind: ConnectionKind; isEnabled: boolean; showAsButton: boolean }[]) =>
  list.map((shape, index) => connection(`con_${index}`, shape.kind, shape));

describe('loginPromptVerdict', () => {
  it('is empty when no connection is enabled, hidden ones included, or there are none', () => {
    expect(loginPromptVerdict([])).toEqual({ state: 'empty' });
    expect(
      loginPromptVerdict([
        connection('con_db', 'database', { isEnabled: false }),
        connection('con_okta', 'enterprise', { isEnabled: false, showAsButton: true }),
      ]),
    ).toEqual({ state: 'empty' });
  });

  it('is a failure when every enabled connection is an enterprise one not shown as a button', () => {
    expect(
      loginPromptVerdict([
        connection('con_okta', 'enterprise', { showAsButton: false }),
        connection('con_db', 'database', { isEnabled: false }),
      ]),
    ).toEqual({ state: 'failure' });
  });

  it('is ready when one enabled connection is on the prompt, beside hidden ones', () => {
    expect(
      loginPromptVerdict([
        connection('con_okta', 'enterprise', { showAsButton: false }),
        connection('con_db', 'database', { showAsButton: false }),
      ]),
    ).toEqual({ state: 'ready' });
  });

  test.prop([shapes])('ready exactly when one is shown, empty exactly when none is enabled', (list) => {
    const connections = build(list);
    const { state } = loginPromptVerdict(connections);
    expect(state === 'ready').toBe(connections.some(shownOnLoginPrompt));
    expect(state === 'empty').toBe(!connections.some((item) => item.isEnabled));
    expect(state === 'failure').toBe(hasNoVisibleConnection(connections));
  });
});

describe('promptHasNoVisibleConnection and loginPromptState', () => {
  const hidden = connection('con_okta', 'enterprise', { showAsButton: false });
  const database = connection('con_db', 'database');
  const verdict = (state: LoginPromptVerdict['state']): LoginPromptVerdict => ({ state });

  it('nothing enabled anywhere: the prompt is empty, and nothing warns', () => {
    expect(loginPromptState([], verdict('empty'))).toBe('empty');
    expect(promptHasNoVisibleConnection([], verdict('empty'))).toBe(false);
    const off = [{ ...hidden, isEnabled: false }];
    expect(loginPromptState(off, verdict('empty'))).toBe('empty');
    expect(promptHasNoVisibleConnection(off, verdict('empty'))).toBe(false);
  });

  it("follows the server's verdict over connections the viewer does not see", () => {
    // An org admin sees only the hidden enterprise connection; a `none` database connection keeps the prompt working.
    expect(loginPromptState([hidden], verdict('ready'))).toBe('ready');
    expect(promptHasNoVisibleConnection([hidden], verdict('ready'))).toBe(false);
    expect(hasNoVisibleConnection([hidden])).toBe(true);
    // The viewer sees nothing enabled, and a connection they do not see is on the prompt.
    expect(loginPromptState([], verdict('ready'))).toBe('ready');
    // Only hidden enterprise connections are enabled, some the viewer does not see: login fails.
    expect(loginPromptState([hidden], verdict('failure'))).toBe('failure');
    expect(loginPromptState([], verdict('failure'))).toBe('failure');
    expect(promptHasNoVisibleConnection([], verdict('failure'))).toBe(true);
  });

  it('a connection the viewer sees on the prompt wins over a verdict given before it was shown', () => {
    for (const before of ['failure', 'empty'] as const) {
      expect(promptHasNoVisibleConnection([database], verdict(before))).toBe(false);
      expect(loginPromptState([{ ...hidden, showAsButton: true }], verdict(before))).toBe('ready');
    }
    expect(promptHasNoVisibleConnection([{ ...database, isEnabled: false }], verdict('failure'))).toBe(true);
  });

  it('after an empty verdict, a hidden enterprise connection enabled since is the only one enabled: login fails', () => {
    expect(loginPromptState([hidden], verdict('empty'))).toBe('failure');
    expect(promptHasNoVisibleConnection([hidden], verdict('empty'))).toBe(true);
  });

  test.prop([shapes])('without a verdict it is the verdict over the connections given', (list) => {
    const connections = build(list);
    expect(loginPromptState(connections, undefined)).toBe(loginPromptVerdict(connections).state);
    expect(promptHasNoVisibleConnection(connections, undefined)).toBe(hasNoVisibleConnection(connections));
  });

  test.prop([shapes, shapes])(
    "with the server's verdict over all the connections, for a viewer who sees some of them, it is the verdict",
    (seenShapes, unseenShapes) => {
      const seen = build(seenShapes);
      const all = [...seen, ...build(unseenShapes).map((item, index) => ({ ...item, connectionId: `con_x${index}` }))];
      expect(loginPromptState(seen, loginPromptVerdict(all))).toBe(loginPromptVerdict(all).state);
    },
  );
});

describe('shownOnLoginPrompt', () => {
  it.each(CONNECTION_KINDS)(
    'shows an enabled %s connection unless it is an enterprise one not shown as a button',
    (kind) => {
      expect(shownOnLoginPrompt(connection('con_1', kind))).toBe(true);
      expect(shownOnLoginPrompt(connection('con_1', kind, { showAsButton: false }))).toBe(kind !== 'enterprise');
      expect(shownOnLoginPrompt(connection('con_1', kind, { isEnabled: false }))).toBe(false);
    },
  );
});

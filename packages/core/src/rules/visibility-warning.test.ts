import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { connection } from '../../test/org-connection';
import { CONNECTION_KINDS } from '../model/connection-kind';
import {
  hasNoVisibleConnection,
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

describe('promptHasNoVisibleConnection', () => {
  const hidden = connection('con_okta', 'enterprise', { showAsButton: false });
  const database = connection('con_db', 'database');

  it("follows the server's verdict over connections the viewer does not see", () => {
    // An org admin sees only the hidden enterprise connection; a `none` database connection keeps the prompt working.
    expect(promptHasNoVisibleConnection([hidden], { hasVisibleConnection: true })).toBe(false);
    expect(hasNoVisibleConnection([hidden])).toBe(true);
    // The viewer sees nothing enabled, and the server found nothing on the prompt.
    expect(promptHasNoVisibleConnection([], { hasVisibleConnection: false })).toBe(true);
  });

  it('a connection the viewer sees on the prompt wins over a verdict given before it was shown', () => {
    expect(promptHasNoVisibleConnection([database], { hasVisibleConnection: false })).toBe(false);
    expect(promptHasNoVisibleConnection([{ ...hidden, showAsButton: true }], { hasVisibleConnection: false })).toBe(
      false,
    );
    expect(promptHasNoVisibleConnection([{ ...database, isEnabled: false }], { hasVisibleConnection: false })).toBe(
      true,
    );
  });

  it('without a verdict it is hasNoVisibleConnection', () => {
    for (const connections of [[hidden], [database], [], [hidden, database]]) {
      expect(promptHasNoVisibleConnection(connections, undefined)).toBe(hasNoVisibleConnection(connections));
    }
  });
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

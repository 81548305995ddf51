import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { type ConnectionOverrides, connection } from '../../test/org-connection';
import { CONNECTION_KINDS, type ConnectionKind } from '../model/connection-kind';
import { LOGIN_PROMPT_FLOWS, type LoginPromptFlow, loginPromptModel } from './login-prompt-model';
import { hasNoVisibleConnection, loginPromptVerdict, visibilityWarning } from './visibility-warning';

const known = { flow: 'organization-known' } as const;
const promptForCredentials = { flow: 'prompt-for-credentials' } as const;
/** Every connection the prompt mentions, by id: forms, buttons and the hidden ones. */
const idsOf = (model: ReturnType<typeof loginPromptModel>) => ({
  forms: model.forms.map((form) => form.connection.connectionId),
  buttons: model.buttons.map((button) => button.connectionId),
  hidden: model.hidden.map((item) => item.connection.connectionId),
});

// One test per statement of the seed (contract C, DESIGN "Login prompt preview", issue 13) about the login prompt.
describe('loginPromptModel: the statements of the seed', () => {
  it('"once enabled, a connection is added to the Organization login prompt": each kind appears', () => {
    const model = loginPromptModel(
      [
        connection('con_db', 'database'),
        connection('con_email', 'passwordless'),
        connection('con_google', 'social'),
        connection('con_okta', 'enterprise'),
      ],
      known,
    );
    expect(idsOf(model)).toEqual({ forms: ['con_db', 'con_email'], buttons: ['con_google', 'con_okta'], hidden: [] });
    expect(model.state).toBe('ready');
  });

  it('disabled connections are absent, of every kind, shown as a button or not', () => {
    const model = loginPromptModel(
      [
        connection('con_db', 'database', { isEnabled: false, isSignupEnabled: true, assignMembershipOnLogin: true }),
        connection('con_email', 'passwordless', { isEnabled: false }),
        connection('con_google', 'social', { isEnabled: false }),
        connection('con_okta', 'enterprise', { isEnabled: false }),
        connection('con_saml', 'enterprise', { isEnabled: false, showAsButton: false }),
      ],
      promptForCredentials,
    );
    expect(idsOf(model)).toEqual({ forms: [], buttons: [], hidden: [] });
    expect(model.state).toBe('empty');
    expect(model.failure).toBeUndefined();
  });

  it('a database connection gives a credentials form', () => {
    expect(loginPromptModel([connection('con_db', 'database')], known).forms).toEqual([
      { type: 'credentials', connection: connection('con_db', 'database'), signup: false },
    ]);
  });

  it.each([
    [true, true, true],
    [true, false, false],
    [false, true, false],
    [false, false, false],
  ])(
    'the sign-up link shows only when signup (%s) and membership on authentication (%s) are both on',
    (isSignupEnabled, assignMembershipOnLogin, signup) => {
      const [form] = loginPromptModel(
        [connection('con_db', 'database', { isSignupEnabled, assignMembershipOnLogin })],
        known,
      ).forms;
      expect(form).toMatchObject({ type: 'credentials', signup });
    },
  );

  it('"signup applies only to database connections": no other kind gets a sign-up link or a form for it', () => {
    const signupOn = { isSignupEnabled: true, assignMembershipOnLogin: true };
    const model = loginPromptModel(
      [
        connection('con_google', 'social', signupOn),
        connection('con_okta', 'enterprise', signupOn),
        connection('con_email', 'passwordless', signupOn),
      ],
      known,
    );
    expect(model.forms).toEqual([
      { type: 'passwordless', connection: connection('con_email', 'passwordless', signupOn), channel: 'email' },
    ]);
    expect(idsOf(model).buttons).toEqual(['con_google', 'con_okta']);
  });

  it('"Organization Signup wins over a database connection that has signup disabled": the link follows the organization', () => {
    // The tenant connection's own `disable_signup` travels with the connection; only the organization's settings count.
    const tenantConnection = {
      name: 'Username-Password-Authentication',
      strategy: 'auth0',
      options: { disable_signup: true },
    };
    const [form] = loginPromptModel(
      [
        connection('con_db', 'database', {
          connection: tenantConnection,
          isSignupEnabled: true,
          assignMembershipOnLogin: true,
        }),
      ],
      known,
    ).forms;
    expect(form).toMatchObject({ type: 'credentials', signup: true });
  });

  it('a passwordless connection gives its form, by email or by SMS', () => {
    const sms = connection('con_sms', 'passwordless', { connection: { name: 'sms', strategy: 'sms' } });
    const email = connection('con_email', 'passwordless');
    expect(loginPromptModel([sms, email], known).forms).toEqual([
      { type: 'passwordless', connection: sms, channel: 'sms' },
      { type: 'passwordless', connection: email, channel: 'email' },
    ]);
  });

  it('a social connection gives a button each', () => {
    const model = loginPromptModel([connection('con_google', 'social'), connection('con_github', 'social')], known);
    expect(idsOf(model)).toEqual({ forms: [], buttons: ['con_google', 'con_github'], hidden: [] });
  });

  it('"Display connection as a button" decides whether an enterprise connection shows: a button when on', () => {
    const model = loginPromptModel(
      [
        connection('con_okta', 'enterprise', { showAsButton: true }),
        connection('con_saml', 'enterprise', { showAsButton: false }),
      ],
      known,
    );
    expect(idsOf(model)).toEqual({ forms: [], buttons: ['con_okta'], hidden: ['con_saml'] });
  });

  it('"show_as_button applies only to enterprise connections": other kinds show whatever it says', () => {
    const hiddenFlag = { showAsButton: false };
    const model = loginPromptModel(
      [
        connection('con_db', 'database', hiddenFlag),
        connection('con_email', 'passwordless', hiddenFlag),
        connection('con_google', 'social', hiddenFlag),
      ],
      known,
    );
    expect(idsOf(model)).toEqual({ forms: ['con_db', 'con_email'], buttons: ['con_google'], hidden: [] });
    expect(model.failure).toBeUndefined();
  });

  it('"a hidden enterprise connection can still be reached with the connection parameter", with org_id sent or not', () => {
    for (const options of [known, promptForCredentials]) {
      const [hidden] = loginPromptModel(
        [connection('con_saml', 'enterprise', { showAsButton: false })],
        options,
      ).hidden;
      expect(hidden?.reachableThrough).toContain('connection-parameter');
    }
  });

  it('Home Realm Discovery reaches a hidden enterprise connection only with Prompt for Credentials, when no org_id is sent', () => {
    const connections = [
      connection('con_db', 'database'),
      connection('con_saml', 'enterprise', { showAsButton: false }),
    ];
    expect(loginPromptModel(connections, promptForCredentials).hidden).toEqual([
      { connection: connections[1], reachableThrough: ['home-realm-discovery', 'connection-parameter'] },
    ]);
    expect(loginPromptModel(connections, known).hidden).toEqual([
      { connection: connections[1], reachableThrough: ['connection-parameter'] },
    ]);
  });

  it('"HRD matches enterprise connections enabled for the org and falls back to the database connection"', () => {
    const model = loginPromptModel(
      [
        connection('con_db', 'database'),
        connection('con_saml', 'enterprise', { showAsButton: false }),
        connection('con_ping', 'enterprise', { showAsButton: false, isEnabled: false }),
      ],
      promptForCredentials,
    );
    // Only the enabled hidden connection is reachable; an email that matches none lands on the credentials form.
    expect(idsOf(model)).toEqual({ forms: ['con_db'], buttons: [], hidden: ['con_saml'] });
  });

  it('"if every enabled connection is enterprise and all are hidden, login fails": no connections … are visible', () => {
    const model = loginPromptModel(
      [
        connection('con_saml', 'enterprise', { showAsButton: false }),
        connection('con_ping', 'enterprise', { showAsButton: false }),
        connection('con_db', 'database', { isEnabled: false }),
      ],
      promptForCredentials,
    );
    expect(model.state).toBe('failure');
    expect(model.failure).toEqual({ code: 'no_visible_connections', connectionIds: ['con_saml', 'con_ping'] });
    expect(idsOf(model)).toEqual({ forms: [], buttons: [], hidden: ['con_saml', 'con_ping'] });
  });

  it("an org admin's prompt follows the server's verdict over the connections they do not see", () => {
    const seen = [connection('con_saml', 'enterprise', { showAsButton: false })];
    // A hidden (`none`) database connection keeps the prompt working: no failure.
    expect(loginPromptModel(seen, { ...known, loginPrompt: { state: 'ready' } })).toMatchObject({
      state: 'ready',
      hidden: [{ connection: seen[0] }],
    });
    expect(loginPromptModel(seen, { ...known, loginPrompt: { state: 'ready' } }).failure).toBeUndefined();
    expect(loginPromptModel([], { ...known, loginPrompt: { state: 'ready' } }).state).toBe('ready');
    expect(loginPromptModel(seen, { ...known, loginPrompt: { state: 'failure' } })).toMatchObject({
      state: 'failure',
      failure: { code: 'no_visible_connections', connectionIds: ['con_saml'] },
    });
    expect(loginPromptModel([], { ...known, loginPrompt: { state: 'failure' } }).state).toBe('failure');
  });

  it('an org admin whose organization has no connection enabled, hidden ones included, sees an empty prompt', () => {
    const seen = [connection('con_saml', 'enterprise', { isEnabled: false, showAsButton: false })];
    for (const connections of [seen, []]) {
      const model = loginPromptModel(connections, { ...known, loginPrompt: { state: 'empty' } });
      expect(model.state).toBe('empty');
      expect(model.failure).toBeUndefined();
      expect(idsOf(model)).toEqual({ forms: [], buttons: [], hidden: [] });
    }
  });

  it('an org admin who sees only hidden enterprise connections, enabled, and not shown as buttons: the prompt fails', () => {
    const seen = [
      connection('con_saml', 'enterprise', { showAsButton: false }),
      connection('con_ping', 'enterprise', { showAsButton: false }),
    ];
    // The server found no connection on the prompt among all of them (`none` ones included).
    const model = loginPromptModel(seen, { ...known, loginPrompt: { state: 'failure' } });
    expect(model.state).toBe('failure');
    expect(model.failure).toEqual({ code: 'no_visible_connections', connectionIds: ['con_saml', 'con_ping'] });
    expect(idsOf(model).hidden).toEqual(['con_saml', 'con_ping']);
  });
});

describe('loginPromptModel: properties', () => {
  const shapes = fc.array(
    fc.record({
      kind: fc.constantFrom(...CONNECTION_KINDS),
      isEnabled: fc.boolean(),
      showAsButton: fc.boolean(),
      isSignupEnabled: fc.boolean(),
      assignMembershipOnLogin: fc.boolean(),
    }),
    { maxLength: 12 },
  );
  const flows = fc.constantFrom<LoginPromptFlow>(...LOGIN_PROMPT_FLOWS);
  const build = (list: ReadonlyArray<{ kind: ConnectionKind } & ConnectionOverrides>) =>
    list.map((shape, index) => connection(`con_${index}`, shape.kind, shape));

  test.prop([shapes, flows])(
    'the failure appears exactly when every enabled connection is a hidden enterprise one',
    (list, flow) => {
      const connections = build(list);
      const enabled = connections.filter((item) => item.isEnabled);
      const allHidden = enabled.length > 0 && enabled.every((item) => item.kind === 'enterprise' && !item.showAsButton);
      const model = loginPromptModel(connections, { flow });
      expect(model.failure !== undefined).toBe(allHidden);
      expect(model.state === 'failure').toBe(allHidden);
    },
  );

  test.prop([shapes, flows])("the failure is visibilityWarning's, the one rule", (list, flow) => {
    const connections = build(list);
    const model = loginPromptModel(connections, { flow });
    expect(model.state === 'failure').toBe(hasNoVisibleConnection(connections));
    expect(model.failure?.connectionIds).toEqual(visibilityWarning(connections)?.connectionIds);
  });

  test.prop([shapes, flows])(
    'fails exactly when the prompt would show nothing while a connection is enabled',
    (list, flow) => {
      const model = loginPromptModel(build(list), { flow });
      const showsNothing = model.forms.length === 0 && model.buttons.length === 0;
      expect(model.state === 'failure').toBe(showsNothing && model.hidden.length > 0);
    },
  );

  test.prop([shapes, flows])('every enabled connection appears once, and no disabled one appears', (list, flow) => {
    const connections = build(list);
    const { forms, buttons, hidden } = idsOf(loginPromptModel(connections, { flow }));
    const mentioned = [...forms, ...buttons, ...hidden].sort();
    expect(mentioned).toEqual(
      connections
        .filter((item) => item.isEnabled)
        .map((item) => item.connectionId)
        .sort(),
    );
  });

  test.prop([shapes, flows])(
    'every hidden connection is a reachable enterprise one; HRD only without org_id',
    (list, flow) => {
      for (const item of loginPromptModel(build(list), { flow }).hidden) {
        expect(item.connection).toMatchObject({ kind: 'enterprise', showAsButton: false, isEnabled: true });
        expect(item.reachableThrough).toContain('connection-parameter');
        expect(item.reachableThrough.includes('home-realm-discovery')).toBe(flow === 'prompt-for-credentials');
      }
    },
  );

  test.prop([shapes, flows])(
    'a sign-up link only under a database form with signup and membership on',
    (list, flow) => {
      for (const form of loginPromptModel(build(list), { flow }).forms) {
        if (form.type !== 'credentials') continue;
        const { kind, isSignupEnabled, assignMembershipOnLogin } = form.connection;
        expect(kind).toBe('database');
        expect(form.signup).toBe(isSignupEnabled && assignMembershipOnLogin);
      }
    },
  );

  test.prop([shapes, shapes, flows])(
    "with the server's verdict over all the connections, the state of an org admin's prompt is the organization's",
    (seenList, unseenList, flow) => {
      const seen = build(seenList);
      const unseen = build(unseenList).map((item, index) => ({ ...item, connectionId: `con_unseen${index}` }));
      const all = [...seen, ...unseen];
      const model = loginPromptModel(seen, { flow, loginPrompt: loginPromptVerdict(all) });
      expect(model.state).toBe(loginPromptModel(all, { flow }).state);
      expect(model.failure !== undefined).toBe(hasNoVisibleConnection(all));
    },
  );

  test.prop([shapes])('the flow changes only how hidden connections are reached', (list) => {
    const connections = build(list);
    const withOrganization = loginPromptModel(connections, known);
    const withoutOrganization = loginPromptModel(connections, promptForCredentials);
    expect(idsOf(withOrganization)).toEqual(idsOf(withoutOrganization));
    expect(withOrganization.state).toBe(withoutOrganization.state);
  });
});

import type { OrgConnection } from '../model/org-connection';
import { fieldAppliesTo } from './capabilities';
import { allowsSignup } from './org-connection-settings-issues';
import {
  type LoginPromptState,
  type LoginPromptVerdict,
  loginPromptState,
  shownOnLoginPrompt,
  type VisibilityWarningCode,
} from './visibility-warning';

/**
 * How a user reaches the organization's login prompt:
 * - `organization-known`: the application sends `org_id` (or the user picked the organization first);
 * - `prompt-for-credentials`: the organization login flow "Prompt for Credentials", where no `org_id` is sent and
 *   Identifier First with Home Realm Discovery may route an email domain to an enterprise connection.
 */
export type LoginPromptFlow = 'organization-known' | 'prompt-for-credentials';

export const LOGIN_PROMPT_FLOWS: readonly LoginPromptFlow[] = ['organization-known', 'prompt-for-credentials'];

export interface LoginPromptModelOptions {
  flow: LoginPromptFlow;
  /**
   * The server's verdict over all the organization's connections (`ListOrganizationConnectionsResult['loginPrompt']`),
   * for a viewer who may not see them all: it decides the state (`loginPromptState`), so a prompt it says shows a
   * connection is `ready` even when none of `connections` is enabled, and one it says has none enabled is `empty`.
   */
  loginPrompt?: LoginPromptVerdict;
}

/** A connection the user may log in with when the prompt does not show it. */
export type LoginPromptRoute = 'home-realm-discovery' | 'connection-parameter';

/** A form on the prompt: a database connection's credentials, or a passwordless connection's code by email or SMS. */
export type LoginPromptForm =
  | {
      type: 'credentials';
      connection: OrgConnection;
      /** A sign-up link under the form: the connection's signup and membership on authentication are both on. */
      signup: boolean;
    }
  | { type: 'passwordless'; connection: OrgConnection; channel: 'email' | 'sms' };

/** An enabled enterprise connection that is not shown as a button, and how a user can still reach it. */
export interface LoginPromptHiddenConnection {
  connection: OrgConnection;
  /** Never empty: the `connection` parameter always works; Home Realm Discovery only when no `org_id` is sent. */
  reachableThrough: LoginPromptRoute[];
}

/** Why nobody can log in to the organization as its connections stand. */
export interface LoginPromptFailure {
  code: VisibilityWarningCode;
  /** The enabled connections, all hidden: showing any one of them as a button clears the failure. */
  connectionIds: string[];
}

/**
 * What Auth0's organization login prompt shows for these connections. Text-free: the UI words it.
 * `state` (`LoginPromptState`) is `failure` when login fails ("no connections enabled for the organization are
 * visible"), `empty` when no connection is enabled, otherwise `ready`.
 */
export interface LoginPromptModel {
  flow: LoginPromptFlow;
  state: LoginPromptState;
  /** Forms first (database, then passwordless, each in the order given), as the prompt draws them. */
  forms: LoginPromptForm[];
  /** A button per social connection and per enterprise connection shown as a button, in the order given. */
  buttons: OrgConnection[];
  /** Enterprise connections left off the prompt. */
  hidden: LoginPromptHiddenConnection[];
  failure?: LoginPromptFailure;
}

/**
 * The organization's login prompt for `connections` (pass the ones the viewer may see): disabled connections are
 * absent; a database connection gives a credentials form (with a sign-up link only when signup and membership are
 * both on), a passwordless connection its form, a social connection a button, an enterprise connection a button
 * when shown as one, and otherwise it is only reachable as `hidden` says. The state is `loginPromptState`'s (with
 * `loginPrompt`, the server's verdict), the failure `promptHasNoVisibleConnection`'s rule.
 */
export function loginPromptModel(
  connections: readonly OrgConnection[],
  { flow, loginPrompt }: LoginPromptModelOptions,
): LoginPromptModel {
  const enabled = connections.filter((connection) => connection.isEnabled);
  const credentials: LoginPromptForm[] = [];
  const passwordless: LoginPromptForm[] = [];
  const buttons: OrgConnection[] = [];
  const hidden: LoginPromptHiddenConnection[] = [];
  const reachableThrough: LoginPromptRoute[] =
    flow === 'prompt-for-credentials' ? ['home-realm-discovery', 'connection-parameter'] : ['connection-parameter'];

  for (const connection of enabled) {
    const { kind } = connection;
    if (kind === 'database') {
      const signup = fieldAppliesTo('isSignupEnabled', kind) && connection.isSignupEnabled && allowsSignup(connection);
      credentials.push({ type: 'credentials', connection, signup });
    } else if (kind === 'passwordless') {
      passwordless.push({
        type: 'passwordless',
        connection,
        channel: connection.connection.strategy === 'sms' ? 'sms' : 'email',
      });
    } else if (!shownOnLoginPrompt(connection)) {
      hidden.push({ connection, reachableThrough: [...reachableThrough] });
    } else {
      buttons.push(connection);
    }
  }

  const state = loginPromptState(connections, loginPrompt);
  const failure: LoginPromptFailure | undefined =
    state === 'failure'
      ? { code: 'no_visible_connections', connectionIds: enabled.map((connection) => connection.connectionId) }
      : undefined;
  return {
    flow,
    state,
    forms: [...credentials, ...passwordless],
    buttons,
    hidden,
    ...(failure && { failure }),
  };
}

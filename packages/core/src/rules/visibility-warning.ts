import { NO_VISIBLE_CONNECTIONS_ENGLISH } from '../model/developer-english';
import type { OrgConnection } from '../model/org-connection';
import { fieldAppliesTo } from './capabilities';

export type VisibilityWarningCode = 'no_visible_connections';

/** Why login to the organization will fail as its connections stand. */
export interface VisibilityWarning {
  code: VisibilityWarningCode;
  /** English, for a developer (a UI words `code` from its locale files): what will happen and what to do. */
  message: string;
  /** The enabled connections hidden from the login page: showing any one of them as a button clears the warning. */
  connectionIds: string[];
}

type VisibilityInput = Pick<OrgConnection, 'connectionId' | 'isEnabled' | 'showAsButton' | 'kind'>;

/*
 * Two ideas, two words: a connection is *visible* to a viewer who may see it at all (`capabilitiesFor`'s `visible`:
 * an org admin does not see one at `none`), and *shown on the login prompt* when the organization's login prompt
 * offers it to a user. Auth0's failure message says "visible" for the second; the rules below mean the second.
 */

/**
 * Whether the organization's login prompt shows the connection (a form or a button): it is enabled, and shown as a
 * button where its kind has that setting (enterprise).
 */
export function shownOnLoginPrompt(connection: Omit<VisibilityInput, 'connectionId'>): boolean {
  return connection.isEnabled && (!fieldAppliesTo('showAsButton', connection.kind) || connection.showAsButton);
}

/**
 * What the organization's login prompt shows, as Auth0 draws it:
 * - `ready`: it shows at least one connection (a form or a button);
 * - `failure`: connections are enabled but none is shown (every enabled one is an enterprise connection not shown as a
 *   button): Auth0's login fails with "no connections enabled for the organization are visible";
 * - `empty`: no connection is enabled.
 */
export type LoginPromptState = 'ready' | 'failure' | 'empty';

export const LOGIN_PROMPT_STATES = ['ready', 'failure', 'empty'] as const satisfies readonly LoginPromptState[];

/**
 * The login prompt's state for these connections (`LoginPromptState`). Over all the organization's connections, hidden
 * ones included, it is `@org-connections/server`'s verdict for an org admin (`login_prompt`).
 */
export function loginPromptVerdict(connections: readonly VisibilityInput[]): LoginPromptVerdict {
  if (connections.some(shownOnLoginPrompt)) return { state: 'ready' };
  return { state: connections.some((connection) => connection.isEnabled) ? 'failure' : 'empty' };
}

/**
 * `true` when at least one connection is enabled for the organization and none is shown on the login prompt (every
 * enabled one is an enterprise connection not shown as a button): Auth0's login then fails with "no connections enabled for the
 * organization are visible". `loginPromptVerdict`'s `failure`: the rule of `visibilityWarning`, for a UI that words
 * the warning itself.
 */
export function hasNoVisibleConnection(connections: readonly VisibilityInput[]): boolean {
  return loginPromptVerdict(connections).state === 'failure';
}

/** The warning of `hasNoVisibleConnection`; `undefined` when the login prompt shows at least one connection. */
export function visibilityWarning(connections: readonly VisibilityInput[]): VisibilityWarning | undefined {
  if (!hasNoVisibleConnection(connections)) return undefined;
  return {
    code: 'no_visible_connections',
    message: NO_VISIBLE_CONNECTIONS_ENGLISH,
    connectionIds: connections
      .filter((connection) => connection.isEnabled)
      .map((connection) => connection.connectionId),
  };
}

/**
 * What `@org-connections/server` found over all the organization's connections (`ListOrganizationConnectionsResult`):
 * `loginPromptVerdict` of every one of them, hidden ones included.
 */
export interface LoginPromptVerdict {
  state: LoginPromptState;
}

/**
 * The login prompt's state for a viewer who may not see every connection (an org admin), from `connections` (those
 * the viewer sees) and the server's verdict over all of them (hidden ones included). A connection of `connections`
 * on the prompt now makes it `ready` whatever the verdict said (it changed since the server answered); otherwise the
 * verdict decides, except that after an `empty` one `connections` do (any enabled now was enabled since, and nothing
 * else was). Without a verdict: `loginPromptVerdict(connections)`.
 */
export function loginPromptState(
  connections: readonly VisibilityInput[],
  verdict: LoginPromptVerdict | undefined,
): LoginPromptState {
  const seen = loginPromptVerdict(connections).state;
  return !verdict || seen === 'ready' || verdict.state === 'empty' ? seen : verdict.state;
}

/**
 * `hasNoVisibleConnection` for a viewer who may not see every connection (an org admin): `loginPromptState`'s
 * `failure`. With the server's verdict over all of them (hidden ones included), `true` when it found connections
 * enabled and none shown, unless one of `connections` is on the prompt now (changed since the server answered), or
 * when it found none enabled and `connections` now hold enabled ones, none shown; without a verdict, computed from
 * `connections`.
 */
export function promptHasNoVisibleConnection(
  connections: readonly VisibilityInput[],
  verdict: LoginPromptVerdict | undefined,
): boolean {
  return loginPromptState(connections, verdict) === 'failure';
}

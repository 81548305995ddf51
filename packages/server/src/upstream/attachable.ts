import type { TenantAdminAuthorization } from '../handler/org-connections-authorization';
import type { Problem } from '../handler/problem-response';
import type { ConnectionIndex } from '../search/connection-index';
import type { ConnectionIndexEntry } from '../search/connection-index-state';

/**
 * A tenant connection as the Management API answers `GET /connections/{id}` (and lists it in `GET /connections`),
 * with the fields the handler asks for (`ATTACHABLE_FIELDS`): `metadata` included, `options` (which may hold
 * secrets) never.
 */
export interface Auth0Connection {
  id: string;
  name: string;
  display_name?: string;
  strategy: string;
  /** The connection's metadata (up to 10 string keys and values), e.g. `{ organization_id: 'org_…' }`. */
  metadata?: Record<string, string>;
}

/**
 * The fields the handler reads of a tenant connection to judge it: the same whether it judges one connection
 * (an add) or a list (the picker), and what the connection index keeps.
 */
export const ATTACHABLE_FIELDS = 'id,name,display_name,strategy,metadata';

/**
 * The host's rule for which connection may be added to which organization: the connection as Auth0 has it (read
 * by the handler, never taken from the browser), the organization, and the staff member asking.
 */
export type Attachable = (
  connection: Auth0Connection,
  organizationId: string,
  authorization: TenantAdminAuthorization,
) => boolean | Promise<boolean>;

/** How long `attachable` may take before the connection is refused (fail closed). */
export const DEFAULT_ATTACHABLE_TIMEOUT_MS = 2000;

export type AttachableVerdict =
  | { verdict: 'attachable' }
  | { verdict: 'not_attachable' }
  /** `attachable` threw, did not answer in time, or answered something other than a boolean: refused. */
  | { verdict: 'unavailable'; reason: string };

function verdictOf(answer: unknown): AttachableVerdict {
  if (answer === true) return { verdict: 'attachable' };
  if (answer === false) return { verdict: 'not_attachable' };
  return { verdict: 'unavailable', reason: `attachable answered ${typeof answer}, not a boolean` };
}

// The host's error is never repeated in a verdict: it may describe its database or carry a secret.
const THREW: AttachableVerdict = { verdict: 'unavailable', reason: 'attachable threw' };

/**
 * Asks the host's `attachable` about each connection, all within one bound of `timeoutMs`: anything but `true` in
 * time refuses. A synchronous answer (metadata, a naming convention) is taken at once; the promises share one timer,
 * so judging a whole index costs no timer per connection.
 */
export async function judgeAttachableAll(
  attachable: Attachable,
  connections: readonly Auth0Connection[],
  organizationId: string,
  authorization: TenantAdminAuthorization,
  timeoutMs: number,
): Promise<AttachableVerdict[]> {
  const verdicts: (AttachableVerdict | undefined)[] = [];
  const pending: Promise<void>[] = [];
  connections.forEach((connection, position) => {
    let given: unknown;
    try {
      given = attachable(connection, organizationId, authorization);
    } catch {
      verdicts[position] = THREW;
      return;
    }
    if (given === null || typeof given !== 'object' || typeof (given as { then?: unknown }).then !== 'function') {
      verdicts[position] = verdictOf(given);
      return;
    }
    pending.push(
      Promise.resolve(given).then(
        (answer) => {
          verdicts[position] ??= verdictOf(answer);
        },
        () => {
          verdicts[position] ??= THREW;
        },
      ),
    );
  });
  if (pending.length > 0) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.all(pending),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }
  const late: AttachableVerdict = {
    verdict: 'unavailable',
    reason: `attachable did not answer within ${timeoutMs} ms`,
  };
  // A late answer arriving after this is ignored: the verdicts are read now.
  return connections.map((_, position) => {
    const verdict = verdicts[position] ?? late;
    verdicts[position] = verdict;
    return verdict;
  });
}

/** `judgeAttachableAll` for one connection (an add). */
export async function judgeAttachable(
  attachable: Attachable,
  connection: Auth0Connection,
  organizationId: string,
  authorization: TenantAdminAuthorization,
  timeoutMs: number,
): Promise<AttachableVerdict> {
  const [verdict] = await judgeAttachableAll(attachable, [connection], organizationId, authorization, timeoutMs);
  return verdict ?? THREW;
}

export const CONNECTION_NOT_ATTACHABLE: Problem = {
  status: 403,
  errorCode: 'connection_not_attachable',
  message: 'This connection may not be added to this organization.',
};

/** The refusal when `attachable` could not decide; the message says why, and that nothing was changed. */
export function attachableUnavailable(reason: string): Problem {
  return {
    status: 403,
    errorCode: 'attachable_unavailable',
    message: `Whether this connection may be added to this organization could not be decided (${reason}), so it was not added.`,
  };
}

/** Reads an answer's items as tenant connections; `undefined` when one is not shaped like one. */
export function asAuth0Connection(value: unknown): Auth0Connection | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const candidate = value as Record<string, unknown>;
  if (typeof candidate.id !== 'string' || typeof candidate.name !== 'string') return undefined;
  if (typeof candidate.strategy !== 'string') return undefined;
  return candidate as unknown as Auth0Connection;
}

/**
 * The connection index seen through `attachable`: searches and pages run over the connections it allows for the
 * organization only (each indexed connection judged once per read: keep `attachable` quick, or cache in it).
 */
export function attachableOnly(
  index: ConnectionIndex,
  judgeAll: (connections: readonly Auth0Connection[]) => Promise<AttachableVerdict[]>,
): ConnectionIndex {
  return {
    refresh: () => index.refresh(),
    async find(connectionId) {
      const entry = await index.find(connectionId);
      if (entry === undefined) return undefined;
      const [verdict] = await judgeAll([indexedConnection(entry)]);
      return verdict?.verdict === 'attachable' ? entry : undefined;
    },
    async read() {
      const view = await index.read();
      const verdicts = await judgeAll(view.entries.map(indexedConnection));
      return { ...view, entries: view.entries.filter((_, position) => verdicts[position]?.verdict === 'attachable') };
    },
  };
}

/** An index entry in the shape `attachable` is given (the fields of `ATTACHABLE_FIELDS`). */
function indexedConnection(entry: ConnectionIndexEntry): Auth0Connection {
  return {
    id: entry.id,
    name: entry.name,
    ...(entry.display_name === undefined ? {} : { display_name: entry.display_name }),
    strategy: entry.strategy,
    metadata: entry.metadata ?? {},
  };
}

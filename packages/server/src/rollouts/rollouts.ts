import {
  type ConnectionKind,
  connectionKind,
  emptyRolloutCounts,
  type OrgConnectionSettings,
  type OrgConnectionsErrorKind,
  type Rollout,
  type RolloutControl,
  type RolloutCounts,
  type RolloutFailure,
  type RolloutFailureError,
  type RolloutInput,
  type RolloutOutcome,
  type RolloutStatus,
  type RolloutWrite,
  rolloutCountOf,
  rolloutOutcome,
  rolloutStepOutcome,
} from '@org-connections/core';
import { toWireSettings } from '@org-connections/core/wire';
import type { OnAudit } from '../handler/audit-event';
import type { TenantAdminAuthorization } from '../handler/org-connections-authorization';
import { createRateLimitPacer, REAL_CLOCK, type WalkClock } from '../search/connection-index-walk';
import type { OrgConnectionsStore } from '../store/store';
import { type Attachable, type Auth0Connection, asAuth0Connection, judgeAttachable } from '../upstream/attachable';
import {
  type ManagementApiUpstream,
  type UpstreamAnswer,
  UpstreamUnavailableError,
} from '../upstream/management-api-upstream';
import { answerJson, listItemsOf } from '../upstream/upstream-response';

/*
 * Rollouts: one connection enabled in many organizations, one idempotent step per organization, paced under
 * Auth0's write limit. Everything a rollout is lives in the store, so a handler that restarts (or another instance)
 * resumes it: what it is (`meta`), its status, the organizations in scope, the position of the in-process runner,
 * and per organization a step record: "in flight" before the write is sent, "done" with the outcome after. A step
 * whose write was sent but whose answer was lost is sent again: Auth0's 409 then means our own earlier write.
 * Counts are counters raised once per organization (the "done" record is written only if absent).
 *
 * A dry run (`dry_run: true`) is a rollout that writes nothing: the same store, lease, steps and controls, but each
 * step reads the organization's connections (paced under the read limit) and notes what the rollout would do there
 * (core's `rolloutOutcome`). It is kept an hour (`DRY_RUN_RETENTION_MS`), is never listed by `GET {base}/rollouts`,
 * and runs in this process even with a queue (the queue's limiter is Auth0's write limit).
 */

/** The handler's `rollouts` option. */
export interface RolloutsOptions {
  /**
   * The share of Auth0's organization connection write limit (read from `X-RateLimit-*`) a rollout may use, so
   * that live traffic keeps working: 0.5 by default.
   */
  rateLimitShare?: number;
  /** How long an instance owns a running rollout without renewing it; then another resumes it. 15 000 ms by default. */
  leaseMs?: number;
  /** How long a rollout is kept in the store: 7 days by default. */
  retentionMs?: number;
  /** Runs the steps on a queue instead of in this process (`createBullMQRollouts` from `@org-connections/server/bullmq`). */
  queue?: RolloutQueue;
}

/** Where steps run when one process is not enough: the handler hands it the organizations of a rollout. */
export interface RolloutQueue {
  /** Adds one job per organization (idempotent: the same rollout and organization is one job). */
  enqueue(rolloutId: string, organizationIds: readonly string[]): Promise<void>;
}

export const DEFAULT_ROLLOUT_RATE_LIMIT_SHARE = 0.5;
const DEFAULT_LEASE_MS = 15_000;
const DEFAULT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
/** How long a dry run is kept: it is cheap to run again. */
export const DRY_RUN_RETENTION_MS = 60 * 60 * 1000;
/** Rollouts listed by `GET {base}/rollouts`, newest first. */
const LISTED = 20;
const INDEXED = 50;
const ENQUEUE_CHUNK = 500;
const NETWORK_ATTEMPTS = 3;
const RATE_BUCKET_MS = 10_000;

/** What a rollout is, written once when it starts (and `total` once the organizations are known). */
export interface RolloutMeta {
  id: string;
  actor: string;
  authorization: TenantAdminAuthorization;
  connectionId: string;
  connection: Auth0Connection;
  organizations: 'all' | string[];
  ifEnabled: RolloutInput['ifEnabled'];
  settings: OrgConnectionSettings;
  createdAt: string;
  total: number | null;
  /** A dry run: reads each organization, writes nothing. */
  dryRun?: true;
}

/** A write sent and not yet noted; `afterLostAdd`: an update that follows an add whose answer was lost. */
type StepRecord = { state: 'in_flight'; write: RolloutWrite; afterLostAdd?: boolean };
interface DoneRecord {
  outcome: RolloutOutcome;
  error?: RolloutFailureError;
  /** `false` from the moment the outcome is noted until it is counted: a step taken up again counts it then. */
  counted?: boolean;
}

/** A 429 the step does not wait out itself (a queue's worker hands it to the queue's limiter). */
export class RolloutRateLimitedError extends Error {
  override readonly name = 'RolloutRateLimitedError';
  constructor(readonly waitMs: number) {
    super(`Auth0's write limit is spent; try again in ${waitMs} ms.`);
  }
}

export interface RolloutEngineOptions {
  store: OrgConnectionsStore;
  /** Keeps tenants apart in one store (the domain). */
  namespace: string;
  upstream: ManagementApiUpstream;
  /** Auth0's shared 429 hold, in milliseconds left. */
  holdMs: () => Promise<number>;
  onAudit?: OnAudit | undefined;
  attachable?: { judge: Attachable; timeoutMs: number } | undefined;
  rateLimitShare?: number | undefined;
  leaseMs?: number | undefined;
  retentionMs?: number | undefined;
  queue?: RolloutQueue | undefined;
  clock?: WalkClock;
}

function checkShare(share: number): void {
  if (!(share > 0 && share <= 1)) {
    throw new TypeError(
      'createOrgConnectionsHandler: `rollouts.rateLimitShare` must be a number above 0 and at most 1.',
    );
  }
}

export function checkRolloutsOptions(options: RolloutsOptions | false | undefined): void {
  if (options === undefined || options === false) return;
  if (options.rateLimitShare !== undefined) checkShare(options.rateLimitShare);
  for (const name of ['leaseMs', 'retentionMs'] as const) {
    const value = options[name];
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
      throw new TypeError(
        `createOrgConnectionsHandler: \`rollouts.${name}\` must be a positive number of milliseconds.`,
      );
    }
  }
}

function errorKindOf(status: number): OrgConnectionsErrorKind {
  if (status === 400) return 'invalid_request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  return 'server';
}

function errorCodeOf(answer: UpstreamAnswer): string | undefined {
  const body = answerJson(answer);
  if (typeof body !== 'object' || body === null) return undefined;
  const code = (body as { errorCode?: unknown }).errorCode;
  return typeof code === 'string' ? code : undefined;
}

/** Why Auth0 refused: the error's kind from its status, and its code when it gave one. */
function failureErrorOf(answer: UpstreamAnswer): RolloutFailureError {
  const code = errorCodeOf(answer);
  return { kind: errorKindOf(answer.status), status: answer.status, ...(code ? { code } : {}) };
}

function randomId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return `rol_${Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('')}`;
}

function parse<T>(value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value) as T;
  } catch {
    return undefined;
  }
}

/** How a step waits: in this process (the pacer and the shared hold), or handing a 429 to a queue. */
export interface StepPacing {
  beforeWrite(): Promise<void>;
  /** After each answer: how long to wait before sending again (a 429), or `undefined`. May throw for a queue. */
  afterAnswer(answer: UpstreamAnswer): number | undefined;
}

export type RolloutEngine = ReturnType<typeof createRolloutEngine>;

const engines = new WeakMap<object, RolloutEngine>();

/** Ties a handler to its rollout engine, for a queue's workers. */
export function registerRolloutEngine(handler: object, engine: RolloutEngine): void {
  engines.set(handler, engine);
}

/** The rollout engine of a handler made by `createOrgConnectionsHandler` (with rollouts on). */
export function rolloutEngineOf(handler: object): RolloutEngine | undefined {
  return engines.get(handler);
}

export function createRolloutEngine(options: RolloutEngineOptions) {
  const { store, upstream } = options;
  const clock = options.clock ?? REAL_CLOCK;
  const share = options.rateLimitShare ?? DEFAULT_ROLLOUT_RATE_LIMIT_SHARE;
  checkShare(share);
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  const ns = options.namespace;
  const key = {
    index: `rollouts:${ns}`,
    dryRuns: `rollouts:${ns}:dry-runs`,
    meta: (id: string) => `rollout:${ns}:${id}`,
    status: (id: string) => `rollout:${ns}:${id}:status`,
    pausedReason: (id: string) => `rollout:${ns}:${id}:paused-reason`,
    orgs: (id: string) => `rollout:${ns}:${id}:organizations`,
    position: (id: string) => `rollout:${ns}:${id}:position`,
    enqueued: (id: string) => `rollout:${ns}:${id}:enqueued`,
    updated: (id: string) => `rollout:${ns}:${id}:updated`,
    lease: (id: string) => `rollout:${ns}:${id}:lease`,
    step: (id: string, organizationId: string) => `rollout:${ns}:${id}:step:${organizationId}`,
    done: (id: string, organizationId: string) => `rollout:${ns}:${id}:done:${organizationId}`,
    count: (id: string, name: keyof RolloutCounts) => `rollout:${ns}:${id}:count:${name}`,
    retried: (id: string) => `rollout:${ns}:${id}:retried`,
    epoch: (id: string) => `rollout:${ns}:${id}:failures:epoch`,
    failureCount: (id: string, epoch: number) => `rollout:${ns}:${id}:failures:${epoch}:count`,
    failure: (id: string, epoch: number, n: number) => `rollout:${ns}:${id}:failures:${epoch}:${n}`,
    rate: (id: string, bucket: number) => `rollout:${ns}:${id}:rate:${bucket}`,
  };
  const running = new Set<string>();
  // Reads and writes each keep to their share and wait out Auth0's shared 429 hold, whoever's 429 set it.
  const pacing = { maxRateLimitedInARow: Number.POSITIVE_INFINITY, holdMs: options.holdMs };
  const readPacer = createRateLimitPacer(share, clock, pacing);
  const writePacer = createRateLimitPacer(share, clock, pacing);

  /** How long a rollout's records are kept: a dry run an hour, a rollout `retentionMs`. */
  const keptFor = (meta: { dryRun?: boolean | undefined }) =>
    meta.dryRun === true ? DRY_RUN_RETENTION_MS : retentionMs;
  const put = (name: string, value: string, ttlMs = retentionMs) => store.set(name, value, ttlMs);
  const number = async (name: string) => {
    const value = Number(await store.get(name));
    return Number.isFinite(value) ? value : 0;
  };

  async function loadMeta(id: string): Promise<RolloutMeta | undefined> {
    return parse<RolloutMeta>(await store.get(key.meta(id)));
  }
  async function loadOrganizations(id: string): Promise<string[] | undefined> {
    return parse<string[]>(await store.get(key.orgs(id)));
  }
  async function status(id: string): Promise<RolloutStatus | undefined> {
    return (await store.get(key.status(id))) as RolloutStatus | undefined;
  }

  /** A read of the Management API, paced under the read limit, after the shared hold, and waiting out its 429s. */
  async function read(path: string, query?: URLSearchParams): Promise<UpstreamAnswer> {
    for (;;) {
      await readPacer.beforeRequest();
      const answer = await upstream({ method: 'GET', path, ...(query === undefined ? {} : { query }) });
      const wait = readPacer.afterAnswer(answer);
      if (wait === undefined) return answer;
      await clock.sleep(wait);
    }
  }

  /** The connection as Auth0 has it (its kind for the rules, its metadata for `attachable`), or Auth0's answer. */
  async function readConnection(connectionId: string): Promise<Auth0Connection | UpstreamAnswer> {
    const query = new URLSearchParams({ fields: 'id,name,display_name,strategy,metadata', include_fields: 'true' });
    const answer = await read(`/connections/${encodeURIComponent(connectionId)}`, query);
    if (answer.status !== 200) return answer;
    return asAuth0Connection(answerJson(answer)) ?? answer;
  }

  /** Every organization of the tenant, with checkpoint pagination (`from`/`take`), paced under the read limit. */
  async function walkOrganizations(): Promise<string[] | UpstreamAnswer> {
    const ids: string[] = [];
    let from: string | undefined;
    for (;;) {
      const query = new URLSearchParams({ take: '100' });
      if (from !== undefined) query.set('from', from);
      const answer = await read('/organizations', query);
      if (answer.status !== 200) return answer;
      const body = answerJson(answer) as { organizations?: unknown; next?: unknown } | undefined;
      if (!Array.isArray(body?.organizations)) return answer;
      for (const organization of body.organizations as { id?: unknown }[]) {
        if (typeof organization?.id === 'string') ids.push(organization.id);
      }
      if (typeof body.next !== 'string' || body.next === '' || body.organizations.length === 0) return ids;
      from = body.next;
    }
  }

  /** The organizations in scope: a list as given; `all` walked (for staff limited to some, theirs). */
  async function scope(meta: Pick<RolloutMeta, 'organizations' | 'authorization'>) {
    if (meta.organizations !== 'all') return meta.organizations;
    const limitedTo = meta.authorization.organizations;
    if (limitedTo !== undefined && limitedTo !== '*') return [...limitedTo];
    return walkOrganizations();
  }

  async function judge(meta: RolloutMeta, organizationId: string): Promise<RolloutFailureError | undefined> {
    if (options.attachable === undefined) return undefined;
    const judged = await judgeAttachable(
      options.attachable.judge,
      meta.connection,
      organizationId,
      meta.authorization,
      options.attachable.timeoutMs,
    );
    if (judged.verdict === 'attachable') return undefined;
    const code = judged.verdict === 'not_attachable' ? 'connection_not_attachable' : 'attachable_unavailable';
    return { kind: 'forbidden', code, status: 403 };
  }

  function writeRequest(meta: RolloutMeta, organizationId: string, write: RolloutWrite) {
    const organization = `/organizations/${encodeURIComponent(organizationId)}/connections`;
    const settings = toWireSettings(meta.settings);
    return write === 'add'
      ? { method: 'POST' as const, path: organization, body: { connection_id: meta.connectionId, ...settings } }
      : { method: 'PATCH' as const, path: `${organization}/${encodeURIComponent(meta.connectionId)}`, body: settings };
  }

  async function audit(
    meta: RolloutMeta,
    organizationId: string,
    write: RolloutWrite,
    answer: UpstreamAnswer | undefined,
    error: RolloutFailureError | undefined,
  ): Promise<void> {
    if (options.onAudit === undefined) return;
    try {
      await options.onAudit({
        actor: meta.actor,
        view: 'tenant-admin',
        organizationId,
        connectionId: meta.connectionId,
        action: write,
        changes: meta.settings,
        outcome: answer === undefined ? 'refused' : 'allowed',
        status: answer?.status ?? error?.status ?? 502,
        ...(error?.code === undefined ? {} : { errorCode: error.code }),
        at: new Date(clock.now()).toISOString(),
        requestId: `${meta.id}:${organizationId}`,
        rolloutId: meta.id,
      });
    } catch {
      // The host's audit sink failing does not stop the rollout.
    }
  }

  /** Notes an organization's outcome once: the counter, the failure, the rate; `false` when already noted. */
  async function record(meta: RolloutMeta, organizationId: string, done: DoneRecord): Promise<boolean> {
    const id = meta.id;
    const noted = JSON.stringify({ ...done, counted: false } satisfies DoneRecord);
    if (!(await store.setIfAbsent(key.done(id, organizationId), noted, keptFor(meta)))) return false;
    await count(meta, organizationId, done);
    return true;
  }

  async function count(meta: RolloutMeta, organizationId: string, done: DoneRecord): Promise<void> {
    const id = meta.id;
    const ttl = keptFor(meta);
    await store.increment(key.count(id, rolloutCountOf(done.outcome)), ttl);
    if (done.outcome === 'failed') {
      const epoch = await number(key.epoch(id));
      const { count } = await store.increment(key.failureCount(id, epoch), ttl);
      await put(key.failure(id, epoch, count), JSON.stringify({ organizationId, error: done.error }), ttl);
    }
    await store.increment(key.rate(id, Math.floor(clock.now() / RATE_BUCKET_MS)), 70_000);
    await put(key.updated(id), new Date(clock.now()).toISOString(), ttl);
    await put(key.done(id, organizationId), JSON.stringify({ ...done, counted: true } satisfies DoneRecord), ttl);
    await store.delete(key.step(id, organizationId));
  }

  /**
   * One organization's step, idempotent: nothing when its outcome is already noted; otherwise the add (a 409
   * "already exists": skip, or update), noted before the next step. The in-flight record written before each write
   * makes a step that lost its answer (a crash) count Auth0's 409 as its own add.
   */
  async function runStep(meta: RolloutMeta, organizationId: string, pacing: StepPacing): Promise<void> {
    const id = meta.id;
    const noted = parse<DoneRecord>(await store.get(key.done(id, organizationId)));
    if (noted !== undefined) {
      // Noted but not counted: the instance stopped in between.
      if (noted.counted === false) await count(meta, organizationId, noted);
      return;
    }
    const refused = await judge(meta, organizationId);
    if (refused !== undefined) {
      if ((await record(meta, organizationId, { outcome: 'failed', error: refused })) && meta.dryRun !== true) {
        await audit(meta, organizationId, 'add', undefined, refused);
      }
      return;
    }
    if (meta.dryRun === true) {
      await record(meta, organizationId, await dryRunOutcome(meta, organizationId));
      return;
    }
    const pending = parse<StepRecord>(await store.get(key.step(id, organizationId)));
    let write: RolloutWrite = pending?.write ?? 'add';
    let inFlight = pending !== undefined;
    let afterLostAdd = pending?.afterLostAdd === true;
    let unreachable = 0;
    for (;;) {
      await pacing.beforeWrite();
      const step: StepRecord = { state: 'in_flight', write, ...(afterLostAdd && { afterLostAdd }) };
      await put(key.step(id, organizationId), JSON.stringify(step));
      let answer: UpstreamAnswer;
      try {
        answer = await upstream(writeRequest(meta, organizationId, write));
      } catch (error) {
        if (!(error instanceof UpstreamUnavailableError)) throw error;
        unreachable += 1;
        if (unreachable < NETWORK_ATTEMPTS) {
          await clock.sleep(1000 * 2 ** unreachable);
          inFlight = true;
          continue;
        }
        const failure: RolloutFailureError = { kind: 'network', code: error.reason };
        if (await record(meta, organizationId, { outcome: 'failed', error: failure })) {
          await audit(meta, organizationId, write, undefined, failure);
        }
        return;
      }
      let wait: number | undefined;
      try {
        wait = pacing.afterAnswer(answer);
      } catch (error) {
        // A 429 handed to a queue: Auth0 wrote nothing, so no in-flight record unless an earlier attempt left one.
        if (!inFlight) await store.delete(key.step(id, organizationId));
        throw error;
      }
      if (wait !== undefined) {
        if (!inFlight) await store.delete(key.step(id, organizationId));
        await clock.sleep(wait);
        continue;
      }
      const ok = answer.status >= 200 && answer.status < 300;
      const code = ok ? undefined : errorCodeOf(answer);
      const next = rolloutStepOutcome({
        ifEnabled: meta.ifEnabled,
        write,
        inFlight,
        afterLostAdd,
        result: ok
          ? { ok: true }
          : { ok: false, status: answer.status, kind: errorKindOf(answer.status), ...(code ? { code } : {}) },
      });
      if (next === 'retry') continue;
      if (next === 'update') {
        afterLostAdd = inFlight;
        write = 'update';
        inFlight = false;
        continue;
      }
      const error: RolloutFailureError | undefined = next === 'failed' ? failureErrorOf(answer) : undefined;
      if (await record(meta, organizationId, { outcome: next, ...(error ? { error } : {}) })) {
        await audit(meta, organizationId, write, answer, error ?? (code ? { kind: 'conflict', code } : undefined));
      }
      return;
    }
  }

  /**
   * A dry run's step: what the rollout would do in the organization, from its connections (one read, paced under the
   * read limit, its 429s waited out); a refused read or an unreachable Auth0 is that organization's failure.
   */
  async function dryRunOutcome(meta: RolloutMeta, organizationId: string): Promise<DoneRecord> {
    const path = `/organizations/${encodeURIComponent(organizationId)}/connections`;
    const query = new URLSearchParams({ page: '0', per_page: '100' });
    let answer: UpstreamAnswer | undefined;
    for (let attempt = 1; answer === undefined; attempt += 1) {
      try {
        answer = await read(path, query);
      } catch (error) {
        if (!(error instanceof UpstreamUnavailableError)) throw error;
        if (attempt >= NETWORK_ATTEMPTS) return { outcome: 'failed', error: { kind: 'network', code: error.reason } };
        await clock.sleep(1000 * 2 ** attempt);
      }
    }
    const items = listItemsOf(answerJson(answer));
    if (answer.status !== 200 || items === undefined) return { outcome: 'failed', error: failureErrorOf(answer) };
    const alreadyEnabled = items.some(
      (item) => (item as { connection_id?: unknown })?.connection_id === meta.connectionId,
    );
    return { outcome: rolloutOutcome(meta.ifEnabled, { alreadyEnabled, connectionCount: items.length }) };
  }

  /** In this process: the pacer under `share` of the write limit, and Auth0's shared 429 hold. */
  const inProcessPacing: StepPacing = {
    beforeWrite: () => writePacer.beforeRequest(),
    afterAnswer: (answer) => writePacer.afterAnswer(answer),
  };

  /**
   * Takes the rollout's lease: `undefined` when another instance (or this one) runs it. The lease is renewed only
   * while this instance still holds it (compare-and-set on its own token): once it finds the lease taken by another
   * (this one stalled past it), `held()` is false and the runner stops, so two instances never run one rollout on.
   */
  async function lease(id: string): Promise<{ held: () => boolean; release: () => Promise<void> } | undefined> {
    if (running.has(id)) return undefined;
    const token = crypto.randomUUID();
    if (!(await store.setIfAbsent(key.lease(id), token, leaseMs))) return undefined;
    running.add(id);
    let held = true;
    const renew = setInterval(
      () => {
        void store
          .extendIfEqual(key.lease(id), token, leaseMs)
          .then((kept) => {
            if (!kept) held = false;
          })
          .catch(() => undefined);
      },
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    renew.unref?.();
    return {
      held: () => held,
      release: async () => {
        clearInterval(renew);
        running.delete(id);
        await store.deleteIfEqual(key.lease(id), token).catch(() => undefined);
      },
    };
  }

  /** The organizations in scope, walked once and kept; `undefined` when the walk failed (the rollout is stopped). */
  async function organizationsOf(meta: RolloutMeta): Promise<string[] | undefined> {
    const known = await loadOrganizations(meta.id);
    if (known !== undefined) return known;
    const found = await scope(meta);
    if (!Array.isArray(found)) {
      // Auth0 refused the walk (scope missing, 5xx): the rollout stops where it is, saying why; resume asks again.
      await put(key.pausedReason(meta.id), JSON.stringify(failureErrorOf(found)), keptFor(meta));
      await put(key.status(meta.id), 'paused', keptFor(meta));
      return undefined;
    }
    const unique = [...new Set(found)];
    await put(key.orgs(meta.id), JSON.stringify(unique), keptFor(meta));
    await put(
      key.meta(meta.id),
      JSON.stringify({ ...meta, total: unique.length } satisfies RolloutMeta),
      keptFor(meta),
    );
    return unique;
  }

  /** Runs a running rollout in this process until it is done, paused or cancelled (or hands it to the queue). */
  async function run(id: string): Promise<void> {
    const taken = await lease(id).catch(() => undefined);
    if (taken === undefined) return;
    let stoppedByStatus = false;
    try {
      const meta = await loadMeta(id);
      if (meta === undefined || (await status(id)) !== 'running') return;
      let organizations = await organizationsOf(meta);
      if (organizations === undefined) return;
      if (options.queue !== undefined && meta.dryRun !== true) {
        let enqueued = await number(key.enqueued(id));
        while (enqueued < organizations.length) {
          const chunk = organizations.slice(enqueued, enqueued + ENQUEUE_CHUNK);
          await options.queue.enqueue(id, chunk);
          enqueued += chunk.length;
          await put(key.enqueued(id), String(enqueued));
        }
        await finishIfComplete(id);
        return;
      }
      let position = await number(key.position(id));
      for (;;) {
        // Another instance holds the lease now: it runs the rollout on from the position saved.
        if (!taken.held()) return;
        if ((await status(id)) !== 'running') {
          stoppedByStatus = true;
          return;
        }
        if (position >= organizations.length) {
          // A retry appends the failed organizations: read the list again before finishing.
          organizations = (await loadOrganizations(id)) ?? organizations;
          if (position >= organizations.length) {
            await reconcile(meta, organizations);
            if ((await status(id)) === 'running') await put(key.status(id), 'done', keptFor(meta));
            return;
          }
        }
        const organizationId = organizations[position] as string;
        await runStep(meta, organizationId, inProcessPacing);
        position += 1;
        await put(key.position(id), String(position), keptFor(meta));
      }
    } finally {
      await taken.release();
      // Resumed in the moment between this runner seeing "paused" and letting go: run on.
      if (stoppedByStatus && (await status(id).catch(() => undefined)) === 'running') start(id);
    }
  }

  function start(id: string): void {
    void run(id).catch(() => undefined);
  }

  async function counts(id: string, total: number | null): Promise<RolloutCounts> {
    const values = emptyRolloutCounts();
    const names = ['added', 'updated', 'skippedEnabled', 'skippedLimit', 'failed'] as const;
    const [retried, ...found] = await Promise.all([
      number(key.retried(id)),
      ...names.map((name) => number(key.count(id, name))),
    ]);
    names.forEach((name, index) => {
      values[name] = found[index] ?? 0;
    });
    values.failed = Math.max(0, values.failed - retried);
    const finished = names.reduce((sum, name) => sum + values[name], 0);
    values.pending = total === null ? 0 : Math.max(0, total - finished);
    return values;
  }

  /**
   * The counters again from each organization's outcome, when they do not add up (an instance stopped between
   * noting an outcome and counting it): one read per organization, only then.
   */
  async function reconcile(meta: RolloutMeta, organizations: readonly string[]): Promise<void> {
    const id = meta.id;
    if ((await counts(id, new Set(organizations).size)).pending === 0) return;
    const tally = emptyRolloutCounts();
    for (const organizationId of new Set(organizations)) {
      const done = parse<DoneRecord>(await store.get(key.done(id, organizationId)));
      if (done !== undefined) tally[rolloutCountOf(done.outcome)] += 1;
    }
    const names = ['added', 'updated', 'skippedEnabled', 'skippedLimit', 'failed'] as const;
    await Promise.all(names.map((name) => put(key.count(id, name), String(tally[name]), keptFor(meta))));
    await put(key.retried(id), '0', keptFor(meta));
  }

  /** With a queue: the rollout is done when every organization has its outcome. */
  async function finishIfComplete(id: string): Promise<void> {
    const meta = await loadMeta(id);
    if (meta === undefined || meta.total === null) return;
    const { pending } = await counts(id, meta.total);
    if (pending === 0 && (await status(id)) === 'running') await put(key.status(id), 'done', keptFor(meta));
  }

  async function failures(id: string): Promise<RolloutFailure[]> {
    const epoch = await number(key.epoch(id));
    const count = await number(key.failureCount(id, epoch));
    const found = await Promise.all(
      Array.from({ length: count }, (_, index) =>
        store.get(key.failure(id, epoch, index + 1)).then((value) => parse<RolloutFailure>(value)),
      ),
    );
    return found.filter((failure): failure is RolloutFailure => failure !== undefined);
  }

  async function view(id: string): Promise<Rollout | undefined> {
    const meta = await loadMeta(id);
    if (meta === undefined) return undefined;
    const now = clock.now();
    const bucket = Math.floor(now / RATE_BUCKET_MS);
    const [current, pausedReason, rollCounts, rollFailures, updated, rates] = await Promise.all([
      status(id),
      store.get(key.pausedReason(id)).then((value) => parse<RolloutFailureError>(value)),
      counts(id, meta.total),
      failures(id),
      store.get(key.updated(id)),
      Promise.all(Array.from({ length: 6 }, (_, index) => number(key.rate(id, bucket - index)))),
    ]);
    return {
      id,
      status: current ?? 'running',
      ...(current === 'paused' && pausedReason !== undefined ? { pausedReason } : {}),
      connectionId: meta.connectionId,
      organizations: meta.organizations,
      ifEnabled: meta.ifEnabled,
      settings: meta.settings,
      counts: rollCounts,
      total: meta.total,
      failures: rollFailures,
      ratePerMinute: rates.reduce((sum, rate) => sum + rate, 0),
      createdAt: meta.createdAt,
      updatedAt: updated ?? meta.createdAt,
      dryRun: meta.dryRun === true,
    };
  }

  return {
    /** How long Auth0's shared 429 hold still lasts (0 when none). */
    holdMs: () => options.holdMs(),

    /** Resumes every running rollout of the tenant no instance holds (after a restart, or a dead instance). */
    async resume(): Promise<void> {
      const ids = [key.index, key.dryRuns].map(async (name) => parse<string[]>(await store.get(name)) ?? []);
      for (const id of (await Promise.all(ids)).flat()) if ((await status(id)) === 'running') start(id);
    },

    /** The connection's kind, or Auth0's answer when it cannot be read (a missing connection: its 404). */
    async connection(
      connectionId: string,
    ): Promise<{ kind: ConnectionKind; connection: Auth0Connection } | UpstreamAnswer> {
      const connection = await readConnection(connectionId);
      if ('status' in connection && 'headers' in connection) return connection;
      return { kind: connectionKind(connection.strategy), connection };
    },

    async create(
      input: RolloutInput,
      authorization: TenantAdminAuthorization,
      connection: Auth0Connection,
    ): Promise<Rollout> {
      const id = randomId();
      const meta: RolloutMeta = {
        id,
        actor: authorization.actor,
        authorization,
        connectionId: input.connectionId,
        connection,
        organizations: input.organizations,
        ifEnabled: input.ifEnabled,
        settings: input.settings,
        createdAt: new Date(clock.now()).toISOString(),
        total: input.organizations === 'all' ? null : input.organizations.length,
        ...(input.dryRun === true && { dryRun: true }),
      };
      const ttl = keptFor(meta);
      await put(key.meta(id), JSON.stringify(meta), ttl);
      if (input.organizations !== 'all') await put(key.orgs(id), JSON.stringify(input.organizations), ttl);
      await put(key.status(id), 'running', ttl);
      // Dry runs have an index of their own (for `resume`), apart from the rollouts `GET {base}/rollouts` lists.
      const indexKey = meta.dryRun === true ? key.dryRuns : key.index;
      const index = parse<string[]>(await store.get(indexKey)) ?? [];
      await put(indexKey, JSON.stringify([id, ...index.filter((other) => other !== id)].slice(0, INDEXED)), ttl);
      start(id);
      return (await view(id)) as Rollout;
    },

    view,

    async list(): Promise<Rollout[]> {
      const ids = parse<string[]>(await store.get(key.index)) ?? [];
      const rollouts = await Promise.all(ids.slice(0, LISTED).map((id) => view(id)));
      return rollouts.filter((rollout): rollout is Rollout => rollout !== undefined);
    },

    /**
     * Applies a control; `conflict` when the rollout's state does not allow it (a finished rollout cannot be
     * paused, a cancelled one not resumed, nothing failed to retry).
     */
    async control(id: string, control: RolloutControl): Promise<Rollout | 'not_found' | 'conflict'> {
      const current = await view(id);
      if (current === undefined) return 'not_found';
      const { status: was } = current;
      const ttl = keptFor(current);
      if (control === 'pause') {
        if (was === 'done' || was === 'cancelled') return 'conflict';
        await put(key.status(id), 'paused', ttl);
      } else if (control === 'resume') {
        if (was === 'done' || was === 'cancelled') return 'conflict';
        await store.delete(key.pausedReason(id));
        await put(key.status(id), 'running', ttl);
        start(id);
      } else if (control === 'cancel') {
        if (was === 'done') return 'conflict';
        await put(key.status(id), 'cancelled', ttl);
      } else {
        if (was === 'cancelled' || current.failures.length === 0) return 'conflict';
        const again = [...new Set(current.failures.map(({ organizationId }) => organizationId))];
        // A new failures list; the failed ones are counted out and their steps made again.
        await put(key.epoch(id), String((await number(key.epoch(id))) + 1), ttl);
        await put(key.retried(id), String((await number(key.retried(id))) + again.length), ttl);
        await Promise.all(again.map((organizationId) => store.delete(key.done(id, organizationId))));
        const organizations = (await loadOrganizations(id)) ?? [];
        await put(key.orgs(id), JSON.stringify([...organizations, ...again]), ttl);
        await put(key.status(id), 'running', ttl);
        if (options.queue !== undefined && current.dryRun !== true) await options.queue.enqueue(id, again);
        await put(key.enqueued(id), String(organizations.length + again.length), ttl);
        start(id);
      }
      return (await view(id)) as Rollout;
    },

    /** One step on a queue's worker: `skipped` while paused (the job waits), nothing once cancelled. */
    async step(id: string, organizationId: string, pacing: StepPacing): Promise<'done' | 'paused' | 'cancelled'> {
      const meta = await loadMeta(id);
      const current = await status(id);
      if (meta === undefined || current === 'cancelled') return 'cancelled';
      if (current === 'paused') return 'paused';
      await runStep(meta, organizationId, pacing);
      await finishIfComplete(id);
      return 'done';
    },
  };
}

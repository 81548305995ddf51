import type { OrgConnectionsHandler } from './handler/create-org-connections-handler';
import { type RolloutQueue, RolloutRateLimitedError, rolloutEngineOf, type StepPacing } from './rollouts/rollouts';
import type { UpstreamAnswer } from './upstream/management-api-upstream';

/*
 * `@org-connections/server/bullmq`: a rollout's steps as BullMQ jobs, for when one process is not enough (a
 * serverless handler cannot run for hours; several workers share one pace). One queue per tenant, whose rate
 * limiter holds `rateLimitShare × writeLimit` across every worker; one job per organization, its id
 * `rolloutId-organizationId` (BullMQ 6.7 refuses a custom id with one ':' in it); a 429 from Auth0 rate-limits the
 * whole queue until Auth0's reset. `bullmq` (an optional peer dependency) is loaded only when a queue is used.
 */

/** Auth0's write limit for organization connections on the tenant's plan. */
export interface RolloutWriteLimit {
  /** 25 on Essentials and Professional, 150 on Enterprise. */
  requests: number;
  /** 60. */
  perSeconds: number;
}

export interface BullMQRolloutsOptions {
  /**
   * What BullMQ connects with: ioredis options (`{ host, port }`) or an ioredis client. A worker's client needs
   * `maxRetriesPerRequest: null` (BullMQ's rule).
   */
  connection: object;
  /** The tenant's domain: the queue is the tenant's (`org-connections-rollouts-{domain}`). */
  domain: string;
  /** Auth0's limit for organization connection writes on the tenant's plan. */
  writeLimit: RolloutWriteLimit;
  /** The share of it the workers take together (give the handler's `rollouts.rateLimitShare` the same); 0.5 by default. */
  rateLimitShare?: number;
  /** BullMQ's key prefix (`bull` by default). */
  prefix?: string;
}

export interface BullMQRolloutWorker {
  /** Stops taking jobs and waits for the one under way. */
  close(): Promise<void>;
}

/** The queue a handler's `rollouts: { queue }` hands the organizations to, and the workers that run them. */
export interface BullMQRollouts extends RolloutQueue {
  readonly queueName: string;
  /** The most steps the workers start together in each `writeLimit.perSeconds`. */
  readonly pace: { max: number; durationMs: number };
  /**
   * Starts a worker that runs the steps with this handler's token, store and audit (a handler made with
   * `rollouts: { queue }` and the shared store; each worker process makes its own).
   */
  work(handler: OrgConnectionsHandler, options?: { concurrency?: number }): Promise<BullMQRolloutWorker>;
  /** Closes the queue's connection (workers close on their own). */
  close(): Promise<void>;
}

interface StepJob {
  rolloutId: string;
  organizationId: string;
}

/** How long a paused rollout's job waits before it looks again. */
const PAUSED_RECHECK_MS = 2000;

/** The separator of `rolloutId` and `organizationId` in a job id. */
export const ROLLOUT_JOB_ID_SEPARATOR = '-';

export function rolloutJobId(rolloutId: string, organizationId: string): string {
  return `${rolloutId}${ROLLOUT_JOB_ID_SEPARATOR}${organizationId}`;
}

function headerNumber(answer: UpstreamAnswer, name: string): number | undefined {
  const value = answer.headers.get(name);
  return value !== null && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : undefined;
}

/** How long Auth0 asked to wait: until `X-RateLimit-Reset`, or `Retry-After`, or a second. */
function waitOf(answer: UpstreamAnswer): number {
  const reset = headerNumber(answer, 'x-ratelimit-reset');
  if (reset !== undefined) return Math.max(1000, reset * 1000 - Date.now());
  const retryAfter = headerNumber(answer, 'retry-after');
  return Math.max(1000, (retryAfter ?? 1) * 1000);
}

async function loadBullMQ() {
  try {
    return await import('bullmq');
  } catch {
    throw new Error('@org-connections/server/bullmq needs the bullmq package: pnpm add bullmq');
  }
}

/**
 * A tenant's rollout queue on BullMQ. Give it to the handler (`rollouts: { queue }`, with a shared store such as
 * `createRedisStore`), and start workers with `work(handler)` in as many processes as needed.
 */
export function createBullMQRollouts(options: BullMQRolloutsOptions): BullMQRollouts {
  const share = options.rateLimitShare ?? 0.5;
  const { requests, perSeconds } = options.writeLimit;
  if (!(share > 0 && share <= 1))
    throw new TypeError('createBullMQRollouts: `rateLimitShare` must be above 0 and at most 1.');
  if (!(Number.isInteger(requests) && requests >= 1 && perSeconds > 0)) {
    throw new TypeError(
      'createBullMQRollouts: `writeLimit` must be { requests: a whole number >= 1, perSeconds: > 0 }.',
    );
  }
  const queueName = `org-connections-rollouts-${options.domain.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  const pace = { max: Math.max(1, Math.floor(share * requests)), durationMs: perSeconds * 1000 };
  const base = { connection: options.connection, ...(options.prefix === undefined ? {} : { prefix: options.prefix }) };
  let queue: Promise<import('bullmq').Queue<StepJob>> | undefined;
  const queueOf = () => {
    queue ??= loadBullMQ().then(({ Queue }) => new Queue<StepJob>(queueName, base as never));
    return queue;
  };

  return {
    queueName,
    pace,
    async enqueue(rolloutId, organizationIds) {
      const target = await queueOf();
      await target.addBulk(
        organizationIds.map((organizationId) => ({
          name: 'rollout-step',
          data: { rolloutId, organizationId },
          opts: {
            jobId: rolloutJobId(rolloutId, organizationId),
            removeOnComplete: true,
            removeOnFail: true,
            attempts: 5,
            backoff: { type: 'exponential', delay: 1000 },
          },
        })),
      );
    },
    async work(handler, workOptions = {}) {
      const engine = rolloutEngineOf(handler);
      if (engine === undefined) {
        throw new TypeError(
          'createBullMQRollouts: work() takes a handler made by createOrgConnectionsHandler with rollouts on.',
        );
      }
      const { Worker, DelayedError } = await loadBullMQ();
      const pacing: StepPacing = {
        async beforeWrite() {
          const held = await engine.holdMs().catch(() => 0);
          if (held > 0) throw new RolloutRateLimitedError(held);
        },
        afterAnswer(answer) {
          if (answer.status !== 429) return undefined;
          throw new RolloutRateLimitedError(waitOf(answer));
        },
      };
      const worker: import('bullmq').Worker<StepJob> = new Worker<StepJob>(
        queueName,
        async (job, token) => {
          try {
            const result = await engine.step(job.data.rolloutId, job.data.organizationId, pacing);
            if (result === 'paused') {
              await job.moveToDelayed(Date.now() + PAUSED_RECHECK_MS, token);
              throw new DelayedError();
            }
            return result;
          } catch (error) {
            if (error instanceof RolloutRateLimitedError) {
              // Auth0 said wait: the whole queue waits (every worker), and the job is taken again after.
              await worker.rateLimit(error.waitMs);
              throw Worker.RateLimitError();
            }
            throw error;
          }
        },
        {
          ...(base as object),
          concurrency: workOptions.concurrency ?? 1,
          limiter: { max: pace.max, duration: pace.durationMs },
        } as never,
      );
      worker.on('error', () => undefined);
      return { close: () => worker.close() };
    },
    async close() {
      if (queue !== undefined) await (await queue).close();
    },
  };
}

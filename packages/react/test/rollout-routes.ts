import { type WireRollout, type WireRolloutCounts, wireRolloutRequestSchema } from '@org-connections/core/wire';
import { HttpResponse, http } from 'msw';

export interface RolloutRouteRequest {
  method: string;
  path: string;
  body: unknown;
}

const counts = (changes: Partial<WireRolloutCounts> = {}): WireRolloutCounts => ({
  added: 0,
  updated: 0,
  skipped_enabled: 0,
  skipped_limit: 0,
  failed: 0,
  pending: 0,
  ...changes,
});

/**
 * `@org-connections/server`'s `{base}/rollouts` routes as the protocol states them, served by MSW from memory for the
 * React tests: a body is checked with core's strict request schema (a 400 naming the field), a start creates a
 * running rollout over `total` organizations, the controls change its status, and the test moves its progress with
 * `update` (a rollout's pace is the server's business; its own tests cover it). A dry run (`dry_run: true`) is a
 * rollout resource too (`dry_run: true` on it), never listed: each read of it moves it on, done with the `preview`
 * counts at the `previewReads`th read (0: only `update` moves it).
 */
export function createRolloutRoutes(baseUrl: string) {
  const rollouts: WireRollout[] = [];
  const dryRuns: WireRollout[] = [];
  const reads = new Map<string, number>();
  // Dry run ids are never reused, not even after the test empties `dryRuns` (a late cancel must not hit a new one).
  let dryRunsMade = 0;
  const requests: RolloutRouteRequest[] = [];
  const routes = {
    requests,
    /** What a dry run answers, and how many organizations a started rollout covers. */
    preview: counts({ added: 4812, skipped_limit: 37, skipped_enabled: 12 }),
    total: 4861,
    /** How many reads of a dry run until it is done (0: never on its own). */
    previewReads: 1,
    /** The next write's failure (status and Management API body), once. */
    failNext: undefined as { status: number; body: unknown } | undefined,
    /** How many of the next reads of one rollout or dry run answer 503 (`Infinity`: until the test says 0). */
    failedReads: 0,
    rollouts,
    dryRuns,
    find: (id: string) => [...rollouts, ...dryRuns].find((rollout) => rollout.id === id),
    /** Adds a rollout as the server would hold it (another tab's, or one started before a reload). */
    add(rollout: Partial<WireRollout> & Pick<WireRollout, 'connection_id'>): WireRollout {
      const now = new Date().toISOString();
      const created: WireRollout = {
        id: `rol_${rollouts.length + 1}`,
        status: 'running',
        organizations: 'all',
        if_enabled: 'skip',
        settings: { is_enabled: true },
        counts: counts({ pending: routes.total }),
        total: routes.total,
        failures: [],
        rate_per_minute: 0,
        created_at: now,
        updated_at: now,
        ...rollout,
      };
      rollouts.unshift(created);
      return created;
    },
    update(id: string, changes: Partial<Omit<WireRollout, 'counts'>> & { counts?: Partial<WireRolloutCounts> }) {
      const rollout = routes.find(id);
      if (!rollout) throw new Error(`No rollout ${id}.`);
      Object.assign(rollout, { ...changes, counts: { ...rollout.counts, ...changes.counts } });
    },
  };
  const record = (request: Request, body?: unknown) =>
    requests.push({ method: request.method, path: new URL(request.url).pathname, body });
  const failure = () => {
    const fail = routes.failNext;
    routes.failNext = undefined;
    return fail && HttpResponse.json(fail.body as Record<string, unknown>, { status: fail.status });
  };

  const handlers = [
    http.post(`${baseUrl}/rollouts`, async ({ request }) => {
      const body = await request.json();
      record(request, body);
      const failed = failure();
      if (failed) return failed;
      const parsed = wireRolloutRequestSchema.safeParse(body);
      if (!parsed.success) {
        const field = parsed.error.issues[0]?.path.join('.');
        return HttpResponse.json(
          { statusCode: 400, error: 'Bad Request', message: `Invalid ${field}`, errorCode: 'invalid_body' },
          { status: 400 },
        );
      }
      const { dry_run, ...input } = parsed.data;
      if (dry_run) {
        const now = new Date().toISOString();
        dryRunsMade += 1;
        const dryRun: WireRollout = {
          id: `rol_dry${dryRunsMade}`,
          status: 'running',
          ...input,
          counts: counts({ pending: routes.total }),
          total: routes.total,
          failures: [],
          rate_per_minute: 0,
          created_at: now,
          updated_at: now,
          dry_run: true,
        };
        dryRuns.unshift(dryRun);
        return HttpResponse.json({ id: dryRun.id, status: dryRun.status, dry_run: true }, { status: 202 });
      }
      const rollout = routes.add({ ...input, settings: input.settings });
      return HttpResponse.json({ id: rollout.id, status: rollout.status }, { status: 202 });
    }),
    http.get(`${baseUrl}/rollouts`, ({ request }) => {
      record(request);
      return HttpResponse.json({ rollouts });
    }),
    http.get(`${baseUrl}/rollouts/:id`, ({ request, params }) => {
      record(request);
      if (routes.failedReads > 0) {
        routes.failedReads -= 1;
        return HttpResponse.json({ statusCode: 503, message: 'Service Unavailable' }, { status: 503 });
      }
      const rollout = routes.find(String(params.id));
      if (!rollout) return HttpResponse.json({ statusCode: 404, message: 'Not Found' }, { status: 404 });
      if (rollout.dry_run && rollout.status === 'running' && routes.previewReads > 0) {
        const read = (reads.get(rollout.id) ?? 0) + 1;
        reads.set(rollout.id, read);
        if (read >= routes.previewReads) {
          rollout.counts = { ...routes.preview, pending: 0 };
          rollout.status = 'done';
        } else {
          const added = Math.round((routes.preview.added * read) / routes.previewReads);
          rollout.counts = counts({ added, pending: routes.total - added });
        }
      }
      return HttpResponse.json(rollout);
    }),
    http.post(`${baseUrl}/rollouts/:id/:control`, ({ request, params }) => {
      record(request);
      const failed = failure();
      if (failed) return failed;
      const rollout = routes.find(String(params.id));
      if (!rollout) return HttpResponse.json({ statusCode: 404, message: 'Not Found' }, { status: 404 });
      if (params.control === 'pause') rollout.status = 'paused';
      if (params.control === 'resume') rollout.status = 'running';
      if (params.control === 'cancel') rollout.status = 'cancelled';
      if (params.control === 'retry') {
        rollout.counts = { ...rollout.counts, pending: rollout.counts.pending + rollout.counts.failed, failed: 0 };
        rollout.failures = [];
        rollout.status = 'running';
      }
      return HttpResponse.json(rollout);
    }),
  ];
  return Object.assign(routes, { handlers });
}

import * as z from 'zod/mini';
import {
  fromWireRollout,
  type Rollout,
  type RolloutControl,
  type RolloutInput,
  toWireRolloutRequest,
  wireRolloutListSchema,
  wireRolloutSchema,
} from '../model/rollout';
import type { HttpClient } from './http-client';
import type { RequestOptions, RolloutStartResult } from './org-connections-api';

/**
 * The 202 of a start: the new rollout's (or dry run's) id, status and `dry_run` (a server may send the whole
 * resource; the rest is read later).
 */
const wireRolloutStartedSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'paused', 'cancelled', 'done']),
  dry_run: z.optional(z.boolean()),
});

const segment = encodeURIComponent;

/**
 * `{base}/rollouts`: served by `@org-connections/server` only (Auth0 has no bulk endpoint; straight against the
 * Management API every call answers 404). Given to `createManagementApiClient({ baseUrl, rollouts: serverRollouts })`
 * when `baseUrl` is the server package's route. One request per call, mapped to the model.
 */
export function serverRollouts(http: HttpClient) {
  return {
    async startRollout(input: RolloutInput, { signal }: RequestOptions = {}): Promise<RolloutStartResult> {
      const request = {
        method: 'POST' as const,
        path: '/rollouts',
        body: toWireRolloutRequest(input),
        signal,
        action: input.dryRun === true ? 'preview the rollout' : 'start the rollout',
      };
      const started = await http.request(request, wireRolloutStartedSchema);
      return { dryRun: started.dry_run === true, id: started.id, status: started.status };
    },

    async getRollout(rolloutId: string, { signal }: RequestOptions = {}): Promise<Rollout> {
      const request = {
        method: 'GET' as const,
        path: `/rollouts/${segment(rolloutId)}`,
        signal,
        action: 'get the rollout',
      };
      return fromWireRollout(await http.request(request, wireRolloutSchema));
    },

    async listRollouts({ signal }: RequestOptions = {}): Promise<{ items: Rollout[] }> {
      const request = { method: 'GET' as const, path: '/rollouts', signal, action: 'list the rollouts' };
      const { rollouts } = await http.request(request, wireRolloutListSchema);
      return { items: rollouts.map(fromWireRollout) };
    },

    async controlRollout(
      rolloutId: string,
      control: RolloutControl,
      { signal }: RequestOptions = {},
    ): Promise<Rollout> {
      const path = `/rollouts/${segment(rolloutId)}/${control}`;
      const request = { method: 'POST' as const, path, signal, action: `${control} the rollout` };
      return fromWireRollout(await http.request(request, wireRolloutSchema));
    },
  };
}

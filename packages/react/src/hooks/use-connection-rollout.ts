import {
  checkRolloutInput,
  isOrgConnectionsError,
  OrgConnectionsError,
  orgConnectionsKeys,
  type Rollout,
  type RolloutControl,
  type RolloutInput,
  type RolloutPreview,
  type RolloutStartResult,
  UNSUPPORTED_FEATURE_CODE,
} from '@org-connections/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useOrgConnectionsContext } from '../components/org-connections-provider';
import { findCachedTenantConnection } from './org-connections-cache';

/** How often a running rollout is read again: `pollInterval` is kept within these bounds (milliseconds). */
export const ROLLOUT_POLL_INTERVAL = { min: 500, default: 2_000, max: 30_000 } as const;

export interface UseConnectionRolloutOptions {
  /** Milliseconds between reads of a running rollout (default 2000, kept within 500 and 30000). */
  pollInterval?: number;
  /** `false` holds every request back (e.g. while a dialog is closed). */
  enabled?: boolean;
}

/** What a rollout of this connection is asked with (the connection is the hook's). */
export type ConnectionRolloutInput = Omit<RolloutInput, 'connectionId' | 'dryRun'>;

/**
 * Where the hook stands: `unsupported` (the data source has no rollouts: the My Organization API, or the Management
 * API without `@org-connections/server`, which answers 404), `loading`, `error` (the rollouts could not be read),
 * `ready` (with or without a `rollout`).
 */
export type ConnectionRolloutState = 'unsupported' | 'loading' | 'error' | 'ready';

const isActive = (rollout: Rollout) => rollout.status === 'running' || rollout.status === 'paused';

/** A refused input as the error a server would give: `invalid_request` with each issue's field and code. */
function refusedInput(issues: ReturnType<typeof checkRolloutInput>): OrgConnectionsError {
  return new OrgConnectionsError({
    kind: 'invalid_request',
    message: `The rollout breaks a rule: ${issues.map((issue) => `${issue.field} (${issue.code})`).join(', ')}.`,
    issues: issues.map(({ field, code }) => ({ field, code, message: code })),
  });
}

/**
 * A rollout of one connection to many organizations (served by `@org-connections/server`): a dry-run `preview`,
 * `start`, the rollout read again while it runs, and `control` (pause, resume, cancel, retry the failed ones).
 * After a page reload it finds the connection's running or paused rollout again among the recent ones.
 */
export function useConnectionRollout(connectionId: string, options: UseConnectionRolloutOptions = {}) {
  const { api, queryClient } = useOrgConnectionsContext();
  const { enabled = true } = options;
  const pollInterval = Math.min(
    ROLLOUT_POLL_INTERVAL.max,
    Math.max(ROLLOUT_POLL_INTERVAL.min, options.pollInterval ?? ROLLOUT_POLL_INTERVAL.default),
  );
  const { startRollout, getRollout, listRollouts, controlRollout } = api;
  const offered =
    api.supports?.('rollouts') !== false &&
    startRollout !== undefined &&
    getRollout !== undefined &&
    listRollouts !== undefined &&
    controlRollout !== undefined;

  // The rollout on screen: one this hook started (for this connection); `null` after `dismiss` (back to the settings).
  const [chosen, setChosen] = useState<{ connectionId: string; rolloutId: string | null }>();
  const chosenId = chosen?.connectionId === connectionId ? chosen.rolloutId : undefined;
  const setChosenId = (rolloutId: string | null) => setChosen({ connectionId, rolloutId });

  const recent = useQuery({
    queryKey: orgConnectionsKeys.rollouts(),
    queryFn: ({ signal }) => (listRollouts as NonNullable<typeof listRollouts>).call(api, { signal }),
    enabled: offered && enabled,
    retry: false,
  });
  // The connection's rollout that is still going, newest first: what a reload picks up again.
  const pickedUp = recent.data?.items.find((rollout) => rollout.connectionId === connectionId && isActive(rollout));
  const rolloutId = chosenId === undefined ? pickedUp?.id : (chosenId ?? undefined);

  const current = useQuery({
    queryKey: orgConnectionsKeys.rollout(rolloutId ?? ''),
    queryFn: ({ signal }) => (getRollout as NonNullable<typeof getRollout>).call(api, rolloutId ?? '', { signal }),
    enabled: offered && enabled && rolloutId !== undefined,
    // The list's copy shows at once; the rollout itself is read right after.
    initialData: () => recent.data?.items.find((rollout) => rollout.id === rolloutId),
    initialDataUpdatedAt: () => recent.dataUpdatedAt,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? pollInterval : false),
    retry: false,
  });

  const send = (input: ConnectionRolloutInput, dryRun: boolean): Promise<RolloutStartResult> => {
    // Core's rules, before any request (the settings by the add dialog's own rules, for the connection's kind).
    const issues = checkRolloutInput(input, findCachedTenantConnection(queryClient, connectionId)?.kind);
    if (issues.length > 0) return Promise.reject(refusedInput(issues));
    if (!offered)
      return Promise.reject(
        new OrgConnectionsError({
          kind: 'not_permitted',
          code: UNSUPPORTED_FEATURE_CODE,
          message: 'The data source has no rollouts.',
        }),
      );
    return (startRollout as NonNullable<typeof startRollout>).call(api, {
      ...input,
      connectionId,
      ...(dryRun && { dryRun }),
    });
  };

  const preview = useMutation<RolloutPreview, Error, ConnectionRolloutInput>({
    mutationFn: async (input) => {
      const result = await send(input, true);
      if (!result.dryRun) throw new Error('The server started a rollout instead of previewing it.');
      return { counts: result.counts, total: result.total };
    },
  });

  const start = useMutation<{ id: string }, Error, ConnectionRolloutInput>({
    mutationFn: async (input) => {
      const result = await send(input, false);
      if (result.dryRun) throw new Error('The server previewed the rollout instead of starting it.');
      return { id: result.id };
    },
    onSuccess: ({ id }) => {
      setChosenId(id);
      preview.reset();
      void queryClient.invalidateQueries({ queryKey: orgConnectionsKeys.rollouts(), exact: true });
    },
  });

  const control = useMutation<Rollout, Error, RolloutControl>({
    mutationFn: (action) => {
      if (rolloutId === undefined) return Promise.reject(new Error('There is no rollout to control.'));
      return (controlRollout as NonNullable<typeof controlRollout>).call(api, rolloutId, action);
    },
    onSuccess: (rollout) => {
      queryClient.setQueryData(orgConnectionsKeys.rollout(rollout.id), rollout);
    },
    // A control the rollout's state no longer allows (it ended meanwhile): read where it stands now.
    onError: (error) => {
      if (isOrgConnectionsError(error) && error.kind === 'conflict' && rolloutId !== undefined) {
        void queryClient.invalidateQueries({ queryKey: orgConnectionsKeys.rollout(rolloutId) });
      }
    },
  });

  const unsupported =
    !offered || (recent.error !== null && isOrgConnectionsError(recent.error) && recent.error.kind === 'not_found');
  const state: ConnectionRolloutState = unsupported
    ? 'unsupported'
    : recent.isError
      ? 'error'
      : recent.isPending
        ? 'loading'
        : rolloutId === undefined || current.data !== undefined
          ? 'ready'
          : current.isError
            ? 'error'
            : 'loading';

  return {
    state,
    /** The rollout on screen (started here, or picked up running or paused), as last read. */
    rollout: rolloutId === undefined ? undefined : current.data,
    /** Why the rollouts (`state: 'error'`) or the rollout on screen could not be read. */
    error: recent.error ?? current.error,
    /** Reads again what failed. */
    refetch: () => (recent.isError ? recent.refetch() : current.refetch()),
    preview,
    start,
    control,
    /** Leaves the rollout on screen (it goes on on the server): back to the settings for a new one. */
    dismiss: () => {
      setChosenId(null);
      control.reset();
      start.reset();
    },
  };
}

export type UseConnectionRolloutResult = ReturnType<typeof useConnectionRollout>;

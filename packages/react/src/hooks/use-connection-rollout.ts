import {
  checkRolloutInput,
  isOrgConnectionsError,
  OrgConnectionsError,
  orgConnectionsKeys,
  type Rollout,
  type RolloutControl,
  type RolloutInput,
  type RolloutStartResult,
  unsupportedFeatureError,
} from '@org-connections/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
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

/**
 * Where the preview (a dry run on the server: a rollout that writes nothing) stands: `idle` (none, or stopped),
 * `starting`, `running` (its progress in `rollout`; `error` when its last read failed, read again at the next
 * interval), `done` (its counts in `rollout`), `failed` (`error` says why: the start or its first read failed, or
 * Auth0 refused the walk of the organizations).
 */
export type ConnectionRolloutPreviewState = 'idle' | 'starting' | 'running' | 'done' | 'failed';

// A dry run is never listed among the rollouts; a server that did list one is not taken at its word.
const isActive = (rollout: Rollout) => !rollout.dryRun && (rollout.status === 'running' || rollout.status === 'paused');

/** A refused input as the error a server would give: `invalid_request` with each issue's field and code. */
function refusedInput(issues: ReturnType<typeof checkRolloutInput>): OrgConnectionsError {
  return new OrgConnectionsError({
    kind: 'invalid_request',
    message: `The rollout breaks a rule: ${issues.map((issue) => `${issue.field} (${issue.code})`).join(', ')}.`,
    issues: issues.map(({ field, code }) => ({ field, code, message: code })),
  });
}

/**
 * A rollout of one connection to many organizations (served by `@org-connections/server`): a `preview` (a dry run
 * on the server, read again while it runs, and stopped when the input changes, when asked, or when the hook goes
 * away), `start`, the rollout read again while it runs, and `control` (pause, resume, cancel, retry the failed ones).
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

  /** A rollout (or dry run) read, and read again while it runs. */
  const rolloutQuery = (id: string | undefined) => ({
    queryKey: orgConnectionsKeys.rollout(id ?? ''),
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      (getRollout as NonNullable<typeof getRollout>).call(api, id ?? '', { signal }),
    enabled: offered && enabled && id !== undefined,
    refetchInterval: (query: { state: { data?: Rollout | undefined } }) =>
      query.state.data?.status === 'running' ? pollInterval : false,
    retry: false,
  });
  const current = useQuery({
    ...rolloutQuery(rolloutId),
    // The list's copy shows at once; the rollout itself is read right after.
    initialData: () => recent.data?.items.find((rollout) => rollout.id === rolloutId),
    initialDataUpdatedAt: () => recent.dataUpdatedAt,
  });

  /** Starts a rollout or a dry run (after core's rules): its id, once the server answered what was asked. */
  const send = async (input: ConnectionRolloutInput, dryRun: boolean): Promise<{ id: string }> => {
    // Core's rules, before any request (the settings by the add dialog's own rules, for the connection's kind).
    const issues = checkRolloutInput(input, findCachedTenantConnection(queryClient, connectionId)?.kind);
    if (issues.length > 0) throw refusedInput(issues);
    if (!offered) {
      throw unsupportedFeatureError('rollouts');
    }
    const result: RolloutStartResult = await (startRollout as NonNullable<typeof startRollout>).call(api, {
      ...input,
      connectionId,
      ...(dryRun && { dryRun }),
    });
    // A server that ignored `dry_run` (or added it) did not do what was asked: say so rather than show it as asked.
    if (result.dryRun !== dryRun) throw new Error(`The server answered dryRun: ${result.dryRun}.`);
    return { id: result.id };
  };

  // The preview: a dry run this hook started (for this connection), read again while it runs.
  const [previewOf, setPreviewOf] = useState<{ connectionId: string; id: string }>();
  const previewId = previewOf?.connectionId === connectionId ? previewOf.id : undefined;
  const previewStart = useMutation<{ id: string }, Error, ConnectionRolloutInput>({
    mutationFn: (input) => send(input, true),
    onSuccess: ({ id }) => setPreviewOf({ connectionId, id }),
  });
  const previewRead = useQuery(rolloutQuery(previewId));
  const dryRun = previewId === undefined ? undefined : previewRead.data;
  const pausedReason = dryRun?.status === 'paused' ? dryRun.pausedReason : undefined;
  const previewError =
    previewStart.error ??
    (previewId === undefined ? null : previewRead.error) ??
    (pausedReason ? new OrgConnectionsError({ ...pausedReason, message: '' }) : null);
  // A failed read of a dry run last read running leaves it running: it goes on on the server and is read again at
  // the next interval (`error` says why its progress is not moving meanwhile), as a rollout's failed read does.
  const previewState: ConnectionRolloutPreviewState = previewStart.isPending
    ? 'starting'
    : previewError && dryRun?.status !== 'running'
      ? 'failed'
      : previewId === undefined || dryRun?.status === 'cancelled'
        ? 'idle'
        : dryRun?.status === 'done'
          ? 'done'
          : dryRun
            ? 'running'
            : 'starting';
  // Going on the server (as far as this hook knows), a failed read or a stop on its own included.
  const going = dryRun?.status === 'done' || dryRun?.status === 'cancelled' ? undefined : previewId;
  /**
   * Forgets the preview (stopped, its input changed, a rollout started); a dry run still going is cancelled on the
   * server, best effort (one the cancel misses ends on its own and is dropped after an hour).
   */
  const resetPreview = () => {
    if (going) void (controlRollout as NonNullable<typeof controlRollout>).call(api, going, 'cancel').catch(() => {});
    setPreviewOf(undefined);
    previewStart.reset();
  };
  // A dry run still going when the hook goes away (the dialog closed) is stopped too: nobody will read its counts.
  const stopOnUnmount = useRef(resetPreview);
  stopOnUnmount.current = resetPreview;
  useEffect(() => () => stopOnUnmount.current(), []);
  const preview = {
    state: previewState,
    /** The dry run as last read: `total` and `counts` (what the rollout would do; `pending` not checked yet). */
    rollout: dryRun,
    /** Why it failed (`state: 'failed'`), or why its last read failed while it runs (`state: 'running'`). */
    error: previewError,
    /** Starts a dry run of this input (a new one each time; the one going, if any, is stopped). */
    run: (input: ConnectionRolloutInput) => {
      if (previewStart.isPending) return;
      resetPreview();
      previewStart.mutate(input);
    },
    /** Stops the dry run: back to `idle` at once. */
    stop: resetPreview,
    reset: resetPreview,
  };

  const start = useMutation<{ id: string }, Error, ConnectionRolloutInput>({
    mutationFn: (input) => send(input, false),
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

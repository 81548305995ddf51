'use client';
import {
  applyDraftChange,
  type ConnectionDraft,
  checkRolloutInput,
  createConnectionDraft,
  draftSubmitPayload,
  isOrgConnectionsError,
  OrgConnectionsError,
  type OrgConnectionsFeature,
  ROLLOUT_MAX_LISTED_ORGANIZATIONS,
  type Rollout,
  type RolloutCounts,
  type RolloutIfEnabled,
  type RolloutInputIssue,
} from '@org-connections/core';
import * as Dialog from '@radix-ui/react-dialog';
import {
  type ComponentPropsWithoutRef,
  type FormEvent,
  forwardRef,
  type ReactElement,
  type ReactNode,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  type ConnectionRolloutInput,
  type UseConnectionRolloutResult,
  useConnectionRollout,
} from '../hooks/use-connection-rollout';
import { useControllableState } from '../hooks/use-controllable-state';
import {
  type OrgConnectionsComponentProps,
  type OrgConnectionsPresentation,
  useOrgConnectionsPresentation,
} from '../hooks/use-org-connections-presentation';
import { useTenantConnection } from '../hooks/use-tenant-connection';
import { describeError } from '../i18n/describe-error';
import type { OrgConnectionsMessages } from '../i18n/messages';
import { type ConnectionRolloutMessages, defaultRolloutMessages } from '../i18n/rollout-messages';
import { DialogFrame } from './add-connection-dialog';
import { ConnectionSettingsForm } from './connection-settings-form';
import { useOrgConnectionsContext } from './org-connections-provider';
import type { ConnectionRolloutDialogSlot } from './slots';

interface ConnectionRolloutDialogOwnProps
  extends Omit<OrgConnectionsComponentProps<ConnectionRolloutDialogSlot>, 'messages'> {
  /** The tenant connection to enable in the organizations. */
  connectionId: string;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /**
   * The element that opens the dialog (one element). Default: a "Roll out to organizations" button. `null` renders
   * none: open the dialog with `open`.
   */
  trigger?: ReactElement | null;
  /** Milliseconds between reads of a running rollout (default 2000, kept within 500 and 30000). */
  pollInterval?: number;
  /** Strings over the provider's: the settings' and errors' (`OrgConnectionsMessages`) and the rollout's own. */
  messages?: Partial<OrgConnectionsMessages & ConnectionRolloutMessages>;
}

/** Its own props, and those of Radix's `Dialog.Content` (the dialog element, where the ref goes too). */
export interface ConnectionRolloutDialogProps
  extends ConnectionRolloutDialogOwnProps,
    Omit<
      ComponentPropsWithoutRef<typeof Dialog.Content>,
      keyof ConnectionRolloutDialogOwnProps | 'asChild' | 'forceMount'
    > {}

type RolloutPresentation = OrgConnectionsPresentation<ConnectionRolloutDialogSlot> & {
  words: ConnectionRolloutMessages;
};

/**
 * For tenant admins: enables one connection in many organizations (all, or a list) with the same settings, through
 * `@org-connections/server`'s rollouts: a dry-run preview, then a paced rollout with its progress, pause, resume,
 * cancel, and the failed organizations with their reasons and "Retry failed". Closing the dialog does not stop a
 * rollout; opening it again (or reloading the page) shows the running one.
 */
export const ConnectionRolloutDialog = forwardRef<HTMLDivElement, ConnectionRolloutDialogProps>(
  function ConnectionRolloutDialog(
    {
      connectionId,
      open: openProp,
      defaultOpen = false,
      onOpenChange,
      pollInterval,
      theme,
      classNames,
      unstyled,
      messages: messagesProp,
      ...frameProps
    },
    ref,
  ) {
    const base = useOrgConnectionsPresentation<ConnectionRolloutDialogSlot>({
      theme,
      classNames,
      unstyled,
      messages: messagesProp,
    });
    // The rollout's words travel with the others (the provider's and this prop's `messages`); English fills the rest.
    const presentation = useMemo<RolloutPresentation>(
      () => ({
        ...base,
        words: { ...defaultRolloutMessages, ...(base.messages as Partial<ConnectionRolloutMessages>) },
      }),
      [base],
    );
    const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange);
    return (
      <DialogFrame
        presentation={presentation}
        open={open}
        onOpenChange={setOpen}
        buttonSlot="rollout-button"
        buttonLabel={presentation.words.rolloutButton}
        contentRef={ref}
        contentProps={frameProps}
      >
        <RolloutContent connectionId={connectionId} presentation={presentation} pollInterval={pollInterval} />
      </DialogFrame>
    );
  },
);

interface Settings {
  draft: ConnectionDraft;
  scope: 'all' | 'list';
  organizationIds: string;
  ifEnabled: RolloutIfEnabled;
}

/** The organization IDs of the text field: one per line (spaces and commas separate too). */
const parseOrganizationIds = (text: string) => text.split(/[\s,]+/).filter((id) => id !== '');

function RolloutContent({
  connectionId,
  presentation,
  pollInterval,
}: {
  connectionId: string;
  presentation: RolloutPresentation;
  pollInterval: number | undefined;
}) {
  const { messages, words, slot, locale } = presentation;
  const rollout = useConnectionRollout(connectionId, { pollInterval });
  const lookup = useTenantConnection(connectionId, { enabled: rollout.state !== 'unsupported' });
  const connection = lookup.data;
  const name = connection?.displayName ?? connection?.name ?? connectionId;
  // The settings live here, above both views: going to the progress and back ("New rollout") keeps them.
  const [settings, setSettings] = useState<Settings>();
  if (connection && !settings) {
    setSettings({
      draft: createConnectionDraft({ tenantConnection: connection }),
      scope: 'all',
      organizationIds: '',
      ifEnabled: 'skip',
    });
  }

  let body: ReactNode;
  let actions: ReactNode = null;
  const failed = rollout.state === 'error' ? rollout.error : lookup.error;
  if (rollout.state === 'unsupported') {
    body = (
      <p {...slot('dialog-message')} data-state="unsupported">
        {words.rolloutUnsupported}
      </p>
    );
  } else if (failed) {
    body = (
      <p role="alert" {...slot('alert')}>
        {words.rolloutLoadError} {describeError(failed, messages, locale)}
      </p>
    );
    actions = (
      <button
        type="button"
        {...slot('button')}
        onClick={() => (rollout.state === 'error' ? rollout.refetch() : lookup.refetch())}
      >
        {messages.retry}
      </button>
    );
  } else if (rollout.state === 'loading' || !settings) {
    body = (
      <p role="status" {...slot('dialog-message')} data-state="loading">
        {words.rolloutLoading}
      </p>
    );
  } else if (rollout.rollout) {
    return <RolloutProgress name={name} rollout={rollout.rollout} hook={rollout} presentation={presentation} />;
  } else {
    return (
      <RolloutSettings
        name={name}
        settings={settings}
        onSettings={setSettings}
        hook={rollout}
        presentation={presentation}
      />
    );
  }
  return (
    <>
      <RolloutHeader name={name} presentation={presentation} />
      {body}
      <div {...slot('dialog-actions')}>
        <Dialog.Close type="button" {...slot('button')}>
          {words.rolloutClose}
        </Dialog.Close>
        {actions}
      </div>
    </>
  );
}

function RolloutHeader({ name, presentation }: { name: string; presentation: RolloutPresentation }) {
  const { words, slot } = presentation;
  return (
    <>
      <Dialog.Title {...slot('dialog-title')}>{words.rolloutTitle(name)}</Dialog.Title>
      <Dialog.Description {...slot('dialog-description')}>{words.rolloutDescription}</Dialog.Description>
    </>
  );
}

/** The words for a rule a rollout's organizations break. */
function organizationsIssueText(issue: RolloutInputIssue, { words, format }: RolloutPresentation) {
  if (issue.code === 'organizations_too_many') {
    return words.rolloutOrganizationsTooMany(ROLLOUT_MAX_LISTED_ORGANIZATIONS, format);
  }
  if (issue.code === 'organization_duplicate') return words.rolloutOrganizationDuplicate;
  return words.rolloutOrganizationsEmpty;
}

interface RolloutSettingsProps {
  name: string;
  settings: Settings;
  onSettings: (update: (settings: Settings | undefined) => Settings | undefined) => void;
  hook: UseConnectionRolloutResult;
  presentation: RolloutPresentation;
}

function RolloutSettings({ name, settings, onSettings, hook, presentation }: RolloutSettingsProps) {
  const { api } = useOrgConnectionsContext();
  const { messages, words, slot, locale, format } = presentation;
  const formId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const idsRef = useRef<HTMLTextAreaElement>(null);
  const [organizationsIssue, setOrganizationsIssue] = useState<RolloutInputIssue>();
  const { draft, scope, organizationIds, ifEnabled } = settings;
  const supports = (feature: OrgConnectionsFeature) => api.supports?.(feature) !== false;
  const { preview, start } = hook;
  const previewBusy = preview.state === 'starting' || preview.state === 'running';

  // Any change makes the preview out of date, and the last error about the old input.
  const change = (next: Partial<Settings>) => {
    onSettings((current) => current && { ...current, ...next });
    preview.reset();
    start.reset();
    if ('scope' in next || 'organizationIds' in next) setOrganizationsIssue(undefined);
  };

  /** The input, or `undefined` after showing why it cannot be sent (nothing the person entered is lost). */
  const input = (): ConnectionRolloutInput | undefined => {
    const attempted = applyDraftChange(draft, { type: 'touch-all' });
    onSettings((current) => current && { ...current, draft: attempted });
    const organizations: 'all' | string[] = scope === 'all' ? 'all' : parseOrganizationIds(organizationIds);
    const candidate = { organizations, ifEnabled, settings: draftSubmitPayload(attempted, { supports }) };
    const issues = checkRolloutInput(candidate, attempted.kind);
    const listIssue = issues.find((issue) => issue.field === 'organizations');
    setOrganizationsIssue(listIssue);
    if (!attempted.isValid) {
      nameRef.current?.focus();
      return undefined;
    }
    if (listIssue) {
      idsRef.current?.focus();
      return undefined;
    }
    return candidate;
  };
  // One button: Preview (again, after a failure), Counting… while the dry run starts, Stop preview while it runs.
  const previewAction = () => {
    if (preview.state === 'running') return preview.stop();
    if (preview.state === 'starting') return;
    const candidate = input();
    if (candidate) preview.run(candidate);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const candidate = input();
    if (candidate && !start.isPending) start.mutate(candidate);
  };

  const failure = start.error;
  const dryRun = preview.rollout;
  const counts = preview.state === 'done' ? dryRun?.counts : undefined;
  const checkedAll = dryRun ? doneOf(dryRun.counts) : 0;
  const total = dryRun?.total ?? null;
  const progressText = words.rolloutPreviewProgress(checkedAll, total, format);
  const button = slot('button');
  return (
    <>
      <RolloutHeader name={name} presentation={presentation} />
      <form id={formId} {...slot('form')} onSubmit={submit} noValidate>
        <ConnectionSettingsForm
          id={formId}
          draft={draft}
          onChange={(draftChange) => {
            onSettings((current) => current && { ...current, draft: applyDraftChange(current.draft, draftChange) });
            preview.reset();
            start.reset();
          }}
          supports={supports}
          presentation={presentation}
          nameRef={nameRef}
        />
        <fieldset {...slot('fieldset')}>
          <legend {...slot('legend')}>{words.rolloutOrganizations}</legend>
          {(['all', 'list'] as const).map((value) => (
            <label key={value} {...slot('choice')}>
              <input
                type="radio"
                name={`${formId}-scope`}
                value={value}
                checked={scope === value}
                onChange={() => change({ scope: value })}
              />
              {value === 'all' ? words.rolloutAllOrganizations : words.rolloutListedOrganizations}
            </label>
          ))}
        </fieldset>
        {scope === 'list' && (
          <div {...slot('field')} data-field="organizations">
            <label htmlFor={`${formId}-ids`} {...slot('label')}>
              {words.rolloutOrganizationIds}
            </label>
            <textarea
              ref={idsRef}
              id={`${formId}-ids`}
              {...slot('input')}
              rows={4}
              spellCheck={false}
              value={organizationIds}
              aria-invalid={organizationsIssue ? true : undefined}
              aria-describedby={organizationsIssue ? `${formId}-ids-error` : undefined}
              onChange={(event) => change({ organizationIds: event.target.value })}
            />
            {organizationsIssue && (
              <p id={`${formId}-ids-error`} {...slot('field-error')}>
                {organizationsIssueText(organizationsIssue, presentation)}
              </p>
            )}
          </div>
        )}
        <fieldset {...slot('fieldset')}>
          <legend {...slot('legend')}>{words.rolloutIfEnabled}</legend>
          {(['skip', 'update'] as const).map((value) => (
            <label key={value} {...slot('choice')}>
              <input
                type="radio"
                name={`${formId}-if-enabled`}
                value={value}
                checked={ifEnabled === value}
                onChange={() => change({ ifEnabled: value })}
              />
              {value === 'skip' ? words.rolloutIfEnabledSkip : words.rolloutIfEnabledUpdate}
            </label>
          ))}
        </fieldset>
        <div {...slot('rollout-preview')} data-state={preview.state}>
          {previewBusy && (
            <>
              <ProgressBar
                label={words.rolloutPreviewProgressLabel}
                done={checkedAll}
                total={total}
                text={progressText}
                slot={slot}
              />
              <p {...slot('rollout-details')}>{progressText}</p>
            </>
          )}
          <p role="status" {...slot('dialog-message')}>
            {counts &&
              [
                words.rolloutPreviewResult(counts.added + counts.updated, counts.skippedLimit, format),
                counts.skippedEnabled > 0 ? words.rolloutPreviewAlreadyEnabled(counts.skippedEnabled, format) : '',
              ].join(' ')}
          </p>
          {/* Failed, or running with its last read failed (its progress stays, and Stop). */}
          {preview.error && (
            <p role="alert" {...slot('alert')}>
              {preview.state === 'failed' && words.rolloutPreviewFailed}{' '}
              {describeError(preview.error, messages, locale)}
            </p>
          )}
        </div>
      </form>
      {failure && (
        <p role="alert" {...slot('alert')}>
          {describeError(failure, messages, locale)}
        </p>
      )}
      <div {...slot('dialog-actions')}>
        <Dialog.Close type="button" {...button}>
          {messages.cancel}
        </Dialog.Close>
        <button type="button" {...button} aria-disabled={preview.state === 'starting'} onClick={previewAction}>
          {preview.state === 'running'
            ? words.rolloutPreviewStop
            : preview.state === 'starting'
              ? words.rolloutPreviewing
              : words.rolloutPreview}
        </button>
        <button type="submit" form={formId} {...button} data-variant="primary" aria-disabled={start.isPending}>
          {start.isPending ? words.rolloutStarting : words.rolloutStart}
        </button>
      </div>
    </>
  );
}

/** Organizations with an outcome (all but the pending). */
const doneOf = (counts: RolloutCounts) =>
  counts.added + counts.updated + counts.skippedEnabled + counts.skippedLimit + counts.failed;

/** The progress of a rollout or a dry run: organizations done of `total` (`null` while they are being listed). */
function ProgressBar({
  label,
  done,
  total,
  text,
  slot,
}: {
  label: string;
  done: number;
  total: number | null;
  text: string;
  slot: RolloutPresentation['slot'];
}) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total ?? undefined}
      aria-valuenow={total === null ? undefined : done}
      aria-valuetext={text}
      {...slot('rollout-progress')}
    >
      <div
        {...slot('rollout-progress-indicator')}
        style={{ width: `${total ? Math.min(100, (done / total) * 100) : 0}%` }}
      />
    </div>
  );
}

/** A duration in the locale's words (`Intl.NumberFormat` units): `40 seconds`, `12 minutes`, `3 hours`. */
function formatDuration(minutes: number, locale: string | undefined): string {
  const [value, unit] =
    minutes < 1
      ? [Math.max(1, Math.round(minutes * 60)), 'second']
      : minutes < 90
        ? [Math.round(minutes), 'minute']
        : [Math.round(minutes / 60), 'hour'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

const COUNT_FIELDS = ['added', 'updated', 'skippedEnabled', 'skippedLimit', 'failed', 'pending'] as const;
const COUNT_WORDS = {
  added: 'rolloutCountAdded',
  updated: 'rolloutCountUpdated',
  skippedEnabled: 'rolloutCountSkippedEnabled',
  skippedLimit: 'rolloutCountSkippedLimit',
  failed: 'rolloutCountFailed',
  pending: 'rolloutCountPending',
} as const;
const STATUS_WORDS = {
  running: 'rolloutStatusRunning',
  paused: 'rolloutStatusPaused',
  cancelled: 'rolloutStatusCancelled',
  done: 'rolloutStatusDone',
} as const;

interface RolloutProgressProps {
  name: string;
  rollout: Rollout;
  hook: UseConnectionRolloutResult;
  presentation: RolloutPresentation;
}

function RolloutProgress({ name, rollout, hook, presentation }: RolloutProgressProps) {
  const { messages, words, slot, locale, format } = presentation;
  const { control } = hook;
  const { counts, total, status, ratePerMinute } = rollout;
  const done = doneOf(counts);
  const active = status === 'running' || status === 'paused';
  const progressText = words.rolloutProgress(done, total, format);
  const actionsRef = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  // The keyboard goes with the view: to the status when the progress appears, and back to it when the button that
  // had focus goes away (Pause/Resume when the rollout ends).
  useEffect(() => {
    statusRef.current?.focus();
  }, []);
  useEffect(() => {
    if (!active && document.activeElement === document.body) statusRef.current?.focus();
  }, [active]);
  const button = slot('button');
  const busy = control.isPending;
  const send = (action: 'pause' | 'resume' | 'cancel' | 'retry') => {
    if (!busy) control.mutate(action);
  };
  const details = [progressText];
  if (status === 'running' && ratePerMinute > 0) {
    details.push(words.rolloutRate(Math.round(ratePerMinute), format));
    if (counts.pending > 0) details.push(words.rolloutTimeLeft(formatDuration(counts.pending / ratePerMinute, locale)));
  }
  const failuresTitleId = useId();
  return (
    <>
      <RolloutHeader name={name} presentation={presentation} />
      <div {...slot('rollout')} data-state={status}>
        <p ref={statusRef} tabIndex={-1} role="status" {...slot('rollout-status')}>
          {words[STATUS_WORDS[status]]}
          {status === 'paused' && rollout.pausedReason !== undefined && (
            <>
              {' '}
              {words.rolloutPausedBecause(
                describeError(new OrgConnectionsError({ ...rollout.pausedReason, message: '' }), messages, locale),
              )}
            </>
          )}
        </p>
        <ProgressBar label={words.rolloutProgressLabel} done={done} total={total} text={progressText} slot={slot} />
        <p {...slot('rollout-details')}>{details.join(' · ')}</p>
        <dl {...slot('rollout-counts')}>
          {COUNT_FIELDS.map((field) => (
            <div key={field} data-count={field}>
              <dt>{words[COUNT_WORDS[field]]}</dt>
              <dd {...slot('rollout-count-value')}>{format.number(counts[field])}</dd>
            </div>
          ))}
        </dl>
        {rollout.failures.length > 0 && (
          <section aria-labelledby={failuresTitleId} {...slot('rollout-failures')}>
            <h3 id={failuresTitleId}>{words.rolloutFailuresTitle(counts.failed, format)}</h3>
            <ul>
              {rollout.failures.map(({ organizationId, error }) => (
                <li key={organizationId} {...slot('rollout-failure')}>
                  <code {...slot('rollout-failure-organization')}>{organizationId}</code>{' '}
                  {describeError(new OrgConnectionsError({ ...error, message: '' }), messages, locale)}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      {(control.error ?? hook.error) && (
        <p role="alert" {...slot('alert')}>
          {isOrgConnectionsError(control.error) && control.error.kind === 'conflict'
            ? words.rolloutControlConflict
            : describeError(control.error ?? hook.error, messages, locale)}
        </p>
      )}
      <div ref={actionsRef} {...slot('dialog-actions')}>
        <Dialog.Close type="button" {...button}>
          {words.rolloutClose}
        </Dialog.Close>
        {active && (
          <button type="button" {...button} data-variant="danger" aria-disabled={busy} onClick={() => send('cancel')}>
            {words.rolloutCancel}
          </button>
        )}
        {counts.failed > 0 && status !== 'running' && (
          <button type="button" {...button} aria-disabled={busy} onClick={() => send('retry')}>
            {words.rolloutRetryFailed}
          </button>
        )}
        {active ? (
          <button
            key="pause"
            type="button"
            {...button}
            data-variant="primary"
            aria-disabled={busy}
            onClick={() => send(status === 'running' ? 'pause' : 'resume')}
          >
            {status === 'running' ? words.rolloutPause : words.rolloutResume}
          </button>
        ) : (
          <button key="new" type="button" {...button} data-variant="primary" onClick={hook.dismiss}>
            {words.rolloutNew}
          </button>
        )}
      </div>
    </>
  );
}

import { isOrgConnectionsError } from '@org-connections/core';
import { useEffect, useState } from 'react';
import { useFocusFallback } from '../hooks/use-focus-fallback';
import type { OrgConnectionsPresentation } from '../hooks/use-org-connections-presentation';
import type { VisibleOrgConnectionsStatus } from '../hooks/use-visible-org-connections';
import { describeError } from '../i18n/describe-error';
import { formatTime, formatWait } from '../i18n/message-format';

/** Seconds left until `retryAt`, ticking; calls `onDue` once when it reaches zero. */
function useSecondsUntil(retryAt: Date | undefined, onDue: () => void): number {
  const secondsLeft = () => (retryAt ? Math.max(0, Math.ceil((retryAt.getTime() - Date.now()) / 1000)) : 0);
  const [seconds, setSeconds] = useState(secondsLeft);
  // biome-ignore lint/correctness/useExhaustiveDependencies: restart only when the time changes
  useEffect(() => {
    if (!retryAt) return;
    const tick = () => {
      const left = secondsLeft();
      setSeconds(left);
      if (left === 0) {
        clearInterval(timer);
        onDue();
      }
    };
    const timer = setInterval(tick, 1000);
    tick();
    return () => clearInterval(timer);
  }, [retryAt?.getTime()]);
  return seconds;
}

/** The parts a read's state draws: the list and the login prompt preview both have them. */
export type ReadStateSlot = 'state' | 'skeleton' | 'retry-button';

interface ErrorStateProps {
  error: unknown;
  onRetry: () => void;
  /** Where the keyboard goes when this state goes away (the data came) while its retry button had focus. */
  focusAfterRecovery?: () => void;
  presentation: OrgConnectionsPresentation<ReadStateSlot>;
}

/** Why the list could not be loaded, specific to the error, with a way to try again. */
function ErrorState({ error, onRetry, focusAfterRecovery, presentation: { messages, locale, slot } }: ErrorStateProps) {
  const known = isOrgConnectionsError(error) ? error : undefined;
  const kind = known?.kind;
  const retryAt = kind === 'rate_limited' ? known?.retryAt : undefined;
  const seconds = useSecondsUntil(retryAt, onRetry);
  // The retry button goes with this state: without a place to go, focus would fall to `<body>`.
  const retryFocus = useFocusFallback(true, focusAfterRecovery);
  let text: string;
  if (retryAt) text = messages.rateLimitedRetrying(formatTime(retryAt, locale));
  else if (kind === 'not_found') text = messages.organizationNotFound;
  else text = `${messages.loadErrorTitle} ${describeError(error, messages, locale)}`;
  return (
    <div {...slot('state')} data-state="error" data-error={kind}>
      <p role="alert">{text}</p>
      {retryAt && <p aria-hidden="true">{messages.retryCountdown(formatWait(seconds, locale))}</p>}
      {/* A missing scope can be granted meanwhile (the next token carries it); a missing organization stays missing. */}
      {kind !== 'not_found' && (
        <button type="button" {...slot('retry-button')} onClick={onRetry} {...retryFocus}>
          {messages.retry}
        </button>
      )}
    </div>
  );
}

export interface ReadStateProps extends Omit<ErrorStateProps, 'error' | 'onRetry'> {
  /** `useVisibleOrgConnections`'s status: nothing is drawn once `loaded`. */
  status: VisibleOrgConnectionsStatus;
  /** The query whose error is told and which a retry refetches. */
  query: { error: unknown; refetch: () => unknown };
  /** Placeholder lines while loading, where the content will be. */
  skeletons: number;
}

/**
 * What a component that shows the organization's connections draws until it can: that they are loading, why they
 * could not be read (with a retry), or that the data source cannot serve the view and what to use instead.
 */
export function ReadState({ status, query, skeletons, focusAfterRecovery, presentation }: ReadStateProps) {
  const { messages, slot } = presentation;
  if (status === 'error') {
    return (
      <ErrorState
        error={query.error}
        onRetry={() => query.refetch()}
        focusAfterRecovery={focusAfterRecovery}
        presentation={presentation}
      />
    );
  }
  if (status === 'loading') {
    return (
      <div {...slot('state')} data-state="loading">
        <p>{messages.loading}</p>
        {Array.from({ length: skeletons }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholder lines, never reordered
          <div key={index} {...slot('skeleton')} aria-hidden="true" />
        ))}
      </div>
    );
  }
  // A data source without access levels cannot serve the org-admin view: say so, and what to use instead, rather
  // than show nothing.
  if (status === 'unsupported') {
    return (
      <div {...slot('state')} data-state="unsupported">
        <p>
          <strong>{messages.unsupportedTitle}</strong>
        </p>
        <p>{messages.unsupportedDescription}</p>
        <p>{messages.unsupportedAlternative}</p>
      </div>
    );
  }
  return null;
}

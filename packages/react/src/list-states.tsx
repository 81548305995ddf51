import { isOrgConnectionsError } from '@org-connections/core';
import { useEffect, useState } from 'react';
import { describeError, formatTime } from './describe-error';
import type { OrgConnectionsMessages } from './messages';
import type { OrgConnectionsListSlot } from './slots';
import { type ClassNames, slotProps } from './theme';

interface StateProps {
  messages: OrgConnectionsMessages;
  classNames?: ClassNames<OrgConnectionsListSlot> | undefined;
}

/** Placeholder rows while the first answer is on its way. */
export function LoadingState({ messages, classNames }: StateProps) {
  const slot = slotProps(classNames);
  return (
    <div {...slot('state')} data-state="loading">
      <p>{messages.loading}</p>
      {[0, 1, 2].map((index) => (
        <div key={index} {...slot('skeleton')} aria-hidden="true" />
      ))}
    </div>
  );
}

export function EmptyState({ messages, classNames, canAdd }: StateProps & { canAdd: boolean }) {
  return (
    <div data-slot="state" data-state="empty" className={classNames?.state}>
      <p>
        <strong>{messages.emptyTitle}</strong>
      </p>
      <p>{canAdd ? messages.emptyDescriptionCanAdd : messages.emptyDescription}</p>
    </div>
  );
}

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

/** Why the list could not be loaded, specific to the error, with a way to try again. */
export function ErrorState({
  error,
  onRetry,
  messages,
  locale,
  classNames,
}: StateProps & { error: unknown; onRetry: () => void; locale: string | undefined }) {
  const known = isOrgConnectionsError(error) ? error : undefined;
  const retryAt = known?.kind === 'rate_limited' ? known.retryAt : undefined;
  const seconds = useSecondsUntil(retryAt, onRetry);
  let text: string;
  if (retryAt) text = messages.rateLimitedRetrying(formatTime(retryAt, locale));
  else if (known?.kind === 'forbidden') text = messages.insufficientScope(known.requiredScopes ?? []);
  else if (known?.kind === 'not_found') text = messages.organizationNotFound;
  else text = `${messages.loadErrorTitle} ${describeError(error, messages, locale)}`;
  const slot = slotProps(classNames);
  return (
    <div {...slot('state')} data-state="error" data-error={known?.kind}>
      <p role="alert">{text}</p>
      {retryAt && <p aria-hidden="true">{messages.retryCountdown(seconds)}</p>}
      {known?.kind !== 'not_found' && known?.kind !== 'forbidden' && (
        <button type="button" {...slot('retry-button')} onClick={onRetry}>
          {messages.retry}
        </button>
      )}
    </div>
  );
}

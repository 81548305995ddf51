import { isOrgConnectionsError } from '@org-connections/core';
import { useEffect, useState } from 'react';
import { describeError, formatTime } from './describe-error';
import type { OrgConnectionsListSlot } from './slots';
import type { OrgConnectionsComponent } from './use-org-connections-component';

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

export interface ErrorStateProps {
  error: unknown;
  onRetry: () => void;
  component: OrgConnectionsComponent<OrgConnectionsListSlot>;
}

/** Why the list could not be loaded, specific to the error, with a way to try again. */
export function ErrorState({ error, onRetry, component: { messages, locale, slot } }: ErrorStateProps) {
  const known = isOrgConnectionsError(error) ? error : undefined;
  const kind = known?.kind;
  const retryAt = kind === 'rate_limited' ? known?.retryAt : undefined;
  const seconds = useSecondsUntil(retryAt, onRetry);
  let text: string;
  if (retryAt) text = messages.rateLimitedRetrying(formatTime(retryAt, locale));
  else if (kind === 'forbidden') text = messages.insufficientScope(known?.requiredScopes ?? []);
  else if (kind === 'not_found') text = messages.organizationNotFound;
  else text = `${messages.loadErrorTitle} ${describeError(error, messages, locale)}`;
  return (
    <div {...slot('state')} data-state="error" data-error={kind}>
      <p role="alert">{text}</p>
      {retryAt && <p aria-hidden="true">{messages.retryCountdown(seconds)}</p>}
      {kind !== 'not_found' && kind !== 'forbidden' && (
        <button type="button" {...slot('retry-button')} onClick={onRetry}>
          {messages.retry}
        </button>
      )}
    </div>
  );
}

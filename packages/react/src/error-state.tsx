import { isOrgConnectionsError } from '@org-connections/core';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { describeError } from './describe-error';
import { formatTime, formatWait } from './message-format';
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
  /** Where the keyboard goes when this state goes away (the data came) while its retry button had focus. */
  focusAfterRecovery?: () => void;
  component: OrgConnectionsComponent<OrgConnectionsListSlot>;
}

/** Why the list could not be loaded, specific to the error, with a way to try again. */
export function ErrorState({
  error,
  onRetry,
  focusAfterRecovery,
  component: { messages, locale, format, slot },
}: ErrorStateProps) {
  const known = isOrgConnectionsError(error) ? error : undefined;
  const kind = known?.kind;
  const retryAt = kind === 'rate_limited' ? known?.retryAt : undefined;
  const seconds = useSecondsUntil(retryAt, onRetry);
  // The retry button goes with this state: without a place to go, focus would fall to `<body>`.
  const retryFocused = useRef(false);
  const recovered = useRef(focusAfterRecovery);
  recovered.current = focusAfterRecovery;
  useLayoutEffect(
    () => () => {
      if (retryFocused.current) recovered.current?.();
    },
    [],
  );
  let text: string;
  if (retryAt) text = messages.rateLimitedRetrying(formatTime(retryAt, locale));
  else if (kind === 'forbidden') text = messages.insufficientScope(known?.requiredScopes ?? [], format);
  else if (kind === 'not_found') text = messages.organizationNotFound;
  else text = `${messages.loadErrorTitle} ${describeError(error, messages, locale)}`;
  return (
    <div {...slot('state')} data-state="error" data-error={kind}>
      <p role="alert">{text}</p>
      {retryAt && <p aria-hidden="true">{messages.retryCountdown(formatWait(seconds, locale))}</p>}
      {/* A missing scope can be granted meanwhile (the next token carries it); a missing organization stays missing. */}
      {kind !== 'not_found' && (
        <button
          type="button"
          {...slot('retry-button')}
          onClick={onRetry}
          onFocus={() => {
            retryFocused.current = true;
          }}
          onBlur={() => {
            retryFocused.current = false;
          }}
        >
          {messages.retry}
        </button>
      )}
    </div>
  );
}

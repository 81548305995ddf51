import { useState } from 'react';

/**
 * `value` when given (controlled), otherwise the component's own state; `onChange` fires on every change.
 * `Next` narrows what the component itself sets (a select shows any value but picks only known ones).
 */
export function useControllableState<T, Next extends T = T>(
  value: T | undefined,
  defaultValue: T,
  onChange?: (value: Next) => void,
): [T, (next: Next) => void] {
  const [own, setOwn] = useState(defaultValue);
  const current = value === undefined ? own : value;
  const set = (next: Next) => {
    if (value === undefined) setOwn(next);
    if (!Object.is(next, current)) onChange?.(next);
  };
  return [current, set];
}

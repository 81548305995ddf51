/**
 * One handler running the caller's first, then ours unless the caller called `preventDefault()`
 * (Radix's `composeEventHandlers`): a root can take the caller's handlers without losing its own.
 */
export function composeEventHandlers<Event extends { defaultPrevented: boolean }>(
  theirs: ((event: Event) => void) | undefined,
  ours: (event: Event) => void,
): (event: Event) => void {
  return (event) => {
    theirs?.(event);
    if (!event.defaultPrevented) ours(event);
  };
}

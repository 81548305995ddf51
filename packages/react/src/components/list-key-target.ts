/**
 * Where a key moves the active option of a list of `count` (WAI-ARIA listbox): arrows one step, Home and
 * End to the ends, never past them; `undefined` for any other key.
 */
export function listKeyTarget(key: string, active: number, count: number): number | undefined {
  const targets: Record<string, number> = {
    ArrowDown: Math.min(active + 1, count - 1),
    ArrowUp: Math.max(active - 1, 0),
    Home: 0,
    End: count - 1,
  };
  return targets[key];
}

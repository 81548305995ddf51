import { type RefObject, useLayoutEffect, useState } from 'react';

export interface VirtualRows {
  /** The first row to render, and one past the last: the rows in view with `overscan` either side. */
  start: number;
  end: number;
  /** The height every row is drawn at (place row `i` at `i * rowHeight`). */
  rowHeight: number;
  /** For the scroller's `onScroll`. */
  measure: () => void;
  /** Scrolls as little as needed to show the row whole. */
  scrollToIndex: (index: number) => void;
}

/**
 * Windowing for a list whose rows share one height: only the rows in view (plus `overscan`) are rendered,
 * inside a spacer of the full height (`count * rowHeight`, the scroller's first child). The height is read
 * from the spacer's first row once it is drawn; 48px until then.
 */
export function useVirtualRows(count: number, scrollRef: RefObject<HTMLElement | null>, overscan = 8): VirtualRows {
  const [view, setView] = useState({ top: 0, height: 0, row: 48 });
  const measure = () => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const drawn = (scroller.firstElementChild?.firstElementChild as HTMLElement | null | undefined)?.offsetHeight;
    const next = { top: scroller.scrollTop, height: scroller.clientHeight, row: drawn || view.row };
    // Compared with the state this render drew, not inside a state updater: on React 18 the updater form kept
    // seeing an older state here, so the layout effect below set state on every commit and never settled.
    if (next.top !== view.top || next.height !== view.height || next.row !== view.row) setView(next);
  };
  // After every render: the scroller may have been shown, resized or refilled (reading it is cheap; setting
  // the same values again renders nothing).
  useLayoutEffect(measure);
  const { top, height, row } = view;
  return {
    start: Math.max(0, Math.floor(top / row) - overscan),
    end: Math.min(count, Math.ceil((top + height) / row) + overscan),
    rowHeight: row,
    measure,
    scrollToIndex: (index) => {
      const scroller = scrollRef.current;
      if (!scroller) return;
      scroller.scrollTop = Math.min(
        Math.max(scroller.scrollTop, (index + 1) * row - scroller.clientHeight),
        index * row,
      );
      measure();
    },
  };
}

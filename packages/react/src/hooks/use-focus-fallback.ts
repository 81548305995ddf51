import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * For a button that goes away while it may have the keyboard (a retry once the retry worked, "Stop searching" once the
 * search ended): spread the returned handlers on it, and when it goes (`shown` turns false, or the component holding
 * it unmounts) while focused, `fallback` takes the keyboard instead of `<body>`.
 */
export function useFocusFallback(shown: boolean, fallback: (() => void) | undefined) {
  const focused = useRef(false);
  const latestFallback = useRef(fallback);
  latestFallback.current = fallback;
  const handOver = useCallback(() => {
    if (!focused.current) return;
    focused.current = false;
    latestFallback.current?.();
  }, []);
  useLayoutEffect(() => {
    if (!shown) handOver();
  }, [shown, handOver]);
  // Unmounting: layout cleanups run before the button leaves the document.
  useLayoutEffect(() => handOver, [handOver]);
  return {
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
    },
  };
}

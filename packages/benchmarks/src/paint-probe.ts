import type { PaintCondition, PaintTiming } from './bench-page-api';

/** A measurement that never paints its condition fails after this long, naming what it waited for. */
const TIMEOUT_MILLISECONDS = 60_000;

export function conditionHolds(condition: PaintCondition): boolean {
  switch (condition.kind) {
    case 'present':
      return document.querySelectorAll(condition.selector).length >= condition.minimum;
    case 'count':
      return document.querySelectorAll(condition.selector).length === condition.count;
    case 'attribute':
      return document.querySelector(condition.selector)?.getAttribute(condition.attribute) === condition.value;
    case 'value': {
      const element = document.querySelector(condition.selector);
      return element instanceof HTMLInputElement && element.value === condition.value;
    }
    case 'filtered': {
      const elements = [...document.querySelectorAll(condition.selector)];
      const text = condition.text.toLowerCase();
      return elements.length > 0 && elements.every((element) => element.textContent?.toLowerCase().includes(text));
    }
    case 'text': {
      const content = document.querySelector(condition.selector)?.textContent ?? '';
      return condition.texts.some((text) => content.includes(text));
    }
  }
}

/** Runs `callback` just after the current frame is painted: a task posted from its animation frame callback. */
function afterPaint(callback: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(undefined);
}

/**
 * Watches every condition once per animation frame, from the moment `start()` first returns a time
 * (`performance.now()` time base, e.g. an event's `timeStamp`), and resolves with each condition's
 * time to its first painted frame.
 */
export function watchPaint(
  start: () => number | undefined,
  conditions: Record<string, PaintCondition>,
): Promise<Record<string, PaintTiming>> {
  return new Promise((resolve, reject) => {
    const pending = new Map(Object.entries(conditions));
    const timings: Record<string, PaintTiming> = {};
    const armedAt = performance.now();
    let frames = 0;
    const onFrame = () => {
      const startedAt = start();
      if (startedAt !== undefined) {
        frames += 1;
        const painted = [...pending].filter(([, condition]) => conditionHolds(condition));
        for (const [name] of painted) pending.delete(name);
        if (painted.length > 0) {
          const frame = frames;
          afterPaint(() => {
            const milliseconds = performance.now() - startedAt;
            for (const [name] of painted) timings[name] = { milliseconds, frames: frame };
            if (pending.size === 0) resolve(timings);
          });
        }
      }
      if (pending.size === 0) return;
      if (performance.now() - armedAt > TIMEOUT_MILLISECONDS) {
        const waiting = JSON.stringify([...pending.values()]);
        reject(
          new Error(`Not painted within ${TIMEOUT_MILLISECONDS} ms (started: ${startedAt !== undefined}): ${waiting}`),
        );
        return;
      }
      requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
  });
}

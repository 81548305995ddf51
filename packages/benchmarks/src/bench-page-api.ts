/** Which implementation a page renders: the library's components, or the plain baseline written beside them. */
export type BenchImplementation = 'library' | 'baseline';

/** A DOM state the probe waits for; checked once per frame, in `requestAnimationFrame`. */
export type PaintCondition =
  /** At least `minimum` elements match. */
  | { kind: 'present'; selector: string; minimum: number }
  /** Exactly `count` elements match. */
  | { kind: 'count'; selector: string; count: number }
  /** The first match has the attribute with this value. */
  | { kind: 'attribute'; selector: string; attribute: string; value: string }
  /** The first match is an input with this value. */
  | { kind: 'value'; selector: string; value: string }
  /** At least one element matches, and every match's text contains `text` (case-insensitive). */
  | { kind: 'filtered'; selector: string; text: string }
  /** The first match's text contains one of `texts`. */
  | { kind: 'text'; selector: string; texts: readonly string[] };

/** The event a measurement starts from (its `timeStamp`, so input queueing counts). */
export type BenchTrigger = 'click' | 'keydown';

/** From the start to the frame that painted the condition. */
export interface PaintTiming {
  /** Start to just after that frame was painted (a task posted from its animation frame callback). */
  milliseconds: number;
  /** Animation frames from the start to the one that painted it, inclusive: 1 is the very next frame. */
  frames: number;
}

export interface MountTiming extends PaintTiming {
  /** Start to the end of the last response the page had received when the condition was painted. */
  responseEndMilliseconds: number | undefined;
}

export interface MountOptions {
  implementation: BenchImplementation;
  organizationId: string;
  until: PaintCondition;
  /** The route the page's client calls (`auth0` when absent): see `BenchSource`. */
  source?: 'auth0' | 'server';
}

/** What the page exposes to the runner, as `window.orgConnectionsBench`. */
export interface BenchPageApi {
  /** Renders the organization's connection list and waits until `until` is painted. */
  mount(options: MountOptions): Promise<MountTiming>;
  /** Starts watching: the next `trigger` event starts the clock for every condition. */
  arm(trigger: BenchTrigger, conditions: Record<string, PaintCondition>): void;
  /** The armed conditions' timings, once every one was painted. */
  result(): Promise<Record<string, PaintTiming>>;
  /** From the armed trigger to the start of the first request the page sent after it (Resource Timing). */
  firstRequestDelay(): number | undefined;
  /** How many elements match now. */
  count(selector: string): number;
}

declare global {
  interface Window {
    orgConnectionsBench?: BenchPageApi;
  }
}

import { type RecordedRequest, type RequestMatch, requestMatches } from './recorded-request';

interface FaultScope {
  /** How many matching requests it applies to; 1 when absent. */
  times?: number;
  match?: RequestMatch;
}

/** An error answer: Auth0's error body for the status when `body` is absent. */
export interface StatusFault extends FaultScope {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** The request never gets an answer: `fetch` rejects with a `TypeError`. */
export interface NetworkFault extends FaultScope {
  network: true;
}

/** An answer that is not the JSON the client expects (a proxy's HTML page, an empty or truncated body). */
export interface MalformedFault extends FaultScope {
  malformed: 'html' | 'empty' | 'not-json';
  /** 200 when absent. */
  status?: number;
}

export type FakeFault = StatusFault | NetworkFault | MalformedFault;

export interface RateLimitNextOptions extends FaultScope {
  /** Seconds until the limit resets: `X-RateLimit-Reset` is now plus this, and `Retry-After` (My Organization API). */
  retryAfterSeconds: number;
}

export type QueuedFault = { kind: 'fault'; fault: FakeFault } | { kind: 'rate-limit'; options: RateLimitNextOptions };

export interface FaultQueue {
  add(entry: QueuedFault): void;
  /** The first queued fault that matches, counting one use of it. */
  take(request: RecordedRequest): QueuedFault | undefined;
  clear(): void;
  readonly size: number;
}

export function createFaultQueue(): FaultQueue {
  const entries: { entry: QueuedFault; remaining: number }[] = [];
  const scopeOf = (entry: QueuedFault): FaultScope => (entry.kind === 'fault' ? entry.fault : entry.options);
  return {
    add(entry) {
      const times = scopeOf(entry).times ?? 1;
      if (!Number.isInteger(times) || times < 1) throw new Error('`times` must be a positive integer.');
      entries.push({ entry, remaining: times });
    },
    take(request) {
      const index = entries.findIndex(({ entry }) => requestMatches(request, scopeOf(entry).match));
      const found = entries[index];
      if (found === undefined) return undefined;
      found.remaining -= 1;
      if (found.remaining === 0) entries.splice(index, 1);
      return found.entry;
    },
    clear() {
      entries.length = 0;
    },
    get size() {
      return entries.length;
    },
  };
}

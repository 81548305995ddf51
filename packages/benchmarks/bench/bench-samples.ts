import type { BenchImplementation } from '../src/bench-page-api';

/** One number a run measures: a time (with the frames it took), or a count. */
export interface Sample {
  value: number;
  frames?: number;
}

/** The samples of every metric, per implementation, in the order metrics were first recorded. */
export interface BenchSamples {
  record(implementation: BenchImplementation, metric: string, sample: Sample): void;
  metrics(): string[];
  samples(implementation: BenchImplementation, metric: string): Sample[];
}

export function createBenchSamples(): BenchSamples {
  const table = new Map<string, Record<BenchImplementation, Sample[]>>();
  return {
    record(implementation, metric, sample) {
      let row = table.get(metric);
      if (row === undefined) {
        row = { library: [], baseline: [] };
        table.set(metric, row);
      }
      row[implementation].push(sample);
    },
    metrics: () => [...table.keys()],
    samples: (implementation, metric) => table.get(metric)?.[implementation] ?? [],
  };
}

/** The middle value (the mean of the two middle ones for an even count); `undefined` for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

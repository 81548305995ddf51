import '@org-connections/react/styles.css';
import { OrgConnectionsList, OrgConnectionsProvider } from '@org-connections/react';
import { createRoot, type Root } from 'react-dom/client';
import { BaselineOrgConnectionsList } from './baseline-org-connections-list';
import { createBenchApi } from './bench-api';
import type { BenchPageApi, BenchTrigger, MountOptions, PaintCondition, PaintTiming } from './bench-page-api';
import { watchPaint } from './paint-probe';

/*
 * The page the benchmark loads (a production Vite build). It renders one implementation on demand and
 * times what the runner's real input (Playwright, through the Chromium DevTools protocol) makes it paint.
 */

// The page has formatted a number before anything mounts, as a host page with a date or a price on it has: the first
// `Intl` formatter a page makes loads the runtime's locale data (40-50 ms in headless Chromium here), which would
// otherwise be charged to whichever implementation formats first (the library's localized count).
new Intl.NumberFormat().format(0);

const container = document.getElementById('root');
if (container === null) throw new Error('The benchmark page has no #root.');
let root: Root | undefined;

/** The end of the latest response received so far, relative to `start` (Resource Timing). */
function responseEndSince(start: number): number | undefined {
  const ends = performance
    .getEntriesByType('resource')
    .filter((entry): entry is PerformanceResourceTiming => entry instanceof PerformanceResourceTiming)
    .map((entry) => entry.responseEnd)
    .filter((end) => end >= start);
  return ends.length === 0 ? undefined : Math.max(...ends) - start;
}

async function mount({ implementation, organizationId, until, source }: MountOptions) {
  root?.unmount();
  root = createRoot(container as HTMLElement);
  const api = createBenchApi(source);
  performance.clearResourceTimings();
  const start = performance.now();
  root.render(
    implementation === 'library' ? (
      <OrgConnectionsProvider api={api}>
        <OrgConnectionsList organizationId={organizationId} view="tenant-admin" />
      </OrgConnectionsProvider>
    ) : (
      <BaselineOrgConnectionsList api={api} organizationId={organizationId} />
    ),
  );
  const { painted } = await watchPaint(() => start, { painted: until });
  if (painted === undefined) throw new Error('The mount was not timed.');
  return { ...painted, responseEndMilliseconds: responseEndSince(start) };
}

let armed: Promise<Record<string, PaintTiming>> | undefined;
let triggeredAt: number | undefined;

function arm(trigger: BenchTrigger, conditions: Record<string, PaintCondition>) {
  triggeredAt = undefined;
  performance.clearResourceTimings();
  window.addEventListener(
    trigger,
    (event) => {
      triggeredAt = event.timeStamp;
    },
    { capture: true, once: true },
  );
  armed = watchPaint(() => triggeredAt, conditions);
}

function firstRequestDelay(): number | undefined {
  const start = triggeredAt;
  if (start === undefined) return undefined;
  const starts = performance
    .getEntriesByType('resource')
    .map((entry) => entry.startTime)
    .filter((time) => time >= start);
  return starts.length === 0 ? undefined : Math.min(...starts) - start;
}

const api: BenchPageApi = {
  mount,
  arm,
  result: () => armed ?? Promise.reject(new Error('Nothing is armed.')),
  firstRequestDelay,
  count: (selector) => document.querySelectorAll(selector).length,
};
window.orgConnectionsBench = api;

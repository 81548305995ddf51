import { cpus, loadavg, totalmem } from 'node:os';
import { type Browser, chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../.ci/chromium';
import type { BenchSource } from '../src/bench-api';
import type {
  BenchImplementation,
  BenchTrigger,
  MountTiming,
  PaintCondition,
  PaintTiming,
} from '../src/bench-page-api';
import { type BenchSamples, createBenchSamples, median, type Sample } from './bench-samples';
import { type BenchServer, startBenchServer } from './bench-server';
import { BENCH_ORGANIZATIONS, deepSearchTerm, firstPageSearchTerm, TENANT_CONNECTION_COUNT } from './bench-tenant';

/*
 * `pnpm bench`: the library's list and picker against a plain baseline, in Debian's headless Chromium,
 * over the fake tenant. A benchmark, not a test: it asserts nothing about time, it prints a table.
 * BENCH_RUNS (default 7), BENCH_LATENCY_MS (default 100), CHROMIUM_PATH (default /usr/bin/chromium),
 * BENCH_ONLY (session labels, comma-separated: e.g. "search" for the search rows alone, "server" for the picker
 * through @org-connections/server beside the baseline).
 */

/** Both implementations carry the same `data-slot` names and roles, so one set of selectors drives them. */
const SELECTORS = {
  row: '[data-slot="row"]',
  /** The first row's first switch: "Enabled". */
  firstSwitch: '[data-slot="row"] [role="switch"]',
  addButton: '[data-slot="add-button"]',
  option: '[role="option"]',
  search: '[data-slot="picker-search"]',
  searchStatus: '[data-slot="picker-status"]',
  searchAll: '[data-slot="picker-status"] button',
  primaryAction: '[data-slot="dialog-actions"] [data-variant="primary"]',
  form: '[role="dialog"] form',
} as const;

/** One keystroke into the empty search box. Generated names are `<adjective>-<noun>-<n>`; "h" keeps about one in seven. */
const SEARCH_KEY = 'h';
/** A whole word typed into the search box: one adjective of the generated names, about one connection in 25. */
const SEARCH_TERM = 'misty';
/** A search the first page answers. */
const FIRST_PAGE_TERM = firstPageSearchTerm();
/** A search only the last pages of the tenant answer. */
const DEEP_TERM = deepSearchTerm();
/** A search nothing answers. */
const MISS_TERM = 'no-such-connection';
/** What the library's picker says once a search stopped reading (on its own, or at the tenant's end). */
const SEARCH_ANSWERS = ['Searched the first', 'No connections match.'];

type Unit = 'ms' | 'count';
const METRICS: Record<string, { label: string; unit: Unit }> = {
  'mount-10': { label: 'First render, 10 connections: mount → rows painted', unit: 'ms' },
  'mount-10-after-response': { label: '… of which after the response arrived', unit: 'ms' },
  'mount-100': { label: 'First render, 100 connections: mount → rows painted', unit: 'ms' },
  'mount-100-after-response': { label: '… of which after the response arrived', unit: 'ms' },
  'remount-10': { label: 'Mount again in the same page (code warm), 10 connections → rows painted', unit: 'ms' },
  'remount-100': { label: 'Mount again in the same page (code warm), 100 connections → rows painted', unit: 'ms' },
  'toggle-10': { label: 'Toggle → switch repainted (10 rows)', unit: 'ms' },
  'toggle-100': { label: 'Toggle → switch repainted (100 rows)', unit: 'ms' },
  'picker-open': {
    label: `Picker open → first rows painted (${TENANT_CONNECTION_COUNT.toLocaleString('en')} connections)`,
    unit: 'ms',
  },
  'picker-first-request': { label: '… of which click → first request sent', unit: 'ms' },
  'picker-dom-rows': { label: 'Picker: option rows in the DOM once loading settled', unit: 'count' },
  'keystroke-echo': { label: `Keystroke ("${SEARCH_KEY}") → search box repainted`, unit: 'ms' },
  'keystroke-filtered': { label: `Keystroke ("${SEARCH_KEY}") → filtered list painted`, unit: 'ms' },
  'search-term-filtered': {
    label: `Search, hit half way: typing "${SEARCH_TERM}" (first key), then "Search all" → filtered list painted`,
    unit: 'ms',
  },
  'search-first-page-found': {
    label: `Search, hit on the first page: typing "${FIRST_PAGE_TERM}" (first key) → match painted`,
    unit: 'ms',
  },
  'search-deep-found': {
    label: `Search, hit deep in the tenant: typing "${DEEP_TERM}" (first key), then "Search all" → match painted`,
    unit: 'ms',
  },
  'search-miss-answered': {
    label: `Search, miss: typing "${MISS_TERM}" (first key) → the search stopped and said so`,
    unit: 'ms',
  },
  'search-miss-all': { label: '… the same miss, then "Search all" → "No connections match." painted', unit: 'ms' },
  'add-save': { label: 'Add: save → new row painted in the list', unit: 'ms' },
  'requests-mount': { label: 'HTTP requests: mount (10 connections)', unit: 'count' },
  'requests-toggle': { label: 'HTTP requests: one toggle', unit: 'count' },
  'requests-picker-open': { label: 'HTTP requests: open the picker', unit: 'count' },
  'requests-keystroke': { label: 'HTTP requests: the keystroke', unit: 'count' },
  'requests-search-term': { label: `HTTP requests: typing "${SEARCH_TERM}" (picker already open)`, unit: 'count' },
  'requests-search-first-page': {
    label: `HTTP requests: the hit on the first page ("${FIRST_PAGE_TERM}")`,
    unit: 'count',
  },
  'requests-search-deep': {
    label: `HTTP requests: the hit deep in the tenant ("${DEEP_TERM}", search all)`,
    unit: 'count',
  },
  'requests-search-miss': { label: `HTTP requests: the miss ("${MISS_TERM}"), on its own`, unit: 'count' },
  'requests-search-miss-all': { label: '… the same miss, then "Search all"', unit: 'count' },
  'requests-save': { label: 'HTTP requests: save', unit: 'count' },
  'requests-add': { label: 'HTTP requests: whole add flow (open, search, pick, save)', unit: 'count' },
  // Session "server": the library's picker through @org-connections/server (the page's client -> the handler -> the
  // fake tenant), beside the baseline straight on the fake tenant; in one page, the search box cleared between terms.
  'via-server-keystroke-filtered': {
    label: `Through the server: keystroke ("${SEARCH_KEY}") → filtered list painted`,
    unit: 'ms',
  },
  'via-server-search-term': {
    label: `Through the server: typing "${SEARCH_TERM}" (first key) → matches painted`,
    unit: 'ms',
  },
  'via-server-search-deep': {
    label: `Through the server: a hit deep in the tenant, typing "${DEEP_TERM}" (first key) → match painted`,
    unit: 'ms',
  },
  'via-server-search-miss': {
    label: `Through the server: a miss, typing "${MISS_TERM}" (first key) → "No connections match." painted (baseline: no rows)`,
    unit: 'ms',
  },
  'via-server-requests-keystroke': { label: 'Through the server: browser requests, the keystroke', unit: 'count' },
  'via-server-requests-term': { label: `… browser requests, "${SEARCH_TERM}"`, unit: 'count' },
  'via-server-requests-deep': { label: `… browser requests, "${DEEP_TERM}"`, unit: 'count' },
  'via-server-requests-miss': { label: `… browser requests, "${MISS_TERM}"`, unit: 'count' },
  'via-server-upstream': { label: '… upstream requests (handler → tenant) for all four', unit: 'count' },
};

function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Keeps a session's samples; they join the results only when the whole session succeeded. */
type RecordSample = (metric: string, sample: Sample) => void;

interface Session {
  page: Page;
  close(): Promise<void>;
}

async function openSession(browser: Browser, server: BenchServer): Promise<Session> {
  server.tenant.reset();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.orgConnectionsBench !== undefined);
  return { page, close: () => context.close() };
}

async function mount(
  page: Page,
  implementation: BenchImplementation,
  organizationId: string,
  rows: number,
  source: BenchSource = 'auth0',
): Promise<MountTiming> {
  const until: PaintCondition = { kind: 'count', selector: SELECTORS.row, count: rows };
  return page.evaluate(
    (options) => {
      const bench = window.orgConnectionsBench;
      if (bench === undefined) throw new Error('The benchmark page is not ready.');
      return bench.mount(options);
    },
    { implementation, organizationId, until, source },
  );
}

/** Arms the page, performs the input, and returns what the input made the page paint, and when. */
async function measure(
  page: Page,
  trigger: BenchTrigger,
  conditions: Record<string, PaintCondition>,
  input: () => Promise<void>,
): Promise<Record<string, PaintTiming>> {
  await page.evaluate(([armTrigger, armConditions]) => window.orgConnectionsBench?.arm(armTrigger, armConditions), [
    trigger,
    conditions,
  ] as const);
  await input();
  return page.evaluate(() => {
    const bench = window.orgConnectionsBench;
    if (bench === undefined) throw new Error('The benchmark page is not ready.');
    return bench.result();
  });
}

function timing(result: Record<string, PaintTiming>, name: string): Sample {
  const found = result[name];
  if (found === undefined) throw new Error(`No timing for ${name}.`);
  return { value: found.milliseconds, frames: found.frames };
}

/** A frame and then a task in the page: resolves once its main thread is free. */
function pageIdle(page: Page): () => Promise<void> {
  return () => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** The requests the fake tenant received since the last call, once the page stopped sending them. */
async function requestsSince(server: BenchServer, page: Page): Promise<Sample> {
  await server.waitForQuiet(pageIdle(page));
  const count = server.tenant.requests.length;
  server.tenant.clearRequests();
  return { value: count };
}

/** Mount, one toggle, and a second mount in the same page, for the 10- or 100-connection organization. */
async function listSession(
  browser: Browser,
  server: BenchServer,
  record: RecordSample,
  implementation: BenchImplementation,
  size: 10 | 100,
): Promise<void> {
  const session = await openSession(browser, server);
  try {
    const { page } = session;
    const organizationId = size === 10 ? BENCH_ORGANIZATIONS.ten : BENCH_ORGANIZATIONS.hundred;
    const mounted = await mount(page, implementation, organizationId, size);
    record(`mount-${size}`, { value: mounted.milliseconds, frames: mounted.frames });
    if (mounted.responseEndMilliseconds !== undefined) {
      record(`mount-${size}-after-response`, { value: mounted.milliseconds - mounted.responseEndMilliseconds });
    }
    const mountRequests = await requestsSince(server, page);
    if (size === 10) record('requests-mount', mountRequests);

    const checked = await page.getAttribute(SELECTORS.firstSwitch, 'aria-checked');
    const toggled = await measure(
      page,
      'click',
      {
        repainted: {
          kind: 'attribute',
          selector: SELECTORS.firstSwitch,
          attribute: 'aria-checked',
          value: checked === 'true' ? 'false' : 'true',
        },
      },
      () => page.click(SELECTORS.firstSwitch),
    );
    record(`toggle-${size}`, timing(toggled, 'repainted'));
    const toggleRequests = await requestsSince(server, page);
    if (size === 10) record('requests-toggle', toggleRequests);

    // The same list mounted again in the same page: the code is parsed, compiled and warm.
    const remounted = await mount(page, implementation, organizationId, size);
    record(`remount-${size}`, { value: remounted.milliseconds, frames: remounted.frames });
    await requestsSince(server, page);
  } finally {
    await session.close();
  }
}

/** Opens the add dialog of the 3-connection organization and waits until its picker stopped loading. */
async function openPicker(
  page: Page,
  server: BenchServer,
  implementation: BenchImplementation,
  source: BenchSource = 'auth0',
) {
  await mount(page, implementation, BENCH_ORGANIZATIONS.picker, 3, source);
  await requestsSince(server, page);
  const opened = await measure(
    page,
    'click',
    { firstRows: { kind: 'present', selector: SELECTORS.option, minimum: 1 } },
    () => page.click(SELECTORS.addButton),
  );
  const firstRequest = await page.evaluate(() => window.orgConnectionsBench?.firstRequestDelay());
  const requests = await requestsSince(server, page);
  return { opened, firstRequest, requests };
}

/** Open the picker, one keystroke, then pick the first match and save it. */
async function pickerSession(
  browser: Browser,
  server: BenchServer,
  record: RecordSample,
  implementation: BenchImplementation,
): Promise<void> {
  const session = await openSession(browser, server);
  try {
    const { page } = session;
    const { opened, firstRequest, requests: openRequests } = await openPicker(page, server, implementation);
    record('picker-open', timing(opened, 'firstRows'));
    if (firstRequest !== undefined) record('picker-first-request', { value: firstRequest });
    record('requests-picker-open', openRequests);
    record('picker-dom-rows', {
      value: await page.evaluate((selector) => document.querySelectorAll(selector).length, SELECTORS.option),
    });

    await page.focus(SELECTORS.search);
    const typed = await measure(
      page,
      'keydown',
      {
        echo: { kind: 'value', selector: SELECTORS.search, value: SEARCH_KEY },
        filtered: { kind: 'filtered', selector: SELECTORS.option, text: SEARCH_KEY },
      },
      () => page.keyboard.press(SEARCH_KEY),
    );
    record('keystroke-echo', timing(typed, 'echo'));
    record('keystroke-filtered', timing(typed, 'filtered'));
    const keystrokeRequests = await requestsSince(server, page);
    record('requests-keystroke', keystrokeRequests);

    await page.click(SELECTORS.option);
    await page.click(`${SELECTORS.primaryAction}:not([disabled])`);
    await page.waitForSelector(SELECTORS.form);
    const saved = await measure(page, 'click', { added: { kind: 'count', selector: SELECTORS.row, count: 4 } }, () =>
      page.click(SELECTORS.primaryAction),
    );
    record('add-save', timing(saved, 'added'));
    const saveRequests = await requestsSince(server, page);
    record('requests-save', saveRequests);
    record('requests-add', { value: openRequests.value + keystrokeRequests.value + saveRequests.value });
  } finally {
    await session.close();
  }
}

/**
 * Open the picker, then type a whole word (and press "Search all" once offered, when `searchAll`): from the
 * first key to `until` painted, and the requests it took once the picker is open.
 */
async function searchCase(
  browser: Browser,
  server: BenchServer,
  implementation: BenchImplementation,
  term: string,
  until: PaintCondition,
  searchAll: boolean,
): Promise<{ time: Sample; requests: Sample }> {
  const session = await openSession(browser, server);
  try {
    const { page } = session;
    await openPicker(page, server, implementation);
    await page.focus(SELECTORS.search);
    const typed = await measure(page, 'keydown', { until }, async () => {
      await page.keyboard.type(term);
      // The baseline has read the whole tenant already: it has no such button. A picker without one (before
      // issue 11) walks on its own; the measurement still fails if `until` is never painted.
      if (searchAll && implementation === 'library')
        await page.click(SELECTORS.searchAll, { timeout: 20_000 }).catch(() => undefined);
    });
    return { time: timing(typed, 'until'), requests: await requestsSince(server, page) };
  } finally {
    await session.close();
  }
}

/** A hit on the first page, a hit deep in the tenant, and a miss (on its own, then searching all). */
async function searchSession(
  browser: Browser,
  server: BenchServer,
  record: RecordSample,
  implementation: BenchImplementation,
): Promise<void> {
  const found = (text: string): PaintCondition => ({ kind: 'filtered', selector: SELECTORS.option, text });
  const answered: PaintCondition =
    implementation === 'library'
      ? { kind: 'text', selector: SELECTORS.searchStatus, texts: SEARCH_ANSWERS }
      : { kind: 'count', selector: SELECTORS.option, count: 0 };
  const cases: [string, string, string, PaintCondition, boolean][] = [
    // Names sort by adjective: "misty" is first met about half way through the tenant.
    ['search-term-filtered', 'requests-search-term', SEARCH_TERM, found(SEARCH_TERM), true],
    ['search-first-page-found', 'requests-search-first-page', FIRST_PAGE_TERM, found(FIRST_PAGE_TERM), false],
    ['search-deep-found', 'requests-search-deep', DEEP_TERM, found(DEEP_TERM), true],
    ['search-miss-answered', 'requests-search-miss', MISS_TERM, answered, false],
    [
      'search-miss-all',
      'requests-search-miss-all',
      MISS_TERM,
      implementation === 'library'
        ? { kind: 'text', selector: SELECTORS.searchStatus, texts: ['No connections match.'] }
        : answered,
      true,
    ],
  ];
  for (const [timeMetric, requestsMetric, term, until, searchAll] of cases) {
    const { time, requests } = await searchCase(browser, server, implementation, term, until, searchAll);
    record(timeMetric, time);
    record(requestsMetric, requests);
  }
}

/**
 * The library's picker through the server package (its index warmed up before the run), the baseline straight on
 * the fake tenant, in one page each: a keystroke, then (the box cleared, the page quiet) "misty", the deep hit and
 * the miss, each timed from its first key. Browser requests are the page's (to the handler, or for the baseline to
 * the tenant); upstream requests are the handler's to the tenant.
 */
async function serverSession(
  browser: Browser,
  server: BenchServer,
  record: RecordSample,
  implementation: BenchImplementation,
): Promise<void> {
  const source: BenchSource = implementation === 'library' ? 'server' : 'auth0';
  const session = await openSession(browser, server);
  try {
    const { page } = session;
    await openPicker(page, server, implementation, source);
    server.takeHandlerRequests();
    let upstream = 0;
    /** The page's requests since the last call, once it stopped sending them. */
    const browserRequests = async (): Promise<Sample> => {
      await server.waitForQuiet(pageIdle(page));
      const tenantRequests = server.tenant.requests.length;
      server.tenant.clearRequests();
      const handlerRequests = server.takeHandlerRequests();
      if (source === 'server') upstream += tenantRequests;
      return { value: source === 'server' ? handlerRequests : tenantRequests };
    };

    await page.focus(SELECTORS.search);
    const typed = await measure(
      page,
      'keydown',
      { filtered: { kind: 'filtered', selector: SELECTORS.option, text: SEARCH_KEY } },
      () => page.keyboard.press(SEARCH_KEY),
    );
    record('via-server-keystroke-filtered', timing(typed, 'filtered'));
    record('via-server-requests-keystroke', await browserRequests());

    const found = (text: string): PaintCondition => ({ kind: 'filtered', selector: SELECTORS.option, text });
    const miss: PaintCondition =
      implementation === 'library'
        ? { kind: 'text', selector: SELECTORS.searchStatus, texts: ['No connections match.'] }
        : { kind: 'count', selector: SELECTORS.option, count: 0 };
    const cases: [string, string, string, PaintCondition][] = [
      ['via-server-search-term', 'via-server-requests-term', SEARCH_TERM, found(SEARCH_TERM)],
      ['via-server-search-deep', 'via-server-requests-deep', DEEP_TERM, found(DEEP_TERM)],
      ['via-server-search-miss', 'via-server-requests-miss', MISS_TERM, miss],
    ];
    for (const [timeMetric, requestsMetric, term, until] of cases) {
      await page.fill(SELECTORS.search, '');
      await browserRequests();
      const searched = await measure(page, 'keydown', { until }, () => page.keyboard.type(term));
      record(timeMetric, timing(searched, 'until'));
      record(requestsMetric, await browserRequests());
    }
    if (source === 'server') record('via-server-upstream', { value: upstream });
  } finally {
    await session.close();
  }
}

/** Runs a session, retrying it once (with fresh samples) if it failed, e.g. a stalled page on a loaded machine. */
async function runSession(
  samples: BenchSamples,
  implementation: BenchImplementation,
  label: string,
  session: (record: RecordSample) => Promise<void>,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const kept: [string, Sample][] = [];
    try {
      await session((metric, sample) => kept.push([metric, sample]));
      for (const [metric, sample] of kept) samples.record(implementation, metric, sample);
      return;
    } catch (error) {
      if (attempt >= 2) throw error;
      progress(`  ${label} failed (${String(error).split('\n')[0]}); retrying once`);
    }
  }
}

function formatSample(unit: Unit, values: Sample[]): string {
  const middle = median(values.map((sample) => sample.value));
  if (middle === undefined) return '–';
  const low = Math.min(...values.map((sample) => sample.value));
  const high = Math.max(...values.map((sample) => sample.value));
  if (unit === 'count') {
    return low === high ? middle.toLocaleString('en') : `${middle.toLocaleString('en')} (${low}–${high})`;
  }
  const frames = median(values.flatMap((sample) => (sample.frames === undefined ? [] : [sample.frames])));
  const framesText = frames === undefined ? '' : `, ${frames} frame${frames === 1 ? '' : 's'}`;
  const range = values.length > 1 ? ` (${low.toFixed(0)}–${high.toFixed(0)})` : '';
  return `${middle.toFixed(0)} ms${framesText}${range}`;
}

function ratio(library: Sample[], baseline: Sample[]): string {
  const ours = median(library.map((sample) => sample.value));
  const theirs = median(baseline.map((sample) => sample.value));
  if (ours === undefined || theirs === undefined || theirs === 0) return '–';
  const value = ours / theirs;
  return `${value < 0.1 ? value.toFixed(3) : value.toFixed(2)}×`;
}

/**
 * The ratio within each run (run N's library sample over run N's baseline sample, measured back to back), as a median
 * and range: load on the machine drifts between runs, and a ratio taken within a run is steadier than the ratio of the
 * two medians. Times only; `–` with fewer than two runs.
 */
function pairedRatio(unit: Unit, library: Sample[], baseline: Sample[]): string {
  const count = Math.min(library.length, baseline.length);
  if (unit !== 'ms' || count < 2) return '–';
  const ratios = library
    .slice(0, count)
    .map((sample, run) => sample.value / (baseline[run]?.value ?? Number.NaN))
    .filter(Number.isFinite);
  const middle = median(ratios);
  if (middle === undefined) return '–';
  return `${middle.toFixed(2)}× (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
}

function table(samples: BenchSamples): string {
  const lines = [
    '| metric | library: median (min–max) | baseline: median (min–max) | library / baseline | per run: median (min–max) |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  const recorded = new Set(samples.metrics());
  const ordered = [
    ...Object.keys(METRICS).filter((metric) => recorded.has(metric)),
    ...[...recorded].filter((metric) => !(metric in METRICS)),
  ];
  for (const metric of ordered) {
    const { label, unit } = METRICS[metric] ?? { label: metric, unit: 'ms' as const };
    const library = samples.samples('library', metric);
    const baseline = samples.samples('baseline', metric);
    lines.push(
      `| ${label} | ${formatSample(unit, library)} | ${formatSample(unit, baseline)} | ${ratio(library, baseline)} | ${pairedRatio(unit, library, baseline)} |`,
    );
  }
  return lines.join('\n');
}

export async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 7);
  const latency = Number(process.env.BENCH_LATENCY_MS ?? 100);
  const executablePath = chromiumPath;
  const started = Date.now();
  const loadBefore = loadavg()[0] ?? 0;

  progress('Building the benchmark page (vite build) and starting the fake tenant…');
  const server = await startBenchServer({ latency });
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  const samples = createBenchSamples();
  const only = process.env.BENCH_ONLY?.split(',');
  let warmUp: number | undefined;
  try {
    if (!only || only.includes('server')) {
      progress("Warming up the server package's handler: its connection index reads the whole tenant once…");
      warmUp = await server.warmUpHandler();
    }
    for (let run = 1; run <= runs; run += 1) {
      // Alternate which implementation goes first, so neither always runs on a warmer machine.
      const order: BenchImplementation[] = run % 2 === 1 ? ['library', 'baseline'] : ['baseline', 'library'];
      for (const implementation of order) {
        progress(`run ${run}/${runs}: ${implementation}`);
        const sessions: [string, (record: RecordSample) => Promise<void>][] = [
          ['list of 10', (record) => listSession(browser, server, record, implementation, 10)],
          ['list of 100', (record) => listSession(browser, server, record, implementation, 100)],
          ['picker', (record) => pickerSession(browser, server, record, implementation)],
        ];
        // Counting a search's requests once is enough: they do not vary, and the library's take seconds.
        if (run === 1) sessions.push(['search', (record) => searchSession(browser, server, record, implementation)]);
        sessions.push(['server', (record) => serverSession(browser, server, record, implementation)]);
        for (const [label, session] of sessions) {
          if (!only || only.includes(label)) await runSession(samples, implementation, label, session);
        }
      }
    }
    const processor = cpus();
    console.log(`## Results (${runs} runs, median)\n`);
    console.log(table(samples));
    console.log(
      [
        '',
        `Machine: ${processor[0]?.model.trim() ?? 'unknown CPU'}, ${processor.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB;`,
        `Chromium ${browser.version()} (headless, ${executablePath}); Node ${process.version}.`,
        `Fake tenant latency ${latency} ms per request; ${TENANT_CONNECTION_COUNT.toLocaleString('en')} tenant connections;`,
        `${runs} runs per metric, median (the "typing" rows: run 1 only); took ${((Date.now() - started) / 1000).toFixed(0)} s;`,
        `1-minute load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after (${processor.length} cores).`,
        ...(warmUp === undefined
          ? []
          : [
              `"Through the server" rows: the handler's connection index was warmed up before timing (its first walk of the`,
              `tenant took ${(warmUp / 1000).toFixed(1)} s at ${latency} ms per upstream request); the baseline runs straight on the fake tenant.`,
            ]),
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

import { chromium } from 'playwright-core';
import { startBenchServer } from './bench-server';
import { BENCH_ORGANIZATIONS } from './bench-tenant';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
export async function main(args: string[]) {
  const implementation = (args[0] ?? 'library') as 'library' | 'baseline';
  const server = await startBenchServer({ latency: 100 });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
    headless: true,
  });
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.orgConnectionsBench !== undefined);
  await page.evaluate((o) => window.orgConnectionsBench?.mount(o), {
    implementation,
    organizationId: BENCH_ORGANIZATIONS.picker,
    until: { kind: 'count', selector: '[data-slot="row"]', count: 3 } as const,
  });
  await new Promise((r) => setTimeout(r, 1000));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.evaluate(() =>
    window.addEventListener(
      'click',
      (e) => {
        (window as unknown as { clickAt?: number }).clickAt = e.timeStamp;
      },
      { capture: true, once: true },
    ),
  );
  await page.evaluate(() =>
    window.orgConnectionsBench?.arm('click', { first: { kind: 'present', selector: '[role="option"]', minimum: 1 } }),
  );
  await page.click('[data-slot="add-button"]');
  const r = await page.evaluate(() => window.orgConnectionsBench?.result());
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };
  };
  console.log(JSON.stringify(r));
  console.log(
    JSON.stringify(
      await page.evaluate(() => {
        const clickAt = (window as unknown as { clickAt?: number }).clickAt;
        return {
          now: performance.now(),
          clickAt,
          entries: performance
            .getEntriesByType('resource')
            .slice(-3)
            .map((e) => {
              const t = e as PerformanceResourceTiming;
              return {
                name: t.name.slice(-80),
                start: t.startTime,
                requestStart: t.requestStart,
                responseStart: t.responseStart,
                end: t.responseEnd,
              };
            }),
        };
      }),
    ),
  );
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = (profile.endTime - profile.startTime) / profile.samples.length / 1000;
  for (const s of profile.samples) {
    const n = byId.get(s);
    if (!n) continue;
    const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    self.set(k, (self.get(k) ?? 0) + dt);
  }
  console.log('total ms', (profile.endTime - profile.startTime) / 1000);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(1), k);
  await browser.close();
  await server.close();
}

import { chromium } from 'playwright-core';
import { startBenchServer } from './bench-server';
import { BENCH_ORGANIZATIONS } from './bench-tenant';
export async function main() {
  const server = await startBenchServer({ latency: 100 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'], headless: true });
  try {
  for (const term of ['zesty', 'amber-harbor', 'misty']) {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => window.orgConnectionsBench !== undefined);
    server.tenant.reset();
    await page.evaluate((o) => window.orgConnectionsBench?.mount(o), { implementation: 'library' as const, organizationId: BENCH_ORGANIZATIONS.picker, until: { kind: 'count', selector: '[data-slot="row"]', count: 3 } as const });
    await page.click('[data-slot="add-button"]');
    await page.waitForSelector('[role="option"]');
    await new Promise((r) => setTimeout(r, 1000));
    server.tenant.clearRequests();
    const t0 = Date.now();
    await page.type('[data-slot="picker-search"]', term);
    await server.waitForQuiet(() => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)))));
    console.log(term, 'requests', server.tenant.requests.length, 'seconds', (Date.now() - t0) / 1000, 'options', await page.evaluate(() => [...document.querySelectorAll('[role="option"]')].slice(0, 3).map((e) => e.textContent).join(' / ')));
    await page.close();
  }
  } finally {
  await browser.close(); await server.close();
  }
}

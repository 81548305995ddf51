import { chromium } from 'playwright-core';
import { startBenchServer } from './bench-server';
import { BENCH_ORGANIZATIONS } from './bench-tenant';
export async function main() {
  const server = await startBenchServer({ latency: 100 });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'], headless: true });
  try {
    const page = await browser.newPage();
    page.on('console', (m) => console.log('console', m.text()));
    page.on('pageerror', (e) => console.log('pageerror', e.message));
    await page.goto(server.url);
    await page.waitForFunction(() => window.orgConnectionsBench !== undefined);
    void page.evaluate((o) => window.orgConnectionsBench?.mount(o), { implementation: 'library' as const, organizationId: BENCH_ORGANIZATIONS.picker, until: { kind: 'count', selector: '[data-slot="row"]', count: 3 } as const }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 3000));
    console.log((await page.evaluate(() => document.body.innerText)).slice(0, 800));
    console.log(JSON.stringify(server.tenant.requests.map((r) => [r.method, r.url, r.status])));
  } finally { await browser.close(); await server.close(); }
}

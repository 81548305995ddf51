import { readdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../.ci/chromium';
import type { BenchImplementation } from '../src/bench-page-api';
import { startBenchServer } from './bench-server';
import { BENCH_ORGANIZATIONS } from './bench-tenant';

/*
 * `pnpm --filter @org-connections/benchmarks profile-mount [library|baseline] [runs]`: where a cold first mount of 10
 * connections spends the page's main thread, by package. Each run loads the page fresh, records a CPU profile (V8's
 * sampling profiler, every 100 µs) from mount until the rows are painted, and charges each sample's own time to the
 * module its function comes from: the page is built unminified, and the bundle marks each module with a
 * `// <path>` line. The profiler slows the page down, so the times are larger than `pnpm bench`'s; the split is
 * what it is for. A tool for finding work to cut, not a benchmark: BENCHMARKS.md quotes its output.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The first line of each module in the unminified bundle, with the package (or our own package) it belongs to. */
function moduleStarts(assets: URL): Array<{ line: number; name: string }> {
  const bundle = readdirSync(assets).find((file) => file.endsWith('.js'));
  if (bundle === undefined) throw new Error('The benchmark page was not built.');
  const starts: Array<{ line: number; name: string }> = [];
  readFileSync(new URL(bundle, assets), 'utf8')
    .split('\n')
    .forEach((text, line) => {
      // A module's path; not an annotation comment such as `// @__NO_SIDE_EFFECTS__`.
      const path = /^\/\/ (\S+\.[cm]?[jt]sx?)$/.exec(text)?.[1];
      if (path === undefined) return;
      const dependency = /node_modules\/\.pnpm\/(@?[^@/]+(?:\+[^@/]+)?)@/.exec(path)?.[1]?.replace('+', '/');
      const ours = /^\.\.\/(\w+)\/src\//.exec(path)?.[1];
      starts.push({
        line,
        name: dependency ?? (ours ? `@org-connections/${ours}` : /^(\.\/)?src\//.test(path) ? 'the bench page' : path),
      });
    });
  return starts;
}

export async function main(args: string[]): Promise<void> {
  const implementation: BenchImplementation = args[0] === 'baseline' ? 'baseline' : 'library';
  const runs = Number(args[1] ?? 7);
  const server = await startBenchServer({ latency: 100, minify: false });
  const starts = moduleStarts(new URL('../dist/assets/', import.meta.url));
  const moduleAt = (line: number) => starts.findLast((start) => start.line <= line)?.name ?? 'the bench page';
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const spent = new Map<string, number>();
  const mounts: number[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      server.tenant.reset();
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForFunction(() => window.orgConnectionsBench !== undefined);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
      const mounted = await page.evaluate(
        (options) => {
          const bench = window.orgConnectionsBench;
          if (bench === undefined) throw new Error('The benchmark page is not ready.');
          return bench.mount(options);
        },
        {
          implementation,
          organizationId: BENCH_ORGANIZATIONS.ten,
          until: { kind: 'count', selector: '[data-slot="row"]', count: 10 } as const,
        },
      );
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      mounts.push(mounted.milliseconds);
      const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
      profile.samples.forEach((id, index) => {
        const frame = nodes.get(id)?.callFrame;
        if (frame === undefined) return;
        // In the page's bundle: the module; else V8's own entries ("(program)", "(garbage collector)", "(idle)")
        // or a DOM built-in ("setAttribute").
        const where = frame.url.includes('/assets/') ? moduleAt(frame.lineNumber) : frame.functionName || frame.url;
        spent.set(where, (spent.get(where) ?? 0) + (profile.timeDeltas[index + 1] ?? 0) / 1000);
      });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  mounts.sort((a, b) => a - b);
  console.log(
    `${implementation}: mount → 10 rows painted, under the profiler: ${mounts.map(Math.round).join(', ')} ms`,
  );
  console.log('main-thread time per mount, by where it was spent (ms, mean of the runs):');
  for (const [where, milliseconds] of [...spent].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`${(milliseconds / runs).toFixed(1).padStart(8)}  ${where}`);
  }
}

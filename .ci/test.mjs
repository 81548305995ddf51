#!/usr/bin/env node
// `pnpm test`: every check the project has, in one run. Each step runs even when an earlier one failed,
// and the last line is a plain `N passed, N failed` over all of them, so a run that executed nothing shows.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const report = '.cache/vitest-report.json';
mkdirSync('.cache', { recursive: true });
rmSync(report, { force: true });

const run = (command, args) => {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] }).status === 0;
};
const capture = (command, args) => {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return { ok: result.status === 0, stdout: result.stdout ?? '' };
};

// The browser suites need Chromium: without one, say the command that fixes it now, not after minutes of tests.
const chromium = findChromium();
if ('problem' in chromium) {
  console.error(`pnpm test: ${chromium.problem}`);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
console.log(`Chromium: ${chromium.path}`);

let passed = 0;
let failed = 0;
const count = (ok) => (ok ? passed++ : failed++);

count(run('tsc', ['-p', 'tsconfig.json', '--noEmit']));
// The components promise React ^18 || ^19: their sources also type-check against React 18's types.
count(run('tsc', ['-p', 'packages/react/tsconfig.react18.json', '--noEmit']));
count(run('biome', ['check', '.']));

const vitestOk = run('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
try {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  if (!vitestOk && result.numFailedTests === 0) failed++;
} catch {
  failed++;
}

const size = capture('size-limit', ['--json']);
try {
  for (const entry of JSON.parse(size.stdout)) {
    const ok = entry.passed === true;
    console.log(`${ok ? '✓' : '✗'} size: ${entry.name} ${(entry.size / 1000).toFixed(2)} kB gzip`);
    count(ok);
  }
} catch {
  console.log(size.stdout);
  failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

#!/usr/bin/env node
// `pnpm test`: every check the project has, in one run. Each step runs even when an earlier one failed,
// and the last line is a plain `N passed, N failed` over all of them, so a run that executed nothing shows.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { relative } from 'node:path';
import { findChromium } from './find-chromium.mjs';
import { findRedisServer } from './find-redis-server.mjs';
import { PUBLISHED_PACKAGES, tarballPath } from './pack.mjs';

mkdirSync('.cache', { recursive: true });

// What failed, by name, printed just above the last line: a CI log that keeps only its tail still says which.
const failures = [];
/** The command running now, named in `failures` when it fails. */
let step = '';
const run = (command, args) => {
  step = `${command} ${args.join(' ')}`;
  console.log(`\n$ ${step}`);
  return spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] }).status === 0;
};
const capture = (command, args) => {
  step = `${command} ${args.join(' ')}`;
  console.log(`\n$ ${step}`);
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
// The server package's store tests start a real redis-server: the same early word when there is none.
const redisServer = findRedisServer();
if ('problem' in redisServer) {
  console.error(`pnpm test: ${redisServer.problem}`);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
console.log(`redis-server: ${redisServer.path}`);

let passed = 0;
let failed = 0;
const count = (ok) => {
  if (ok) passed++;
  else {
    failed++;
    failures.push(step);
  }
};

count(run('tsc', ['-p', 'tsconfig.json', '--noEmit']));
// The components promise React ^18 || ^19: their sources also type-check against React 18's types.
count(run('tsc', ['-p', 'packages/react/tsconfig.react18.json', '--noEmit']));
count(run('biome', ['check', '.']));

// Vitest in two passes that between them hold every project of vitest.config.ts (a pattern and its negation): the
// story tests (in three languages) after the interaction suites, so that no more than three browser projects share the
// machine's cores at once; all five at once timed tests out on two cores.
const vitestPasses = [['!storybook*'], ['storybook*']];
for (const [index, projects] of vitestPasses.entries()) {
  const report = `.cache/vitest-report-${index + 1}.json`;
  rmSync(report, { force: true });
  const projectArgs = projects.flatMap((project) => ['--project', project]);
  const ok = run('vitest', [
    'run',
    ...projectArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  try {
    const result = JSON.parse(readFileSync(report, 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    for (const file of result.testResults) {
      // A file that failed to load has no failed test of its own: name the file and its message.
      if (file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed')) {
        failures.push(`${relative('.', file.name)}\n      ${(file.message ?? '').split('\n')[0].slice(0, 300)}`);
      }
      for (const test of file.assertionResults) {
        if (test.status !== 'failed') continue;
        const why = (test.failureMessages[0] ?? '').split('\n')[0].slice(0, 300);
        failures.push(`${relative('.', file.name)} > ${test.fullName}\n      ${why}`);
      }
    }
    if (result.numTotalTests === 0 || (!ok && result.numFailedTests === 0)) count(false);
  } catch {
    count(false);
  }
}

// The Next.js example as a host runs it: `next build`, then Chromium against `next start` with a fake tenant upstream.
count(run('pnpm', ['--filter', './examples/nextjs', 'build']));
count(run('node', ['--test', 'examples/nextjs/e2e/nextjs-e2e.mjs']));

const size = capture('size-limit', ['--json']);
try {
  for (const entry of JSON.parse(size.stdout)) {
    const ok = entry.passed === true;
    console.log(`${ok ? '✓' : '✗'} size: ${entry.name} ${(entry.size / 1000).toFixed(2)} kB gzip`);
    step = `size: ${entry.name}`;
    count(ok);
  }
} catch {
  console.log(size.stdout);
  count(false);
}

// The packages as the registry would serve them: built and packed, each tarball linted by publint and attw, then
// installed into a fresh app that imports, renders, type-checks and bundles them (.ci/consumer/run.mjs).
// attw's one ignored rule, cjs-resolves-to-esm (the ⚠️ in its "node16 (from CJS)" column): `require` is served the
// ES module itself, which Node 20.19+ loads (require of ES modules) as the very instance `import` gets, so React
// context and `instanceof OrgConnectionsError` hold across both; attw models Node 16, where that require throws.
// attw cannot expand the `./locales/*` pattern, so each locale is named; `./styles.css` has no types to find.
const tarballs = '.cache/tarballs';
const consumerReport = '.cache/consumer-report.json';
const attwOptions = ['--no-definitely-typed', '--ignore-rules', 'cjs-resolves-to-esm'];
const locales = readdirSync('packages/react/src/locales')
  .filter((file) => /^[\w-]+\.ts$/.test(file))
  .map((file) => `./locales/${file.slice(0, -'.ts'.length)}`);
rmSync(consumerReport, { force: true });
count(run('node', ['.ci/pack.mjs', tarballs]));
for (const name of PUBLISHED_PACKAGES) {
  const tarball = tarballPath(tarballs, name);
  count(run('publint', ['run', '--strict', tarball]));
  const entrypoints = name === 'react' && locales.length > 0 ? ['--include-entrypoints', ...locales] : [];
  count(run('attw', [tarball, ...attwOptions, '--exclude-entrypoints', './styles.css', ...entrypoints]));
}
run('node', ['.ci/consumer/run.mjs', tarballs, consumerReport]);
try {
  const result = JSON.parse(readFileSync(consumerReport, 'utf8'));
  passed += result.passed;
  failed += result.failed;
  failures.push(...result.failures);
} catch {
  count(false);
}

if (failures.length > 0) console.log(`\nFailed:\n${failures.map((failure) => `  ✗ ${failure}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

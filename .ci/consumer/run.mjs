#!/usr/bin/env node
// The packages as an application gets them (issue 14). The tarballs `.ci/pack.mjs` wrote are installed with npm,
// with their peers from the registry, into a fresh app in a temporary folder outside the repository (so nothing can
// resolve to the workspace's sources or its node_modules). As that app: import every entry in Node (import and
// require), render the list inside the provider to HTML, type-check a consumer under `bundler` and `nodenext` (where
// a wrong prop must be the one error) and bundle it for the browser with the stylesheet.
//
// The installed node_modules is cached in `.cache/consumer/<hash>`, keyed by the tarballs' bytes and the app's
// dependencies, and hard-linked into each fresh app; npm's downloads are cached in `.cache/npm`.
//
// Usage: node .ci/consumer/run.mjs <tarball folder> [report.json]   (CONSUMER_KEEP=1 keeps the temporary app)
// Prints one line per check and writes `{ passed, failed, failures }` to the report.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PUBLISHED_PACKAGES, tarballPath } from '../pack.mjs';

const [tarballFolder, reportPath] = process.argv.slice(2);
if (!tarballFolder) {
  console.error('usage: node .ci/consumer/run.mjs <tarball folder> [report.json]');
  process.exit(2);
}
const repository = resolve(import.meta.dirname, '../..');
const sources = join(import.meta.dirname, 'app');
const cacheFolder = join(repository, '.cache/consumer');
const npmCache = join(repository, '.cache/npm');
const tsc = join(repository, 'node_modules/typescript/bin/tsc');

let passed = 0;
let failed = 0;
const failures = [];
/** One counted check: a function that throws to fail. */
async function check(name, body) {
  const started = performance.now();
  try {
    await body();
    passed++;
    console.log(`✓ consumer: ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    return true;
  } catch (error) {
    failed++;
    failures.push(`consumer: ${name}`);
    console.log(`✗ consumer: ${name}\n${error instanceof Error ? error.message : error}`);
    return false;
  }
}

function exec(command, args, cwd, env = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trimEnd() };
}
/** Hard links: a fresh folder in a second, the same files; a copy across file systems. */
function linkOrCopy(from, to) {
  if (exec('cp', ['-al', from, to], '.').status === 0) return;
  rmSync(to, { recursive: true, force: true });
  mustRun('cp', ['-a', from, to], '.');
}
function mustRun(command, args, cwd, env) {
  const { status, output } = exec(command, args, cwd, env);
  if (status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${status}\n${output}`);
  return output;
}

const tarballs = Object.fromEntries(PUBLISHED_PACKAGES.map((name) => [name, tarballPath(tarballFolder, name)]));
const contents = Object.fromEntries(
  PUBLISHED_PACKAGES.map((name) => [name, existsSync(tarballs[name]) ? mustRun('tar', ['-tzf', tarballs[name]]) : '']),
);

// 1. What each tarball holds: the licence and a readme, the build, and nothing that only the tests use.
for (const name of PUBLISHED_PACKAGES) {
  await check(`@org-connections/${name} tarball holds LICENSE, README.md and dist, nothing test-only`, () => {
    const files = contents[name].split('\n').filter(Boolean);
    if (files.length === 0) throw new Error(`${tarballs[name]} is missing or empty: did .ci/pack.mjs run?`);
    for (const file of ['package/LICENSE', 'package/README.md', 'package/package.json', 'package/dist/index.js']) {
      if (!files.includes(file)) throw new Error(`${file} is not in the tarball`);
    }
    const testOnly = files.filter((file) => /(\.test(-d)?\.|^package\/test\/|\/src\/)/.test(file));
    if (testOnly.length > 0) throw new Error(`test-only or source files in the tarball:\n${testOnly.join('\n')}`);
  });
}
const locales = [...contents.react.matchAll(/^package\/dist\/locales\/([\w-]+)\.js$/gm)].map((match) => match[1]);

// 2. The app: our tarballs and the peers at the versions the workspace pins (react, react-dom, TanStack Query for
// the components; msw for the testing package), and the types a TypeScript app has.
const pins = JSON.parse(readFileSync(join(repository, 'package.json'), 'utf8')).devDependencies;
const registryDependencies = ['react', 'react-dom', '@tanstack/react-query', 'msw'];
const registryDevDependencies = ['@types/react', '@types/react-dom', '@types/node'];
const manifest = (tarballSpec) => ({
  name: 'org-connections-consumer',
  private: true,
  type: 'module',
  dependencies: {
    ...Object.fromEntries(PUBLISHED_PACKAGES.map((name) => [`@org-connections/${name}`, tarballSpec(name)])),
    ...Object.fromEntries(registryDependencies.map((name) => [name, pins[name]])),
  },
  devDependencies: Object.fromEntries(registryDevDependencies.map((name) => [name, pins[name]])),
  // The packages' own dependencies on each other (`@org-connections/core` 0.1.0) are these tarballs, never the
  // registry's.
  overrides: Object.fromEntries(
    PUBLISHED_PACKAGES.map((name) => [`@org-connections/${name}`, `$@org-connections/${name}`]),
  ),
});
const hash = createHash('sha256');
for (const name of PUBLISHED_PACKAGES) hash.update(existsSync(tarballs[name]) ? readFileSync(tarballs[name]) : name);
hash.update(JSON.stringify(manifest((name) => name)));
const key = hash.digest('hex').slice(0, 16);
const cached = join(cacheFolder, key); // the installed node_modules

const app = mkdtempSync(join(tmpdir(), 'org-connections-consumer-'));
writeFileSync(
  join(app, 'package.json'),
  JSON.stringify(
    manifest((name) => `file:${tarballs[name]}`),
    null,
    2,
  ),
);
const installed = await check(
  existsSync(cached) ? `install (cached ${key})` : `install the tarballs and their peers with npm (cache ${key})`,
  () => {
    if (!existsSync(cached)) {
      mustRun(
        'npm',
        ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--cache', npmCache],
        app,
      );
      // Only this key's install is kept, and only once complete (an interrupted copy is never reused).
      rmSync(cacheFolder, { recursive: true, force: true });
      mkdirSync(cacheFolder, { recursive: true });
      linkOrCopy(join(app, 'node_modules'), `${cached}.partial`);
      renameSync(`${cached}.partial`, cached);
    } else {
      linkOrCopy(cached, join(app, 'node_modules'));
    }
    for (const name of PUBLISHED_PACKAGES) {
      const installedManifest = join(app, 'node_modules/@org-connections', name, 'package.json');
      if (!existsSync(installedManifest)) throw new Error(`@org-connections/${name} is not installed`);
    }
  },
);
cpSync(sources, app, { recursive: true });

// 3. As the app runs it, and as its compilers and bundler see it.
const checks = [
  [
    'Node imports and requires every entry, as one module each',
    () => console.log(mustRun('node', ['node-import.mjs'], app, { CONSUMER_LOCALES: JSON.stringify(locales) })),
  ],
  [
    'Node renders the list inside the provider to HTML (renderToString)',
    () => console.log(mustRun('node', ['node-render.mjs'], app)),
  ],
  ['TypeScript `bundler`: the app type-checks, the wrong prop is the one error', () => typeCheck('bundler')],
  [
    'TypeScript `nodenext`: the app, an ESM and a CJS backend type-check, the wrong prop is the one error',
    () => typeCheck('nodenext'),
  ],
  ['Vite bundles the app for the browser with styles.css', () => bundle()],
];
for (const [name, body] of checks) {
  if (installed) await check(name, body);
  else await check(name, () => Promise.reject(new Error('not run: the app could not be installed')));
}

/** Runs tsc on `tsconfig.<mode>.json`: the only error must be the wrong `view` in wrong-prop.tsx. */
function typeCheck(mode) {
  const { output } = exec('node', [tsc, '-p', `tsconfig.${mode}.json`, '--pretty', 'false'], app);
  const errors = output.split('\n').filter((line) => /^\S.*\(\d+,\d+\): error TS\d+/.test(line));
  const expected = /^wrong-prop\.tsx\(5,\d+\): error TS2322: Type '"superuser"' is not assignable to type 'View'/;
  if (errors.length !== 1 || !expected.test(errors[0])) {
    throw new Error(`expected only wrong-prop.tsx's TS2322 on view="superuser", got:\n${output}`);
  }
}

async function bundle() {
  const { build } = await import('vite');
  const outDir = join(app, 'bundle');
  await build({
    root: app,
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: {
        input: join(app, 'app.tsx'),
        // Radix's and TanStack Query's `"use client"` mean nothing in a client bundle.
        onwarn: (warning, warn) => warning.code === 'MODULE_LEVEL_DIRECTIVE' || warn(warning),
      },
    },
  });
  const assets = readdirSync(join(outDir, 'assets'));
  const css = assets.filter((file) => file.endsWith('.css'));
  const js = assets.filter((file) => file.endsWith('.js'));
  if (css.length !== 1 || js.length === 0) throw new Error(`unexpected bundle: ${assets.join(', ')}`);
  const stylesheet = readFileSync(join(outDir, 'assets', css[0]), 'utf8');
  if (!stylesheet.includes('@layer org-connections')) throw new Error(`${css[0]} is not the components' stylesheet`);
  const script = js.map((file) => readFileSync(join(outDir, 'assets', file), 'utf8')).join('\n');
  if (!script.includes('data-slot')) throw new Error('the bundle does not hold the components');
  console.log(`  bundle: ${js.join(', ')} (${(script.length / 1000).toFixed(0)} kB), ${css[0]}`);
}

if (process.env.CONSUMER_KEEP) console.log(`the app is kept in ${app}`);
else rmSync(app, { recursive: true, force: true });
console.log(`consumer: ${passed} passed, ${failed} failed`);
if (reportPath) writeFileSync(reportPath, JSON.stringify({ passed, failed, failures }));
process.exit(failed === 0 ? 0 : 1);

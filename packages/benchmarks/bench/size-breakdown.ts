import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import sizeLimitChecks from '../../../.size-limit.js';

/*
 * What each module weighs in the bundles `.size-limit.ts` measures, built exactly as
 * @size-limit/esbuild builds them (same esbuild, same options), with esbuild's metafile:
 * `pnpm --filter @org-connections/benchmarks size:why`.
 */

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

type SizeLimitCheck = (typeof sizeLimitChecks)[number];

/** The part of esbuild's API this script uses (esbuild is size-limit's, reached through its plugin). */
interface Metafile {
  outputs: Record<
    string,
    { imports: { path: string; external?: boolean }[]; inputs: Record<string, { bytesInOutput: number }> }
  >;
}
interface BuildResult {
  metafile: Metafile;
  outputFiles: { path: string; contents: Uint8Array }[];
}
interface Esbuild {
  version: string;
  build(options: Record<string, unknown>): Promise<BuildResult>;
}

function loadEsbuild(): Esbuild {
  const fromRoot = createRequire(join(repositoryRoot, 'package.json'));
  const fromPreset = createRequire(fromRoot.resolve('@size-limit/preset-small-lib'));
  const fromPlugin = createRequire(fromPreset.resolve('@size-limit/esbuild'));
  return fromPlugin('esbuild') as Esbuild;
}

const esbuild = loadEsbuild();

/** The entry size-limit writes for `import`: one import and one use per file. */
function entrySource(imports: Record<string, string>): string {
  return Object.entries(imports)
    .map(([file, names]) => {
      const specifier = JSON.stringify(resolve(repositoryRoot, file));
      if (names === '*') return `import * as all from ${specifier}\nconsole.log(all)\n`;
      return `import ${names} from ${specifier}\nconsole.log(${names.replace(/[{}]/g, '').trim()})\n`;
    })
    .join('');
}

interface Bundle {
  bytes: Uint8Array;
  gzip: number;
  metafile: Metafile;
}

async function bundle(imports: Record<string, string>, external: readonly string[]): Promise<Bundle> {
  const directory = await mkdtemp(join(tmpdir(), 'size-breakdown-'));
  try {
    const entry = join(directory, 'index.js');
    await writeFile(entry, entrySource(imports));
    // The options of @size-limit/esbuild's get-config.js, written to memory instead of disk.
    const result = await esbuild.build({
      allowOverwrite: true,
      bundle: true,
      entryPoints: [entry],
      external: [...external],
      metafile: true,
      minifyIdentifiers: true,
      minifySyntax: true,
      minifyWhitespace: true,
      outdir: join(directory, 'out'),
      format: 'esm', // as `.size-limit.ts` measures it
      treeShaking: true,
      write: false,
      absWorkingDir: repositoryRoot,
    });
    const output = result.outputFiles.find((file) => file.path.endsWith('.js'));
    if (output === undefined) throw new Error('esbuild wrote no JavaScript');
    return { bytes: output.contents, gzip: gzipSync(output.contents, { level: 9 }).length, metafile: result.metafile };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** `@scope/name` or `name` for a file under node_modules; `packages/<name>` for ours. */
function owner(input: string): string {
  const dependency = input.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  if (dependency?.[1] !== undefined) return dependency[1];
  const workspace = input.match(/^packages\/([^/]+)\//);
  return workspace?.[1] === undefined ? input : `@org-connections/${workspace[1]}`;
}

function inputs(metafile: Metafile): [string, number][] {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      totals.set(input, (totals.get(input) ?? 0) + bytesInOutput);
    }
  }
  return [...totals].filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]);
}

function byOwner(metafile: Metafile): [string, number][] {
  const totals = new Map<string, number>();
  for (const [input, bytes] of inputs(metafile)) totals.set(owner(input), (totals.get(owner(input)) ?? 0) + bytes);
  return [...totals].sort((a, b) => b[1] - a[1]);
}

function externalImports(metafile: Metafile): string[] {
  const found = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports) if (imported.external) found.add(imported.path);
  }
  return [...found].sort();
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;

/** Checks that the check measures what its name says, from the metafile. */
function sanity(check: SizeLimitCheck, built: Bundle): string[] {
  const notes: string[] = [];
  const files = inputs(built.metafile).map(([input]) => input);
  const externals = externalImports(built.metafile);
  const text = Buffer.from(built.bytes).toString('utf8');
  notes.push(
    externals.includes('react/jsx-runtime') || files.some((file) => file.includes('react/cjs/react-jsx-runtime'))
      ? 'JSX: automatic runtime (react/jsx-runtime).'
      : 'JSX: NOT the automatic runtime: check the tsconfig esbuild finds.',
  );
  if (/\bcreateElement\(/.test(text) && !files.some((file) => file.includes('node_modules'))) {
    notes.push('WARNING: createElement calls in own code (classic JSX runtime?).');
  }
  const dependencies = files.filter((file) => file.includes('node_modules'));
  if ((check.ignore ?? []).includes('zod')) {
    notes.push(
      dependencies.length === 0
        ? 'Own code only: no file from node_modules in the bundle.'
        : `WARNING: dependencies bundled into "own code": ${[...new Set(dependencies.map(owner))].join(', ')}.`,
    );
  } else {
    const zodFiles = dependencies.filter((file) => owner(file) === 'zod');
    const classic = zodFiles.filter((file) => /zod\/v4\/classic\//.test(file));
    notes.push(
      zodFiles.length === 0
        ? 'zod: not in the bundle.'
        : classic.length === 0
          ? `zod: only zod/mini and zod/v4/core (${zodFiles.length} files), no classic zod.`
          : `WARNING: classic zod bundled: ${classic.join(', ')}.`,
    );
  }
  notes.push(`External imports: ${externals.join(', ') || 'none'}.`);
  return notes;
}

async function report(check: SizeLimitCheck): Promise<string> {
  if (check.import === undefined) {
    const file = resolve(repositoryRoot, check.path ?? '');
    const raw = readFileSync(file);
    return `## ${check.name}\n\n${check.path}: ${kB(raw.length)} raw, ${kB(gzipSync(raw, { level: 9 }).length)} gzip unminified (size-limit minifies it first).\n`;
  }
  const ignore = check.ignore ?? [];
  const built = await bundle(check.import, ignore);
  const lines = [
    `## ${check.name}`,
    '',
    `${kB(built.bytes.length)} minified, **${kB(built.gzip)} gzip** (limit ${check.limit ?? 'none'}; size-limit subtracts ~0.05 kB for its empty project).`,
    '',
    ...sanity(check, built).map((note) => `- ${note}`),
    '',
    '| package | minified | gzip saved if it were external |',
    '| --- | ---: | ---: |',
  ];
  for (const [name, bytes] of byOwner(built.metafile)) {
    if (!name.startsWith('@') && !/^[a-z]/.test(name)) continue; // size-limit's generated entry
    let saved = '';
    if (!name.startsWith('@org-connections/')) {
      const without = await bundle(check.import, [...ignore, name]);
      saved = kB(built.gzip - without.gzip);
    }
    lines.push(`| ${name} | ${kB(bytes)} | ${saved} |`);
  }
  lines.push('', '| module | minified |', '| --- | ---: |');
  for (const [input, bytes] of inputs(built.metafile)
    .filter(([input]) => !input.includes('size-breakdown-'))
    .slice(0, 40)) {
    lines.push(`| ${input.replace(/^.*node_modules\//, '')} | ${kB(bytes)} |`);
  }
  return `${lines.join('\n')}\n`;
}

export async function main(): Promise<void> {
  console.log(`# Size breakdown (esbuild ${esbuild.version}, as @size-limit/esbuild builds)\n`);
  for (const check of sizeLimitChecks) console.log(await report(check));
}

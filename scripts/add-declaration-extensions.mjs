#!/usr/bin/env node
// After `tsc` emits a package's declarations: give every relative import in them the `.js` extension Node's ESM
// resolution needs (`./access-level` -> `./access-level.js`, a folder -> `./folder/index.js`). TypeScript under
// `node16`/`nodenext` resolves a declaration's imports as Node would, so without this every type reached through
// one is silently `any` there. The sources keep extensionless imports (the workspace resolves them with `bundler`);
// the specifiers are found by TypeScript's own scanner, never by a pattern over the text.
//
// Usage: node scripts/add-declaration-extensions.mjs <dist folder>
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: add-declaration-extensions.mjs <dist folder>');
  process.exit(2);
}

/** @param {string} dir @returns {string[]} */
const declarationFiles = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return declarationFiles(path);
    return name.endsWith('.d.ts') ? [path] : [];
  });

/** The specifier Node resolves to the declaration `tsc` emitted for `specifier`, or an error. */
const withExtension = (file, specifier) => {
  const target = resolve(dirname(file), specifier);
  if (existsSync(`${target}.d.ts`)) return `${specifier}.js`;
  if (existsSync(join(target, 'index.d.ts'))) return `${specifier}/index.js`;
  if (/\.(js|mjs|cjs|json|css)$/.test(specifier)) return specifier;
  throw new Error(`${file}: "${specifier}" resolves to no declaration file`);
};

let changed = 0;
for (const file of declarationFiles(resolve(folder))) {
  const text = readFileSync(file, 'utf8');
  const { importedFiles } = ts.preProcessFile(text, true, true);
  let result = text;
  // From the last specifier back, so the earlier positions stay valid.
  for (const { fileName, pos } of [...importedFiles].sort((a, b) => b.pos - a.pos)) {
    if (!fileName.startsWith('./') && !fileName.startsWith('../')) continue;
    // `pos` is the string literal's opening quote; the specifier follows it.
    const start = pos + 1;
    if (result.slice(start, start + fileName.length) !== fileName)
      throw new Error(`${file}: cannot place "${fileName}"`);
    result = result.slice(0, start) + withExtension(file, fileName) + result.slice(start + fileName.length);
  }
  if (result !== text) {
    writeFileSync(file, result);
    changed++;
  }
}
console.log(`add-declaration-extensions: ${changed} declaration files in ${folder} rewritten`);

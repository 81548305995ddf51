#!/usr/bin/env node
// CHANGELOG.md from the changesets: the pending `.changeset/*.md` entries under the versions they will release
// (Changesets' own release plan, `changeset status --output`, so linked packages and bump types are as
// `changeset version` will apply them), then the released versions, kept as the file has them.
//
// Usage: node scripts/changelog.mjs             writes CHANGELOG.md (pnpm changelog)
//        node scripts/changelog.mjs --check     exits 1 when CHANGELOG.md is not what the changesets say
//        node scripts/changelog.mjs --release   files the pending changes under their versions, for a release: run it
//                                               just before `changeset version`, which then consumes the changesets
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repository = resolve(import.meta.dirname, '..');
const PUBLISHED = ['core', 'react', 'testing', 'server'].map((name) => `@org-connections/${name}`);

/** The released history when there is no CHANGELOG.md yet: the first version, before any changeset. */
const FIRST_RELEASE = `## 0.1.0

The first version of \`@org-connections/core\` (model, rules, schemas, the Management API and My Organization API
clients), \`@org-connections/react\` (\`OrgConnectionsList\`, \`AddConnectionDialog\`, \`AccessLevelSelect\`,
\`LoginPromptPreview\`, six languages), \`@org-connections/testing\` (the fake Auth0 tenant, MSW handlers, a loopback
server) and \`@org-connections/server\` (\`createOrgConnectionsHandler\`, \`toNodeListener\`).
`;

/** Changesets' release plan: `{ changesets: [{ id, summary, releases }], releases: [{ name, type, oldVersion, newVersion }] }`. */
function releasePlan() {
  const folder = mkdtempSync(join(tmpdir(), 'changelog-'));
  try {
    const output = join(folder, 'status.json');
    const bin = join(repository, 'node_modules/@changesets/cli/bin.js');
    const result = spawnSync(process.execPath, [bin, 'status', '--output', output], {
      cwd: repository,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`changeset status failed:\n${result.stdout}${result.stderr}`);
    return JSON.parse(readFileSync(output, 'utf8'));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A changeset's summary as a list item: its first line after the bump, the rest indented under it. */
function item(type, summary) {
  const [first, ...rest] = summary.trim().split('\n');
  return [`- **${type}**: ${first}`, ...rest.map((line) => (line.trim() === '' ? '' : `  ${line}`))].join('\n');
}

/** The released versions of a CHANGELOG.md: everything from its first `## ` heading after Unreleased. */
export function releasedHistory(changelog) {
  const start = changelog?.search(/^## (?!Unreleased$)/m) ?? -1;
  return start === -1 ? FIRST_RELEASE : changelog.slice(start);
}

/** The package sections of the pending changes, one per published package the plan releases. */
function pendingSections(plan) {
  const byId = new Map(plan.changesets.map((changeset) => [changeset.id, changeset]));
  const releases = plan.releases
    .filter((release) => PUBLISHED.includes(release.name) && release.type !== 'none')
    .sort((a, b) => PUBLISHED.indexOf(a.name) - PUBLISHED.indexOf(b.name));
  return releases.map((release) => {
    const entries = plan.changesets
      .filter((changeset) => changeset.releases.some((bump) => bump.name === release.name && bump.type !== 'none'))
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((changeset) => {
        const bump = byId.get(changeset.id).releases.find((entry) => entry.name === release.name);
        return item(bump.type, changeset.summary);
      });
    const body = entries.length > 0 ? entries.join('\n\n') : `- **${release.type}**: dependencies updated.`;
    return { release, text: `### ${release.name} ${release.oldVersion} → ${release.newVersion}\n\n${body}\n` };
  });
}

/**
 * The whole CHANGELOG.md: the pending changes from the changesets in `.changeset/`, then `history` (the released
 * versions). With `release`, the pending changes are filed as a released version dated `release.date` instead.
 */
export function renderChangelog(
  plan = releasePlan(),
  history = FIRST_RELEASE,
  release = /** @type {{ date: string } | undefined} */ (undefined),
) {
  const sections = pendingSections(plan);
  const text = sections.map((section) => section.text).join('\n');
  if (release !== undefined && sections.length > 0) {
    const versions = sections.map(({ release: entry }) => `${entry.name} ${entry.newVersion}`).join(', ');
    history = `## ${release.date}: ${versions}\n\n${text}\n${history}`;
  }
  const unreleased =
    sections.length === 0 || release !== undefined
      ? 'No pending changesets.\n'
      : `The versions \`pnpm changeset version\` will give the packages, and what each changes.\n\n${text}`;
  return `# Changelog

Generated from the changesets in \`.changeset/\` by \`pnpm changelog\` (\`scripts/changelog.mjs\`, with Changesets' own
release plan). After \`pnpm changeset\` adds a change, \`pnpm changelog\` writes this again (\`pnpm test\` fails while it
is out of date); a release runs \`pnpm changelog --release\` just before \`pnpm changeset version\`.

## Unreleased

${unreleased}
${history}`;
}

if (process.argv[1] === import.meta.filename) {
  const path = join(repository, 'CHANGELOG.md');
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const release = process.argv.includes('--release') ? { date: new Date().toISOString().slice(0, 10) } : undefined;
  const expected = renderChangelog(releasePlan(), releasedHistory(current), release);
  if (process.argv.includes('--check')) {
    if (current !== expected) {
      console.error('CHANGELOG.md is out of date with .changeset/: run `pnpm changelog`.');
      process.exit(1);
    }
  } else writeFileSync(path, expected);
}

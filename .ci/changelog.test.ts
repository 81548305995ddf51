import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releasedHistory, renderChangelog } from '../scripts/changelog.mjs';

describe('CHANGELOG.md', () => {
  it('says what the pending changesets say (after adding one, run pnpm changelog)', () => {
    const written = readFileSync(join(import.meta.dirname, '../CHANGELOG.md'), 'utf8');
    expect(written).toBe(renderChangelog(undefined, releasedHistory(written)));
  });

  it('lists each changeset under every published package it releases, with the version it will release', () => {
    const changelog = renderChangelog({
      changesets: [
        {
          id: 'b-fix',
          summary: 'Fixes the list.\nSecond line.',
          releases: [{ name: '@org-connections/react', type: 'patch' }],
        },
        {
          id: 'a-feature',
          summary: 'Adds attachable.',
          releases: [
            { name: '@org-connections/server', type: 'minor' },
            { name: '@org-connections/react', type: 'minor' },
          ],
        },
      ],
      releases: [
        { name: '@org-connections/react', type: 'minor', oldVersion: '0.2.0', newVersion: '0.3.0' },
        { name: '@org-connections/server', type: 'minor', oldVersion: '0.2.0', newVersion: '0.3.0' },
        { name: '@org-connections/example-nextjs', type: 'patch', oldVersion: '0.0.0', newVersion: '0.0.1' },
        { name: '@org-connections/core', type: 'none', oldVersion: '0.2.0', newVersion: '0.2.0' },
      ],
    });
    expect(changelog).toContain(
      '### @org-connections/react 0.2.0 → 0.3.0\n\n- **minor**: Adds attachable.\n\n- **patch**: Fixes the list.\n  Second line.\n',
    );
    expect(changelog).toContain('### @org-connections/server 0.2.0 → 0.3.0\n\n- **minor**: Adds attachable.\n');
    // Private packages and packages with nothing to release are not listed.
    expect(changelog).not.toContain('example-nextjs');
    expect(changelog).not.toContain('### @org-connections/core');
  });

  it('a release files the pending changes under their versions and keeps the history', () => {
    const plan = {
      changesets: [
        { id: 'a', summary: 'Adds attachable.', releases: [{ name: '@org-connections/server', type: 'minor' }] },
      ],
      releases: [{ name: '@org-connections/server', type: 'minor', oldVersion: '0.2.0', newVersion: '0.3.0' }],
    };
    const before = renderChangelog(plan, '## 0.1.0\n\nThe first version.\n');
    const released = renderChangelog(plan, releasedHistory(before), { date: '2027-01-04' });
    expect(released).toContain(
      '## Unreleased\n\nNo pending changesets.\n\n## 2027-01-04: @org-connections/server 0.3.0\n\n### @org-connections/server 0.2.0 → 0.3.0\n\n- **minor**: Adds attachable.\n\n## 0.1.0\n\nThe first version.\n',
    );
    // Once `changeset version` consumed the changeset, the file is as the check expects.
    expect(renderChangelog({ changesets: [], releases: [] }, releasedHistory(released))).toBe(released);
  });
});

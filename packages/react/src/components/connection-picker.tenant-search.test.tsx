import { connectionKind } from '@org-connections/core';
import {
  createHandlers,
  createLargeTenant,
  type FakeConnection,
  type FakeTenant,
  seedIds,
} from '@org-connections/testing';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BASE_URL, createTestClients } from '../../test/fake-tenant';
import { messages as ar } from '../locales/ar';
import { messages as de } from '../locales/de';
import { messages as en } from '../locales/en';
import { messages as es } from '../locales/es';
import { messages as fr } from '../locales/fr';
import { messages as ja } from '../locales/ja';
import { AddConnectionDialog } from './add-connection-dialog';
import { OrgConnectionsProvider } from './org-connections-provider';

/*
 * The picker in front of a source that searches the whole tenant: a backend answering `GET /connections` as the
 * server package's connection index does (issue 18's protocol: `q`, `kind`, `from`/`take`, and the `search` marker).
 * The organization routes are the fake tenant's.
 */

const { globex } = seedIds.organizations;
const server = setupServer();
let tenant: FakeTenant;

interface SearchRequest {
  q: string | null;
  kind: string | null;
  from: string | null;
  strategy: string[];
  name: string | null;
}

/** What the backend was asked, in order. */
let searches: SearchRequest[];
/** How many of the tenant's connections (in name order) the backend has read: all of them unless a test says. */
let indexed: (() => number) | undefined;
/** Each answer waits this long. */
let latencyMs: number;
/**
 * The next answers to a search for `q` fail with a 503, `times` times. Keyed by the search, not by order: typing on a
 * slow machine may send a search for a prefix first, which must not take the failure meant for the word.
 */
let failing: { q: string; times: number } | undefined;

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function answerSearch(url: URL) {
  const q = url.searchParams.get('q');
  const kind = url.searchParams.get('kind');
  const strategy = url.searchParams.getAll('strategy');
  const name = url.searchParams.get('name');
  searches.push({ q, kind, from: url.searchParams.get('from'), strategy, name });
  const all = tenant
    .listConnections()
    .map((connection) => ({ connection, key: `${connection.name.toLowerCase()}\u0000${connection.id}` }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ connection }) => connection);
  const read = Math.min(indexed?.() ?? all.length, all.length);
  const needle = q === null ? undefined : fold(q);
  const matches = all
    .slice(0, read)
    .filter(
      (connection: FakeConnection) =>
        (needle === undefined ||
          fold(connection.name).includes(needle) ||
          fold(connection.display_name ?? '').includes(needle)) &&
        (kind === null || connectionKind(connection.strategy) === kind) &&
        (strategy.length === 0 || strategy.includes(connection.strategy)) &&
        (name === null || connection.name === name),
    );
  const take = Number(url.searchParams.get('take') ?? 50);
  const start = Number(url.searchParams.get('from') ?? 0);
  const page = matches.slice(start, start + take);
  return {
    connections: page.map(({ id, name, display_name, strategy }) => ({ id, name, display_name, strategy })),
    ...(start + take < matches.length && { next: String(start + take) }),
    total: matches.length,
    search: read < all.length ? 'partial' : 'complete',
    indexed: read,
  };
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  searches = [];
  indexed = undefined;
  latencyMs = 0;
  failing = undefined;
  tenant = createLargeTenant({ authentication: 'optional', rateLimits: false, connections: 2_000 });
  tenant.addConnections([
    { id: 'con_DeepInTheTenant01', name: 'zz-far-lighthouse', display_name: 'Far Lighthouse', strategy: 'samlp' },
  ]);
  server.use(
    http.get(`${BASE_URL}/connections`, async ({ request }) => {
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      const answer = answerSearch(new URL(request.url));
      if (failing && failing.times > 0 && new URL(request.url).searchParams.get('q') === failing.q) {
        failing.times -= 1;
        return HttpResponse.json(
          { statusCode: 503, error: 'Service Unavailable', message: 'Try again' },
          { status: 503 },
        );
      }
      return HttpResponse.json(answer);
    }),
    ...createHandlers(tenant, { managementBaseUrl: BASE_URL }),
  );
  // jsdom lays nothing out: give the picker's scroller a height so the virtualizer renders rows.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(480);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(48);
});
afterEach(() => {
  server.resetHandlers();
  vi.restoreAllMocks();
});

function renderDialog(messages = en) {
  const clients = createTestClients();
  return render(
    <OrgConnectionsProvider api={clients.api} queryClient={clients.queryClient}>
      <AddConnectionDialog organizationId={globex} messages={messages} />
    </OrgConnectionsProvider>,
  );
}

const optionNames = () =>
  screen
    .queryAllByRole('option')
    .map((option) => option.querySelector('[data-slot="picker-option-name"]')?.textContent);
const searchesFor = (q: string) => searches.filter((request) => request.q === q);
/**
 * The search requests besides the first page: one for `term`, and none for anything but what was in the box when
 * typing paused (a loaded machine can pause between two keystrokes for longer than the debounce).
 */
function expectOneRequestFor(term: string) {
  expect(searchesFor(term)).toHaveLength(1);
  for (const request of searches.slice(1)) expect(term.startsWith(request.q ?? '-')).toBe(true);
}

async function openPicker(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Add connection' }));
  await screen.findAllByRole('option');
  // One request for the first page and no search yet. (It counted every request before; a loaded fresh-clone CI run
  // counted two here, and a second first-page request would still fail this.)
  expect(searches.filter((request) => request.from === null)).toHaveLength(1);
  expect(searches.every((request) => request.q === null)).toBe(true);
}

describe('ConnectionPicker: a source that searches the whole tenant', () => {
  it('finds a connection deep in the tenant with one request for the settled term, and offers no walk', async () => {
    const user = userEvent.setup();
    renderDialog();
    await openPicker(user);
    expect(optionNames()).not.toContain('Far Lighthouse');
    await user.type(screen.getByRole('searchbox', { name: 'Search connections' }), 'LIGHTHOUSE');
    await waitFor(() => expect(optionNames()).toEqual(['Far Lighthouse']));
    // The first page, then one request for the whole term: no exact-name lookup, no page walk. (The rows may show
    // from a prefix's answer, filtered here, before the term's request goes.)
    await waitFor(() => expectOneRequestFor('LIGHTHOUSE'));
    expect(searches.at(-1)).toMatchObject({ q: 'LIGHTHOUSE', kind: null, from: null, strategy: [], name: null });
    expect(screen.queryByRole('button', { name: /Search all|Stop searching/ })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/^$/);
  });

  // Ten keystrokes waited for in real time: more than the default time on a loaded machine.
  it("sends at most two requests for a word typed at a person's pace, the last for the whole word", {
    timeout: 15_000,
  }, async () => {
    const user = userEvent.setup();
    renderDialog();
    await openPicker(user);
    await user.click(screen.getByRole('searchbox'));
    // A person's pace is what the picker reads from the keystrokes' time stamps: 150 ms apart, on a clock the test
    // moves, so a loaded machine, slow between two keystrokes, cannot make the typing look slower than a person's. The
    // 100 ms waited for real between them is past a fixed short wait (100 ms), which would search at every keystroke.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      for (const character of 'lighthouse') {
        await new Promise((resolve) => setTimeout(resolve, 100));
        vi.setSystemTime(Date.now() + 150);
        await user.keyboard(character);
      }
    } finally {
      vi.useRealTimers();
    }
    await waitFor(() => expect(optionNames()).toEqual(['Far Lighthouse']));
    // The rows may show before the last request goes (an answer for a prefix, filtered here): wait for it.
    await waitFor(() => expect(searches.at(-1)?.q).toBe('lighthouse'));
    const asked = searches.slice(1).map((request) => request.q);
    expect(asked.length).toBeLessThanOrEqual(2);
  });

  it('says "No connections match." for a miss, after one request', async () => {
    const user = userEvent.setup();
    renderDialog();
    await openPicker(user);
    await user.type(screen.getByRole('searchbox'), 'no-such-connection');
    expect(await screen.findByText('No connections match.')).toBeInTheDocument();
    expect(optionNames()).toEqual([]);
    // A prefix's empty answer may say it first (nothing longer can match either): the word's request follows.
    await waitFor(() => expectOneRequestFor('no-such-connection'));
    expect(screen.queryByRole('button', { name: /Search all/ })).not.toBeInTheDocument();
  });

  it('filters the loaded rows on every keystroke, before any request, and says nothing is missing meanwhile', async () => {
    const user = userEvent.setup();
    renderDialog();
    await openPicker(user);
    const firstPage = optionNames();
    // From here on the backend answers slowly: rows that change before its answer were filtered here.
    latencyMs = 10_000;
    await user.type(screen.getByRole('searchbox'), 'zzz-no');
    expect(optionNames()).toEqual([]);
    expect(screen.getByRole('status')).not.toHaveTextContent('No connections match.');
    await user.clear(screen.getByRole('searchbox'));
    expect(optionNames()).toEqual(firstPage);
    const word = firstPage[0]?.split(' ')[0] ?? '';
    await user.type(screen.getByRole('searchbox'), word.toUpperCase());
    expect(optionNames().length).toBeGreaterThan(0);
    expect(optionNames().every((name) => name?.toLowerCase().includes(word.toLowerCase()))).toBe(true);
    expect(searches.filter((request) => request.q !== null).every((request) => request.q !== word)).toBe(true);
  });

  it('matches accents and case as the backend does, and keeps narrowing its answer as typing goes on', async () => {
    const user = userEvent.setup();
    renderDialog();
    await openPicker(user);
    await user.type(screen.getByRole('searchbox'), 'zurich');
    await waitFor(() => expect(optionNames().length).toBeGreaterThan(0));
    const zurich = optionNames();
    expect(zurich.every((name) => name?.startsWith('Zürich '))).toBe(true);
    // A longer term narrows the answer at once; the name typed next is one of those shown.
    const one = zurich[0] ?? '';
    latencyMs = 10_000;
    await user.type(screen.getByRole('searchbox'), one.slice('Zürich'.length));
    expect(optionNames()).toEqual([one]);
  });

  it('filters by kind on the backend (social too), with the search', async () => {
    const user = userEvent.setup();
    renderDialog();
    await openPicker(user);
    await user.click(screen.getByRole('button', { name: 'Social' }));
    await waitFor(() => expect(searches.at(-1)).toMatchObject({ kind: 'social', q: null, strategy: [] }));
    const social = tenant.listConnections().filter((connection) => connectionKind(connection.strategy) === 'social');
    const names = new Set(social.map((connection) => connection.display_name ?? connection.name));
    await waitFor(() => expect(optionNames().length).toBeGreaterThan(0));
    expect(optionNames().every((name) => names.has(name ?? ''))).toBe(true);
    await user.type(screen.getByRole('searchbox'), 'git');
    await waitFor(() => expect(searches.at(-1)).toMatchObject({ kind: 'social', q: 'git' }));
    await waitFor(() => expect(optionNames()).toEqual(['GitHub']));
  });

  it("pages the whole tenant's matches by next as the list scrolls, each page once", async () => {
    const user = userEvent.setup();
    renderDialog();
    await openPicker(user);
    // 1,000 generated names carry -01 (indices 01000-01999): ten pages of matches.
    await user.type(screen.getByRole('searchbox'), '-01');
    await waitFor(() => expect(searchesFor('-01')).toHaveLength(1));
    await waitFor(() => expect(screen.getAllByRole('option').length).toBeGreaterThan(5));
    screen.getByRole('listbox').focus();
    await user.keyboard('{End}');
    await waitFor(() => expect(searchesFor('-01').map((request) => request.from)).toEqual([null, '100']));
    await user.keyboard('{End}');
    await waitFor(() => expect(searchesFor('-01').map((request) => request.from)).toEqual([null, '100', '200']));
    expect(screen.getByRole('listbox')).toHaveFocus();
    // The active row is the last of those loaded, a match.
    const list = screen.getByRole('listbox');
    const active = document.getElementById(list.getAttribute('aria-activedescendant') ?? '');
    expect(active?.textContent).toMatch(/-01\d{3}/);
  });

  it('picks a whole-tenant match from the keyboard', async () => {
    const user = userEvent.setup();
    renderDialog();
    await openPicker(user);
    await user.type(screen.getByRole('searchbox'), 'lighthouse');
    await waitFor(() => expect(optionNames()).toEqual(['Far Lighthouse']));
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByRole('dialog')).toHaveAccessibleDescription(
      'Choose how Far Lighthouse works for this organization.',
    );
  });

  it('says a partial answer may be incomplete and asks again until the backend has read the whole tenant', {
    // Three answers two seconds apart, then two seconds of silence.
    timeout: 40_000,
  }, async () => {
    let read = 500;
    indexed = () => read;
    const user = userEvent.setup();
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Add connection' }));
    await user.type(await screen.findByRole('searchbox'), 'lighthouse');
    expect(await screen.findByText('Still reading the tenant: results may be incomplete.')).toBeInTheDocument();
    // Asked again while the answer is partial.
    await waitFor(() => expect(searchesFor('lighthouse').length).toBeGreaterThanOrEqual(2), { timeout: 6_000 });
    expect(optionNames()).toEqual([]);
    expect(screen.getByRole('status')).toHaveTextContent('Still reading the tenant: results may be incomplete.');
    const asked = searchesFor('lighthouse').length;
    read = Number.POSITIVE_INFINITY;
    await waitFor(() => expect(optionNames()).toEqual(['Far Lighthouse']), { timeout: 6_000 });
    expect(screen.getByRole('status')).toHaveTextContent(/^$/);
    expect(searchesFor('lighthouse').length).toBe(asked + 1);
    // Complete now: no more asking.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(searchesFor('lighthouse').length).toBe(asked + 1);
  });

  it('says why a search failed, retries it on request, and keeps the keyboard on the list', async () => {
    const user = userEvent.setup();
    renderDialog();
    await openPicker(user);
    failing = { q: 'lighthouse', times: 1 };
    await user.type(screen.getByRole('searchbox'), 'lighthouse');
    const retry = await screen.findByRole('button', { name: 'Retry' });
    expect(screen.getByRole('status')).toHaveTextContent(/server/i);
    await user.click(retry);
    await waitFor(() => expect(optionNames()).toEqual(['Far Lighthouse']));
    expect(screen.getByRole('listbox')).toHaveFocus();
    expect(searchesFor('lighthouse')).toHaveLength(2);
  });
});

describe('ConnectionPicker: the search box', () => {
  it.each([
    ['en', en],
    ['de', de],
    ['fr', fr],
    ['es', es],
    ['ja', ja],
    ['ar', ar],
  ])('shows what it is for, in %s', async (_, messages) => {
    const user = userEvent.setup();
    renderDialog(messages);
    await user.click(screen.getByRole('button', { name: messages.addConnection }));
    const box = await screen.findByRole('searchbox', { name: messages.searchLabel });
    expect(messages.searchLabel.trim()).not.toBe('');
    expect(box).toHaveAttribute('placeholder', messages.searchLabel);
  });
});

'use client';
import {
  CONNECTION_KIND_FILTERS,
  type ConnectionKindFilter,
  connectionSearchMatcher,
  foldForSearch,
  matchesKindFilter,
  orgConnectionsKeys,
  strategiesOfKind,
  type TenantConnection,
  type TenantConnectionsFilter,
} from '@org-connections/core';
import { useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, type Ref, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useFocusFallback } from '../hooks/use-focus-fallback';
import type { OrgConnectionsPresentation } from '../hooks/use-org-connections-presentation';
import { useTenantConnections } from '../hooks/use-tenant-connections';
import { useVirtualRows } from '../hooks/use-virtual-rows';
import { describeError } from '../i18n/describe-error';
import { keyPart } from '../i18n/messages';
import { composeRefs } from './compose-refs';
import { ConnectionLogo } from './connection-logo';
import { listKeyTarget } from './list-key-target';
import type { AddConnectionDialogSlot } from './slots';

export interface ConnectionPickerProps {
  /** The organization the connection is for: the server package then offers only what its host allows for it. */
  organizationId: string;
  /** Connections already added to the organization: never offered. `undefined` while not known: none is. */
  excluded: ReadonlySet<string> | undefined;
  value: TenantConnection | undefined;
  onValueChange: (connection: TenantConnection) => void;
  /** Enter or a double click: the choice is made, go on. */
  onPick: (connection: TenantConnection) => void;
  presentation: OrgConnectionsPresentation<AddConnectionDialogSlot>;
  /** The scrolling listbox, for the dialog to focus. */
  listRef: Ref<HTMLDivElement>;
  hidden: boolean;
}

/** Pages of this many connections: Auth0's most, so a 10,000-connection tenant is 100 requests at worst. */
const TAKE = 100;

/** Pages a search reads on its own (beyond those loaded when it started) before it offers to read them all. */
const SEARCH_PAGES = 5;

/**
 * How long typing must pause before the search goes to the source: against Auth0 each request spends the tenant's
 * shared rate limit, so a steady 300 ms; a source that searches the whole tenant answers from memory, so the pause
 * follows the typing: three times the last gap between keystrokes, within 100-300 ms (a fast typist's term goes
 * out 100 ms after the last key, a slower one's still once per word).
 */
function searchDelay(wholeTenant: boolean, keystrokeGap: number): number {
  if (!wholeTenant) return 300;
  return Math.min(300, Math.max(100, keystrokeGap > 300 ? 0 : 3 * keystrokeGap));
}

/** The longest search a source that searches the whole tenant takes (Auth0's names are at most 128 characters). */
const SEARCH_MAX_LENGTH = 128;

/** What the picker asks the tenant for, per kind: the dialog prefetches the first page with the same key. */
export function connectionPickerFilter(kind: ConnectionKindFilter, organizationId: string): TenantConnectionsFilter {
  // Auth0 filters a kind for us with `strategy`, but for social ("every other strategy", which no `strategy` list
  // can say): that kind (like the search) filters the pages loaded so far.
  const strategy = strategiesOfKind(kind);
  return { ...(strategy && { strategy: [...strategy] }), take: TAKE, organizationId };
}

/**
 * What the picker asks a source that searches the whole tenant for (its pages say `tenantSearch`): the kind and the
 * search go to the source. Without either it is the same key as `connectionPickerFilter('all')`.
 */
function wholeTenantFilter(
  kind: ConnectionKindFilter,
  search: string,
  organizationId: string,
): TenantConnectionsFilter {
  return { ...(kind !== 'all' && { kind }), ...(search !== '' && { search }), take: TAKE, organizationId };
}

/**
 * The tenant's connections, virtualized and loaded page by page (checkpoint `from`) as the list nears its
 * end. The search matches name and display name by substring (core's `connectionSearchMatcher`) over the loaded
 * pages on every keystroke. Then, once typing pauses:
 * - from a source that searches the whole tenant (its first page says `tenantSearch`: the server package's
 *   connection index), one request for the term and the kind, whose matches are the list (paged by `next` as it
 *   scrolls); while the source says `partial`, the picker says so and asks again until it is complete;
 * - from Auth0 directly, whose `GET /connections` filters names only exactly, it asks for the exact name (found
 *   however far it is) and reads at most `SEARCH_PAGES` further pages, then offers to search all of them (with
 *   progress and a stop).
 */
export function ConnectionPicker({
  organizationId,
  excluded,
  value,
  onValueChange,
  onPick,
  presentation: { messages, locale, format, slot },
  listRef,
  hidden,
}: ConnectionPickerProps) {
  const id = useId();
  // `useRef<T>(null)` is typed `RefObject<T>` by React 18 and `RefObject<T | null>` by 19: a ref of its own
  // composed with the dialog's passes `ref` on both.
  const scrollRef = useRef<HTMLDivElement>(null);
  const listboxRef = useMemo(() => composeRefs(scrollRef, listRef), [listRef]);
  const [kind, setKind] = useState<ConnectionKindFilter>('all');
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [activeId, setActiveId] = useState(value?.id);
  // The rows follow every keystroke (deferred, so a long list never holds the search box back); requests
  // wait for typing to pause.
  const shownText = useDeferredValue(text.trim());
  // Set once a page says its source searched the whole tenant; the first page is the same for both modes.
  const [wholeTenant, setWholeTenant] = useState(false);
  // When the box last changed, and the gap before that change (milliseconds).
  const typing = useRef({ at: Number.NEGATIVE_INFINITY, gap: Number.POSITIVE_INFINITY });

  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), searchDelay(wholeTenant, typing.current.gap));
    return () => clearTimeout(timer);
  }, [text, wholeTenant]);

  const queryClient = useQueryClient();
  // The term the source is asked for: a cleared box goes back to the unsearched list at once (it is cached).
  const term = wholeTenant && text.trim() !== '' ? search : '';
  const filter = wholeTenant
    ? wholeTenantFilter(kind, term, organizationId)
    : connectionPickerFilter(kind, organizationId);
  const pages = useTenantConnections(filter, { keepPrevious: wholeTenant });
  if (!wholeTenant && pages.data?.pages[0]?.tenantSearch !== undefined) setWholeTenant(true);
  const exact = useTenantConnections({ name: search, organizationId }, { enabled: search !== '' && !wholeTenant });
  const loaded = pages.data?.pages ?? [];
  // Whole tenant: the pages shown are the source's answer for `term` (not a placeholder from the previous one), and
  // what was typed since only narrows it, so the loaded rows are every match.
  const answered = !wholeTenant || (!pages.isPlaceholderData && foldForSearch(shownText).includes(foldForSearch(term)));
  const partial = wholeTenant && loaded[0]?.tenantSearch === 'partial';

  // How far this search may read on its own: `until` pages, or all of them once asked ("Search all").
  const [walk, setWalk] = useState({ kind, search, until: 0, mode: 'bounded' as 'bounded' | 'all' });
  if (walk.kind !== kind || walk.search !== search) {
    const mode = walk.mode === 'all' && walk.kind === kind && search !== '' ? 'all' : 'bounded';
    setWalk({ kind, search, until: loaded.length + SEARCH_PAGES, mode });
  }
  const searching = !wholeTenant && search !== '' && search === text.trim();
  const walkingAll = searching && walk.mode === 'all' && pages.hasNextPage === true;
  const offerAll = searching && walk.mode === 'bounded' && pages.hasNextPage === true && loaded.length >= walk.until;
  const searched = loaded.reduce((count, page) => count + page.items.length, 0);
  const stopWalking = () => {
    setWalk({ ...walk, until: loaded.length, mode: 'bounded' });
    // Aborts the page in flight (the signal reaches `fetch`); the pages read so far stay.
    void queryClient.cancelQueries({ queryKey: orgConnectionsKeys.tenantConnections(filter) });
  };

  // The source's own answer for exactly what is in the box is shown as it is; anything else is narrowed here.
  const narrow = !wholeTenant || pages.isPlaceholderData || shownText !== term;
  const rows = useMemo(() => {
    if (!excluded) return [];
    const seen = new Set(excluded);
    const matches = connectionSearchMatcher(narrow ? shownText : '');
    const found: TenantConnection[] = [];
    for (const page of [...(exact.data?.pages ?? []), ...(pages.data?.pages ?? [])]) {
      for (const connection of page.items) {
        if (seen.has(connection.id) || !matchesKindFilter(connection.kind, kind)) continue;
        seen.add(connection.id);
        if (matches(connection)) found.push(connection);
      }
    }
    return found;
  }, [excluded, kind, shownText, narrow, exact.data, pages.data]);

  const virtual = useVirtualRows(rows.length, scrollRef);
  const lastShown = virtual.end - 1;
  const { hasNextPage, isFetching, isError, fetchNextPage } = pages;

  // Without a search, pages load as the list nears its end; a search reads only as far as `walk` allows (the whole
  // tenant's matches: as far as the list scrolls), and nothing while the user is still typing.
  const mayRead = wholeTenant
    ? !pages.isPlaceholderData && text.trim() === term
    : search === ''
      ? text.trim() === ''
      : searching && (walkingAll || loaded.length < walk.until);
  const wantsMore = walkingAll || lastShown >= rows.length - 20;
  // Also run again for each page read (`read`): a render may never have seen the page's fetch as running.
  const read = loaded.length;
  useEffect(() => {
    if (excluded && !hidden && hasNextPage && !isFetching && !isError && mayRead && wantsMore && read > 0)
      fetchNextPage();
  }, [excluded, hidden, hasNextPage, isFetching, isError, mayRead, wantsMore, read, fetchNextPage]);

  // The status's buttons go when they are done (the retry once a page came, the walk once the tenant is read): the
  // keyboard moves to the list rather than to `<body>`.
  const statusButtonFocus = useFocusFallback(isError || walkingAll || offerAll, () => scrollRef.current?.focus());
  const statusButtonProps = { type: 'button', ...slot('button'), ...statusButtonFocus } as const;

  const active = rows.findIndex((row) => row.id === activeId);
  const moveTo = (index: number) => {
    const within = Math.max(0, Math.min(index, rows.length - 1));
    const row = rows[within];
    if (!row) return;
    setActiveId(row.id);
    virtual.scrollToIndex(within);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const row = rows[active];
    const target = listKeyTarget(event.key, active, rows.length);
    if (target !== undefined) moveTo(active < 0 ? 0 : target);
    else if (row && event.key === 'Enter') onPick(row);
    else if (row && event.key === ' ') onValueChange(row);
    else return;
    event.preventDefault();
  };

  const status = isError
    ? describeError(pages.error, messages, locale)
    : pages.isPending || !excluded
      ? messages.loading
      : walkingAll
        ? messages.searchedSoFar(searched, format)
        : pages.isFetchingNextPage
          ? messages.loadingMore
          : partial
            ? messages.searchPartial
            : rows.length === 0 && !hasNextPage && answered
              ? shownText || kind !== 'all'
                ? messages.noMatches
                : messages.noConnectionsToAdd
              : offerAll
                ? messages.searchedFirst(searched, format)
                : '';

  return (
    <div {...slot('picker')} hidden={hidden}>
      <input
        type="search"
        {...slot('picker-search')}
        aria-label={messages.searchLabel}
        placeholder={messages.searchLabel}
        maxLength={SEARCH_MAX_LENGTH}
        aria-controls={`${id}-list`}
        value={text}
        onChange={(event) => {
          const now = event.timeStamp;
          typing.current = { at: now, gap: now - typing.current.at };
          setText(event.target.value);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown') return;
          event.preventDefault();
          scrollRef.current?.focus();
        }}
      />
      <fieldset aria-label={messages.kindFilterLabel} {...slot('picker-kinds')}>
        {CONNECTION_KIND_FILTERS.map((option) => (
          <button
            key={option}
            type="button"
            {...slot('picker-kind')}
            data-kind={option}
            data-state={option === kind ? 'on' : undefined}
            aria-pressed={option === kind}
            onClick={() => setKind(option)}
          >
            {option === 'all' ? messages.allKinds : messages[`kind${keyPart(option)}`]}
          </button>
        ))}
      </fieldset>
      <div
        ref={listboxRef}
        id={`${id}-list`}
        role="listbox"
        tabIndex={0}
        {...slot('picker-list')}
        aria-label={messages.tenantConnectionsLabel}
        aria-busy={isFetching}
        aria-activedescendant={active < 0 ? undefined : `${id}-${active}`}
        onKeyDown={onKeyDown}
        onScroll={virtual.measure}
        onFocus={() => active < 0 && moveTo(rows.findIndex((row) => row.id === value?.id))}
      >
        <div style={{ height: rows.length * virtual.rowHeight, position: 'relative' }}>
          {rows.slice(virtual.start, virtual.end).map((row, offset) => {
            const index = virtual.start + offset;
            return (
              <div
                key={row.id}
                id={`${id}-${index}`}
                role="option"
                tabIndex={-1}
                aria-selected={row.id === value?.id}
                aria-posinset={index + 1}
                aria-setsize={hasNextPage ? -1 : rows.length}
                {...slot('picker-option')}
                data-kind={row.kind}
                data-highlighted={index === active ? '' : undefined}
                style={{ position: 'absolute', width: '100%', top: index * virtual.rowHeight }}
                // A pressed option does not take focus: the listbox keeps the keyboard however the window moves.
                // The option is active first, so the listbox's focus does not move it elsewhere.
                onMouseDown={(event) => {
                  event.preventDefault();
                  flushSync(() => setActiveId(row.id));
                  scrollRef.current?.focus();
                }}
                onClick={() => onValueChange(row)}
                onKeyDown={onKeyDown}
                onDoubleClick={() => onPick(row)}
              >
                <ConnectionLogo strategy={row.strategy} kind={row.kind} slot={slot} />
                <span {...slot('picker-option-name')}>{row.displayName ?? row.name}</span>
                <span {...slot('picker-option-strategy')}>
                  {row.displayName ? `${row.name} · ${row.strategy}` : row.strategy}
                </span>
              </div>
            );
          })}
        </div>
      </div>
      <div role="status" {...slot('picker-status')}>
        {status}
        {isError && (
          <button
            {...statusButtonProps}
            onClick={() => (pages.isFetchNextPageError ? fetchNextPage() : pages.refetch())}
          >
            {messages.retry}
          </button>
        )}
        {!isError && (walkingAll || offerAll) && (
          // One button for both actions, so the keyboard stays on it when the walk starts.
          <button
            {...statusButtonProps}
            onClick={() => (walkingAll ? stopWalking() : setWalk({ ...walk, mode: 'all' }))}
          >
            {walkingAll ? messages.stopSearching : messages.searchAll}
          </button>
        )}
      </div>
    </div>
  );
}

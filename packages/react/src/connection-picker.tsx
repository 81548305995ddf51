'use client';
import {
  CONNECTION_KINDS,
  type ConnectionKind,
  ENTERPRISE_STRATEGIES,
  PASSWORDLESS_STRATEGIES,
  type TenantConnection,
} from '@org-connections/core';
import { type KeyboardEvent, type Ref, useEffect, useId, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { composeRefs } from './compose-refs';
import { describeError } from './describe-error';
import { listKeyTarget } from './list-key-target';
import { keyPart } from './messages';
import type { AddConnectionDialogSlot } from './slots';
import type { OrgConnectionsComponent } from './use-org-connections-component';
import { useTenantConnections } from './use-tenant-connections';
import { useVirtualRows } from './use-virtual-rows';

export interface ConnectionPickerProps {
  /** Connections already added to the organization: never offered. `undefined` while not known: none is. */
  excluded: ReadonlySet<string> | undefined;
  value: TenantConnection | undefined;
  onValueChange: (connection: TenantConnection) => void;
  /** Enter or a double click: the choice is made, go on. */
  onPick: (connection: TenantConnection) => void;
  component: OrgConnectionsComponent<AddConnectionDialogSlot>;
  /** The scrolling listbox, for the dialog to focus. */
  listRef: Ref<HTMLDivElement>;
  hidden: boolean;
}

export type ConnectionPickerKind = ConnectionKind | 'all';

/**
 * Kinds Auth0 can filter for us with `strategy`. Social is "every other strategy", which no `strategy`
 * list can say, so it (like the search) filters the pages loaded so far.
 */
const STRATEGIES: Partial<Record<ConnectionKind, readonly string[]>> = {
  database: ['auth0'],
  enterprise: ENTERPRISE_STRATEGIES,
  passwordless: PASSWORDLESS_STRATEGIES,
};

/** Pages of this many connections: Auth0's most, so a 10,000-connection tenant is 100 requests at worst. */
const TAKE = 100;

/**
 * The tenant's connections, virtualized and loaded page by page (checkpoint `from`) as the list nears its
 * end. `GET /connections` filters names only exactly, so the search (debounced) matches name and display
 * name by substring over the loaded pages, and also asks for the exact name, found however far it is.
 */
export function ConnectionPicker({
  excluded,
  value,
  onValueChange,
  onPick,
  component: { messages, locale, slot },
  listRef,
  hidden,
}: ConnectionPickerProps) {
  const id = useId();
  // `useRef<T>(null)` is typed `RefObject<T>` by React 18 and `RefObject<T | null>` by 19: a ref of its own
  // composed with the dialog's passes `ref` on both.
  const scrollRef = useRef<HTMLDivElement>(null);
  const listboxRef = useMemo(() => composeRefs(scrollRef, listRef), [listRef]);
  const [kind, setKind] = useState<ConnectionPickerKind>('all');
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [activeId, setActiveId] = useState(value?.id);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);

  const strategy = kind === 'all' ? undefined : STRATEGIES[kind];
  const pages = useTenantConnections({ ...(strategy && { strategy: [...strategy] }), take: TAKE });
  const exact = useTenantConnections({ name: search }, { enabled: search !== '' });

  const rows = useMemo(() => {
    const needle = search.toLowerCase();
    if (!excluded) return [];
    const seen = new Set(excluded);
    const found: TenantConnection[] = [];
    for (const page of [...(exact.data?.pages ?? []), ...(pages.data?.pages ?? [])]) {
      for (const connection of page.items) {
        if (seen.has(connection.id) || (kind !== 'all' && connection.kind !== kind)) continue;
        seen.add(connection.id);
        if (`${connection.name}\n${connection.displayName ?? ''}`.toLowerCase().includes(needle))
          found.push(connection);
      }
    }
    return found;
  }, [excluded, kind, search, exact.data, pages.data]);

  const virtual = useVirtualRows(rows.length, scrollRef);
  const lastShown = virtual.end - 1;
  const { hasNextPage, isFetching, isError, fetchNextPage } = pages;

  useEffect(() => {
    if (excluded && !hidden && hasNextPage && !isFetching && !isError && lastShown >= rows.length - 20) fetchNextPage();
  }, [excluded, hidden, hasNextPage, isFetching, isError, lastShown, rows.length, fetchNextPage]);

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
      : pages.isFetchingNextPage
        ? messages.loadingMore
        : rows.length === 0 && !hasNextPage
          ? search || kind !== 'all'
            ? messages.noMatches
            : messages.noConnectionsToAdd
          : '';

  return (
    <div {...slot('picker')} hidden={hidden}>
      <input
        type="search"
        {...slot('picker-search')}
        aria-label={messages.searchLabel}
        aria-controls={`${id}-list`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown') return;
          event.preventDefault();
          scrollRef.current?.focus();
        }}
      />
      <fieldset aria-label={messages.kindFilterLabel} {...slot('picker-kinds')}>
        {(['all', ...CONNECTION_KINDS] as const).map((option) => (
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
            type="button"
            {...slot('button')}
            onClick={() => (pages.isFetchNextPageError ? fetchNextPage() : pages.refetch())}
          >
            {messages.retry}
          </button>
        )}
      </div>
    </div>
  );
}

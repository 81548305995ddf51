import { type ConnectionKind, connectionKind, foldForSearch, matchesKindFilter } from '@org-connections/core';
import type { ConnectionIndexEntry } from './connection-index-state';

// The match rule is core's (`foldForSearch`, the one the picker narrows loaded rows with); re-exported for the tests.
export { foldForSearch };

/** The index entry of a connection, with its search text computed once. */
export function toConnectionIndexEntry(connection: Omit<ConnectionIndexEntry, 'folded'>): ConnectionIndexEntry {
  const entry: ConnectionIndexEntry = {
    id: connection.id,
    name: connection.name,
    strategy: connection.strategy,
    folded: `${foldForSearch(connection.display_name ?? '')}\u0000${foldForSearch(connection.name)}`,
  };
  if (connection.display_name !== undefined) entry.display_name = connection.display_name;
  if (connection.metadata !== undefined && Object.keys(connection.metadata).length > 0) {
    entry.metadata = connection.metadata;
  }
  return entry;
}

/** How `GET /connections` sorts: by the lower-cased name, then the id (as the fake tenant does). */
export function connectionSortKey(entry: Pick<ConnectionIndexEntry, 'id' | 'name'>): string {
  return `${entry.name.toLowerCase()}\u0000${entry.id}`;
}

/** Sorted by `connectionSortKey`; the keys are computed once each, and not kept. */
export function sortEntries(entries: readonly ConnectionIndexEntry[]): ConnectionIndexEntry[] {
  return entries
    .map((entry) => ({ entry, key: connectionSortKey(entry) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ entry }) => entry);
}

/** `true` when the entries are in `connectionSortKey` order. */
export function isSorted(entries: readonly ConnectionIndexEntry[]): boolean {
  for (let index = 1; index < entries.length; index += 1) {
    const previous = entries[index - 1];
    const current = entries[index];
    if (previous !== undefined && current !== undefined && connectionSortKey(previous) > connectionSortKey(current)) {
      return false;
    }
  }
  return true;
}

/** The opaque `next`: base64url of the sort key of the first connection of the next page. */
export function encodeIndexCheckpoint(key: string): string {
  // Web APIs only (no Node `Buffer`), so the handler runs in workers and in the browser (MSW) too.
  let binary = '';
  for (const byte of new TextEncoder().encode(key)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The sort key a checkpoint stands for; `undefined` when it is not one this index gave. */
export function decodeIndexCheckpoint(checkpoint: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(checkpoint)) return undefined;
  let key: string;
  try {
    const binary = atob(checkpoint.replace(/-/g, '+').replace(/_/g, '/'));
    key = strictUtf8.decode(Uint8Array.from(binary, (character) => character.charCodeAt(0)));
  } catch {
    return undefined;
  }
  return key.includes('\u0000') ? key : undefined;
}

/** The index of the first entry whose key is not less than `key` (entries sorted). */
function lowerBound(entries: readonly ConnectionIndexEntry[], key: string): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const entry = entries[middle];
    if (entry !== undefined && connectionSortKey(entry) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

export interface ConnectionSearch {
  /** A substring of the display name or the name, case- and accent-insensitive. */
  q?: string;
  kind?: ConnectionKind;
  strategies?: readonly string[];
  /** The whole name, exactly (Auth0's `name` filter). */
  name?: string;
  take: number;
  /** A sort key, from `decodeIndexCheckpoint`. */
  fromKey?: string;
}

/** What the browser gets for a connection: never `metadata`. */
export interface ConnectionSearchItem {
  id: string;
  name: string;
  display_name?: string;
  strategy: string;
}

export interface ConnectionSearchPage {
  connections: ConnectionSearchItem[];
  next?: string;
  /** Every match of the search (not only this page's). */
  total: number;
}

/** A page of the entries (sorted) that match the search, and how many match in all. */
export function searchEntries(
  entries: readonly ConnectionIndexEntry[],
  search: ConnectionSearch,
): ConnectionSearchPage {
  const foldedTerm = search.q === undefined ? undefined : foldForSearch(search.q.trim());
  const matches = (entry: ConnectionIndexEntry) =>
    (foldedTerm === undefined || entry.folded.includes(foldedTerm)) &&
    matchesKindFilter(connectionKind(entry.strategy), search.kind ?? 'all') &&
    (search.strategies === undefined || search.strategies.includes(entry.strategy)) &&
    (search.name === undefined || entry.name === search.name);
  const start = search.fromKey === undefined ? 0 : lowerBound(entries, search.fromKey);
  const connections: ConnectionSearchItem[] = [];
  let next: string | undefined;
  let total = 0;
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index];
    if (entry === undefined || !matches(entry)) continue;
    total += 1;
    if (index < start || next !== undefined) continue;
    if (connections.length === search.take) {
      next = encodeIndexCheckpoint(connectionSortKey(entry));
      continue;
    }
    connections.push({
      id: entry.id,
      name: entry.name,
      ...(entry.display_name === undefined ? {} : { display_name: entry.display_name }),
      strategy: entry.strategy,
    });
  }
  return next === undefined ? { connections, total } : { connections, next, total };
}

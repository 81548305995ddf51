import type { ConnectionKind } from '@org-connections/core';
import { jsonResponse, type Problem, problemResponse } from '../handler/problem-response';
import type { ConnectionIndex } from './connection-index';
import { decodeIndexCheckpoint, searchEntries } from './connection-index-search';

/** Parameters only the connection index understands (never sent to Auth0). */
const INDEX_PARAMETERS = ['q', 'kind'] as const;

/** Auth0's offset paging, which the index does not answer (it pages with `from`/`take`). */
const OFFSET_PARAMETERS = ['page', 'per_page', 'include_totals'] as const;

function invalidQuery(message: string): Response {
  const problem: Problem = { status: 400, errorCode: 'invalid_query_string', message };
  return problemResponse(problem);
}

/**
 * Whether the tenant's connections are answered from the index (`index`), sent to Auth0 as they are (`upstream`),
 * or refused. Offset paging (`page`, `per_page`, `include_totals`) still goes to Auth0, as before the index.
 */
export function tenantConnectionsSource(
  query: URLSearchParams,
  index: ConnectionIndex | undefined,
): 'index' | 'upstream' | Response {
  const searches = INDEX_PARAMETERS.filter((name) => query.has(name));
  const offset = OFFSET_PARAMETERS.some((name) => query.has(name));
  if (searches.length > 0 && index === undefined) {
    return invalidQuery(
      `The query parameter "${searches[0]}" needs the handler's connection index (its \`index\` option is false).`,
    );
  }
  if (searches.length > 0 && offset) {
    return invalidQuery(`The query parameter "${searches[0]}" pages with from and take, not page and per_page.`);
  }
  return index === undefined || offset ? 'upstream' : 'index';
}

/**
 * `GET {base}/connections` answered from the index: a substring search (`q`) over the display name and the name,
 * with the kind, strategy and name filters, sorted as `GET /connections` sorts, paged with `from`/`take`.
 * `fields`/`include_fields` are accepted and ignored: the answer always carries id, name, display name and
 * strategy, never `metadata`. `search` says whether the whole tenant was searched (`complete`) or only what the
 * first walk has loaded so far (`partial`); `indexed` counts the connections searched.
 */
export async function searchTenantConnections(index: ConnectionIndex, query: URLSearchParams): Promise<Response> {
  const from = query.get('from');
  const fromKey = from === null ? undefined : decodeIndexCheckpoint(from);
  if (from !== null && fromKey === undefined) {
    return invalidQuery('The query parameter "from" must be a checkpoint from a previous page.');
  }
  const view = await index.read();
  const q = query.get('q');
  const kind = query.get('kind');
  const name = query.get('name');
  const strategies = query.getAll('strategy');
  const page = searchEntries(view.entries, {
    take: Number(query.get('take') ?? 50),
    ...(q === null ? {} : { q }),
    ...(kind === null ? {} : { kind: kind as ConnectionKind }),
    ...(name === null ? {} : { name }),
    ...(strategies.length === 0 ? {} : { strategies }),
    ...(fromKey === undefined ? {} : { fromKey }),
  });
  const body = { ...page, search: view.search, indexed: view.entries.length };
  return jsonResponse(200, JSON.stringify(body));
}

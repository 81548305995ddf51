/** Case- and accent-insensitive form of a text: NFD, combining marks dropped, lower case ("Zürich" -> "zurich"). */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Whether a search matches: the term (trimmed) is a substring of one of the texts, case- and accent-insensitive. A
 * blank term matches everything. Returns the test for one term, folded once.
 */
export function searchMatcher(term: string): (texts: readonly (string | undefined)[]) => boolean {
  const foldedTerm = foldForSearch(term.trim());
  if (foldedTerm === '') return () => true;
  return (texts) => texts.some((text) => text !== undefined && foldForSearch(text).includes(foldedTerm));
}

/**
 * Whether a tenant connection matches a search, as the picker and the server package's connection index search: the
 * term is in its display name or its name (`searchMatcher`).
 */
export function connectionSearchMatcher(
  term: string,
): (connection: { name: string; displayName?: string | undefined }) => boolean {
  const matches = searchMatcher(term);
  return (connection) => matches([connection.name, connection.displayName]);
}

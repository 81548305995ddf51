/** Case- and accent-insensitive form of a text: NFD, combining marks dropped, lower case ("Zürich" -> "zurich"). */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Whether a connection matches a search, as the picker and the server package's connection index search: the term
 * (trimmed) is a substring of the display name or of the name, case- and accent-insensitive. A blank term matches
 * every connection. Returns the test for one term, folded once.
 */
export function connectionSearchMatcher(
  term: string,
): (connection: { name: string; displayName?: string | undefined }) => boolean {
  const foldedTerm = foldForSearch(term.trim());
  if (foldedTerm === '') return () => true;
  return (connection) =>
    foldForSearch(connection.name).includes(foldedTerm) ||
    (connection.displayName !== undefined && foldForSearch(connection.displayName).includes(foldedTerm));
}

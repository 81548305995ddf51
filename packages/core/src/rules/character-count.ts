/**
 * The length of a text as JSON Schema's `maxLength` (and so Auth0) counts it: in Unicode code points,
 * not UTF-16 units, so an emoji is one character, not two.
 */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

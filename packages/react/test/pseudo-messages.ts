import { defaultMessages, type OrgConnectionsMessages } from '../src/i18n/messages';

/** Opens and closes every string of the pseudo-locale. */
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

/**
 * A pseudo-locale (`en-XA`): every message is the English one between ⟦ ⟧, so a text on screen without the marks did
 * not come from the messages.
 */
export const pseudoMessages = Object.fromEntries(
  Object.entries(defaultMessages).map(([key, message]) => [
    key,
    typeof message === 'function'
      ? (...args: never[]) => `${PSEUDO_OPEN}${(message as (...args: never[]) => string)(...args)}${PSEUDO_CLOSE}`
      : `${PSEUDO_OPEN}${message}${PSEUDO_CLOSE}`,
  ]),
) as unknown as OrgConnectionsMessages;

/**
 * Parts whose text is data, not wording: a connection's name and strategy (from the tenant), in the list, the picker
 * and the login prompt preview; a rollout's counts and a failed organization's id. Their text, and the group named
 * after the connection (`fields`), are left out of the check on purpose.
 */
const DATA_PARTS = [
  'name',
  'strategy',
  'picker-option-name',
  'picker-option-strategy',
  'prompt-form-name',
  'hidden-name',
  'rollout-count-value',
  'rollout-failure-organization',
]
  .map((slot) => `[data-slot="${slot}"]`)
  .join(', ');

/** Attributes a person hears or sees. */
const TEXT_ATTRIBUTES = ['aria-label', 'placeholder', 'title', 'alt', 'aria-roledescription', 'aria-valuetext'];

const marked = (text: string) => {
  const trimmed = text.trim();
  return trimmed === '' || (trimmed.startsWith(PSEUDO_OPEN) && trimmed.endsWith(PSEUDO_CLOSE));
};

/**
 * Every text under `root` (text nodes and the attributes above) that is not marked: what the components show that
 * did not come from the pseudo-locale's messages. Text inside the data parts is skipped, as is the `aria-label` of a
 * connection's group of settings (its name).
 */
export function unmarkedTexts(root: Element): string[] {
  const found: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent?.closest(`${DATA_PARTS}, script, style`)) continue;
    if (!marked(node.textContent ?? '')) found.push(node.textContent ?? '');
  }
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const name of TEXT_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      if (name === 'aria-label' && element.matches('[data-slot="fields"]')) continue;
      if (!marked(value)) found.push(`${name}="${value}"`);
    }
  }
  return found;
}

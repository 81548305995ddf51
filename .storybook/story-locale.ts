import {
  defaultMessages,
  type MessageFormat,
  messageFormat,
  type OrgConnectionsMessages,
} from '@org-connections/react';
import { messages as ar } from '@org-connections/react/locales/ar';
import { messages as de } from '@org-connections/react/locales/de';
import { messages as en } from '@org-connections/react/locales/en';
import { messages as es } from '@org-connections/react/locales/es';
import { messages as fr } from '@org-connections/react/locales/fr';
import { messages as ja } from '@org-connections/react/locales/ja';
import { pseudoMessages } from '../packages/react/src/pseudo-messages.test-helper';

/** The toolbar's languages (`globals.locale`): the six locales, and `en-XA`, which marks every message with ⟦ ⟧. */
export const STORY_LOCALES = {
  en: { title: 'English', messages: en },
  de: { title: 'Deutsch', messages: de },
  fr: { title: 'Français', messages: fr },
  es: { title: 'Español', messages: es },
  ja: { title: '日本語', messages: ja },
  ar: { title: 'العربية', messages: ar },
  'en-XA': { title: 'Pseudo-locale ⟦…⟧', messages: pseudoMessages },
} satisfies Record<string, { title: string; messages: OrgConnectionsMessages }>;

export type StoryLocale = keyof typeof STORY_LOCALES;

export const storyLocaleOf = (globals: Record<string, unknown>): StoryLocale =>
  typeof globals.locale === 'string' && globals.locale in STORY_LOCALES ? (globals.locale as StoryLocale) : 'en';

/**
 * The messages the current story renders with (its locale's, with `parameters.provider.messages` over them), set
 * before each story: play functions assert through it, so a story means the same in every locale.
 */
export const storyMessages: OrgConnectionsMessages = { ...defaultMessages };

let currentFormat = messageFormat('en');

/** The current story's `MessageFormat`, for the messages that take a count. */
export const storyFormat: MessageFormat = {
  number: (value) => currentFormat.number(value),
  plural: (count, forms) => currentFormat.plural(count, forms),
  anyOf: (items) => currentFormat.anyOf(items),
};

/** Points `storyMessages` and `storyFormat` at a story's locale and message overrides. */
export function setStoryLocale(locale: StoryLocale, overrides?: Partial<OrgConnectionsMessages>): void {
  Object.assign(storyMessages, STORY_LOCALES[locale].messages, overrides);
  currentFormat = messageFormat(locale);
}

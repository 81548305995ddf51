import {
  type ConnectionRolloutMessages,
  defaultMessages,
  defaultRolloutMessages,
  type MessageFormat,
  messageFormat,
  type OrgConnectionsMessages,
} from '@org-connections/react';
import { messages as ar } from '@org-connections/react/locales/ar';
import { messages as arRollout } from '@org-connections/react/locales/ar/rollout';
import { messages as de } from '@org-connections/react/locales/de';
import { messages as deRollout } from '@org-connections/react/locales/de/rollout';
import { messages as en } from '@org-connections/react/locales/en';
import { messages as enRollout } from '@org-connections/react/locales/en/rollout';
import { messages as es } from '@org-connections/react/locales/es';
import { messages as esRollout } from '@org-connections/react/locales/es/rollout';
import { messages as fr } from '@org-connections/react/locales/fr';
import { messages as frRollout } from '@org-connections/react/locales/fr/rollout';
import { messages as ja } from '@org-connections/react/locales/ja';
import { messages as jaRollout } from '@org-connections/react/locales/ja/rollout';
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoMessages } from '../packages/react/test/pseudo-messages';

/** The rollout dialog's English words between ⟦ ⟧, for the pseudo-locale. */
const pseudoRolloutMessages = Object.fromEntries(
  Object.entries(defaultRolloutMessages).map(([key, message]) => [
    key,
    typeof message === 'function'
      ? (...args: never[]) => `${PSEUDO_OPEN}${(message as (...args: never[]) => string)(...args)}${PSEUDO_CLOSE}`
      : `${PSEUDO_OPEN}${message}${PSEUDO_CLOSE}`,
  ]),
) as unknown as ConnectionRolloutMessages;

/**
 * The toolbar's languages (`globals.locale`): the six locales, and `en-XA`, which marks every message with ⟦ ⟧. Each
 * with the rollout dialog's words beside its messages (their own entry per locale).
 */
export const STORY_LOCALES = {
  en: { title: 'English', messages: en, rollout: enRollout },
  de: { title: 'Deutsch', messages: de, rollout: deRollout },
  fr: { title: 'Français', messages: fr, rollout: frRollout },
  es: { title: 'Español', messages: es, rollout: esRollout },
  ja: { title: '日本語', messages: ja, rollout: jaRollout },
  ar: { title: 'العربية', messages: ar, rollout: arRollout },
  'en-XA': { title: 'Pseudo-locale ⟦…⟧', messages: pseudoMessages, rollout: pseudoRolloutMessages },
} satisfies Record<string, { title: string; messages: OrgConnectionsMessages; rollout: ConnectionRolloutMessages }>;

export type StoryLocale = keyof typeof STORY_LOCALES;

export const storyLocaleOf = (globals: Record<string, unknown>): StoryLocale =>
  typeof globals.locale === 'string' && globals.locale in STORY_LOCALES ? (globals.locale as StoryLocale) : 'en';

/**
 * The messages the current story renders with (its locale's, with `parameters.provider.messages` over them), set
 * before each story: play functions assert through it, so a story means the same in every locale.
 */
export const storyMessages: OrgConnectionsMessages = { ...defaultMessages };

/** The rollout dialog's words the current story renders with, like `storyMessages`. */
export const storyRolloutMessages: ConnectionRolloutMessages = { ...defaultRolloutMessages };

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
  Object.assign(storyRolloutMessages, STORY_LOCALES[locale].rollout);
  currentFormat = messageFormat(locale);
}

import { describe, expect, it } from 'vitest';
import { messages as ar } from '../locales/ar/rollout';
import { messages as de } from '../locales/de/rollout';
import { messages as en } from '../locales/en/rollout';
import { messages as es } from '../locales/es/rollout';
import { messages as fr } from '../locales/fr/rollout';
import { messages as ja } from '../locales/ja/rollout';
import { type MessageFormat, messageFormat, type PluralForms } from './message-format';
import { type ConnectionRolloutMessages, defaultRolloutMessages } from './rollout-messages';

const LOCALES = { en, de, fr, es, ja, ar };
const COUNTS = [0, 1, 2, 3, 11, 100, 1_000_000];

type FunctionKey = {
  [Key in keyof ConnectionRolloutMessages]: ConnectionRolloutMessages[Key] extends string ? never : Key;
}[keyof ConnectionRolloutMessages];

/** Sample arguments for every message that is a function (a new one is a type error here until it has some). */
const SAMPLES: {
  [Key in FunctionKey]: (format: MessageFormat) => Array<Parameters<ConnectionRolloutMessages[Key]>>;
} = {
  rolloutTitle: () => [['Acme']],
  rolloutOrganizationsTooMany: (format) => COUNTS.map((count) => [count, format]),
  rolloutPreviewResult: (format) => COUNTS.map((count) => [count, count, format]),
  rolloutPreviewAlreadyEnabled: (format) => COUNTS.map((count) => [count, format]),
  rolloutProgress: (format) => [
    ...COUNTS.map((count): [number, number | null, MessageFormat] => [count, count, format]),
    [5, null, format],
  ],
  rolloutPreviewProgress: (format) => [
    ...COUNTS.map((count): [number, number | null, MessageFormat] => [count, count, format]),
    [5, null, format],
  ],
  rolloutRate: (format) => COUNTS.map((count) => [count, format]),
  rolloutTimeLeft: () => [['12 minutes']],
  rolloutPausedBecause: () => [['Not allowed.']],
  rolloutFailuresTitle: (format) => COUNTS.map((count) => [count, format]),
};

function recordingFormat(tag: string) {
  const format = messageFormat(tag);
  const given: PluralForms[] = [];
  const recording: MessageFormat = {
    ...format,
    plural: (count, forms) => {
      given.push(forms);
      return format.plural(count, forms);
    },
  };
  return { format: recording, given };
}

describe.each(Object.entries(LOCALES))("the %s locale's rollout messages", (tag, messages) => {
  it('has every key of the English ones and no other', () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(defaultRolloutMessages).sort());
  });

  it('has a non-empty text for every message', () => {
    for (const [key, message] of Object.entries(messages)) {
      if (typeof message === 'string') expect(message.trim(), key).not.toBe('');
    }
  });

  it('words every function message for sample arguments, with no placeholder left over', () => {
    const { format } = recordingFormat(tag);
    for (const key of Object.keys(SAMPLES) as FunctionKey[]) {
      const message = messages[key] as (...args: unknown[]) => string;
      for (const args of SAMPLES[key](format)) {
        const text = message(...args);
        expect(text.trim(), key).not.toBe('');
        expect(text, key).not.toMatch(/#|undefined|null|\[object/);
      }
    }
  });

  it("gives every plural every form the locale's Intl.PluralRules has", () => {
    const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
    const { format, given } = recordingFormat(tag);
    for (const key of Object.keys(SAMPLES) as FunctionKey[]) {
      const message = messages[key] as (...args: unknown[]) => string;
      for (const args of SAMPLES[key](format)) message(...args);
    }
    for (const forms of given) expect(Object.keys(forms).sort()).toEqual([...categories].sort());
  });
});

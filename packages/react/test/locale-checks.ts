// The checks every table of words passes in each of the six languages (the components' messages, the rollout
// dialog's): the English keys exactly, no empty text, every function message worded for sample arguments with no
// placeholder left over, and every plural given each form the language's Intl.PluralRules has.
import { describe, expect, it } from 'vitest';
import { type MessageFormat, messageFormat, type PluralForms } from '../src/i18n/message-format';

/** Counts of every plural category somewhere in the six locales. */
export const SAMPLE_COUNTS = [0, 1, 2, 3, 11, 100, 1_000_000];

/** The locale's `MessageFormat`, recording the forms each `plural` call was given. */
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

/**
 * Runs the checks over each locale's table. `samples`: argument lists for every function message (typed by the
 * caller, so a new function message is a type error there until it has some).
 */
export function describeLocaleTables<Messages extends object>(
  title: string,
  locales: Record<string, Messages>,
  english: Messages,
  samples: { [key: string]: (format: MessageFormat) => readonly (readonly unknown[])[] },
) {
  /** Every sample call of the function messages of `messages`, worded with `format`. */
  const worded = (messages: Messages, format: MessageFormat) =>
    Object.entries(samples).flatMap(([key, sample]) => {
      const message = messages[key as keyof Messages] as (...args: readonly unknown[]) => string;
      return sample(format).map((args) => ({ key, text: message(...args) }));
    });

  describe.each(Object.entries(locales))(title, (tag, messages) => {
    it('has every key of the English table and no other', () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    });

    it('has a non-empty text for every message', () => {
      for (const [key, message] of Object.entries(messages)) {
        if (typeof message === 'string') expect(message.trim(), key).not.toBe('');
      }
    });

    it('words every function message for sample arguments, with no placeholder left over', () => {
      for (const { key, text } of worded(messages, recordingFormat(tag).format)) {
        expect(typeof text, key).toBe('string');
        expect(text.trim(), key).not.toBe('');
        expect(text, key).not.toMatch(/#|undefined|null|\[object/);
      }
    });

    it("gives every plural every form the locale's Intl.PluralRules has", () => {
      const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
      const { format, given } = recordingFormat(tag);
      worded(messages, format);
      for (const forms of given) expect(Object.keys(forms).sort()).toEqual([...categories].sort());
    });
  });
}

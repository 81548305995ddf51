import { describe, expect, it } from 'vitest';
import { describeLocaleTables, SAMPLE_COUNTS } from '../../test/locale-checks';
import { messages as ar } from '../locales/ar';
import { messages as de } from '../locales/de';
import { messages as en } from '../locales/en';
import { messages as es } from '../locales/es';
import { messages as fr } from '../locales/fr';
import { messages as ja } from '../locales/ja';
import { type MessageFormat, messageFormat } from './message-format';
import { defaultMessages, type OrgConnectionsMessages } from './messages';

const LOCALES = { en, de, fr, es, ja, ar };

type FunctionKey = {
  [Key in keyof OrgConnectionsMessages]: OrgConnectionsMessages[Key] extends string ? never : Key;
}[keyof OrgConnectionsMessages];

/**
 * Sample arguments for every message that is a function (a new one is a type error here until it has some). Counts
 * take values of every plural category somewhere in the six locales: 0, 1, 2, 3, 11, 100, 1,000,000.
 */
const SAMPLES: { [Key in FunctionKey]: (format: MessageFormat) => Array<Parameters<OrgConnectionsMessages[Key]>> } = {
  accessLevelUnknown: () => [['owner']],
  limitReached: (format) => SAMPLE_COUNTS.map((count) => [count, format]),
  errorRateLimited: () => [['14:02:10'], [undefined]],
  errorForbidden: (format) => [
    [['read:organization_connections'], format],
    [['a:b', 'c:d'], format],
    [[], format],
  ],
  errorInvalidRequest: () => [['Signup'], [undefined]],
  nameTooLong: (format) => SAMPLE_COUNTS.map((count) => [count, format]),
  connectionCount: (format) => SAMPLE_COUNTS.map((count) => [count, count, format]),
  rateLimitedRetrying: () => [['14:02:10']],
  retryCountdown: () => [['in 5 seconds']],
  rename: () => [['Acme']],
  remove: () => [['Acme']],
  removeTitle: () => [['Acme']],
  lockoutTitle: () => [['Acme']],
  saved: () => [['Acme']],
  removed: () => [['Acme']],
  added: () => [['Acme']],
  changeFailed: () => [['Acme', 'Reason.']],
  configureConnectionDescription: () => [['Acme']],
  searchedFirst: (format) => SAMPLE_COUNTS.map((count) => [count, format]),
  searchedSoFar: (format) => SAMPLE_COUNTS.map((count) => [count, format]),
  loginPromptContinueWith: () => [['Acme']],
  loginPromptHiddenTitle: (format) => SAMPLE_COUNTS.map((count) => [count, format]),
};

describeLocaleTables('the %s locale', LOCALES, defaultMessages, SAMPLES);

describe('messageFormat', () => {
  it('picks the Arabic form for each count and writes the count in place of #', () => {
    const { plural } = messageFormat('ar');
    const forms = { zero: 'z #', one: 'o', two: 't', few: 'f #', many: 'm #', other: 'x #' };
    expect([0, 1, 2, 3, 11, 100].map((count) => plural(count, forms))).toEqual([
      'z 0',
      'o',
      't',
      'f 3',
      'm 11',
      'x 100',
    ]);
  });

  it('writes numbers and alternatives as the locale does', () => {
    expect(messageFormat('de').number(1234)).toBe('1.234');
    expect(messageFormat('en').anyOf(['a', 'b', 'c'])).toBe('a, b, or c');
    expect(messageFormat('de').anyOf(['a', 'b'])).toBe('a oder b');
  });
});

import { describeLocaleTables, SAMPLE_COUNTS } from '../../test/locale-checks';
import { messages as ar } from '../locales/ar/rollout';
import { messages as de } from '../locales/de/rollout';
import { messages as en } from '../locales/en/rollout';
import { messages as es } from '../locales/es/rollout';
import { messages as fr } from '../locales/fr/rollout';
import { messages as ja } from '../locales/ja/rollout';
import type { MessageFormat } from './message-format';
import { type ConnectionRolloutMessages, defaultRolloutMessages } from './rollout-messages';

const LOCALES = { en, de, fr, es, ja, ar };

type FunctionKey = {
  [Key in keyof ConnectionRolloutMessages]: ConnectionRolloutMessages[Key] extends string ? never : Key;
}[keyof ConnectionRolloutMessages];

/** Sample arguments for every message that is a function (a new one is a type error here until it has some). */
const SAMPLES: {
  [Key in FunctionKey]: (format: MessageFormat) => Array<Parameters<ConnectionRolloutMessages[Key]>>;
} = {
  rolloutTitle: () => [['Acme']],
  rolloutOrganizationsTooMany: (format) => SAMPLE_COUNTS.map((count) => [count, format]),
  rolloutPreviewResult: (format) => SAMPLE_COUNTS.map((count) => [count, count, format]),
  rolloutPreviewAlreadyEnabled: (format) => SAMPLE_COUNTS.map((count) => [count, format]),
  rolloutProgress: (format) => [
    ...SAMPLE_COUNTS.map((count): [number, number | null, MessageFormat] => [count, count, format]),
    [5, null, format],
  ],
  rolloutPreviewProgress: (format) => [
    ...SAMPLE_COUNTS.map((count): [number, number | null, MessageFormat] => [count, count, format]),
    [5, null, format],
  ],
  rolloutRate: (format) => SAMPLE_COUNTS.map((count) => [count, format]),
  rolloutTimeLeft: () => [['12 minutes']],
  rolloutPausedBecause: () => [['Not allowed.']],
  rolloutFailuresTitle: (format) => SAMPLE_COUNTS.map((count) => [count, format]),
};

describeLocaleTables("the %s locale's rollout messages", LOCALES, defaultRolloutMessages, SAMPLES);

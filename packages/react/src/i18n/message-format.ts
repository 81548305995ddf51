/** A plural category of `Intl.PluralRules`: English uses `one` and `other`, Arabic all six. */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/**
 * The wording of a count per plural category, `#` standing for the count in the locale's digits:
 * `{ one: '# connection', other: '# connections' }`. `other` is required; give every category the locale's
 * `Intl.PluralRules` lists (a form left out reads as `other`).
 */
export type PluralForms = { [Category in Exclude<PluralCategory, 'other'>]?: string } & { other: string };

/** What a message that takes a count is given to word it for the provider's `locale`. */
export interface MessageFormat {
  /** The number in the locale's digits and separators (`Intl.NumberFormat`): `1.234` in German. */
  number(value: number): string;
  /** The form `Intl.PluralRules` picks for `count`, with each `#` replaced by `number(count)`. */
  plural(count: number, forms: PluralForms): string;
  /** Items as alternatives (`Intl.ListFormat`, disjunction): `a, b, or c`. */
  anyOf(items: readonly string[]): string;
}

const formats = new Map<string, MessageFormat>();

/** `make()`'s value, made on the first call and kept. */
function madeOnFirstUse<Value>(make: () => Value): () => Value {
  let value: Value | undefined;
  return () => {
    if (value === undefined) value = make();
    return value;
  };
}

/** The formatting of `locale` (the runtime's default when `undefined`); one per locale, reused. */
export function messageFormat(locale: string | undefined): MessageFormat {
  const key = locale ?? '';
  let format = formats.get(key);
  if (!format) {
    // Each formatter is made when first used: the first one a page makes costs tens of milliseconds (the runtime
    // loads its locale data), which a list that shows no count should not pay when it mounts.
    const numbers = madeOnFirstUse(() => new Intl.NumberFormat(locale));
    const rules = madeOnFirstUse(() => new Intl.PluralRules(locale));
    const list = madeOnFirstUse(() => new Intl.ListFormat(locale, { type: 'disjunction' }));
    format = {
      number: (value) => numbers().format(value),
      plural: (count, forms) => (forms[rules().select(count)] ?? forms.other).replaceAll('#', numbers().format(count)),
      anyOf: (items) => list().format(items),
    };
    formats.set(key, format);
  }
  return format;
}

/** The time of day in the locale, to the second (`Intl.DateTimeFormat`), e.g. `14:02:10`. */
export function formatTime(date: Date, locale: string | undefined): string {
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** A wait in the locale's words (`Intl.RelativeTimeFormat`), e.g. `in 5 seconds`. */
export function formatWait(seconds: number, locale: string | undefined): string {
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(seconds, 'second');
}

/** Scripts and languages written right to left (the rest are left to right). */
const RIGHT_TO_LEFT = /^(ar|arc|ckb|dv|fa|he|iw|ks|ps|sd|ug|ur|yi)(-|$)|-(Adlm|Arab|Hebr|Nkoo|Rohg|Syrc|Thaa)(-|$)/i;

/** The direction of the locale's script; `undefined` without a locale (the page's direction applies). */
export function localeDirection(locale: string | undefined): 'ltr' | 'rtl' | undefined {
  if (!locale) return undefined;
  return RIGHT_TO_LEFT.test(locale) ? 'rtl' : 'ltr';
}

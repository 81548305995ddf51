import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseStrictJson } from './strict-json';

/** JSON values without the refused keys (fast-check's `jsonValue` may generate `__proto__`). */
const acceptableJson = fc
  .jsonValue()
  .filter((value) => !/"(__proto__|constructor|prototype)":/.test(JSON.stringify(value)));

describe('parseStrictJson', () => {
  test.prop([acceptableJson])('reads any JSON text as JSON.parse does', (value) => {
    const text = JSON.stringify(value, null, 2);
    expect(parseStrictJson(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });

  test.prop([fc.string({ maxLength: 40 })])('never accepts what JSON.parse refuses, and never throws', (text) => {
    const result = parseStrictJson(text);
    let parsed: { ok: true; value: unknown } | { ok: false };
    try {
      parsed = { ok: true, value: JSON.parse(text) };
    } catch {
      parsed = { ok: false };
    }
    if (result.ok) expect(parsed).toEqual({ ok: true, value: result.value });
  });

  it.each([
    ['a duplicate key', '{"a":1,"a":2}', /Duplicate key "a" at position 7/],
    [
      'a duplicate key spelled with an escape',
      '{"is_enabled":true,"is_\\u0065nabled":false}',
      /Duplicate key "is_enabled"/,
    ],
    ['a duplicate key in a nested object', '{"a":{"b":1,"b":1}}', /Duplicate key "b"/],
    ['a duplicate key in an array item', '[{"b":1},{"b":1,"c":2,"b":3}]', /Duplicate key "b"/],
    ['__proto__', '{"__proto__":{"polluted":true}}', /Forbidden key "__proto__"/],
    ['__proto__ spelled with an escape', '{"\\u005f_proto__":1}', /Forbidden key "__proto__"/],
    ['constructor, deep', '{"a":[{"b":{"constructor":1}}]}', /Forbidden key "constructor"/],
    ['prototype', '{"prototype":1}', /Forbidden key "prototype"/],
    [
      'nesting deeper than the limit',
      `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`,
      /Nesting too deep/,
    ],
    ['data after the value', '{"a":1} {"a":2}', /Unexpected data after the JSON value/],
    ['a trailing comma', '{"a":1,}', /Expected a key/],
    ['single quotes', "{'a':1}", /Expected a key/],
    ['a raw control character in a string', '{"a":"x\ny"}', /Unterminated or invalid string/],
    ['an invalid escape', '{"a":"\\x41"}', /Unterminated or invalid string/],
    ['a leading zero', '{"a":01}', /Expected "," or "}"/],
    ['NaN', '{"a":NaN}', /Unexpected character/],
    ['an empty text', '', /Unexpected end of input/],
  ])('refuses %s', (_, text, reason) => {
    const result = parseStrictJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('accepts the same key in sibling objects, and nesting up to the limit', () => {
    expect(parseStrictJson('[{"a":1},{"a":2}]')).toEqual({ ok: true, value: [{ a: 1 }, { a: 2 }] });
    const deep = `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`;
    expect(parseStrictJson(deep).ok).toBe(true);
  });

  it('keeps keys that only look like prototype properties as plain data', () => {
    const result = parseStrictJson('{"toString":"x","hasOwnProperty":1}');
    expect(result).toEqual({ ok: true, value: { toString: 'x', hasOwnProperty: 1 } });
    expect(Object.getPrototypeOf(result.ok ? result.value : null)).toBe(Object.prototype);
  });
});

/** Keys that could reach an object's prototype chain in some consumer; refused at any depth. */
export const FORBIDDEN_JSON_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** How deep objects and arrays may nest. The request bodies served are one level deep. */
export const MAX_JSON_DEPTH = 32;

export type StrictJsonResult = { ok: true; value: unknown } | { ok: false; reason: string };

class StrictJsonError extends Error {}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON strings may not hold raw control characters
const STRING_CHARACTERS = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/**
 * Parses JSON text (RFC 8259) as `JSON.parse` does, but refuses what `JSON.parse` lets through silently:
 * a key given twice in one object (compared after unescaping: `"a"` and `"\u0061"` are the same key),
 * the keys `__proto__`, `constructor` and `prototype` at any depth, and nesting deeper than `MAX_JSON_DEPTH`.
 * Never throws.
 */
export function parseStrictJson(text: string): StrictJsonResult {
  let position = 0;

  function fail(what: string): never {
    throw new StrictJsonError(`${what} at position ${position}`);
  }

  function skipWhitespace(): void {
    while (position < text.length) {
      const character = text[position];
      if (character !== ' ' && character !== '\t' && character !== '\n' && character !== '\r') return;
      position += 1;
    }
  }

  function parseString(): string {
    // `position` is at the opening quote.
    STRING_CHARACTERS.lastIndex = position + 1;
    const match = STRING_CHARACTERS.exec(text);
    if (match === null) fail('Unterminated or invalid string');
    const end = STRING_CHARACTERS.lastIndex;
    const value = JSON.parse(text.slice(position, end)) as string;
    position = end;
    return value;
  }

  function parseValue(depth: number): unknown {
    skipWhitespace();
    const character = text[position];
    if (character === '{') return parseObject(depth + 1);
    if (character === '[') return parseArray(depth + 1);
    if (character === '"') return parseString();
    for (const [literal, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(literal, position)) {
        position += literal.length;
        return value;
      }
    }
    NUMBER.lastIndex = position;
    const number = NUMBER.exec(text);
    if (number === null) return fail(position >= text.length ? 'Unexpected end of input' : 'Unexpected character');
    position = NUMBER.lastIndex;
    return Number(number[0]);
  }

  function parseObject(depth: number): Record<string, unknown> {
    if (depth > MAX_JSON_DEPTH) fail('Nesting too deep');
    position += 1;
    const object: Record<string, unknown> = {};
    const keys = new Set<string>();
    skipWhitespace();
    if (text[position] === '}') {
      position += 1;
      return object;
    }
    for (;;) {
      skipWhitespace();
      if (text[position] !== '"') fail('Expected a key');
      const keyAt = position;
      const key = parseString();
      if (FORBIDDEN_JSON_KEYS.has(key)) {
        position = keyAt;
        fail(`Forbidden key "${key}"`);
      }
      if (keys.has(key)) {
        position = keyAt;
        fail(`Duplicate key "${key}"`);
      }
      keys.add(key);
      skipWhitespace();
      if (text[position] !== ':') fail('Expected ":"');
      position += 1;
      object[key] = parseValue(depth);
      skipWhitespace();
      if (text[position] === ',') {
        position += 1;
        continue;
      }
      if (text[position] === '}') {
        position += 1;
        return object;
      }
      fail('Expected "," or "}"');
    }
  }

  function parseArray(depth: number): unknown[] {
    if (depth > MAX_JSON_DEPTH) fail('Nesting too deep');
    position += 1;
    const array: unknown[] = [];
    skipWhitespace();
    if (text[position] === ']') {
      position += 1;
      return array;
    }
    for (;;) {
      array.push(parseValue(depth));
      skipWhitespace();
      if (text[position] === ',') {
        position += 1;
        continue;
      }
      if (text[position] === ']') {
        position += 1;
        return array;
      }
      fail('Expected "," or "]"');
    }
  }

  try {
    const value = parseValue(0);
    skipWhitespace();
    if (position < text.length) fail('Unexpected data after the JSON value');
    return { ok: true, value };
  } catch (error) {
    if (error instanceof StrictJsonError) return { ok: false, reason: error.message };
    throw error;
  }
}

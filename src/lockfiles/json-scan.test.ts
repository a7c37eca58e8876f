import { describe, expect, it } from 'vitest';
import { closingQuote, decodeJsonString, lineAndColumn, locateJsonError } from './json-scan.js';

describe('lockfiles/json-scan', () => {
  it.each([
    ['{}'],
    ['[1, -2.5e3, "a\\u00e9\\n", true, false, null, {"k": [ ]}]'],
    ['\n  {"a": {"b": {}}}\n'],
  ])('finds nothing wrong in valid JSON %s', (text) => {
    expect(locateJsonError(text)).toBeUndefined();
    expect(() => JSON.parse(text) as unknown).not.toThrow();
  });

  // Offsets counted by hand: the first character JSON's grammar does not allow there.
  it.each([
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['[1 2]', 3],
    ['{"a": tru}', 6],
    ['{"a": "x', 8],
    ['{"a": "\\q"}', 7],
    ['{"a": 01}', 7],
    ['{} {}', 3],
    ['', 0],
    ["{'a': 1}", 1],
  ])('locates the error in %j at offset %i', (text, offset) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(locateJsonError(text)).toBe(offset);
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });

  it('finds the quote that closes a string, passing escaped ones', () => {
    // Offsets counted by hand: `"a\"b"` closes at 5, `"a\\"` (an escaped backslash) at 4.
    expect(closingQuote('"a\\"b" rest', 0)).toBe(5);
    expect(closingQuote('"a\\\\" rest', 0)).toBe(4);
    expect(closingQuote('x "ab', 2)).toBeUndefined();
  });

  it('decodes JSON string literals and nothing else', () => {
    expect(decodeJsonString('"caf\\u00e9\\n"')).toBe('caf\u00e9\n');
    expect(decodeJsonString('"\\x41"')).toBeUndefined();
    expect(decodeJsonString('42')).toBeUndefined();
  });
});

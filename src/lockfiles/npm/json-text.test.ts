import { describe, expect, it } from 'vitest';
import { LockfileError } from '../types.js';
import { lineAndColumn, locateJsonError, parseJsonText } from './json-text.js';

describe('lockfiles/npm/json-text', () => {
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

  it('turns a syntax error into a LockfileError without quoting the input back', () => {
    const secretLooking = `{"token": "${'s'.repeat(40)}", "a": x}`;
    let caught: unknown;
    try {
      parseJsonText(secretLooking);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LockfileError);
    // V8 would append `..."ss", "a": x}" is not valid JSON`: a copy of the file's text.
    expect((caught as LockfileError).message).toBe("not valid JSON: Unexpected token 'x' at line 1, column 60");
    expect((caught as LockfileError).line).toBe(1);
  });

  it('accepts a byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a": 1}')).toEqual({ a: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import type { Problem } from '../core/result.js';
import { parseJsonDocument, parseTomlDocument, readPackageTables, readSiblingDocument } from './structured-text.js';
import { LockfileError } from './types.js';

function thrownBy(parse: () => unknown): LockfileError {
  try {
    parse();
  } catch (error) {
    if (error instanceof LockfileError) return error;
    throw error;
  }
  throw new Error('expected a LockfileError');
}

describe('lockfiles/structured-text', () => {
  it('turns a syntax error into a LockfileError without quoting the input back', () => {
    const secretLooking = `{"token": "${'s'.repeat(40)}", "a": x}`;
    let caught: unknown;
    try {
      parseJsonDocument(secretLooking);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LockfileError);
    // V8 would append `..."ss", "a": x}" is not valid JSON`: a copy of the file's text.
    expect((caught as LockfileError).message).toBe("not valid JSON: Unexpected token 'x' at line 1, column 60");
    expect((caught as LockfileError).line).toBe(1);
  });

  it('accepts a byte-order mark', () => {
    expect(parseJsonDocument('\uFEFF{"a": 1}')).toEqual({ a: 1 });
  });

  it('refuses an empty file', () => {
    expect(thrownBy(() => parseJsonDocument(' \n')).message).toBe('the file is empty');
  });

  it('names the line and column of a TOML error without quoting the file back', () => {
    // Line 2 has a value that is neither quoted nor a number, date or boolean.
    const error = thrownBy(() => parseTomlDocument('name = "a"\ntoken = sekrit123\n'));
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/^not valid TOML: .* at line 2, column \d+$/);
    expect(error.message).not.toContain('sekrit123');
  });

  it('warns about a broken manifest beside the lockfile and carries on without it', () => {
    const problems: Problem[] = [];
    const input = { path: 'app/composer.lock', text: '{}', readSibling: (name: string) => (name === 'composer.json' ? '{"require": ' : undefined) };
    expect(readSiblingDocument(input, 'composer.json', parseJsonDocument, problems, 'direct dependencies')).toBeUndefined();
    expect(readSiblingDocument(input, 'other.json', parseJsonDocument, problems, 'direct dependencies')).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'unreadable-manifest', file: 'app/composer.json', level: 'warn' });
    expect(problems[0]?.message).toMatch(/^composer\.json: not valid JSON: .*; direct dependencies of app\/composer\.lock are unknown$/);
  });

  it('reads [[package]] tables with the line of each name, skipping those without a name or version', () => {
    const text = '[[package]]\nname = "a"\nversion = "1.0"\n\n[[package]]\nversion = "2.0"\n\n[[package]]\n# the project\nname = "b"\n';
    const input = { path: 'x.lock', text, readSibling: () => undefined };
    const strict: Problem[] = [];
    expect(readPackageTables(input, 'x.lock', strict).map(({ name, version, line }) => ({ name, version, line }))).toEqual([{ name: 'a', version: '1.0', line: 2 }]);
    expect(strict.map((p) => p.message)).toEqual(['x.lock: [[package]] number 2 has no name or version; skipped', 'x.lock: [[package]] number 3 has no name or version; skipped']);
    expect(strict.map((p) => p.line)).toEqual([undefined, 10]);
    const lenient: Problem[] = [];
    expect(readPackageTables(input, 'x.lock', lenient, '').map(({ name, version }) => `${name}@${version}`)).toEqual(['a@1.0', 'b@']);
    expect(lenient.map((p) => p.message)).toEqual(['x.lock: [[package]] number 2 has no name; skipped']);
  });

  it('refuses a file whose "package" is not an array of tables', () => {
    const input = { path: 'app/Cargo.lock', text: 'package = "nope"\n', readSibling: () => undefined };
    expect(thrownBy(() => readPackageTables(input, 'Cargo.lock', [])).message).toBe('app/Cargo.lock is not a Cargo.lock: "package" is not an array of [[package]] tables');
  });
});

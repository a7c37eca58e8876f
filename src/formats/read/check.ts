import type { Problem } from '../../core/result.js';

/**
 * Hand checks for untrusted report JSON. Each failure becomes a Problem naming the JSON path
 * (`vulnerabilities[3].identifiers: must have at least 1 item`); after a few the rest are only
 * counted, so a report with a million bad entries costs one line per problem kind, not a million.
 */
export type JsonObject = Record<string, unknown>;

const MAX_REPORTED = 20;

export class Checker {
  readonly problems: Problem[] = [];
  private suppressed = 0;

  constructor(private readonly file: string | undefined) {}

  fail(path: string, message: string, code = 'invalid-report'): void {
    if (this.problems.length >= MAX_REPORTED) {
      this.suppressed++;
      return;
    }
    const text = path === '' ? message : `${path}: ${message}`;
    this.problems.push(this.file === undefined ? { code, message: text, level: 'error' } : { code, message: text, file: this.file, level: 'error' });
  }

  get failed(): boolean {
    return this.problems.length > 0;
  }

  /** The problems, with a closing line when some were left out. */
  result(): Problem[] {
    if (this.suppressed === 0) return this.problems;
    const more: Problem = { code: 'invalid-report', message: `and ${this.suppressed} more problem(s) like these`, level: 'error' };
    return [...this.problems, this.file === undefined ? more : { ...more, file: this.file }];
  }
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const at = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);
export const item = (path: string, index: number): string => `${path}[${index}]`;

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function reqObject(c: Checker, parent: JsonObject, key: string, path: string): JsonObject | undefined {
  const value = parent[key];
  if (value === undefined) c.fail(at(path, key), 'is required');
  else if (!isObject(value)) c.fail(at(path, key), `must be an object, not ${kind(value)}`);
  else return value;
  return undefined;
}

export function optObject(c: Checker, parent: JsonObject, key: string, path: string): JsonObject | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) {
    c.fail(at(path, key), `must be an object, not ${kind(value)}`);
    return undefined;
  }
  return value;
}

export function reqString(c: Checker, parent: JsonObject, key: string, path: string, options: { nonEmpty?: boolean } = {}): string | undefined {
  const value = parent[key];
  if (value === undefined) c.fail(at(path, key), 'is required');
  else if (typeof value !== 'string') c.fail(at(path, key), `must be a string, not ${kind(value)}`);
  else if (options.nonEmpty === true && value === '') c.fail(at(path, key), 'must not be empty');
  else return value;
  return undefined;
}

export function optString(c: Checker, parent: JsonObject, key: string, path: string): string | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    c.fail(at(path, key), `must be a string, not ${kind(value)}`);
    return undefined;
  }
  return value;
}

/** A non-negative integer; GitLab's line numbers and iids. */
export function optInteger(c: Checker, parent: JsonObject, key: string, path: string): number | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    c.fail(at(path, key), `must be a non-negative integer, not ${typeof value === 'number' ? String(value) : kind(value)}`);
    return undefined;
  }
  return value;
}

export function optNumber(c: Checker, parent: JsonObject, key: string, path: string): number | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    c.fail(at(path, key), `must be a number, not ${kind(value)}`);
    return undefined;
  }
  return value;
}

export function optBoolean(c: Checker, parent: JsonObject, key: string, path: string): boolean | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') {
    c.fail(at(path, key), `must be true or false, not ${kind(value)}`);
    return undefined;
  }
  return value;
}

export function reqArray(c: Checker, parent: JsonObject, key: string, path: string, minItems = 0): unknown[] | undefined {
  const value = parent[key];
  if (value === undefined) c.fail(at(path, key), 'is required');
  else if (!Array.isArray(value)) c.fail(at(path, key), `must be an array, not ${kind(value)}`);
  else if (value.length < minItems) c.fail(at(path, key), `must have at least ${minItems} item${minItems === 1 ? '' : 's'}`);
  else return value;
  return undefined;
}

export function optArray(c: Checker, parent: JsonObject, key: string, path: string): unknown[] | undefined {
  const value = parent[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    c.fail(at(path, key), `must be an array, not ${kind(value)}`);
    return undefined;
  }
  return value;
}

/** The objects of an array; a non-object entry is a failure at its index. */
export function objectsOf(c: Checker, values: readonly unknown[], path: string): { value: JsonObject; path: string; index: number }[] {
  const out: { value: JsonObject; path: string; index: number }[] = [];
  values.forEach((value, index) => {
    if (isObject(value)) out.push({ value, path: item(path, index), index });
    else c.fail(item(path, index), `must be an object, not ${kind(value)}`);
  });
  return out;
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

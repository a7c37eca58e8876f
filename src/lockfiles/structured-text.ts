import { parse as parseToml, TomlError } from 'smol-toml';
import type { Problem } from '../core/result.js';
import { describeJsonFailure, lineAndColumn, locateJsonError } from './json-scan.js';
import type { LockfileInput } from './types.js';
import { LockfileError } from './types.js';

/**
 * What the JSON and TOML lockfile formats share: parsing with errors that name a line and never
 * quote the file's text back (it may hold tokens), reading a manifest beside the lockfile, and the
 * `[[package]]` tables of TOML lockfiles (Cargo.lock, poetry.lock, uv.lock).
 */

export type TomlTable = Record<string, unknown>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Parses a JSON file; a syntax error becomes a LockfileError naming the line, not a raw stack. */
export function parseJsonDocument(text: string): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (!/\S/.test(body)) throw new LockfileError('the file is empty');
  try {
    return JSON.parse(body);
  } catch (error) {
    const offset = locateJsonError(body);
    const reason = describeJsonFailure(error);
    if (offset === undefined) throw new LockfileError(`not valid JSON: ${reason}`);
    const { line, column } = lineAndColumn(body, offset);
    throw new LockfileError(`not valid JSON: ${reason} at line ${line}, column ${column}`, line);
  }
}

/** Parses a TOML file; a syntax error becomes a LockfileError naming the line and column. */
export function parseTomlDocument(text: string): TomlTable {
  try {
    return parseToml(text, { maxDepth: 64 });
  } catch (error) {
    if (error instanceof TomlError) {
      // The lines after the first quote the file around the error.
      const reason = (error.message.split('\n', 1)[0] ?? '').replace(/^Invalid TOML document: /, '');
      throw new LockfileError(`not valid TOML: ${reason} at line ${error.line}, column ${error.column}`, error.line);
    }
    throw new LockfileError(`not valid TOML: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function siblingPath(lockfilePath: string, fileName: string): string {
  const slash = lockfilePath.lastIndexOf('/');
  return slash < 0 ? fileName : `${lockfilePath.slice(0, slash + 1)}${fileName}`;
}

/**
 * Reads and parses a manifest beside the lockfile (composer.json, Pipfile, pyproject.toml). Absent
 * gives undefined; a broken one also gives undefined plus a warning that `unknownFacts` of the
 * lockfile are unknown, since the lockfile itself is still usable.
 */
export function readSiblingDocument<T>(input: LockfileInput, fileName: string, parse: (text: string) => T, problems: Problem[], unknownFacts: string): T | undefined {
  const text = input.readSibling(fileName);
  if (text === undefined) return undefined;
  try {
    return parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push({
      code: 'unreadable-manifest',
      message: `${fileName}: ${message}; ${unknownFacts} of ${input.path} are unknown`,
      file: siblingPath(input.path, fileName),
      level: 'warn',
    });
    return undefined;
  }
}

/**
 * For each `[[package]]` header in file order, the line of its `name = "…"` key (undefined when the
 * table has none), so entry N of the parsed array finds its line at index N.
 */
export function findPackageNameLines(text: string): (number | undefined)[] {
  const lines = text.split('\n');
  const found: (number | undefined)[] = [];
  let waitingForName = false;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '[[package]]') {
      found.push(undefined);
      waitingForName = true;
    } else if (line.startsWith('[')) {
      waitingForName = false;
    } else if (waitingForName && /^name\s*=/.test(line)) {
      found[found.length - 1] = i + 1;
      waitingForName = false;
    }
  }
  return found;
}

/** One `[[package]]` table of a TOML lockfile, with the fields every such format has. */
export interface PackageTable {
  readonly table: Readonly<Record<string, unknown>>;
  readonly name: string;
  readonly version: string;
  /** Line of the table's `name` key. */
  readonly line: number | undefined;
}

/**
 * The `[[package]]` tables of a TOML lockfile in file order. A file whose `package` is not an array
 * of tables is not a `kind` at all. A table without a name is skipped with a warning, and so is one
 * without a version unless the format allows that (`versionWhenMissing` then stands in).
 */
export function readPackageTables(input: LockfileInput, kind: string, problems: Problem[], versionWhenMissing?: string): PackageTable[] {
  const document = parseTomlDocument(input.text);
  const rawPackages = document['package'] ?? [];
  if (!Array.isArray(rawPackages)) throw new LockfileError(`${input.path} is not a ${kind}: "package" is not an array of [[package]] tables`);
  const nameLines = findPackageNameLines(input.text);
  return rawPackages.flatMap((raw: unknown, index): PackageTable[] => {
    const line = nameLines[index];
    const name = isRecord(raw) ? stringOf(raw['name']) : undefined;
    const version = isRecord(raw) ? (stringOf(raw['version']) ?? versionWhenMissing) : undefined;
    if (!isRecord(raw) || name === undefined || version === undefined) {
      const missing = versionWhenMissing === undefined ? 'name or version' : 'name';
      problems.push({ code: 'unreadable-package', message: `${input.path}: [[package]] number ${index + 1} has no ${missing}; skipped`, file: input.path, ...(line === undefined ? {} : { line }), level: 'warn' });
      return [];
    }
    return [{ table: raw, name, version, line }];
  });
}

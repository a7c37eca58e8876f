import { parse as parseToml, TomlError } from 'smol-toml';
import type { LockfileInput } from '../types.js';
import { LockfileError } from '../types.js';
import type { Problem } from '../../core/result.js';

// TODO(lead): the JSON/TOML wrappers here are repeated in rust/, php/ and dotnet/ because each helper
// owns only its folders; fold them into one shared lockfiles module.

export type TomlTable = Record<string, unknown>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parse TOML, turning a syntax error into a LockfileError that names the file and line. */
export function parseTomlDocument(text: string, fileName: string): TomlTable {
  try {
    return parseToml(text, { maxDepth: 64 });
  } catch (error) {
    if (error instanceof TomlError) {
      const firstLine = error.message.split('\n', 1)[0] ?? error.message;
      throw new LockfileError(`${fileName} is not valid TOML (line ${error.line}): ${firstLine}`, error.line);
    }
    throw new LockfileError(`${fileName} is not valid TOML: ${String(error)}`);
  }
}

/** Parse JSON, turning a syntax error into a LockfileError with the line of the failure. */
export function parseJsonDocument(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message)?.[1];
    const line = position === undefined ? undefined : lineAtOffset(text, Number(position));
    const where = line === undefined ? '' : ` (line ${line})`;
    throw new LockfileError(`${fileName} is not valid JSON${where}: ${message}`, line);
  }
}

function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Read a TOML manifest beside the lockfile (Pipfile, pyproject.toml). Absent gives undefined; a broken
 * one also gives undefined plus a warning, since the lockfile itself is still usable.
 */
export function readTomlSibling(input: LockfileInput, fileName: string, problems: Problem[]): TomlTable | undefined {
  const text = input.readSibling(fileName);
  if (text === undefined) return undefined;
  try {
    return parseTomlDocument(text, fileName);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push({
      code: 'unreadable-manifest',
      message: `${message}; direct and development dependencies of ${input.path} are unknown`,
      file: siblingPath(input.path, fileName),
      level: 'warn',
    });
    return undefined;
  }
}

export function siblingPath(lockfilePath: string, fileName: string): string {
  const slash = lockfilePath.lastIndexOf('/');
  return slash < 0 ? fileName : `${lockfilePath.slice(0, slash + 1)}${fileName}`;
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

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

import type { Problem } from '../../core/result.js';
import { decodeJsonString } from '../json-scan.js';
import { isRecord, parseJsonDocument, readSiblingDocument } from '../structured-text.js';
import type { LockedPackage, LockfileFormat, LockfileInput, ParsedLockfile } from '../types.js';
import { LockfileError } from '../types.js';

interface ComposerEntry {
  readonly name: string;
  readonly version: string;
  readonly dev: boolean;
  readonly requires: readonly string[];
  readonly licenses: readonly string[] | undefined;
}

/** Composer's `composer.lock`: `packages` at runtime, `packages-dev` for development. */
export const composerLockFormat: LockfileFormat = {
  id: 'php/composer-lock',
  packageManager: 'composer',
  ecosystem: 'Packagist',
  matches: (fileName) => fileName === 'composer.lock',
  parse: parseComposerLock,
};

function parseComposerLock(input: LockfileInput): ParsedLockfile {
  const document = parseJsonDocument(input.text);
  if (!isRecord(document)) throw new LockfileError(`${input.path} is not a composer.lock: the top level is not a JSON object`);
  const problems: Problem[] = [];
  const entries = [...readSection(input.path, document, 'packages', false, problems), ...readSection(input.path, document, 'packages-dev', true, problems)];
  const declared = readDeclaredNames(input, problems);
  return { packages: toPackages(entries, declared, findNameLines(input.text, entries)), problems };
}

function readSection(path: string, document: Record<string, unknown>, section: string, dev: boolean, problems: Problem[]): ComposerEntry[] {
  const list = document[section] ?? [];
  if (!Array.isArray(list)) throw new LockfileError(`${path} is not a composer.lock: "${section}" is not an array`);
  return list.flatMap((raw, index): ComposerEntry[] => {
    const name = isRecord(raw) && typeof raw['name'] === 'string' ? raw['name'] : undefined;
    const version = isRecord(raw) && typeof raw['version'] === 'string' ? raw['version'] : undefined;
    if (!isRecord(raw) || name === undefined || version === undefined) {
      problems.push({ code: 'unreadable-package', message: `${path}: entry ${index + 1} of "${section}" has no name or version; skipped`, file: path, level: 'warn' });
      return [];
    }
    const requires = isRecord(raw['require']) ? Object.keys(raw['require']).filter((target) => !isPlatformPackage(target)) : [];
    return [{ name, version, dev, requires, licenses: readLicenses(raw['license']) }];
  });
}

/** `php`, `ext-json`, `lib-icu`, `composer-plugin-api`…: the platform, not Packagist packages. */
function isPlatformPackage(name: string): boolean {
  const lower = name.toLowerCase();
  return !lower.includes('/') && (lower === 'php' || lower.startsWith('php-') || lower === 'hhvm' || lower === 'composer' || lower.startsWith('ext-') || lower.startsWith('lib-') || lower.startsWith('composer-'));
}

function readLicenses(value: unknown): readonly string[] | undefined {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return undefined;
  const licenses = value.filter((item): item is string => typeof item === 'string');
  return licenses.length > 0 ? licenses : undefined;
}

/** Lower-cased names from `require` and `require-dev` of composer.json, or undefined without one. */
function readDeclaredNames(input: LockfileInput, problems: Problem[]): ReadonlySet<string> | undefined {
  const manifest = readSiblingDocument(input, 'composer.json', parseJsonDocument, problems, 'direct dependencies');
  if (!isRecord(manifest)) return undefined;
  const names = new Set<string>();
  for (const section of ['require', 'require-dev']) {
    const table = manifest[section];
    if (isRecord(table)) for (const name of Object.keys(table)) names.add(name.toLowerCase());
  }
  return names;
}

function toPackages(entries: readonly ComposerEntry[], declared: ReadonlySet<string> | undefined, lines: readonly (number | undefined)[]): LockedPackage[] {
  const keyOf = (entry: ComposerEntry): string => `${entry.name}@${entry.version}`;
  // Composer package names are case-insensitive.
  const keysByName = new Map(entries.map((entry) => [entry.name.toLowerCase(), keyOf(entry)]));
  const packages = new Map<string, LockedPackage>();
  entries.forEach((entry, index) => {
    const key = keyOf(entry);
    if (packages.has(key)) return;
    const line = lines[index];
    packages.set(key, {
      key,
      name: entry.name,
      version: entry.version,
      ecosystem: 'Packagist',
      ...(declared === undefined ? {} : { direct: declared.has(entry.name.toLowerCase()) }),
      dev: entry.dev,
      ...(line === undefined ? {} : { line }),
      dependsOn: entry.requires.flatMap((target) => keysByName.get(target.toLowerCase()) ?? []),
      ...(entry.licenses === undefined ? {} : { licenses: entry.licenses }),
    });
  });
  return [...packages.values()];
}

/**
 * The line of each entry's `"name": "vendor/package"`, in one pass over the text. Only values that
 * name a locked package count, which skips the `"name"` of authors.
 */
function findNameLines(text: string, entries: readonly ComposerEntry[]): (number | undefined)[] {
  const pending = new Map<string, number[]>();
  entries.forEach((entry, index) => pending.set(entry.name, [...(pending.get(entry.name) ?? []), index]));
  const found: (number | undefined)[] = entries.map(() => undefined);
  text.split('\n').forEach((line, lineIndex) => {
    const quoted = /^\s*"name":\s*("(?:[^"\\]|\\.)*")/.exec(line)?.[1];
    if (quoted === undefined) return;
    const index = pending.get(decodeJsonString(quoted) ?? '')?.shift();
    if (index !== undefined) found[index] = lineIndex + 1;
  });
  return found;
}

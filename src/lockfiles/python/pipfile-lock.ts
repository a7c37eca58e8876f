import type { Problem } from '../../core/result.js';
import { isRecord, parseJsonDocument, parseTomlDocument, readSiblingDocument, stringOf } from '../structured-text.js';
import type { LockedPackage, LockfileFormat, LockfileInput, ParsedLockfile } from '../types.js';
import { LockfileError } from '../types.js';
import { normalizePythonName } from './python-names.js';

/** Pipfile sections that are settings, not package categories. */
const PIPFILE_SETTING_SECTIONS = new Set(['source', 'requires', 'pipenv', 'scripts']);

/** Pipenv's `Pipfile.lock`: `default` holds runtime packages, `develop` development ones. */
export const pipfileLockFormat: LockfileFormat = {
  id: 'python/pipfile-lock',
  packageManager: 'pipenv',
  ecosystem: 'PyPI',
  matches: (fileName) => fileName === 'Pipfile.lock',
  parse: parsePipfileLock,
};

function parsePipfileLock(input: LockfileInput): ParsedLockfile {
  const document = parseJsonDocument(input.text);
  if (!isRecord(document)) throw new LockfileError(`${input.path} is not a Pipfile.lock: the top level is not a JSON object`);
  const problems: Problem[] = [];
  const declared = readPipfileNames(input, problems);
  const lines = findEntryLines(input.text);
  const packages = new Map<string, LockedPackage>();
  for (const [category, entries] of Object.entries(document)) {
    if (category === '_meta' || !isRecord(entries)) continue;
    for (const [name, entry] of Object.entries(entries)) {
      const locked = toPackage(category, name, entry, declared, lines.get(`${category}\u0000${name}`));
      if (locked === undefined) continue;
      const existing = packages.get(locked.key);
      // A package in both sections is needed at runtime.
      if (existing === undefined || (existing.dev === true && locked.dev === false)) packages.set(locked.key, locked);
    }
  }
  return { packages: [...packages.values()], problems };
}

function toPackage(category: string, name: string, entry: unknown, declared: ReadonlySet<string> | undefined, line: number | undefined): LockedPackage | undefined {
  // Entries without a version are VCS checkouts, paths or editables: not registry releases.
  const version = isRecord(entry) ? stringOf(entry['version']) : undefined;
  if (version === undefined) return undefined;
  const exact = version.replace(/^={2,3}/, '');
  const dev = category === 'default' ? false : category === 'develop' ? true : undefined;
  return {
    key: `${name}@${exact}`,
    name,
    version: exact,
    ecosystem: 'PyPI',
    ...(declared === undefined ? {} : { direct: declared.has(normalizePythonName(name)) }),
    ...(dev === undefined ? {} : { dev }),
    ...(line === undefined ? {} : { line }),
    dependsOn: [],
  };
}

/** Names the Pipfile declares in any package category, or undefined without a readable Pipfile. */
function readPipfileNames(input: LockfileInput, problems: Problem[]): ReadonlySet<string> | undefined {
  const pipfile = readSiblingDocument(input, 'Pipfile', parseTomlDocument, problems, 'direct and development dependencies');
  if (pipfile === undefined) return undefined;
  const names = new Set<string>();
  for (const [section, table] of Object.entries(pipfile)) {
    if (PIPFILE_SETTING_SECTIONS.has(section) || !isRecord(table)) continue;
    for (const name of Object.keys(table)) names.add(normalizePythonName(name));
  }
  return names;
}

/**
 * Lines of `"name": {` entries per category. JSON.parse keeps no positions, and pipenv always writes
 * the file with a four-space indent, so the indent tells a category from a package.
 */
function findEntryLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let category: string | undefined;
  text.split('\n').forEach((line, index) => {
    const categoryMatch = /^ {4}"([^"\\]+)": \{/.exec(line);
    if (categoryMatch !== null) {
      category = categoryMatch[1];
      return;
    }
    const entryMatch = /^ {8}"([^"\\]+)": \{/.exec(line);
    if (entryMatch !== null && category !== undefined) {
      const key = `${category}\u0000${entryMatch[1] ?? ''}`;
      if (!lines.has(key)) lines.set(key, index + 1);
    }
  });
  return lines;
}

import { visitObjectKeys } from '../json-scan.js';
import { isRecord } from '../structured-text.js';
import type { InstallEntry } from './install-tree.js';
import { parseNpmAlias } from './npm-spec.js';
import type { ProblemList } from './problem-list.js';

/** Deeper nesting is hostile: each level lengthens every path below it. */
const MAX_V1_DEPTH = 64;

interface PendingLevel {
  readonly parentPath: string;
  readonly depth: number;
  readonly dependencies: Readonly<Record<string, unknown>>;
}

/**
 * Lockfile v1 nests `dependencies` inside each other the way node_modules folders nest. Each entry
 * becomes an install folder keyed by its path (`node_modules/a/node_modules/b`), like v2's keys.
 */
export function installEntriesOfV1(text: string, tree: Readonly<Record<string, unknown>>, problems: ProblemList): InstallEntry[] {
  const lines = v1KeyLines(text);
  const entries: InstallEntry[] = [];
  const pending: PendingLevel[] = [{ parentPath: '', depth: 1, dependencies: tree }];
  let truncated = false;
  for (let level = pending.pop(); level !== undefined; level = pending.pop()) {
    for (const [folderName, raw] of Object.entries(level.dependencies)) {
      const path = installPath(level.parentPath, folderName);
      const line = lines.get(path);
      if (!isRecord(raw)) {
        problems.add('lockfile-entry-invalid', `dependency "${folderName}" is not an object; skipped`, line);
        continue;
      }
      entries.push(installEntryOfV1(path, folderName, raw, line));
      const nested = raw['dependencies'];
      if (!isRecord(nested)) continue;
      if (level.depth >= MAX_V1_DEPTH) truncated = true;
      else pending.push({ parentPath: path, depth: level.depth + 1, dependencies: nested });
    }
  }
  if (truncated) problems.add('lockfile-nesting-too-deep', `dependencies nested deeper than ${MAX_V1_DEPTH} levels were not read`);
  return entries;
}

function installPath(parentPath: string, folderName: string): string {
  return parentPath === '' ? `node_modules/${folderName}` : `${parentPath}/node_modules/${folderName}`;
}

function installEntryOfV1(path: string, folderName: string, raw: Readonly<Record<string, unknown>>, line: number | undefined): InstallEntry {
  const declared = typeof raw['version'] === 'string' ? raw['version'] : '';
  // An alias records `npm:real-name@1.2.3` as its version.
  const alias = parseNpmAlias(declared);
  const version = alias?.range ?? declared;
  const requires = raw['requires'];
  return {
    path,
    name: alias?.name ?? folderName,
    // `file:` versions are local folders (links), part of the project rather than packages.
    version: version === '' || version.startsWith('file:') ? undefined : version,
    isDev: raw['dev'] === true,
    requires: isRecord(requires) ? Object.keys(requires) : [],
    ...(line === undefined ? {} : { line }),
  };
}

type V1KeyState = { readonly kind: 'root' } | { readonly kind: 'list'; readonly parentPath: string; readonly depth: number } | { readonly kind: 'entry'; readonly path: string; readonly depth: number };

/** Line of each entry of the nested tree, by install path. */
function v1KeyLines(text: string): ReadonlyMap<string, number> {
  const lines = new Map<string, number>();
  visitObjectKeys<V1KeyState>(text, { kind: 'root' }, (parent, key, line) => {
    if (parent.kind === 'list') {
      const path = installPath(parent.parentPath, key);
      if (!lines.has(path)) lines.set(path, line);
      return { kind: 'entry', path, depth: parent.depth };
    }
    if (key !== 'dependencies') return undefined;
    if (parent.kind === 'root') return { kind: 'list', parentPath: '', depth: 1 };
    return parent.depth >= MAX_V1_DEPTH ? undefined : { kind: 'list', parentPath: parent.path, depth: parent.depth + 1 };
  });
  return lines;
}

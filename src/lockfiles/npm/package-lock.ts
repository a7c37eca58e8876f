import { visitObjectKeys } from '../json-scan.js';
import { isRecord, parseJsonDocument } from '../structured-text.js';
import type { LockfileFormat, LockfileInput, ParsedLockfile } from '../types.js';
import { LockfileError } from '../types.js';
import { folderNameOf, isProjectFolder, packagesOfInstallTree, type InstallEntry } from './install-tree.js';
import { declaredDependencies, readManifest } from './manifest.js';
import { installEntriesOfV1 } from './package-lock-v1.js';
import { createProblemList, type ProblemList } from './problem-list.js';

/** The newest layout this parser knows; newer files are read as this one, with a notice. */
const NEWEST_KNOWN_VERSION = 3;

/** npm's `package-lock.json` (v1–v3) and `npm-shrinkwrap.json`, which has the same format. */
export const packageLock: LockfileFormat = {
  id: 'npm',
  packageManager: 'npm',
  ecosystem: 'npm',
  matches: (fileName) => fileName === 'package-lock.json' || fileName === 'npm-shrinkwrap.json',
  parse: parsePackageLock,
};

function parsePackageLock(input: LockfileInput): ParsedLockfile {
  const document = parseJsonDocument(input.text);
  if (!isRecord(document)) throw new LockfileError('not an npm lockfile: the top level is not a JSON object');
  const problems = createProblemList(input.path);
  const version = document['lockfileVersion'];
  const packagesMap = document['packages'];
  const tree = document['dependencies'];
  if (typeof version === 'number' && version > NEWEST_KNOWN_VERSION) {
    problems.add('lockfile-version-unknown', `lockfileVersion ${version} is newer than this scanner knows (${NEWEST_KNOWN_VERSION}); read as version ${NEWEST_KNOWN_VERSION}`, undefined, 'info');
  }
  if (isRecord(packagesMap) && version !== 1) {
    return { packages: packagesOfV2(input, packagesMap, problems), problems: problems.list() };
  }
  if (isRecord(tree)) {
    const root = projectRootFromManifest(input, problems);
    const entries = installEntriesOfV1(input.text, tree, problems);
    const packages = packagesOfInstallTree(root === undefined ? entries : [root, ...entries], problems, root !== undefined);
    return { packages, problems: problems.list() };
  }
  if (version === undefined) throw new LockfileError('not an npm lockfile: it has no "lockfileVersion", "packages" or "dependencies"');
  // A project without dependencies has nothing to list.
  return { packages: [], problems: problems.list() };
}

/** v2 and v3: the flat `packages` map keyed by install path; v2 also carries a v1 tree, which is ignored. */
function packagesOfV2(input: LockfileInput, packagesMap: Readonly<Record<string, unknown>>, problems: ProblemList) {
  const lines = packageKeyLines(input.text);
  const entries: InstallEntry[] = [];
  for (const [path, raw] of Object.entries(packagesMap)) {
    if (!isRecord(raw)) {
      problems.add('lockfile-entry-invalid', `entry "${path}" is not an object; skipped`, lines.get(path));
      continue;
    }
    const entry = installEntryOfV2(path, raw, lines.get(path));
    if (entry.version === undefined && entry.linkTarget === undefined && !isProjectFolder(path)) {
      problems.add('lockfile-entry-without-version', `"${path}" has no version; skipped`, entry.line, 'info');
    }
    entries.push(entry);
  }
  if (isRecord(packagesMap[''])) return packagesOfInstallTree(entries, problems);
  // Without the root entry (old or hidden lockfiles) the project's own package.json says what is direct.
  const root = projectRootFromManifest(input, problems);
  return packagesOfInstallTree(root === undefined ? entries : [root, ...entries], problems, root !== undefined);
}

function installEntryOfV2(path: string, raw: Readonly<Record<string, unknown>>, line: number | undefined): InstallEntry {
  const version = raw['version'];
  const requires = [raw['dependencies'], raw['optionalDependencies'], raw['peerDependencies']];
  // devDependencies of a package are never installed; only the project's own count.
  if (isProjectFolder(path)) requires.push(raw['devDependencies']);
  const licenses = licensesOf(raw['license']);
  return {
    path,
    name: typeof raw['name'] === 'string' ? raw['name'] : folderNameOf(path),
    version: typeof version === 'string' && version !== '' ? version : undefined,
    isDev: raw['dev'] === true,
    requires: requires.flatMap((list) => (isRecord(list) ? Object.keys(list) : [])),
    ...(raw['link'] === true ? { linkTarget: typeof raw['resolved'] === 'string' ? raw['resolved'] : '' } : {}),
    ...(licenses.length > 0 ? { licenses } : {}),
    ...(line === undefined ? {} : { line }),
  };
}

/** npm copies `license` from the package's manifest: an SPDX string, or an old `{ type }` object. */
function licensesOf(value: unknown): readonly string[] {
  if (typeof value === 'string' && value !== '') return [value];
  if (isRecord(value) && typeof value['type'] === 'string') return [value['type']];
  return [];
}

/** Line of each key of the top-level `packages` map. */
function packageKeyLines(text: string): ReadonlyMap<string, number> {
  const lines = new Map<string, number>();
  visitObjectKeys<'root' | 'packages'>(text, 'root', (parent, key, line) => {
    if (parent === 'root') return key === 'packages' ? 'packages' : undefined;
    if (!lines.has(key)) lines.set(key, line);
    return undefined;
  });
  return lines;
}

/** The root project folder as the `package.json` beside the lockfile declares it, when it is there. */
function projectRootFromManifest(input: LockfileInput, problems: ProblemList): InstallEntry | undefined {
  const manifest = readManifest(input, 'package.json', problems);
  if (manifest === undefined) return undefined;
  return { path: '', name: '', version: undefined, isDev: false, requires: [...declaredDependencies(manifest).keys()] };
}

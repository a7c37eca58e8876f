import type { LockedPackage } from '../types.js';
import { toLockedPackage } from './locked-package.js';
import type { ProblemList } from './problem-list.js';

/**
 * One folder of an npm install, keyed by its path from the project root: a package under
 * `node_modules/…`, or a project folder (the root `''`, a workspace such as `packages/app`).
 */
export interface InstallEntry {
  readonly path: string;
  /** The real package name; the folder name differs for aliases. */
  readonly name: string;
  /** Undefined for links and other folders without a version: these are not reported. */
  readonly version: string | undefined;
  readonly isDev: boolean;
  /** For a symlink (`link: true`), the path of the folder it points to. */
  readonly linkTarget?: string;
  /** Names this folder requires; Node's module resolution finds which folder each one is. */
  readonly requires: readonly string[];
  readonly licenses?: readonly string[];
  readonly line?: number;
}

/** Deeper than any real install; stops hostile paths from making every lookup walk thousands of folders. */
const MAX_FOLDER_DEPTH = 64;
const NODE_MODULES = 'node_modules/';

/** Project folders hold the project's own code; everything under a `node_modules` is a package. */
export function isProjectFolder(path: string): boolean {
  return !path.startsWith(NODE_MODULES) && !path.includes(`/${NODE_MODULES}`);
}

/** `node_modules/a/node_modules/@s/b` → `@s/b`: the name a `require` looks up. */
export function folderNameOf(path: string): string {
  const at = path.lastIndexOf(NODE_MODULES);
  return at < 0 ? path : path.slice(at + NODE_MODULES.length);
}

/** The folder whose `node_modules` holds `path`; a project folder's parent is the root. */
function computeParentFolder(path: string): string | undefined {
  if (path === '') return undefined;
  const at = path.lastIndexOf(NODE_MODULES);
  if (at <= 0 || path.charAt(at - 1) !== '/') return '';
  return path.slice(0, at - 1);
}

/** Finds the folder a `require(name)` from a given folder loads, following symlinks. */
interface FolderResolver {
  resolve(from: string, name: string): string | undefined;
  /** Whether some lookup started deeper than MAX_FOLDER_DEPTH and was cut short. */
  readonly wasCutShort: () => boolean;
}

function createFolderResolver(byPath: ReadonlyMap<string, InstallEntry>): FolderResolver {
  const children = new Map<string, Map<string, string>>();
  // Memoised, so each walk up the tree reuses the same strings (and their cached hashes).
  const parents = new Map<string, string | undefined>();
  const parentFolder = (path: string): string | undefined => {
    if (parents.has(path)) return parents.get(path);
    const parent = computeParentFolder(path);
    parents.set(path, parent);
    return parent;
  };
  for (const path of byPath.keys()) {
    const folder = isProjectFolder(path) ? undefined : parentFolder(path);
    if (folder === undefined) continue;
    let names = children.get(folder);
    if (names === undefined) children.set(folder, (names = new Map()));
    names.set(folderNameOf(path), path);
  }
  const followLink = (path: string): string | undefined => {
    const target = byPath.get(path)?.linkTarget;
    if (target === undefined) return path;
    // A link to a workspace is the project itself; a link into node_modules is that package.
    return isProjectFolder(target) ? undefined : target;
  };
  let cutShort = false;
  return {
    resolve(from, name) {
      let folder: string | undefined = from;
      for (let depth = 0; folder !== undefined; depth++, folder = parentFolder(folder)) {
        if (depth > MAX_FOLDER_DEPTH) {
          cutShort = true;
          folder = '';
        }
        const found = children.get(folder)?.get(name);
        if (found !== undefined) return followLink(found);
      }
      return undefined;
    },
    wasCutShort: () => cutShort,
  };
}

/**
 * Turns install folders into packages: resolves each required name the way Node does (the
 * nearest `node_modules` up the path), follows links, and marks what project folders require as
 * direct. `directKnown` is false when the project's own dependency list could not be read.
 */
export function packagesOfInstallTree(entries: readonly InstallEntry[], problems: ProblemList, directKnown = true): LockedPackage[] {
  const byPath = new Map(entries.map((entry) => [entry.path, entry]));
  const resolver = createFolderResolver(byPath);
  const isPackage = (entry: InstallEntry | undefined): entry is InstallEntry & { readonly version: string } =>
    entry !== undefined && entry.version !== undefined && entry.linkTarget === undefined && !isProjectFolder(entry.path);

  const direct = new Set<string>();
  for (const entry of entries) {
    if (!isProjectFolder(entry.path)) continue;
    for (const name of entry.requires) {
      const found = resolver.resolve(entry.path, name);
      if (found !== undefined) direct.add(found);
    }
  }

  const packages: LockedPackage[] = [];
  for (const entry of entries) {
    if (!isPackage(entry)) continue;
    const dependsOn = new Set<string>();
    for (const name of entry.requires) {
      const found = resolver.resolve(entry.path, name);
      if (found !== undefined && found !== entry.path && isPackage(byPath.get(found))) dependsOn.add(found);
    }
    packages.push(
      toLockedPackage({
        key: entry.path,
        name: entry.name,
        version: entry.version,
        direct: directKnown ? direct.has(entry.path) : undefined,
        dev: entry.isDev,
        line: entry.line,
        dependsOn: [...dependsOn],
        licenses: entry.licenses,
      }),
    );
  }
  if (resolver.wasCutShort()) {
    problems.add('lockfile-nesting-too-deep', `node_modules nesting deeper than ${MAX_FOLDER_DEPTH} levels; dependencies there were looked up at the top level only`);
  }
  return packages;
}

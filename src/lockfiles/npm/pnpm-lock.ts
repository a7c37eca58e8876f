import { isRecord } from '../structured-text.js';
import type { LockedPackage, LockfileFormat, LockfileInput, ParsedLockfile } from '../types.js';
import { LockfileError } from '../types.js';
import { devScopeOf } from './dependency-scope.js';
import { toLockedPackage } from './locked-package.js';
import { keyLayoutOf, packageKeyOfSnapshot, type PnpmKeyLayout } from './pnpm-keys.js';
import { readPnpmDocument, type PnpmDocument } from './pnpm-yaml.js';
import { createProblemList, type ProblemList } from './problem-list.js';

/** The newest lockfile generation this parser knows; newer ones are read like it, with a notice. */
const NEWEST_KNOWN_MAJOR = 9;
const RUNTIME_LISTS = ['dependencies', 'optionalDependencies'] as const;

/** One package: the peer-dependency variants of a name@version are merged into it. */
interface PnpmPackage {
  readonly name: string;
  readonly version: string;
  readonly line: number | undefined;
  /** The `dev` flags (pnpm 5–8) of the lockfile entries merged into this package; empty when none says. */
  readonly devFlags: boolean[];
  readonly dependsOn: Set<string>;
}

/** pnpm `pnpm-lock.yaml`, lockfile versions 5.x, 6.x and 9.x. */
export const pnpmLock: LockfileFormat = {
  id: 'pnpm',
  packageManager: 'pnpm',
  ecosystem: 'npm',
  matches: (fileName) => fileName === 'pnpm-lock.yaml',
  parse: parsePnpmLock,
};

function parsePnpmLock(input: LockfileInput): ParsedLockfile {
  const document = readPnpmDocument(input.text);
  const root = document.data;
  const detected = keyLayoutOf(root['lockfileVersion']);
  if (detected === undefined) throw new LockfileError('not a pnpm lockfile: it has no lockfileVersion');
  const problems = createProblemList(input.path);
  if (detected.major > NEWEST_KNOWN_MAJOR) {
    problems.add('lockfile-version-unknown', `lockfileVersion ${String(root['lockfileVersion'])} is newer than this scanner knows; read as version ${NEWEST_KNOWN_MAJOR}`, undefined, 'info');
  }
  const { layout } = detected;
  const packages = new Map<string, PnpmPackage>();
  const keyOfRaw = new Map<string, string>();
  collectPackages(root, document, layout, packages, keyOfRaw, problems);
  const resolveReference = (name: string, reference: unknown): string | undefined => {
    const raw = typeof reference === 'string' || typeof reference === 'number' ? layout.keyOfReference(name, String(reference)) : undefined;
    if (raw === undefined) return undefined;
    const known = keyOfRaw.get(raw) ?? plainKey(layout, raw);
    return known !== undefined && packages.has(known) ? known : undefined;
  };
  addDependencyEdges(root, packages, keyOfRaw, resolveReference);
  return { packages: lockedPackagesOf(packages, projectRoots(root, resolveReference)), problems: problems.list() };
}

/** v9 keeps dependencies in `snapshots`; earlier versions keep them in `packages`. */
function addDependencyEdges(
  root: Readonly<Record<string, unknown>>,
  packages: ReadonlyMap<string, PnpmPackage>,
  keyOfRaw: ReadonlyMap<string, string>,
  resolveReference: (name: string, reference: unknown) => string | undefined,
): void {
  const withDependencies = isRecord(root['snapshots']) ? root['snapshots'] : root['packages'];
  for (const [raw, entry] of Object.entries(isRecord(withDependencies) ? withDependencies : {})) {
    const key = keyOfRaw.get(raw);
    const pnpmPackage = key === undefined ? undefined : packages.get(key);
    if (pnpmPackage === undefined || !isRecord(entry)) continue;
    for (const [name, reference] of dependencyReferences(entry, RUNTIME_LISTS)) {
      const target = resolveReference(name, reference);
      if (target !== undefined && target !== key) pnpmPackage.dependsOn.add(target);
    }
  }
}

/** pnpm 5–8 flag dev-only packages; pnpm 9 does not, so what leads to them decides. */
function lockedPackagesOf(packages: ReadonlyMap<string, PnpmPackage>, roots: { readonly prod: readonly string[]; readonly dev: readonly string[] }): LockedPackage[] {
  const devScope = devScopeOf(roots.prod, roots.dev, (key) => {
    const found = packages.get(key);
    return found === undefined ? undefined : [...found.dependsOn];
  });
  const direct = new Set([...roots.prod, ...roots.dev]);
  return [...packages].map(([key, found]) =>
    toLockedPackage({
      key,
      name: found.name,
      version: found.version,
      direct: direct.has(key),
      dev: found.devFlags.length > 0 ? found.devFlags.every((flag) => flag) : devScope(key),
      line: found.line,
      dependsOn: [...found.dependsOn],
    }),
  );
}

/** `name@version`, the key a package is reported under whatever peers its lockfile key carries. */
function plainKey(layout: PnpmKeyLayout, raw: string): string | undefined {
  const parsed = layout.nameAndVersionOfKey(raw);
  return parsed === undefined ? undefined : `${parsed.name}@${parsed.range}`;
}

function collectPackages(
  root: Readonly<Record<string, unknown>>,
  document: PnpmDocument,
  layout: PnpmKeyLayout,
  packages: Map<string, PnpmPackage>,
  keyOfRaw: Map<string, string>,
  problems: ProblemList,
): void {
  const declared = isRecord(root['packages']) ? root['packages'] : {};
  for (const [raw, entry] of Object.entries(declared)) {
    const details = isRecord(entry) ? entry : {};
    // Packages from git, tarballs or other registries carry their name and version as fields.
    const name = typeof details['name'] === 'string' ? details['name'] : layout.nameAndVersionOfKey(raw)?.name;
    const version = typeof details['version'] === 'string' ? details['version'] : layout.nameAndVersionOfKey(raw)?.range;
    const line = document.keyLines.packages.get(raw);
    if (name === undefined || version === undefined) {
      problems.add('lockfile-entry-without-version', `package "${raw}" has no name and version that can be read; skipped`, line, 'info');
      continue;
    }
    const key = `${name}@${version}`;
    keyOfRaw.set(raw, key);
    const found = packageFor(packages, key, name, version, line);
    if (typeof details['dev'] === 'boolean') found.devFlags.push(details['dev']);
  }
  const snapshots = isRecord(root['snapshots']) ? root['snapshots'] : {};
  for (const raw of Object.keys(snapshots)) {
    const key = keyOfRaw.get(packageKeyOfSnapshot(raw)) ?? plainKey(layout, raw);
    const parsed = layout.nameAndVersionOfKey(raw);
    if (key === undefined || parsed === undefined) continue;
    keyOfRaw.set(raw, key);
    packageFor(packages, key, parsed.name, parsed.range, document.keyLines.snapshots.get(raw));
  }
}

function packageFor(packages: Map<string, PnpmPackage>, key: string, name: string, version: string, line: number | undefined): PnpmPackage {
  let found = packages.get(key);
  if (found === undefined) packages.set(key, (found = { name, version, line, devFlags: [], dependsOn: new Set() }));
  return found;
}

/** `name: reference` pairs of the given lists; v6+ importers write `{ specifier, version }`. */
function dependencyReferences(entry: Readonly<Record<string, unknown>>, lists: readonly string[]): [string, unknown][] {
  const references: [string, unknown][] = [];
  for (const list of lists) {
    const dependencies = entry[list];
    if (!isRecord(dependencies)) continue;
    for (const [name, value] of Object.entries(dependencies)) references.push([name, isRecord(value) ? value['version'] : value]);
  }
  return references;
}

/** What the project's importers (each workspace, or the top level of a single project) declare. */
function projectRoots(
  root: Readonly<Record<string, unknown>>,
  resolveReference: (name: string, reference: unknown) => string | undefined,
): { readonly prod: readonly string[]; readonly dev: readonly string[] } {
  const importers = isRecord(root['importers']) ? Object.values(root['importers']) : [root];
  const prod: string[] = [];
  const dev: string[] = [];
  for (const importer of importers) {
    if (!isRecord(importer)) continue;
    for (const [name, reference] of dependencyReferences(importer, RUNTIME_LISTS)) {
      const key = resolveReference(name, reference);
      if (key !== undefined) prod.push(key);
    }
    for (const [name, reference] of dependencyReferences(importer, ['devDependencies'])) {
      const key = resolveReference(name, reference);
      if (key !== undefined) dev.push(key);
    }
  }
  return { prod, dev };
}

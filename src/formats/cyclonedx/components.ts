import type { Ecosystem, Inventory, Package, PackageRef } from '../../core/inventory.js';

/** GitLab's CycloneDX property taxonomy, schema version 1 (docs: development/sec/cyclonedx_property_taxonomy). */
export const GITLAB_PROPERTY = {
  schemaVersion: 'gitlab:meta:schema_version',
  inputFilePath: 'gitlab:dependency_scanning:input_file:path',
  packageManagerName: 'gitlab:dependency_scanning:package_manager:name',
  category: 'gitlab:dependency_scanning:category',
} as const;

/** Bulwark's own properties, for facts GitLab's taxonomy has no name for. */
export const BULWARK_PROPERTY = {
  location: 'bulwark:location',
  direct: 'bulwark:direct',
  dependencyPath: 'bulwark:dependency_path',
  unpinned: 'bulwark:unpinned',
} as const;

export interface NameProperty {
  readonly name: string;
  readonly value: string;
}

/** Every occurrence of one purl in the inventory, folded into one component's worth of facts. */
export interface MergedPackage {
  readonly purl: string;
  readonly ecosystem: Ecosystem;
  readonly name: string;
  readonly version: string;
  /** true when any occurrence is direct, false when some say transitive and none direct. */
  readonly direct?: boolean;
  /** Development-only: every occurrence says so (one runtime use makes it runtime). */
  readonly dev: boolean;
  readonly unpinned: boolean;
  readonly licenses: readonly string[];
  /** Declaring files, sorted, each with the lines it was declared on (sorted, may be empty). */
  readonly files: ReadonlyMap<string, readonly number[]>;
  readonly dependsOn: readonly string[];
  /** The shortest chain seen: direct dependency first, this package last. */
  readonly dependencyPath?: readonly PackageRef[];
}

/** Plain code-unit order: unlike localeCompare, the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * CycloneDX `group` and `name` for a package named the OSV way. Ecosystems whose names carry a
 * namespace split it off (npm `@scope/pkg`, Maven `groupId:artifactId`, Packagist `vendor/pkg`);
 * a Go module path is one name, as Go itself treats it.
 */
export function splitPackageName(ecosystem: Ecosystem, name: string): { group?: string; name: string } {
  let cut = -1;
  let skip = 1;
  if (ecosystem === 'npm' && name.startsWith('@')) cut = name.indexOf('/');
  else if (ecosystem === 'Maven') cut = name.indexOf(':');
  else if (ecosystem === 'Packagist') cut = name.indexOf('/');
  else skip = 0;
  if (cut <= 0 || cut + skip >= name.length) return { name };
  return { group: name.slice(0, cut), name: name.slice(cut + skip) };
}

/** `path` runs from the direct dependency to the parent; `via` alone still names the start. */
function dependencyPathOf(pkg: Package): readonly PackageRef[] | undefined {
  if (pkg.direct === true) return undefined;
  const ancestors = pkg.path !== undefined && pkg.path.length > 0 ? pkg.path : pkg.via === undefined ? [] : [pkg.via];
  return ancestors.length === 0 ? undefined : [...ancestors, { name: pkg.name, version: pkg.version }];
}

interface Accumulator {
  readonly first: Package;
  anyDirect: boolean;
  anyTransitive: boolean;
  allDev: boolean;
  unpinned: boolean;
  readonly licenses: Set<string>;
  readonly files: Map<string, Set<number>>;
  readonly dependsOn: Set<string>;
  dependencyPath: readonly PackageRef[] | undefined;
}

function start(pkg: Package): Accumulator {
  return {
    first: pkg,
    anyDirect: false,
    anyTransitive: false,
    allDev: true,
    unpinned: false,
    licenses: new Set(),
    files: new Map(),
    dependsOn: new Set(),
    dependencyPath: undefined,
  };
}

function addFile(acc: Accumulator, file: string, line?: number): void {
  let lines = acc.files.get(file);
  if (lines === undefined) {
    lines = new Set();
    acc.files.set(file, lines);
  }
  if (line !== undefined) lines.add(line);
}

function absorb(acc: Accumulator, pkg: Package): void {
  if (pkg.direct === true) acc.anyDirect = true;
  else if (pkg.direct === false) acc.anyTransitive = true;
  // Inventories mark development packages and leave runtime ones unmarked.
  if (pkg.dev !== true) acc.allDev = false;
  if (pkg.unpinned === true) acc.unpinned = true;
  for (const license of pkg.licenses ?? []) acc.licenses.add(license);
  for (const location of pkg.locations) addFile(acc, location.file, location.line);
  for (const purl of pkg.dependsOn) acc.dependsOn.add(purl);
  const path = dependencyPathOf(pkg);
  if (path !== undefined && (acc.dependencyPath === undefined || path.length < acc.dependencyPath.length)) acc.dependencyPath = path;
}

function finish(purl: string, acc: Accumulator): MergedPackage {
  const files = new Map(
    [...acc.files.entries()].sort(([a], [b]) => compareText(a, b)).map(([file, lines]) => [file, [...lines].sort((x, y) => x - y)] as const),
  );
  const direct = acc.anyDirect ? true : acc.anyTransitive ? false : undefined;
  return {
    purl,
    ecosystem: acc.first.ecosystem,
    name: acc.first.name,
    version: acc.first.version,
    ...(direct === undefined ? {} : { direct }),
    dev: acc.allDev,
    unpinned: acc.unpinned,
    licenses: [...acc.licenses],
    files,
    dependsOn: [...acc.dependsOn].filter((target) => target !== purl).sort(compareText),
    ...(acc.dependencyPath === undefined ? {} : { dependencyPath: acc.dependencyPath }),
  };
}

/**
 * One entry per distinct purl, sorted by purl. The same package found in several files (a
 * workspace and its members, a lockfile and installed metadata) becomes one component.
 */
export function mergePackages(inventory: Inventory): MergedPackage[] {
  const byPurl = new Map<string, Accumulator>();
  for (const pkg of inventory.packages) {
    // A bom-ref may not be empty; a package without a purl cannot be referenced.
    if (pkg.purl === '') continue;
    let acc = byPurl.get(pkg.purl);
    if (acc === undefined) {
      acc = start(pkg);
      byPurl.set(pkg.purl, acc);
    }
    absorb(acc, pkg);
  }
  for (const file of inventory.dependencyFiles) {
    for (const purl of file.packages) {
      const acc = byPurl.get(purl);
      if (acc !== undefined) addFile(acc, file.path);
    }
  }
  return [...byPurl.entries()].sort(([a], [b]) => compareText(a, b)).map(([purl, acc]) => finish(purl, acc));
}

function formatRef(ref: PackageRef): string {
  return ref.version === '' ? ref.name : `${ref.name}@${ref.version}`;
}

/**
 * A component's properties, in a fixed order: for each declaring file GitLab's input file and
 * package manager (as a pair, since GitLab keeps the last value of a repeated name), then the
 * category, then Bulwark's own facts.
 */
export function componentProperties(pkg: MergedPackage, packageManagers: ReadonlyMap<string, string>): NameProperty[] {
  const out: NameProperty[] = [];
  for (const file of pkg.files.keys()) {
    out.push({ name: GITLAB_PROPERTY.inputFilePath, value: file });
    const manager = packageManagers.get(file);
    if (manager !== undefined) out.push({ name: GITLAB_PROPERTY.packageManagerName, value: manager });
  }
  if (pkg.dev) out.push({ name: GITLAB_PROPERTY.category, value: 'development' });
  if (pkg.direct !== undefined) out.push({ name: BULWARK_PROPERTY.direct, value: String(pkg.direct) });
  for (const [file, lines] of pkg.files) {
    for (const line of lines) out.push({ name: BULWARK_PROPERTY.location, value: `${file}:${line}` });
  }
  if (pkg.dependencyPath !== undefined) {
    out.push({ name: BULWARK_PROPERTY.dependencyPath, value: pkg.dependencyPath.map(formatRef).join(' > ') });
  }
  if (pkg.unpinned) out.push({ name: BULWARK_PROPERTY.unpinned, value: 'true' });
  return out;
}

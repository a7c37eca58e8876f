import { posix } from 'node:path';
import type { Problem } from '../../core/result.js';
import type { LockedPackage, LockfileFormat, LockfileInput, ParsedLockfile } from '../types.js';
import { LockfileError } from '../types.js';
import type { DeclaredDependency, PomModel } from './pom-model.js';
import { readPomModel } from './pom-model.js';

/** How many `<parent>` POMs in the same repository are read for properties and managed versions. */
const MAX_PARENT_DEPTH = 5;
/** Expansion rounds per property (`${a}` → `${b}` → value) before giving up on a chain or cycle. */
const MAX_SUBSTITUTION_ROUNDS = 10;
const MAX_SUBSTITUTED_LENGTH = 1024;

interface ManagedVersion {
  readonly version?: string;
  readonly scope?: string;
}

interface ResolvedVersion {
  readonly version: string;
  readonly pinned: boolean;
  /** Why the version is not known, for a notice; absent for a deliberate range. */
  readonly unresolvedBecause?: string;
}

/** Maven's `pom.xml`: the dependencies it declares, with versions from properties and dependency management. */
export const mavenPomFormat: LockfileFormat = {
  id: 'java/maven-pom',
  packageManager: 'maven',
  ecosystem: 'Maven',
  matches: (fileName) => fileName === 'pom.xml',
  parse: parseMavenPom,
};

function parseMavenPom(input: LockfileInput): ParsedLockfile {
  const model = readPomModel(input.text, input.path);
  const problems: Problem[] = [];
  const lineage = [model, ...readParents(input, model, problems)];
  const properties = effectiveProperties(lineage);
  const managed = effectiveManagement(lineage, properties);
  const packages = new Map<string, LockedPackage>();
  model.dependencies.forEach((dependency, index) => {
    const line = model.dependencyLines[index];
    const locked = toPackage(input.path, dependency, line, properties, managed, problems);
    if (locked === undefined) return;
    const existing = packages.get(locked.key);
    // Declared twice (a classifier or test-jar of the same artifact): runtime if either is.
    packages.set(locked.key, existing === undefined ? locked : { ...existing, dev: existing.dev === true && locked.dev === true });
  });
  return { packages: [...packages.values()], problems };
}

function toPackage(
  path: string,
  dependency: DeclaredDependency,
  line: number | undefined,
  properties: ReadonlyMap<string, string>,
  managed: ReadonlyMap<string, ManagedVersion>,
  problems: Problem[],
): LockedPackage | undefined {
  const at = line === undefined ? {} : { line };
  const where = line === undefined ? path : `${path}:${line}`;
  const groupId = substitute(dependency.groupId ?? '', properties);
  const artifactId = substitute(dependency.artifactId ?? '', properties);
  if (groupId === '' || artifactId === '') {
    problems.push({ code: 'unreadable-dependency', message: `${where}: a <dependency> without groupId or artifactId; skipped`, file: path, ...at, level: 'warn' });
    return undefined;
  }
  const name = `${groupId}:${artifactId}`;
  const management = managed.get(name);
  const scope = substitute(dependency.scope ?? management?.scope ?? 'compile', properties);
  const resolved = resolveVersion(dependency.version ?? management?.version, properties);
  if (resolved.unresolvedBecause !== undefined) {
    problems.push({ code: 'unresolved-version', message: `${where}: version of ${name} unknown: ${resolved.unresolvedBecause}`, file: path, ...at, level: 'info' });
  }
  return {
    key: `${name}@${resolved.version}`,
    name,
    version: resolved.version,
    ecosystem: 'Maven',
    direct: true,
    dev: scope === 'test' || scope === 'provided',
    ...(resolved.pinned ? {} : { unpinned: true }),
    ...at,
    dependsOn: [],
  };
}

function resolveVersion(raw: string | undefined, properties: ReadonlyMap<string, string>): ResolvedVersion {
  if (raw === undefined) {
    return { version: '', pinned: false, unresolvedBecause: 'no version here or in a parent POM of this repository (an imported BOM or a remote parent may set it)' };
  }
  const version = substitute(raw, properties);
  const missing = /\$\{([^${}]*)\}/.exec(version)?.[1];
  if (missing !== undefined) return { version, pinned: false, unresolvedBecause: `property "${missing}" is not defined here or in a parent POM of this repository` };
  // `[1.2.3]` is Maven's hard requirement of exactly one version; any other bracket form is a range.
  const exact = /^\[([^,[\]()]+)\]$/.exec(version)?.[1];
  if (exact !== undefined) return { version: exact.trim(), pinned: true };
  if (/^[[(]/.test(version) || version.includes(',')) return { version, pinned: false };
  return { version, pinned: true };
}

/**
 * Expand every property once, up front: properties refer to properties (`${a}` → `${b}` → value), so
 * each gets a bounded number of rounds, and a cycle or a doubling chain stops at the bounds.
 */
function expandProperties(raw: ReadonlyMap<string, string>): Map<string, string> {
  const expanded = new Map<string, string>();
  for (const [name, value] of raw) {
    let current = value;
    for (let round = 0; round < MAX_SUBSTITUTION_ROUNDS && current.includes('${'); round++) {
      const next = replaceReferences(current, raw);
      if (next === current || next.length > MAX_SUBSTITUTED_LENGTH) break;
      current = next;
    }
    expanded.set(name, current);
  }
  return expanded;
}

/** One substitution pass with already expanded properties; unknown references stay as written. */
function substitute(value: string, properties: ReadonlyMap<string, string>): string {
  return value.includes('${') ? replaceReferences(value, properties) : value;
}

function replaceReferences(value: string, properties: ReadonlyMap<string, string>): string {
  return value.replace(/\$\{([^${}]*)\}/g, (whole, name: string) => properties.get(name.trim()) ?? whole);
}

/** Parent POMs found in the repository through `<parent><relativePath>` (default `../pom.xml`), nearest first. */
function readParents(input: LockfileInput, model: PomModel, problems: Problem[]): PomModel[] {
  const parents: PomModel[] = [];
  let child = model;
  let childPath = posix.basename(input.path);
  const visited = new Set([childPath]);
  while (parents.length < MAX_PARENT_DEPTH && child.parent !== undefined) {
    const declared = child.parent;
    const relative = declared.relativePath ?? '../pom.xml';
    if (relative === '') break; // An empty relativePath means: take the parent from a repository.
    const joined = posix.normalize(posix.join(posix.dirname(childPath), relative));
    const parentPath = joined.endsWith('.xml') ? joined : posix.join(joined, 'pom.xml');
    if (visited.has(parentPath)) break;
    visited.add(parentPath);
    const text = input.readSibling(parentPath);
    if (text === undefined) break;
    let parent: PomModel;
    try {
      parent = readPomModel(text, parentPath);
    } catch (error) {
      if (!(error instanceof LockfileError)) throw error;
      problems.push({ code: 'unreadable-parent', message: `${input.path}: parent POM ${parentPath} cannot be read (${error.message}); its properties are not used`, file: input.path, level: 'info' });
      break;
    }
    // A relativePath that lands on another project's POM is not the parent.
    if (parent.coordinates.artifactId !== declared.artifactId) break;
    parents.push(parent);
    child = parent;
    childPath = parentPath;
  }
  return parents;
}

/** Properties of the whole lineage (a child overrides its parents) plus Maven's `project.*` built-ins. */
function effectiveProperties(lineage: readonly PomModel[]): Map<string, string> {
  const properties = new Map<string, string>();
  for (const pom of [...lineage].reverse()) for (const [name, value] of pom.properties) properties.set(name, value);
  const [self] = lineage;
  if (self === undefined) return properties;
  const builtIns: Record<string, string | undefined> = {
    groupId: self.coordinates.groupId ?? self.parent?.groupId,
    artifactId: self.coordinates.artifactId,
    version: self.coordinates.version ?? self.parent?.version,
    'parent.groupId': self.parent?.groupId,
    'parent.artifactId': self.parent?.artifactId,
    'parent.version': self.parent?.version,
  };
  for (const [name, value] of Object.entries(builtIns)) {
    if (value === undefined || value.length > MAX_SUBSTITUTED_LENGTH) continue;
    properties.set(`project.${name}`, value);
    properties.set(`pom.${name}`, value); // Maven 2 spelling, still accepted.
  }
  return expandProperties(properties);
}

/** `<dependencyManagement>` of the lineage by `groupId:artifactId`; imported BOMs cannot be read offline. */
function effectiveManagement(lineage: readonly PomModel[], properties: ReadonlyMap<string, string>): Map<string, ManagedVersion> {
  const managed = new Map<string, ManagedVersion>();
  for (const pom of [...lineage].reverse()) {
    for (const entry of pom.managed) {
      if (entry.scope === 'import' || entry.groupId === undefined || entry.artifactId === undefined) continue;
      const key = `${substitute(entry.groupId, properties)}:${substitute(entry.artifactId, properties)}`;
      managed.set(key, { ...(entry.version === undefined ? {} : { version: entry.version }), ...(entry.scope === undefined ? {} : { scope: entry.scope }) });
    }
  }
  return managed;
}

import { parse as parseToml, TomlError } from 'smol-toml';
import type { Problem } from '../../core/result.js';
import type { LockedPackage, LockfileFormat, LockfileInput, ParsedLockfile } from '../types.js';
import { LockfileError } from '../types.js';

interface CrateEntry {
  readonly key: string;
  readonly name: string;
  readonly version: string;
  readonly source: string | undefined;
  readonly dependencies: readonly string[];
  readonly line: number | undefined;
}

/** Cargo's `Cargo.lock`, lock versions 1 to 4. Crates without a `source` are the project's own. */
export const cargoLockFormat: LockfileFormat = {
  id: 'rust/cargo-lock',
  packageManager: 'cargo',
  ecosystem: 'crates.io',
  matches: (fileName) => fileName === 'Cargo.lock',
  parse: parseCargoLock,
};

function parseCargoLock(input: LockfileInput): ParsedLockfile {
  const document = parseTomlDocument(input.text, input.path);
  const rawPackages = document['package'] ?? [];
  if (!Array.isArray(rawPackages)) throw new LockfileError(`${input.path} is not a Cargo.lock: "package" is not an array of [[package]] tables`);
  const problems: Problem[] = [];
  const crates = readCrates(input.path, rawPackages, findPackageNameLines(input.text), problems);
  return { packages: toPackages(crates), problems };
}

function readCrates(path: string, rawPackages: readonly unknown[], nameLines: readonly (number | undefined)[], problems: Problem[]): CrateEntry[] {
  const crates = new Map<string, CrateEntry>();
  rawPackages.forEach((raw, index) => {
    const line = nameLines[index];
    const name = isRecord(raw) && typeof raw['name'] === 'string' ? raw['name'] : undefined;
    const version = isRecord(raw) && typeof raw['version'] === 'string' ? raw['version'] : undefined;
    if (!isRecord(raw) || name === undefined || version === undefined) {
      problems.push({ code: 'unreadable-package', message: `${path}: [[package]] number ${index + 1} has no name or version; skipped`, file: path, ...(line === undefined ? {} : { line }), level: 'warn' });
      return;
    }
    const source = typeof raw['source'] === 'string' ? raw['source'] : undefined;
    // The same name and version from two sources (registry and git) is legal; keep both apart.
    const plainKey = `${name}@${version}`;
    const key = crates.has(plainKey) ? `${plainKey} (${source ?? 'local'})` : plainKey;
    if (crates.has(key)) return;
    const dependencies = Array.isArray(raw['dependencies']) ? raw['dependencies'].filter((d): d is string => typeof d === 'string') : [];
    crates.set(key, { key, name, version, source, dependencies, line });
  });
  return [...crates.values()];
}

/**
 * Cargo writes a dependency as `"name"` when one version is locked, `"name version"` when several
 * are, and adds `" (source)"` when that is still ambiguous (lock v1 always writes all three).
 */
function resolveDependency(entry: string, crates: readonly CrateEntry[]): string | undefined {
  const [name, version, ...rest] = entry.split(' ');
  const source = rest.length > 0 ? rest.join(' ').replace(/^\(|\)$/g, '') : undefined;
  const candidates = crates.filter((c) => c.name === name && (version === undefined || c.version === version));
  const exact = source === undefined ? undefined : candidates.find((c) => c.source === source);
  return (exact ?? candidates[0])?.key;
}

function toPackages(crates: readonly CrateEntry[]): LockedPackage[] {
  const byName = new Map<string, CrateEntry[]>();
  for (const crate of crates) byName.set(crate.name, [...(byName.get(crate.name) ?? []), crate]);
  const edgesOf = (crate: CrateEntry): string[] =>
    crate.dependencies.flatMap((entry) => {
      const key = resolveDependency(entry, byName.get(entry.split(' ', 1)[0] ?? '') ?? []);
      return key === undefined ? [] : [key];
    });
  const members = crates.filter((crate) => crate.source === undefined);
  const direct = new Set(members.flatMap(edgesOf));
  const hasProject = members.length > 0;
  return crates
    .filter((crate) => crate.source !== undefined)
    .map((crate) => ({
      key: crate.key,
      name: crate.name,
      version: crate.version,
      ecosystem: 'crates.io',
      ...(hasProject ? { direct: direct.has(crate.key) } : {}),
      ...(crate.line === undefined ? {} : { line: crate.line }),
      dependsOn: edgesOf(crate),
    }));
}

// TODO(lead): parseTomlDocument / findPackageNameLines repeat python/structured-text.ts (helpers own
// separate folders); fold them into one shared lockfiles module.
function parseTomlDocument(text: string, fileName: string): Record<string, unknown> {
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** For each `[[package]]` header in file order, the line of its `name = "…"` key. */
function findPackageNameLines(text: string): (number | undefined)[] {
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

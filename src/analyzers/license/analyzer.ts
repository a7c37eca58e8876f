import { posix } from 'node:path';
import type { Finding } from '../../core/finding.js';
import type { Identifier } from '../../core/identifier.js';
import type { Inventory, Package } from '../../core/inventory.js';
import type { AnalyzerResult } from '../../core/report.js';
import type { Problem } from '../../core/result.js';
import type { Severity } from '../../core/severity.js';
import { dependencyLocation } from '../dependency/findings.js';
import type { FileEntry, TreeAnalyzer, TreeInput } from '../types.js';
import { deniedLicenses } from './deny.js';
import { identifyLicenseText } from './identify.js';
import { isLicenseFileName } from './license-file-name.js';
import { METADATA_READERS, type PackageMetadata } from './metadata/index.js';
import { normalizeLicenseList } from './spdx.js';

export interface LicenseOptions {
  /** SPDX ids (already checked with validateDenyList) that a dependency must not be under. */
  readonly deny: readonly string[];
  readonly severity: Severity;
}

const ANALYZER_ID = 'license';
const VERSION = '1.0.0';
/** A license file is only worth reading at the project's root or at an installed package's root. */
const PACKAGE_ROOT = /(^|\/)node_modules\/(@[^/]+\/)?[^/]+$/;

function isWantedLicenseFile(path: string): boolean {
  if (!isLicenseFileName(posix.basename(path))) return false;
  const dir = posix.dirname(path);
  return dir === '.' || PACKAGE_ROOT.test(dir);
}

const keyOf = (ecosystem: string, name: string, version?: string): string => `${ecosystem}\0${name.toLowerCase()}\0${version ?? ''}`;

/** What installed-package metadata says, by (ecosystem, name, version) and by (ecosystem, name). */
class MetadataIndex {
  private readonly exact = new Map<string, PackageMetadata>();
  private readonly byName = new Map<string, PackageMetadata>();

  add(meta: PackageMetadata): void {
    if (meta.version !== undefined) this.exact.set(keyOf(meta.ecosystem, meta.name, meta.version), meta);
    // A version-less record (a gemspec with a computed version) can only be used by name.
    if (meta.version === undefined) this.byName.set(keyOf(meta.ecosystem, meta.name), meta);
  }

  find(pkg: Package): PackageMetadata | undefined {
    return this.exact.get(keyOf(pkg.ecosystem, pkg.name, pkg.version)) ?? this.byName.get(keyOf(pkg.ecosystem, pkg.name));
  }
}

function readMetadata(path: string, input: TreeInput, index: MetadataIndex, problems: Problem[]): void {
  const reader = METADATA_READERS.find((r) => r.matches(path));
  if (!reader) return;
  const text = input.readFile(path);
  if (text === undefined) return;
  const result = reader.read(path, text);
  if (!result.ok) {
    problems.push(result.error);
    return;
  }
  for (const meta of result.value) index.add(meta);
}

/**
 * An npm lockfile does not say where its packages' metadata is when `node_modules` was left out
 * of the walk (it usually is .gitignored); the top-level install folder beside the lockfile is
 * where npm, Yarn classic and pnpm's hoisted layout put most of them.
 */
function readInstalledNpm(pkg: Package, input: TreeInput, index: MetadataIndex, problems: Problem[], tried: Set<string>): void {
  for (const location of pkg.locations) {
    const dir = posix.dirname(location.file);
    const path = posix.normalize(posix.join(dir, 'node_modules', pkg.name, 'package.json'));
    if (tried.has(path)) continue;
    tried.add(path);
    readMetadata(path, input, index, problems);
  }
}

function identifyFile(path: string, input: TreeInput): string | undefined {
  const text = input.readFile(path);
  return text === undefined ? undefined : identifyLicenseText(text)?.license;
}

/** Licenses for one package: the lockfile's own, else installed metadata, else its license file. */
function licensesOf(pkg: Package, index: MetadataIndex, input: TreeInput, licenseInDir: (dir: string) => string | undefined): string[] {
  if (pkg.licenses && pkg.licenses.length > 0) return normalizeLicenseList(pkg.licenses);
  const meta = index.find(pkg);
  if (meta && meta.licenses.length > 0) return [...meta.licenses];
  for (const file of meta?.licenseFiles ?? []) {
    const id = identifyFile(file, input);
    if (id) return [id];
  }
  if (pkg.ecosystem === 'npm') {
    for (const location of pkg.locations) {
      const dir = posix.normalize(posix.join(posix.dirname(location.file), 'node_modules', pkg.name));
      const id = licenseInDir(dir);
      if (id) return [id];
    }
  }
  return [];
}

/** A package is denied only when every license it declares (they are alternatives) is denied. */
function deniedFor(licenses: readonly string[], deny: readonly string[]): string[] {
  if (licenses.length === 0 || deny.length === 0) return [];
  const perEntry = licenses.map((expression) => deniedLicenses(expression, deny));
  if (perEntry.some((ids) => ids.length === 0)) return [];
  return [...new Set(perEntry.flat())].sort();
}

function deniedFinding(pkg: Package, license: string, declared: readonly string[], severity: Severity): Finding {
  const identifier: Identifier = { type: 'license', name: license, value: license, url: `https://spdx.org/licenses/${encodeURIComponent(license)}.html` };
  const location = pkg.locations[0]!;
  return {
    ruleId: `license-denied-${license}`,
    reportType: 'dependency_scanning',
    title: `Denied license: ${license}`,
    description: `${pkg.name} ${pkg.version} is distributed under ${declared.join(' OR ')}, which cannot be used without ${license}, a license this project's policy denies.`,
    severity,
    confidence: 'high',
    identifiers: [identifier],
    location: dependencyLocation(pkg, location.file, location.line),
    remediation:
      pkg.direct === false && pkg.via
        ? `Replace ${pkg.via.name}, which brings in ${pkg.name}, with a package whose dependencies are under allowed licenses, or have this use approved and take ${license} off the deny list.`
        : `Replace ${pkg.name} with a package under an allowed license, or have this use approved and take ${license} off the deny list.`,
    links: [{ name: `SPDX: ${license}`, url: identifier.url! }],
    analyzer: ANALYZER_ID,
  };
}

export function createLicenseAnalyzer(options: LicenseOptions): TreeAnalyzer {
  return {
    id: ANALYZER_ID,
    version: VERSION,
    reportType: 'dependency_scanning',
    claims: (file: FileEntry) => isWantedLicenseFile(file.path) || METADATA_READERS.some((reader) => reader.matches(file.path)),
    primaryIdentifiers: (): Identifier[] =>
      options.deny.map((id) => ({ type: 'license', name: id, value: id })),
    async analyzeTree(input: TreeInput): Promise<AnalyzerResult> {
      const problems: Problem[] = [];
      const index = new MetadataIndex();
      // Package folder → its license file; identified only if the package's metadata names none.
      const licenseFiles = new Map<string, string>();
      const projectLicenses: { file: string; license: string }[] = [];
      for (const file of input.files) {
        if (isWantedLicenseFile(file.path)) {
          const dir = posix.dirname(file.path);
          // Package license files are only read when a package needs one (below); the project's now.
          if (dir === '.') {
            const license = identifyFile(file.path, input);
            if (license) projectLicenses.push({ file: file.path, license });
          } else if (!licenseFiles.has(dir)) {
            licenseFiles.set(dir, file.path);
          }
        } else {
          readMetadata(file.path, input, index, problems);
        }
      }
      const tried = new Set<string>();
      for (const pkg of input.inventory.packages) {
        if (pkg.ecosystem === 'npm' && !(pkg.licenses && pkg.licenses.length > 0) && !index.find(pkg)) readInstalledNpm(pkg, input, index, problems, tried);
      }
      const identified = new Map<string, string | undefined>();
      const licenseInDir = (dir: string): string | undefined => {
        const file = licenseFiles.get(dir);
        if (file === undefined) return undefined;
        if (!identified.has(dir)) identified.set(dir, identifyFile(file, input));
        return identified.get(dir);
      };

      const findings: Finding[] = [];
      const packages = input.inventory.packages.map((pkg): Package => {
        const licenses = licensesOf(pkg, index, input, licenseInDir);
        for (const license of deniedFor(licenses, options.deny)) findings.push(deniedFinding(pkg, license, licenses, options.severity));
        return licenses.length > 0 ? { ...pkg, licenses } : pkg;
      });
      const inventory: Inventory = { ...input.inventory, packages, projectLicenses: [...(input.inventory.projectLicenses ?? []), ...projectLicenses] };
      return { findings, inventory, problems, status: 'ok' };
    },
  };
}

import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import type { Finding } from '../../core/finding.js';
import type { Package } from '../../core/inventory.js';
import type { AnalyzerResult } from '../../core/report.js';
import type { Problem } from '../../core/result.js';
import type { PackageQuery } from '../../advisories/match.js';
import { isStale, openStore } from '../../advisories/store.js';
import { purlOf } from '../../lockfiles/purl.js';
import { matchInventory } from '../dependency/match-inventory.js';
import { normalizeLicenseList } from '../license/spdx.js';
import { openImage } from './image/open.js';
import { looksLikeImageReference, pullImage } from './image/registry.js';
import type { ImageTree } from './image/types.js';
import { languagePackages, wantsLanguageFile } from './language.js';
import { detectOs, selectDatabaseFiles, wantsPath, type OsInfo, type OsPackage, type OsPackageDatabase } from './os/index.js';

export const CONTAINER_ANALYZER_ID = 'container';

export interface ContainerOptions {
  readonly dbDir: string;
  readonly staleAfterDays: number;
  /** Cap on layer bytes read after decompression (a tar bomb stops here). */
  readonly maxImageBytes?: number;
  readonly signal?: AbortSignal;
}

export interface ImageAnalysis extends AnalyzerResult {
  /** The image as reports name it. */
  readonly image: string;
  readonly os?: OsInfo;
}

const MAX_KEPT_FILE = 256 * 1024 * 1024;
const DEFAULT_MAX_IMAGE_BYTES = 16 * 1024 * 1024 * 1024;

function isPath(target: string): boolean {
  try {
    statSync(target);
    return true;
  } catch {
    return false;
  }
}

/** Open a local image, or pull a registry reference into a temporary OCI layout first. */
async function open(target: string, options: ContainerOptions, cleanup: (() => void)[]): Promise<{ tree?: ImageTree; error?: string }> {
  const openOptions = {
    wanted: (path: string) => wantsPath(path) || wantsLanguageFile(path),
    maxFileBytes: MAX_KEPT_FILE,
    maxTotalBytes: options.maxImageBytes ?? DEFAULT_MAX_IMAGE_BYTES,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  if (!isPath(target) && looksLikeImageReference(target)) {
    const work = mkdtempSync(join(tmpdir(), 'bulwark-image-'));
    cleanup.push(() => rmSync(work, { recursive: true, force: true }));
    const pulled = await pullImage(target, join(work, 'layout'), options.signal ? { signal: options.signal } : {});
    if (!pulled.ok) return { error: pulled.error };
    const opened = await openImage(pulled.value.layoutDir, openOptions);
    return opened.ok ? { tree: opened.value } : { error: opened.error };
  }
  const opened = await openImage(target, openOptions);
  return opened.ok ? { tree: opened.value } : { error: opened.error };
}

function layerOf(tree: ImageTree, path: string): string | undefined {
  const index = tree.stat(path)?.layer;
  return index === undefined ? undefined : tree.layers[index]?.digest;
}

/**
 * The layer that introduced each package of a database: the first layer from which every later
 * version of the database file lists it (a package removed and added again counts from the re-add).
 */
async function introducingLayers(tree: ImageTree, path: string, database: OsPackageDatabase, final: readonly OsPackage[]): Promise<Map<OsPackage, number>> {
  const versions = tree.history?.(path) ?? [];
  const layers = new Map<OsPackage, number>();
  const fallback = tree.stat(path)?.layer;
  if (versions.length <= 1) {
    const only = versions[0]?.layer ?? fallback;
    if (only !== undefined) for (const pkg of final) layers.set(pkg, only);
    return layers;
  }
  const present: Set<string>[] = [];
  for (const version of versions.slice(0, -1)) {
    const list = await database.read(version.content, path);
    present.push(new Set(list.packages.map((p) => `${p.name}\0${p.version}`)));
  }
  for (const pkg of final) {
    const key = `${pkg.name}\0${pkg.version}`;
    let at = versions.length - 1;
    while (at > 0 && present[at - 1]!.has(key)) at--;
    layers.set(pkg, versions[at]!.layer);
  }
  return layers;
}

/** The OS packages of the image, as inventory packages, each with what to ask the store and its layer. */
async function osPackages(
  tree: ImageTree,
  os: OsInfo | undefined,
  problems: Problem[],
): Promise<{ packages: Package[]; queries: Map<Package, PackageQuery>; layers: Map<Package, number> }> {
  const packages: Package[] = [];
  const queries = new Map<Package, PackageQuery>();
  const layers = new Map<Package, number>();
  const paths = [...tree.files()].filter((file) => file.kind === 'file' || file.kind === 'hardlink').map((file) => file.path);
  for (const { path, database } of selectDatabaseFiles(paths)) {
    const bytes = tree.read(path);
    if (!bytes) {
      problems.push({ code: 'package-db-unreadable', level: 'warn', file: path, message: `${path}: the package database could not be read (too large or missing)` });
      continue;
    }
    const list = await database.read(bytes, path);
    problems.push(...list.problems);
    const ecosystem = os?.osvEcosystem ?? os?.id ?? database.id;
    const introduced = await introducingLayers(tree, path, database, list.packages);
    for (const found of list.packages) {
      const pkg = toPackage(found, ecosystem);
      packages.push(pkg);
      if (os?.osvEcosystem) queries.set(pkg, { ecosystem: os.osvEcosystem, name: found.sourceName, version: found.sourceVersion });
      const layer = introduced.get(found);
      if (layer !== undefined) layers.set(pkg, layer);
    }
  }
  return { packages, queries, layers };
}

function toPackage(found: OsPackage, ecosystem: string): Package {
  const licenses = found.license ? normalizeLicenseList([found.license]) : [];
  return {
    ecosystem,
    name: found.name,
    version: found.version,
    purl: purlOf(ecosystem, found.name, found.version),
    ...(licenses.length > 0 ? { licenses } : {}),
    locations: [{ file: found.file, ...(found.line !== undefined ? { line: found.line } : {}) }],
    dependsOn: [],
  };
}

/**
 * Scan a container image: find its OS and language packages, and match them against the
 * advisory store with each ecosystem's version rules. The image is never run or extracted.
 */
export async function analyzeImage(target: string, options: ContainerOptions): Promise<ImageAnalysis> {
  const cleanup: (() => void)[] = [];
  const problems: Problem[] = [];
  try {
    const opened = await open(target, options, cleanup);
    if (!opened.tree) {
      return { image: target, findings: [], problems: [{ code: 'image-unreadable', level: 'error', message: opened.error ?? `cannot read ${target}` }], status: 'failed' };
    }
    const tree = opened.tree;
    problems.push(...tree.problems);
    const os = detectOs((path) => tree.read(path));
    if (!os) problems.push({ code: 'os-unknown', level: 'warn', message: `${target}: no os-release or release file; operating-system packages were not checked` });
    else if (!os.osvEcosystem) problems.push({ code: 'os-not-covered', level: 'warn', message: `${target}: ${os.prettyName ?? `${os.id} ${os.versionId}`} has no OSV ecosystem Bulwark knows; its OS packages are listed but not matched` });

    const system = await osPackages(tree, os, problems);
    const language = await languagePackages(tree, problems);
    const packages = [...system.packages, ...language];
    const operatingSystem = os ? `${os.id} ${os.versionId}` : 'unknown';
    const inventory = {
      packages,
      dependencyFiles: [...new Set(packages.map((p) => p.locations[0]?.file).filter((f): f is string => f !== undefined))].map((path) => ({
        path,
        packageManager: path.includes('dpkg') ? 'dpkg' : path.includes('apk') ? 'apk' : path.includes('rpm') ? 'rpm' : posix.extname(path) === '.jar' ? 'maven' : 'image',
        packages: packages.filter((p) => p.locations[0]?.file === path).map((p) => p.purl),
      })),
      ...(os ? { os: { family: os.id, version: os.versionId } } : {}),
    };

    const opened_ = openStore(options.dbDir);
    if (!opened_.ok) {
      problems.push({ code: 'advisory-db-missing', level: 'warn', message: `${opened_.error}. The image's packages were listed in the SBOM but not checked for vulnerabilities.` });
      return { image: target, ...(os ? { os } : {}), findings: [], inventory, problems, status: 'partial' };
    }
    const store = opened_.value;
    try {
      if (isStale(store.manifest, new Date(), options.staleAfterDays)) {
        problems.push({ code: 'advisory-db-stale', level: 'warn', message: `the advisory database in ${options.dbDir} was built ${store.manifest.builtAt} and is older than ${options.staleAfterDays} days; run \`bulwark db update\` for current advisories` });
      }
      const findings: Finding[] = matchInventory(packages, store, problems, {
        placeOf: (pkg) => {
          const file = pkg.locations[0]?.file;
          const osLayer = system.layers.get(pkg);
          const layer = osLayer !== undefined ? tree.layers[osLayer]?.digest : file !== undefined ? layerOf(tree, file) : undefined;
          return { kind: 'image', image: target, operatingSystem, ...(layer !== undefined ? { layer } : {}), ...(file !== undefined ? { file } : {}) };
        },
        queryOf: (pkg) => system.queries.get(pkg) ?? { ecosystem: pkg.ecosystem, name: pkg.name, version: pkg.version },
      });
      return { image: target, ...(os ? { os } : {}), findings, inventory, problems, status: 'ok' };
    } finally {
      store.close();
    }
  } finally {
    for (const step of cleanup) step();
  }
}

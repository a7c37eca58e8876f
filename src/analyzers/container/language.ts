import type { Ecosystem, Package } from '../../core/inventory.js';
import type { Problem } from '../../core/result.js';
import { isProbablyGoBinary, readGoBuildInfo } from '../../lockfiles/go/buildinfo.js';
import { readJar } from '../../lockfiles/java/jar.js';
import { purlOf } from '../../lockfiles/purl.js';
import { METADATA_READERS } from '../license/metadata/index.js';
import type { ImageTree } from './image/types.js';

/** Java archives, by extension. */
const ARCHIVE = /\.(?:jar|war|ear)$/i;

/**
 * Where images keep the executables a user added (as opposed to the distribution's own, which
 * its package database covers): these are read to look for Go build information.
 */
const ADDED_EXECUTABLE = /^(?:usr\/local\/s?bin\/[^/]+|s?bin\/[^/]+|app\/.+|ko-app\/[^/]+|opt\/.+\/bin\/[^/]+|go\/bin\/[^/]+|[^/]+)$/;
const MAX_EXECUTABLE_BYTES = 256 * 1024 * 1024;

/** Whether the image reader should keep this file for language-package detection. */
export function wantsLanguageFile(path: string): boolean {
  if (METADATA_READERS.some((reader) => reader.matches(path))) return true;
  if (ARCHIVE.test(path)) return true;
  return ADDED_EXECUTABLE.test(path) && !path.slice(path.lastIndexOf('/') + 1).includes('.');
}

function pkg(ecosystem: Ecosystem, name: string, version: string, file: string, licenses: readonly string[] = []): Package {
  return {
    ecosystem,
    name,
    version,
    purl: purlOf(ecosystem, name, version),
    ...(licenses.length > 0 ? { licenses } : {}),
    locations: [{ file }],
    dependsOn: [],
  };
}

/** `go1.21.3` → `1.21.3`, the form OSV's `stdlib` entries use; development builds give nothing. */
function goRelease(goVersion: string): string | undefined {
  const m = /^go(\d+\.\d+(?:\.\d+)?)/.exec(goVersion);
  if (!m) return undefined;
  return m[1]!.split('.').length === 2 ? `${m[1]}.0` : m[1];
}

/**
 * Packages of language ecosystems installed in the image: npm, Python, Ruby and PHP metadata,
 * Java archives (nested ones too) and Go executables' build information.
 */
export async function languagePackages(tree: ImageTree, problems: Problem[]): Promise<Package[]> {
  const packages: Package[] = [];
  for (const file of tree.files()) {
    if ((file.kind !== 'file' && file.kind !== 'hardlink') || !wantsLanguageFile(file.path)) continue;
    const reader = METADATA_READERS.find((r) => r.matches(file.path));
    if (reader) {
      const bytes = tree.read(file.path);
      if (!bytes) continue;
      const result = reader.read(file.path, bytes.toString('utf8'));
      if (!result.ok) {
        problems.push(result.error);
        continue;
      }
      for (const meta of result.value) {
        if (meta.version !== undefined) packages.push(pkg(meta.ecosystem, meta.name, meta.version, file.path, meta.licenses));
      }
      continue;
    }
    if (ARCHIVE.test(file.path)) {
      const bytes = tree.read(file.path);
      if (!bytes) continue;
      const jar = await readJar(bytes, file.path);
      problems.push(...jar.problems);
      for (const found of jar.packages) {
        // A guess from a file name has no group, and OSV's Maven names always have one.
        if (found.groupId !== '') packages.push(pkg('Maven', found.name, found.version, file.path));
      }
      continue;
    }
    if (file.size > MAX_EXECUTABLE_BYTES) continue;
    const bytes = tree.read(file.path);
    if (!bytes || !isProbablyGoBinary(bytes.subarray(0, 64))) continue;
    const info = readGoBuildInfo(bytes, file.path);
    if (!info) continue;
    const release = goRelease(info.goVersion);
    if (release) packages.push(pkg('Go', 'stdlib', release, file.path));
    for (const module of info.modules) {
      const used = module.replacedBy ?? module;
      if (used.version === '' || used.version === '(devel)') continue;
      packages.push(pkg('Go', used.path, used.version, file.path));
    }
  }
  // One package per purl and file: a module linked into two binaries is two occurrences.
  const seen = new Set<string>();
  return packages.filter((p) => {
    const key = `${p.purl}\0${p.locations[0]?.file ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}


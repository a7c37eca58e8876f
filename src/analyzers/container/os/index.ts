import { readApkInstalled } from './apk.js';
import { readDpkgStatus } from './dpkg.js';
import { OS_RELEASE_PATHS } from './os-release.js';
import { readRpmDatabase } from './rpm.js';
import type { OsPackageList } from './types.js';

export type { OsInfo } from './os-release.js';
export { detectOs, OS_RELEASE_PATHS } from './os-release.js';
export type { OsPackage, OsPackageList } from './types.js';

/** One operating-system package database format and where images keep it. */
export interface OsPackageDatabase {
  readonly id: 'dpkg' | 'apk' | 'rpm';
  /**
   * Paths inside the image, without a leading slash. A final `*` stands for any one file name in
   * that folder.
   */
  readonly paths: readonly string[];
  /**
   * Base names of files in the same folder that, when present, are the database in use and make
   * this one a leftover (an rpm Berkeley DB left beside the SQLite database it was migrated to).
   */
  readonly supersededBy?: readonly string[];
  read(bytes: Buffer, path: string): Promise<OsPackageList>;
}

const RPM_FOLDERS = ['var/lib/rpm', 'usr/lib/sysimage/rpm'];

export const OS_PACKAGE_DATABASES: readonly OsPackageDatabase[] = [
  {
    id: 'dpkg',
    paths: ['var/lib/dpkg/status', 'var/lib/dpkg/status.d/*'],
    read: (bytes, path) => Promise.resolve(readDpkgStatus(bytes.toString('utf8'), path)),
  },
  {
    id: 'apk',
    paths: ['lib/apk/db/installed'],
    read: (bytes, path) => Promise.resolve(readApkInstalled(bytes.toString('utf8'), path)),
  },
  {
    id: 'rpm',
    paths: RPM_FOLDERS.flatMap((folder) => [`${folder}/rpmdb.sqlite`, `${folder}/Packages.db`]),
    read: readRpmDatabase,
  },
  {
    id: 'rpm',
    paths: RPM_FOLDERS.map((folder) => `${folder}/Packages`),
    supersededBy: ['rpmdb.sqlite', 'Packages.db'],
    read: readRpmDatabase,
  },
];

/** Files in `status.d/` that are not package stanzas: distroless writes checksums beside each one. */
const NON_STANZA_SUFFIXES = ['.md5sums', '.list', '.conffiles'];

function normalize(path: string): string {
  return path.replace(/^(?:\.\/|\/)+/, '');
}

function matchesPattern(pattern: string, path: string): boolean {
  if (!pattern.endsWith('/*')) return pattern === path;
  const folder = pattern.slice(0, -1);
  if (!path.startsWith(folder)) return false;
  const name = path.slice(folder.length);
  return name.length > 0 && !name.includes('/') && !name.startsWith('.') && !NON_STANZA_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

/** The database format that reads the file at `path`, if any. */
export function databaseFor(path: string): OsPackageDatabase | undefined {
  const normalized = normalize(path);
  return OS_PACKAGE_DATABASES.find((database) => database.paths.some((pattern) => matchesPattern(pattern, normalized)));
}

/** Whether an image reader should keep this file's content for OS detection or package listing. */
export function wantsPath(path: string): boolean {
  const normalized = normalize(path);
  return OS_RELEASE_PATHS.includes(normalized) || databaseFor(normalized) !== undefined;
}

/**
 * The database files to read among the image's paths, each with its format, leftovers dropped
 * (see `supersededBy`), in path order.
 */
export function selectDatabaseFiles(paths: Iterable<string>): readonly { readonly path: string; readonly database: OsPackageDatabase }[] {
  const present = new Set<string>();
  for (const path of paths) present.add(normalize(path));
  const selected: { path: string; database: OsPackageDatabase }[] = [];
  for (const path of [...present].sort()) {
    const database = databaseFor(path);
    if (!database) continue;
    const folder = path.slice(0, path.lastIndexOf('/') + 1);
    if (database.supersededBy?.some((name) => present.has(`${folder}${name}`))) continue;
    selected.push({ path, database });
  }
  return selected;
}

import type { Problem } from '../../../core/result.js';
import type { DatabaseValues } from './rpm-bdb.js';
import { isBerkeleyBtree, isBerkeleyHash, readBerkeleyHashValues } from './rpm-bdb.js';
import type { RpmHeaderFields } from './rpm-header.js';
import { parseRpmHeader, parseSourceRpm } from './rpm-header.js';
import { isNdb, readNdbValues } from './rpm-ndb.js';
import { isSqlite, readSqliteValues } from './rpm-sqlite.js';
import type { OsPackage, OsPackageList } from './types.js';

/**
 * rpm's database of installed packages in any of its three storage formats — SQLite
 * (`rpmdb.sqlite`), Berkeley DB hash (`Packages`) or ndb (`Packages.db`) — told apart by their
 * magic bytes rather than the file name. Each stores one header blob per package.
 */
export async function readRpmDatabase(bytes: Uint8Array, file: string): Promise<OsPackageList> {
  const stored = await readStoredHeaders(bytes);
  if (stored === undefined) {
    const what = bytes.length === 0 ? 'the file is empty' : isBerkeleyBtree(bytes) ? 'it is a Berkeley DB btree, not the hash rpm uses' : 'it is in no rpm database format known here';
    return { packages: [], problems: [problem('rpmdb-unsupported', file, `${file}: not read as an rpm database: ${what}; its packages are not listed`)] };
  }
  const packages: OsPackage[] = [];
  const problems: Problem[] = stored.errors.map((reason) =>
    problem('rpmdb-corrupt', file, `${file}: the rpm database is damaged (${reason}); packages in the damaged part are not listed`),
  );
  let badHeaders = 0;
  for (const blob of stored.values) {
    const header = parseRpmHeader(blob);
    if (!header.ok) {
      badHeaders++;
      if (badHeaders <= MAX_HEADER_PROBLEMS) problems.push(problem('rpmdb-header-corrupt', file, `${file}: a package header is damaged (${header.error}); that package is skipped`));
      continue;
    }
    // Imported signing keys are stored as pseudo-packages; they are not software.
    if (header.value.name === 'gpg-pubkey') continue;
    packages.push(packageOf(header.value, file));
  }
  if (badHeaders > MAX_HEADER_PROBLEMS) {
    problems.push(problem('rpmdb-header-corrupt', file, `${file}: ${badHeaders - MAX_HEADER_PROBLEMS} more damaged package headers skipped`));
  }
  return { packages, problems };
}

/** Enough to say a database is badly damaged without one notice per package. */
const MAX_HEADER_PROBLEMS = 20;

async function readStoredHeaders(bytes: Uint8Array): Promise<DatabaseValues | undefined> {
  if (isSqlite(bytes)) return readSqliteValues(bytes);
  if (isNdb(bytes)) return readNdbValues(bytes);
  if (isBerkeleyHash(bytes)) return readBerkeleyHashValues(bytes);
  return undefined;
}

function problem(code: string, file: string, message: string): Problem {
  return { code, message, file, level: 'warn' };
}

/**
 * Version as rpm prints it, `[epoch:]version-release`. The source package shares the binary's
 * epoch (both come from one spec file) but the source rpm's file name leaves it out, so it is
 * added back: distro advisories compare full epoch:version-release strings.
 */
function packageOf(header: RpmHeaderFields, file: string): OsPackage {
  const epochPrefix = header.epoch === undefined ? '' : `${header.epoch}:`;
  const version = `${epochPrefix}${header.version}-${header.release}`;
  const source = header.sourceRpm === undefined ? undefined : parseSourceRpm(header.sourceRpm);
  return {
    name: header.name,
    version,
    ...(header.arch !== undefined ? { arch: header.arch } : {}),
    sourceName: source?.name ?? header.name,
    sourceVersion: source ? `${epochPrefix}${source.versionRelease}` : version,
    ...(header.license !== undefined ? { license: header.license } : {}),
    file,
  };
}

/**
 * Which operating system an image holds, from os-release (the freedesktop.org format every current
 * distribution ships) or, for images too old or too stripped to have one, from the distribution's
 * own release file. Pure: the caller supplies a reader over the image's files.
 */
export interface OsInfo {
  /** os-release `ID`, lower case: debian, ubuntu, alpine, rhel, centos, rocky, almalinux, …; `distroless` for Google's distroless images. */
  readonly id: string;
  /** os-release `VERSION_ID` (`12`, `22.04`, `3.19.1`, `9.3`), or the release file's version. */
  readonly versionId: string;
  readonly name: string;
  readonly prettyName?: string;
  /** os-release `ID_LIKE`: the distributions this one derives from (`rhel centos fedora` for Rocky). */
  readonly idLike?: readonly string[];
  /** The OSV ecosystem of this release (`Debian:12`, `Ubuntu:22.04:LTS`, `Alpine:v3.19`), where OSV has one. */
  readonly osvEcosystem?: string;
}

/** Files detectOs may read, most authoritative first; an image reader keeps these. */
export const OS_RELEASE_PATHS: readonly string[] = [
  'etc/os-release',
  'usr/lib/os-release',
  'etc/alpine-release',
  'etc/debian_version',
  'etc/redhat-release',
  'etc/centos-release',
  'etc/system-release',
];

/** Release files are a few hundred bytes; only this much is looked at. */
const MAX_RELEASE_FILE_CHARS = 64 * 1024;

type ReadFile = (path: string) => Buffer | undefined;

/** Detect the operating system, or undefined when none of the release files says. */
export function detectOs(read: ReadFile): OsInfo | undefined {
  for (const path of ['etc/os-release', 'usr/lib/os-release']) {
    const text = readText(read, path);
    if (text === undefined) continue;
    const info = osFromOsRelease(parseOsRelease(text), read);
    if (info) return info;
  }
  return osFromAlpineRelease(read) ?? osFromRedHatRelease(read) ?? osFromDebianVersion(read);
}

function readText(read: ReadFile, path: string): string | undefined {
  const bytes = read(path);
  if (!bytes) return undefined;
  return bytes.subarray(0, MAX_RELEASE_FILE_CHARS).toString('utf8');
}

/**
 * os-release is `KEY=value` lines, values optionally in shell quotes with backslash escapes;
 * `#` starts a comment line. Later keys win, as when the file is sourced by a shell.
 */
export function parseOsRelease(text: string): ReadonlyMap<string, string> {
  const fields = new Map<string, string>();
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line.length === 0 || line.startsWith('#')) continue;
    const equals = line.indexOf('=');
    if (equals <= 0) continue;
    const key = line.slice(0, equals).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) continue;
    fields.set(key, unquote(line.slice(equals + 1).trim()));
  }
  return fields;
}

function unquote(value: string): string {
  const quote = value[0];
  if ((quote !== '"' && quote !== "'") || value.length < 2 || !value.endsWith(quote)) return value;
  const inner = value.slice(1, -1);
  // Single quotes take everything literally; double quotes allow \" \\ \$ \` escapes.
  return quote === "'" ? inner : inner.replace(/\\(["\\$`])/g, '$1');
}

function osFromOsRelease(fields: ReadonlyMap<string, string>, read: ReadFile): OsInfo | undefined {
  const prettyName = fields.get('PRETTY_NAME');
  const isDistroless = prettyName?.toLowerCase() === 'distroless';
  const rawId = fields.get('ID')?.toLowerCase();
  // Distroless images are Debian with os-release rewritten; older ones may lack an ID.
  const id = isDistroless ? 'distroless' : rawId;
  if (id === undefined || id.length === 0) return undefined;
  const versionId = fields.get('VERSION_ID') ?? versionFromOtherFiles(id, fields, read) ?? '';
  const declaredIdLike = splitWords(fields.get('ID_LIKE'));
  const idLike = isDistroless && !declaredIdLike.includes('debian') ? ['debian', ...declaredIdLike] : declaredIdLike;
  const info: OsInfo = {
    id,
    versionId,
    name: fields.get('NAME') ?? id,
    ...(prettyName !== undefined ? { prettyName } : {}),
    ...(idLike.length > 0 ? { idLike } : {}),
  };
  const osvEcosystem = osvEcosystemOf(info, fields);
  return osvEcosystem === undefined ? info : { ...info, osvEcosystem };
}

function splitWords(text: string | undefined): readonly string[] {
  return (text ?? '').toLowerCase().split(/\s+/).filter((word) => word.length > 0);
}

/** Debian testing and unstable have no VERSION_ID; their codename and debian_version still tell. */
function versionFromOtherFiles(id: string, fields: ReadonlyMap<string, string>, read: ReadFile): string | undefined {
  if (id !== 'debian' && id !== 'distroless') return undefined;
  const codenameRelease = DEBIAN_CODENAMES.get(fields.get('VERSION_CODENAME') ?? '');
  if (codenameRelease !== undefined) return codenameRelease;
  const fromVersion = /\b(\d+)\b/.exec(fields.get('VERSION') ?? '')?.[1];
  if (fromVersion !== undefined) return fromVersion;
  return readText(read, 'etc/debian_version')?.trim() || undefined;
}

/** Debian releases by codename (Debian's distro-info-data); only needed when VERSION_ID is absent. */
const DEBIAN_CODENAMES: ReadonlyMap<string, string> = new Map([
  ['stretch', '9'],
  ['buster', '10'],
  ['bullseye', '11'],
  ['bookworm', '12'],
  ['trixie', '13'],
  ['forky', '14'],
]);

function osFromAlpineRelease(read: ReadFile): OsInfo | undefined {
  const version = readText(read, 'etc/alpine-release')?.trim();
  if (!version) return undefined;
  return withEcosystem({ id: 'alpine', versionId: version, name: 'Alpine Linux' });
}

/** `etc/debian_version` holds `12.5`, or `trixie/sid` on testing. */
function osFromDebianVersion(read: ReadFile): OsInfo | undefined {
  const text = readText(read, 'etc/debian_version')?.trim();
  if (!text) return undefined;
  const codename = DEBIAN_CODENAMES.get(text.split('/')[0] ?? '');
  const versionId = /^\d/.test(text) ? text : (codename ?? text);
  return withEcosystem({ id: 'debian', versionId, name: 'Debian GNU/Linux' });
}

/** Red Hat family release files: `<Name> release <version> (<codename>)`. */
const RED_HAT_RELEASE_NAMES: readonly (readonly [prefix: string, id: string])[] = [
  ['red hat enterprise linux', 'rhel'],
  ['centos', 'centos'],
  ['rocky linux', 'rocky'],
  ['almalinux', 'almalinux'],
  ['fedora', 'fedora'],
  ['oracle linux', 'ol'],
  ['amazon linux', 'amzn'],
];

function osFromRedHatRelease(read: ReadFile): OsInfo | undefined {
  for (const path of ['etc/redhat-release', 'etc/centos-release', 'etc/system-release']) {
    const line = readText(read, path)?.split('\n')[0]?.trim();
    if (!line) continue;
    const match = /^(.+?)\s+release\s+(\S+)/i.exec(line);
    if (!match?.[1] || !match[2]) continue;
    const name = match[1];
    const id = RED_HAT_RELEASE_NAMES.find(([prefix]) => name.toLowerCase().startsWith(prefix))?.[1];
    if (id === undefined) continue;
    return withEcosystem({ id, versionId: match[2], name, prettyName: line });
  }
  return undefined;
}

function withEcosystem(info: OsInfo): OsInfo {
  const osvEcosystem = osvEcosystemOf(info, new Map());
  return osvEcosystem === undefined ? info : { ...info, osvEcosystem };
}

function majorOf(version: string): string | undefined {
  return /^(\d+)/.exec(version)?.[1];
}

function majorMinorOf(version: string): string | undefined {
  const match = /^(\d+)\.(\d+)/.exec(version);
  return match ? `${match[1]}.${match[2]}` : undefined;
}

/**
 * OSV's ecosystem names for distribution releases (ossf/osv-schema `ecosystems.json`): Debian by
 * major release, Ubuntu by `YY.MM` with a `:LTS` suffix for LTS releases, Alpine by `v<major.minor>`,
 * Rocky Linux and AlmaLinux by major release, Wolfi and Chainguard without a release, Mageia and
 * Photon OS by release. Others (RHEL, whose OSV name is a CPE product stream the package database
 * does not record; SUSE; Fedora; Amazon; Oracle) have none here.
 */
function osvEcosystemOf(info: OsInfo, fields: ReadonlyMap<string, string>): string | undefined {
  const { id, versionId } = info;
  switch (id) {
    case 'debian':
    case 'distroless': {
      const major = majorOf(versionId);
      return major === undefined ? undefined : `Debian:${major}`;
    }
    case 'ubuntu': {
      const release = majorMinorOf(versionId);
      if (release === undefined) return undefined;
      return isUbuntuLts(release, fields.get('VERSION')) ? `Ubuntu:${release}:LTS` : `Ubuntu:${release}`;
    }
    case 'alpine': {
      const release = majorMinorOf(versionId);
      return release === undefined ? undefined : `Alpine:v${release}`;
    }
    case 'rocky':
      return prefixMajor('Rocky Linux', versionId);
    case 'almalinux':
      return prefixMajor('AlmaLinux', versionId);
    case 'mageia':
      return prefixMajor('Mageia', versionId);
    case 'photon': {
      const release = majorMinorOf(versionId);
      return release === undefined ? undefined : `Photon OS:${release}`;
    }
    case 'wolfi':
      return 'Wolfi';
    case 'chainguard':
      return 'Chainguard';
    default:
      return undefined;
  }
}

function prefixMajor(ecosystem: string, versionId: string): string | undefined {
  const major = majorOf(versionId);
  return major === undefined ? undefined : `${ecosystem}:${major}`;
}

/**
 * Ubuntu's os-release VERSION says `22.04.3 LTS (Jammy Jellyfish)`. Without it, LTS releases are
 * the April releases of even years (6.06 was the one exception, long gone).
 */
function isUbuntuLts(release: string, version: string | undefined): boolean {
  if (version !== undefined) return /\bLTS\b/.test(version);
  const [year, month] = release.split('.').map(Number);
  return year !== undefined && month === 4 && year % 2 === 0;
}

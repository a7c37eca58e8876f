// Maven packages inside Java archives (.jar, .war, .ear), including the jars nested in fat jars
// and web archives. Only bytes in, packages and problems out: nothing is written to disk.
import yauzl from 'yauzl';
import type { Problem } from '../../core/result.js';
import { parseJarManifest, parseProperties } from './jar-metadata.js';

/** Where a package's coordinates came from: exact Maven metadata, or a guess. */
export type JarEvidence = 'pom-properties' | 'manifest' | 'file-name';

export interface JarPackage {
  /** Empty when nothing in the archive names the group (a guess from the file name). */
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
  /** OSV's Maven name, `groupId:artifactId`; the artifactId alone when the group is unknown. */
  readonly name: string;
  /** The archive it was found in; nested ones as `app.jar!/BOOT-INF/lib/x.jar`. */
  readonly file: string;
  /** `pom-properties` is what Maven wrote; `manifest` and `file-name` are lower-confidence guesses. */
  readonly source: JarEvidence;
}

export interface JarReading {
  readonly packages: readonly JarPackage[];
  readonly problems: readonly Problem[];
}

export interface JarLimits {
  /** Archives inside archives read, at most this many levels down. */
  readonly maxDepth: number;
  /** Bytes inflated from all entries of the archive and everything nested in it, together. */
  readonly maxInflatedBytes: number;
  /** A nested archive bigger than this (uncompressed) is skipped; it would be held in memory. */
  readonly maxNestedArchiveBytes: number;
  /** pom.properties and MANIFEST.MF are a few hundred bytes; anything bigger is not read. */
  readonly maxMetadataBytes: number;
  /** Problems kept per archive; the rest are summed up in one. */
  readonly maxProblems: number;
}

export const DEFAULT_JAR_LIMITS: JarLimits = {
  maxDepth: 3,
  maxInflatedBytes: 512 * 1024 * 1024,
  maxNestedArchiveBytes: 128 * 1024 * 1024,
  maxMetadataBytes: 1024 * 1024,
  maxProblems: 100,
};

const NESTED_ARCHIVE = /\.(?:jar|war|ear)$/i;

/** What one call shares across nesting levels. */
interface Reading {
  readonly limits: JarLimits;
  inflated: number;
  /** Set when the inflation budget is spent: every level stops. */
  stopped: boolean;
  readonly problems: Problem[];
  droppedProblems: number;
  /** The path the caller gave, for `Problem.file`. */
  readonly outerFile: string;
}

/**
 * The Maven packages in a Java archive: every `META-INF/maven/<g>/<a>/pom.properties`; failing
 * those, a guess from `META-INF/MANIFEST.MF`; failing that, from the file name
 * (`<artifactId>-<version>.jar`). Nested archives (`BOOT-INF/lib/*.jar`, `WEB-INF/lib/*.jar`, an
 * ear's modules) are read the same way. Never rejects: trouble comes back as problems.
 */
export async function readJar(bytes: Buffer, file: string, limits: JarLimits = DEFAULT_JAR_LIMITS): Promise<JarReading> {
  const reading: Reading = { limits, inflated: 0, stopped: false, problems: [], droppedProblems: 0, outerFile: file };
  const packages = await readArchive(bytes, file, 0, reading);
  if (reading.droppedProblems > 0) {
    reading.problems.push({
      code: 'jar-problems-truncated',
      message: `${printable(file)}: ${reading.droppedProblems} more problems in this archive were not listed`,
      file,
      level: 'info',
    });
  }
  return { packages: dedupe(packages), problems: reading.problems };
}

function report(reading: Reading, problem: Omit<Problem, 'file'>): void {
  if (reading.problems.length >= reading.limits.maxProblems) reading.droppedProblems++;
  else reading.problems.push({ ...problem, file: reading.outerFile });
}

/** What an archive's own entries say about it, gathered while its entries stream by. */
interface OwnMetadata {
  readonly poms: JarPackage[];
  manifest?: Buffer;
}

async function readArchive(bytes: Buffer, path: string, depth: number, reading: Reading): Promise<JarPackage[]> {
  let zip: yauzl.ZipFile;
  try {
    // decodeStrings off: one odd entry name must not make yauzl refuse the whole archive.
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true });
  } catch (error) {
    report(reading, { code: 'jar-unreadable', message: `${printable(path)}: not a readable zip archive (${describe(error)}); no packages read from it`, level: 'warn' });
    return [];
  }
  const own: OwnMetadata = { poms: [] };
  const nested: JarPackage[] = [];
  let tooDeep = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (reading.stopped) break;
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      if (name.endsWith('/')) continue;
      const coordinates = pomPropertiesPath(name);
      if (coordinates !== undefined) {
        const text = await readEntry(zip, entry, `${path}!/${name}`, reading.limits.maxMetadataBytes, reading);
        const pom = text === undefined ? undefined : packageFromPomProperties(text.toString('latin1'), coordinates, path, reading);
        if (pom !== undefined) own.poms.push(pom);
      } else if (name.toUpperCase() === 'META-INF/MANIFEST.MF') {
        const manifest = await readEntry(zip, entry, `${path}!/${name}`, reading.limits.maxMetadataBytes, reading);
        if (manifest !== undefined) own.manifest = manifest;
      } else if (NESTED_ARCHIVE.test(name)) {
        if (depth >= reading.limits.maxDepth) {
          tooDeep++;
          continue;
        }
        const inner = await readEntry(zip, entry, `${path}!/${name}`, reading.limits.maxNestedArchiveBytes, reading);
        // A loop, not push(...): a jar of many thousand nested jars must not overflow the call stack.
        if (inner !== undefined) for (const pkg of await readArchive(inner, `${path}!/${name}`, depth + 1, reading)) nested.push(pkg);
      }
    }
  } catch (error) {
    report(reading, { code: 'jar-unreadable', message: `${printable(path)}: the archive is damaged (${describe(error)}); the entries after that point were not read`, level: 'warn' });
  } finally {
    zip.close();
  }
  if (tooDeep > 0) {
    report(reading, {
      code: 'jar-nesting-too-deep',
      message: `${printable(path)}: archives nested more than ${reading.limits.maxDepth} levels deep are not read (${tooDeep} skipped here)`,
      level: 'info',
    });
  }
  return [...ownPackages(own, path), ...nested];
}

/**
 * An entry's bytes, counted against the budget; undefined (with a problem) when it cannot or may
 * not be read. yauzl stops an entry that inflates past its declared size, so checking the
 * declared size before inflating is enough to refuse a bomb; the count while reading is a backstop.
 */
async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, label: string, maxBytes: number, reading: Reading): Promise<Buffer | undefined> {
  const skip = (reason: string): undefined => {
    report(reading, { code: 'jar-entry-unreadable', message: `${printable(label)}: ${reason}; skipped`, level: 'warn' });
    return undefined;
  };
  if (entry.isEncrypted()) return skip('encrypted');
  if (!entry.canDecodeFileData()) return skip(`compression method ${entry.compressionMethod} is not supported`);
  // The budget first: an entry claiming gigabytes is a bomb, not merely one big file to skip.
  if (reading.inflated + entry.uncompressedSize > reading.limits.maxInflatedBytes) return stopAsBomb(label, reading);
  if (entry.uncompressedSize > maxBytes) return skip(`${formatBytes(entry.uncompressedSize)} uncompressed, more than the ${formatBytes(maxBytes)} allowed`);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      reading.inflated += chunk.length;
      size += chunk.length;
      if (reading.inflated > reading.limits.maxInflatedBytes) {
        stream.destroy();
        return stopAsBomb(label, reading);
      }
      if (size > maxBytes) {
        stream.destroy();
        return skip(`inflates past the ${formatBytes(maxBytes)} allowed`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    return skip(describe(error));
  }
  return Buffer.concat(chunks, size);
}

function stopAsBomb(label: string, reading: Reading): undefined {
  reading.stopped = true;
  report(reading, {
    code: 'archive-bomb',
    message: `${printable(label)}: reading it would inflate the archive past ${formatBytes(reading.limits.maxInflatedBytes)} (a zip bomb, or more data than allowed); reading stopped, packages found so far are kept`,
    level: 'warn',
  });
  return undefined;
}

// --- pom.properties -----------------------------------------------------------------------------

interface PomPath {
  readonly groupId: string;
  readonly artifactId: string;
}

/** `META-INF/maven/<groupId>/<artifactId>/pom.properties`, exactly. */
function pomPropertiesPath(name: string): PomPath | undefined {
  const parts = name.split('/');
  const [meta, maven, groupId, artifactId, file] = parts;
  if (parts.length !== 5 || meta !== 'META-INF' || maven !== 'maven' || file !== 'pom.properties') return undefined;
  if (groupId === undefined || groupId === '' || artifactId === undefined || artifactId === '') return undefined;
  return { groupId, artifactId };
}

function packageFromPomProperties(text: string, fromPath: PomPath, file: string, reading: Reading): JarPackage | undefined {
  const properties = parseProperties(text);
  const groupId = properties.get('groupId') || fromPath.groupId;
  const artifactId = properties.get('artifactId') || fromPath.artifactId;
  const version = properties.get('version') ?? '';
  if (version === '') {
    report(reading, {
      code: 'jar-metadata-incomplete',
      message: `${printable(file)}: META-INF/maven/${printable(fromPath.groupId)}/${printable(fromPath.artifactId)}/pom.properties has no version; the package is not listed`,
      level: 'info',
    });
    return undefined;
  }
  return makePackage(groupId, artifactId, version, file, 'pom-properties');
}

// --- MANIFEST.MF and the file name --------------------------------------------------------------

function ownPackages(own: OwnMetadata, path: string): JarPackage[] {
  if (own.poms.length > 0) return own.poms;
  const fileName = nameFromFileName(path);
  const fromManifest = own.manifest === undefined ? undefined : packageFromManifest(parseJarManifest(own.manifest.toString('utf8')), fileName, path);
  if (fromManifest !== undefined) return [fromManifest];
  return fileName === undefined ? [] : [makePackage('', fileName.artifactId, fileName.version, path, 'file-name')];
}

/**
 * A guess from the manifest: the version from Implementation-Version (or OSGi's Bundle-Version),
 * the artifact from the file name, an identifier-like Implementation-Title or the last part of
 * Bundle-SymbolicName, the group from Implementation-Vendor-Id or the rest of the symbolic name.
 */
function packageFromManifest(headers: ReadonlyMap<string, string>, fileName: FileNameGuess | undefined, path: string): JarPackage | undefined {
  const header = (name: string): string | undefined => headers.get(name)?.trim() || undefined;
  const version = header('implementation-version') ?? header('bundle-version');
  if (version === undefined) return undefined;
  const symbolicName = header('bundle-symbolicname')?.split(';')[0]?.trim() ?? '';
  const title = header('implementation-title');
  const lastDot = symbolicName.lastIndexOf('.');
  const artifactId = fileName?.artifactId ?? (title !== undefined && /^[\w.-]+$/.test(title) ? title : undefined) ?? (symbolicName.slice(lastDot + 1) || undefined);
  if (artifactId === undefined) return undefined;
  const groupFromSymbolicName = symbolicName.endsWith(`.${artifactId}`) ? symbolicName.slice(0, -artifactId.length - 1) : lastDot > 0 ? symbolicName.slice(0, lastDot) : '';
  return makePackage(header('implementation-vendor-id') ?? groupFromSymbolicName, artifactId, version, path, 'manifest');
}

interface FileNameGuess {
  readonly artifactId: string;
  readonly version: string;
}

/** `log4j-core-2.14.1.jar` → log4j-core 2.14.1: the version starts at the first part beginning with a digit. */
function nameFromFileName(path: string): FileNameGuess | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(NESTED_ARCHIVE, '');
  const parts = base.split('-');
  const versionStart = parts.findIndex((part, index) => index > 0 && /^\d/.test(part));
  if (versionStart < 1) return undefined;
  return { artifactId: parts.slice(0, versionStart).join('-'), version: parts.slice(versionStart).join('-') };
}

// --- Small helpers ------------------------------------------------------------------------------

function makePackage(groupId: string, artifactId: string, version: string, file: string, source: JarEvidence): JarPackage {
  return { groupId, artifactId, version, name: groupId === '' ? artifactId : `${groupId}:${artifactId}`, file, source };
}

function dedupe(packages: readonly JarPackage[]): JarPackage[] {
  const seen = new Set<string>();
  return packages.filter((pkg) => {
    const key = `${pkg.file}\n${pkg.name}\n${pkg.version}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describe(error: unknown): string {
  return printable(error instanceof Error ? error.message : String(error));
}

/** A name from an archive, safe to print: control characters replaced, length capped. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 300 ? `${clean.slice(0, 300)}…` : clean;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${bytes} bytes`;
}

import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { Advisory } from '../core/advisory.js';
import { err, ok, type Result } from '../core/result.js';
import { decodeDirectory, decodeHeader, findBlock, findPostings, HEADER_BYTES, type BlockRef } from './index-file.js';
import { INDEX_FILE, MANIFEST_FILE, RECORDS_FILE, validateManifest, type Manifest } from './manifest.js';
import { packageKey } from './names.js';
import { decodeRecordLine } from './records-file.js';

export { DEFAULT_STALE_AFTER_DAYS, isStale, storeAge, type Manifest, type ManifestSource } from './manifest.js';

/** An opened advisory store. Lookups read only the records of the package asked for. */
export interface AdvisoryStore {
  readonly dir: string;
  readonly manifest: Manifest;
  /**
   * Advisories filed under the package, withdrawn ones included (the matcher skips them). The
   * name is compared as the ecosystem's registry compares it (`names.ts`); an ecosystem without
   * a release (`Alpine`) finds the advisories of every release (`Alpine:v3.11`, …).
   */
  lookup(ecosystem: string, name: string): Advisory[];
  /** Records that could not be read back from a damaged store; lookups leave them out. */
  readonly damagedRecords: number;
  close(): void;
}

const REBUILD_HINT = 'run `bulwark db import FILE|DIR...` or `bulwark db update` to build one';

function readExactly(fd: number, length: number, position: number): Buffer | undefined {
  const buffer = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buffer, read, length - read, position + read);
    if (n === 0) return undefined;
    read += n;
  }
  return buffer;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

function readManifest(dir: string): Result<Manifest, string> {
  let text: string;
  try {
    text = readFileSync(join(dir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return err(`no advisory database in ${dir}; ${REBUILD_HINT}`);
    return err(`cannot read the advisory database in ${dir}: ${code}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return err(`the advisory database in ${dir} is damaged (${MANIFEST_FILE} is not JSON); ${REBUILD_HINT} again`);
  }
  const manifest = validateManifest(value);
  return manifest.ok ? manifest : err(`the advisory database in ${dir} cannot be used: ${manifest.error}; ${REBUILD_HINT} again`);
}

function readDirectory(fd: number, dir: string): Result<BlockRef[], string> {
  const damaged = (why: string): Result<BlockRef[], string> => err(`the advisory database in ${dir} is damaged (${why}); ${REBUILD_HINT} again`);
  const size = fstatSync(fd).size;
  const header = readExactly(fd, HEADER_BYTES, 0);
  if (header === undefined) return damaged(`${INDEX_FILE} is truncated`);
  const counts = decodeHeader(header);
  if (typeof counts === 'string') return damaged(counts);
  if (HEADER_BYTES + counts.directoryBytes > size) return damaged(`${INDEX_FILE} is truncated`);
  const bytes = readExactly(fd, counts.directoryBytes, HEADER_BYTES);
  if (bytes === undefined) return damaged(`${INDEX_FILE} is truncated`);
  try {
    const directory = decodeDirectory(bytes, counts.blocks);
    if (directory.some((ref) => ref.offset + ref.length > size)) return damaged(`${INDEX_FILE} is truncated`);
    return ok(directory);
  } catch {
    return damaged(`${INDEX_FILE} has a broken directory`);
  }
}

/**
 * Open the store in `dir`: reads the manifest and the index directory, nothing else. A missing or
 * unusable store is an error value that says how to build one.
 */
export function openStore(dir: string): Result<AdvisoryStore, string> {
  const manifest = readManifest(dir);
  if (!manifest.ok) return manifest;
  let indexFd: number | undefined;
  let recordsFd: number | undefined;
  try {
    indexFd = openSync(join(dir, INDEX_FILE), 'r');
    recordsFd = openSync(join(dir, RECORDS_FILE), 'r');
    const directory = readDirectory(indexFd, dir);
    if (!directory.ok) {
      closeSync(indexFd);
      closeSync(recordsFd);
      return directory;
    }
    return ok(createStore(dir, manifest.value, indexFd, recordsFd, directory.value));
  } catch (error) {
    if (indexFd !== undefined) closeSync(indexFd);
    if (recordsFd !== undefined) closeSync(recordsFd);
    return err(`cannot read the advisory database in ${dir}: ${errorCode(error)}; ${REBUILD_HINT} again`);
  }
}

function createStore(dir: string, manifest: Manifest, indexFd: number, recordsFd: number, directory: readonly BlockRef[]): AdvisoryStore {
  let open = true;
  let damagedRecords = 0;

  function postingsOf(key: string): { offset: number; length: number }[] {
    const wanted = Buffer.from(key, 'utf8');
    const ref = findBlock(directory, wanted);
    if (ref === undefined) return [];
    try {
      const block = readExactly(indexFd, ref.length, ref.offset);
      if (block === undefined) throw new RangeError('index block is truncated');
      return findPostings(block, wanted);
    } catch {
      // A damaged block loses the packages it holds, not the scan.
      damagedRecords++;
      return [];
    }
  }

  function readRecord(offset: number, length: number): Advisory | undefined {
    let decoded: ReturnType<typeof decodeRecordLine>;
    try {
      const bytes = readExactly(recordsFd, length, offset);
      decoded = bytes === undefined ? undefined : decodeRecordLine(bytes.toString('utf8'));
    } catch {
      // An I/O error on one record counts as a damaged record.
      decoded = undefined;
    }
    if (decoded === undefined) damagedRecords++;
    return decoded?.advisory;
  }

  return {
    dir,
    manifest,
    get damagedRecords() {
      return damagedRecords;
    },
    lookup(ecosystem, name) {
      if (!open) throw new Error('lookup on a closed advisory store');
      return postingsOf(packageKey(ecosystem, name))
        .map((posting) => readRecord(posting.offset, posting.length))
        .filter((advisory): advisory is Advisory => advisory !== undefined);
    },
    close() {
      if (!open) return;
      open = false;
      closeSync(indexFd);
      closeSync(recordsFd);
    },
  };
}

import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Advisory } from '../core/advisory.js';
import { describeError } from '../util/describe.js';
import { AppendFile, writeBytes } from './append-file.js';
import { ImportError } from './budget.js';
import { encodeIndex, type Posting } from './index-file.js';
import { splitLines } from './lines.js';
import { INDEX_FILE, MANIFEST_FILE, RECORDS_FILE, STORE_FORMAT_VERSION, validateManifest, type Manifest, type ManifestSource } from './manifest.js';
import { indexKeys } from './names.js';
import { decodeRecordLine, encodeRecordLine } from './records-file.js';
import { removeLeftovers, takeLock } from './store-lock.js';

/** What adding one record did: a new id, a newer (or equally new) copy, or an older copy that lost. */
export type AddOutcome = 'new' | 'replaced' | 'kept-existing';

/** Builds a new store beside the old one and swaps it in; the old store is untouched until then. */
export interface StoreBuilder {
  add(advisory: Advisory, source: string): AddOutcome;
  /** Write the store and put it in place of the old one; returns its manifest. */
  finish(imported: readonly { name: string; importedAt: string }[], warnings: readonly string[], builtAt: string): Promise<Manifest>;
  /** Throw the half-built store away (the old one stays). */
  abort(): Promise<void>;
}

interface Staged {
  readonly id: string;
  readonly modified: number;
  readonly offset: number;
  readonly length: number;
  readonly source: string;
  readonly withdrawn: boolean;
  readonly keys: readonly string[];
  readonly ecosystems: readonly string[];
}

/** `modified` as a number to compare; a missing or unreadable date loses to any real one. */
function modifiedTime(advisory: Advisory): number {
  const time = Date.parse(advisory.modified);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Refuse to build over a folder that is not an advisory store: the swap would delete it. */
async function checkTarget(dbDir: string): Promise<void> {
  let entries: string[];
  try {
    const info = await stat(dbDir);
    if (!info.isDirectory()) throw new ImportError(`${dbDir} exists and is not a folder; choose another --db`);
    entries = await readdir(dbDir);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new ImportError(`cannot use ${dbDir}: ${describeError(error)}`);
  }
  if (entries.length > 0 && !entries.includes(MANIFEST_FILE)) {
    throw new ImportError(`${dbDir} is not empty and holds no advisory database; choose another --db (Bulwark replaces the whole folder)`);
  }
}

/** Start a build; the previous store's records are loaded first, so the import merges into them. */
export async function createStoreBuilder(dbDir: string, onOldStoreWarning: (message: string) => void): Promise<StoreBuilder> {
  await checkTarget(dbDir);
  const parent = dirname(dbDir);
  const base = basename(dbDir);
  try {
    await mkdir(parent, { recursive: true });
  } catch (error) {
    throw new ImportError(`cannot create ${parent}: ${describeError(error)}`);
  }
  const lockPath = join(parent, `.${base}.lock`);
  await takeLock(lockPath, dbDir);
  let temp: string;
  try {
    await removeLeftovers(parent, base);
    temp = await mkdtemp(join(parent, `.${base}.import-`));
  } catch (error) {
    await rm(lockPath, { force: true });
    throw new ImportError(`cannot create a temporary folder in ${parent}: ${describeError(error)}`);
  }

  const staging = new AppendFile(join(temp, 'staging.jsonl'));
  const staged = new Map<string, Staged>();
  const oldSources: ManifestSource[] = [];
  let closed = false;

  function add(advisory: Advisory, source: string): AddOutcome {
    const existing = staged.get(advisory.id);
    const modified = modifiedTime(advisory);
    if (existing !== undefined && existing.modified > modified) return 'kept-existing';
    const { offset, length } = staging.append(JSON.stringify(advisory));
    staged.set(advisory.id, {
      id: advisory.id,
      modified,
      offset,
      length,
      source,
      withdrawn: advisory.withdrawn !== undefined,
      keys: [...new Set(advisory.affected.flatMap((entry) => indexKeys(entry.ecosystem, entry.name)))],
      ecosystems: [...new Set(advisory.affected.map((entry) => entry.ecosystem))],
    });
    return existing === undefined ? 'new' : 'replaced';
  }

  async function cleanUp(): Promise<void> {
    if (!closed) {
      closed = true;
      staging.close(false);
    }
    await rm(temp, { recursive: true, force: true });
    await rm(lockPath, { force: true });
  }

  try {
    await loadOldStore(dbDir, oldSources, add, onOldStoreWarning);
  } catch (error) {
    await cleanUp();
    throw error instanceof ImportError ? error : new ImportError(`cannot read the advisory database in ${dbDir}: ${describeError(error)}`);
  }

  return {
    add,
    async abort() {
      await cleanUp();
    },
    async finish(imported, warnings, builtAt) {
      try {
        const manifest = writeStore(temp, staging, [...staged.values()], mergeSources(oldSources, imported), warnings, builtAt);
        closed = true;
        staging.close(false);
        await rm(join(temp, 'staging.jsonl'), { force: true });
        await writeFile(join(temp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
        // mkdtemp makes the folder private; a store is meant to be shared like any cache folder.
        await chmod(temp, 0o755);
        await swapInto(temp, dbDir, parent, base);
        await rm(lockPath, { force: true });
        return manifest;
      } catch (error) {
        await cleanUp();
        throw error instanceof ImportError ? error : new ImportError(`cannot write the advisory database in ${dbDir}: ${describeError(error)}`);
      }
    },
  };
}

async function loadOldStore(
  dbDir: string,
  sources: ManifestSource[],
  add: (advisory: Advisory, source: string) => AddOutcome,
  warn: (message: string) => void,
): Promise<void> {
  const manifestPath = join(dbDir, MANIFEST_FILE);
  if (!(await exists(manifestPath))) return;
  let manifest;
  try {
    manifest = validateManifest(JSON.parse(await readFile(manifestPath, 'utf8')) as unknown);
  } catch (error) {
    manifest = { ok: false as const, error: describeError(error) };
  }
  if (!manifest.ok) {
    warn(`the previous advisory database in ${dbDir} could not be read (${manifest.error}); it is replaced by this import alone`);
    return;
  }
  sources.push(...manifest.value.sources);
  let damaged = 0;
  for await (const line of splitLines(createReadStream(join(dbDir, RECORDS_FILE)) as AsyncIterable<Buffer>, Number.MAX_SAFE_INTEGER)) {
    const decoded = 'text' in line && line.text !== '' ? decodeRecordLine(line.text) : undefined;
    const source = decoded === undefined ? undefined : sources[decoded.source];
    if (decoded === undefined || source === undefined) damaged++;
    else add(decoded.advisory, source.name);
  }
  if (damaged > 0) warn(`${damaged} damaged record(s) in the previous advisory database were dropped`);
}

/** Old sources keep their place; a re-imported source gets its new date; new ones go last. */
function mergeSources(old: readonly ManifestSource[], imported: readonly { name: string; importedAt: string }[]): ManifestSource[] {
  const merged = old.map((source) => ({ ...source }));
  for (const { name, importedAt } of imported) {
    const existing = merged.find((source) => source.name === name);
    if (existing) existing.importedAt = importedAt;
    else merged.push({ name, importedAt, records: 0, withdrawn: 0 });
  }
  return merged;
}

function writeStore(
  temp: string,
  staging: AppendFile,
  records: Staged[],
  sources: ManifestSource[],
  warnings: readonly string[],
  builtAt: string,
): Manifest {
  const sourceIndex = new Map(sources.map((source, index) => [source.name, index]));
  for (const source of sources) {
    source.records = 0;
    source.withdrawn = 0;
  }
  const ecosystems = new Map<string, number>();
  const postings = new Map<string, Posting[]>();
  const out = new AppendFile(join(temp, RECORDS_FILE));
  let withdrawn = 0;
  // Sorted by id so the same records always give the same files.
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const record of records) {
    const index = sourceIndex.get(record.source) ?? 0;
    const source = sources[index];
    const json = staging.read(record.offset, record.length).toString('utf8');
    const { offset, length } = out.append(encodeRecordLine(index, json));
    for (const key of record.keys) {
      const list = postings.get(key);
      if (list) list.push({ offset, length });
      else postings.set(key, [{ offset, length }]);
    }
    for (const ecosystem of record.ecosystems) ecosystems.set(ecosystem, (ecosystems.get(ecosystem) ?? 0) + 1);
    if (source) {
      source.records++;
      if (record.withdrawn) source.withdrawn++;
    }
    if (record.withdrawn) withdrawn++;
  }
  out.close(true);
  writeBytes(join(temp, INDEX_FILE), encodeIndex(postings));
  return {
    formatVersion: STORE_FORMAT_VERSION,
    builtAt,
    records: records.length,
    withdrawn,
    sources,
    ecosystems: Object.fromEntries([...ecosystems].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    warnings: [...warnings],
  };
}

/** Put the new store in place: old folder aside, new folder in, old folder removed. */
async function swapInto(temp: string, dbDir: string, parent: string, base: string): Promise<void> {
  const hadOld = await exists(dbDir);
  const aside = join(parent, `.${base}.old-${randomBytes(6).toString('hex')}`);
  if (hadOld) await rename(dbDir, aside);
  try {
    await rename(temp, dbDir);
  } catch (error) {
    if (hadOld) await rename(aside, dbDir);
    throw error;
  }
  if (hadOld) await rm(aside, { recursive: true, force: true });
}

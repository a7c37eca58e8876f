import { createReadStream, type Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { describeError, formatLimit } from '../util/describe.js';
import { splitLines } from './lines.js';
import { checkSignal, ImportError, spend, type Budget } from './budget.js';
import { readZipEntries } from './zip-input.js';

/** A parsed JSON value (not yet checked as OSV), or a piece of input that is not one. */
export type InputItem =
  | { readonly kind: 'record'; readonly value: unknown; readonly file: string; readonly where: string }
  | { readonly kind: 'malformed'; readonly file: string; readonly where: string; readonly reason: string };

type InputKind = 'json' | 'json.gz' | 'jsonl' | 'jsonl.gz' | 'zip';

/** The kind of input a file name says it is, or undefined for anything else. */
export function inputKind(path: string): InputKind | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.jsonl.gz')) return 'jsonl.gz';
  if (lower.endsWith('.json.gz')) return 'json.gz';
  if (lower.endsWith('.jsonl')) return 'jsonl';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.zip')) return 'zip';
  return undefined;
}

async function* metered(chunks: AsyncIterable<Buffer>, budget: Budget, file: string): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    checkSignal(budget);
    spend(budget, chunk.length, file);
    yield chunk;
  }
}

function openBytes(path: string, gzipped: boolean): Readable {
  const file = createReadStream(path);
  if (!gzipped) return file;
  // The error reaches the consumer through the returned stream; the callback has nothing to add.
  return pipeline(file, createGunzip(), (error) => error);
}

function parseJson(text: string): { value: unknown } | { reason: string } {
  try {
    return { value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown };
  } catch {
    return { reason: 'not valid JSON' };
  }
}

async function* readJsonLines(path: string, gzipped: boolean, budget: Budget): AsyncGenerator<InputItem> {
  const maxLine = budget.limits.maxRecordBytes;
  for await (const line of splitLines(metered(openBytes(path, gzipped), budget, path), maxLine)) {
    const where = `line ${line.number}`;
    if ('tooLong' in line) {
      yield { kind: 'malformed', file: path, where, reason: `longer than ${formatLimit(maxLine)}` };
      continue;
    }
    if (line.text.trim() === '') continue;
    const parsed = parseJson(line.text);
    yield 'value' in parsed ? { kind: 'record', value: parsed.value, file: path, where } : { kind: 'malformed', file: path, where, ...parsed };
  }
}

async function* readJsonFile(path: string, gzipped: boolean, budget: Budget): AsyncGenerator<InputItem> {
  const limit = budget.limits.maxJsonFileBytes;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of metered(openBytes(path, gzipped), budget, path)) {
    size += chunk.length;
    if (size > limit) {
      yield { kind: 'malformed', file: path, where: '', reason: `larger than ${formatLimit(limit)}; split it into JSON lines` };
      return;
    }
    chunks.push(chunk);
  }
  const parsed = parseJson(Buffer.concat(chunks, size).toString('utf8'));
  if (!('value' in parsed)) {
    yield { kind: 'malformed', file: path, where: '', reason: parsed.reason };
  } else if (Array.isArray(parsed.value)) {
    for (const [index, value] of parsed.value.entries()) yield { kind: 'record', value: value as unknown, file: path, where: `item ${index}` };
  } else if (size > budget.limits.maxRecordBytes) {
    yield { kind: 'malformed', file: path, where: '', reason: `a record larger than ${formatLimit(budget.limits.maxRecordBytes)}` };
  } else {
    yield { kind: 'record', value: parsed.value, file: path, where: '' };
  }
}

async function* readZip(path: string, budget: Budget): AsyncGenerator<InputItem> {
  for await (const entry of readZipEntries(path, budget)) {
    const where = `entry ${entry.name}`;
    if ('reason' in entry) {
      yield { kind: 'malformed', file: path, where, reason: entry.reason };
      continue;
    }
    const parsed = parseJson(entry.bytes.toString('utf8'));
    yield 'value' in parsed ? { kind: 'record', value: parsed.value, file: path, where } : { kind: 'malformed', file: path, where, ...parsed };
  }
}

async function* readFile(path: string, kind: InputKind, budget: Budget): AsyncGenerator<InputItem> {
  try {
    if (kind === 'zip') yield* readZip(path, budget);
    else if (kind === 'json' || kind === 'json.gz') yield* readJsonFile(path, kind === 'json.gz', budget);
    else yield* readJsonLines(path, kind === 'jsonl.gz', budget);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`cannot read ${path}: ${describeError(error)}`);
  }
}

const MAX_DEPTH = 32;

/** Files to import under a folder, sorted, recursively; symbolic links to folders are not followed. */
async function listFolder(dir: string, depth: number): Promise<{ path: string; kind: InputKind }[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new ImportError(`cannot read ${dir}: ${describeError(error)}`);
  }
  const found: { path: string; kind: InputKind }[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (depth < MAX_DEPTH) found.push(...(await listFolder(path, depth + 1)));
      continue;
    }
    const kind = inputKind(entry.name);
    if (kind === undefined) continue;
    if (entry.isFile() || (entry.isSymbolicLink() && (await stat(path).then((s) => s.isFile(), () => false)))) found.push({ path, kind });
  }
  return found;
}

/** Every JSON value in one input (a file of a known kind, or a folder of them). */
export async function* readInput(path: string, budget: Budget): AsyncGenerator<InputItem> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new ImportError(`cannot read ${path}: ${describeError(error)}`);
  }
  if (info.isDirectory()) {
    for (const file of await listFolder(path, 0)) yield* readFile(file.path, file.kind, budget);
    return;
  }
  if (!info.isFile()) throw new ImportError(`${path} is not a regular file or a folder`);
  const kind = inputKind(path);
  if (kind === undefined) throw new ImportError(`${path}: unsupported input (give .json, .jsonl, .jsonl.gz, .json.gz, .zip files or folders of them)`);
  yield* readFile(path, kind, budget);
}

import { extract, type Extract, type Header } from 'tar-stream';
import { err, ok, type Result } from '../../../core/result.js';
import { classifyWhiteout, isTooLong, joinEntryPath, splitEntryPath } from './entry-path.js';
import { IMAGE_LIMITS } from './limits.js';
import type { ProblemLog } from './problem-log.js';

/** One entry of a layer, as it will be applied to the merged tree. */
export type LayerEntry =
  | { readonly kind: 'dir'; readonly parts: readonly string[] }
  | { readonly kind: 'file'; readonly parts: readonly string[]; readonly size: number; readonly content?: Buffer }
  | { readonly kind: 'symlink'; readonly parts: readonly string[]; readonly target: string }
  | { readonly kind: 'hardlink'; readonly parts: readonly string[]; readonly targetParts: readonly string[]; readonly target: string; readonly isWanted: boolean }
  /** A device node or FIFO: not recorded, but it replaces what the lower layers had there. */
  | { readonly kind: 'other'; readonly parts: readonly string[] };

/**
 * What one layer does to the layers below it. Whiteouts and opaque markers only ever apply to
 * lower layers (OCI image spec, "Whiteouts"), wherever they sit in the tar, so they are
 * collected apart and applied before the layer's own entries.
 */
export interface LayerChanges {
  readonly whiteouts: (readonly string[])[];
  readonly opaques: (readonly string[])[];
  readonly entries: LayerEntry[];
}

/** Counters shared by all layers of one image. */
export interface ReadBudget {
  /** Tar bytes read so far (after decompression), against `maxBytes`. */
  bytesRead: number;
  readonly maxBytes: number;
  entriesRead: number;
}

export interface LayerReadOptions {
  /** `layer 2 (sha256:…)`, for messages. */
  readonly label: string;
  readonly wanted: (path: string, size: number) => boolean;
  readonly maxFileBytes: number;
  readonly budget: ReadBudget;
  readonly problems: ProblemLog;
  readonly signal?: AbortSignal;
}

/** An entry's data as tar-stream hands it over: read it, or let it stream past. */
type EntryBody = AsyncIterable<unknown> & { resume(): unknown };

/** A reason to give up on the whole image rather than on one layer. */
export class ImageRefused extends Error {}

/**
 * Read one layer's tar stream into the changes it makes. Content is kept only for wanted files
 * no larger than `maxFileBytes`; everything else streams past, so memory does not grow with the
 * layer. A corrupt or truncated layer gives the entries read before the damage and a notice; an
 * image past the byte budget, too many entries or an abort give an error value.
 */
export async function readLayer(tar: AsyncIterable<Buffer>, options: LayerReadOptions): Promise<Result<LayerChanges, string>> {
  const changes: LayerChanges = { whiteouts: [], opaques: [], entries: [] };
  const parser = extract();
  let feedError: unknown;
  const feeding = feedParser(tar, parser, options.budget).catch((error: unknown) => {
    feedError = error;
    parser.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  let readError: unknown;
  try {
    for await (const entry of parser) {
      options.signal?.throwIfAborted();
      options.budget.entriesRead += 1;
      if (options.budget.entriesRead > IMAGE_LIMITS.maxEntries) {
        throw new ImageRefused(`the image has more than ${IMAGE_LIMITS.maxEntries} entries`);
      }
      await readEntry(entry.header, entry, changes, options);
    }
  } catch (error) {
    readError = error;
  }
  parser.destroy();
  await feeding;
  const failure = pickFailure(feedError, readError);
  if (failure === undefined) return ok(changes);
  if (failure instanceof ImageRefused) return err(failure.message);
  if (options.signal?.aborted === true) return err('reading the image was aborted');
  options.problems.add({
    code: 'image-layer-corrupt',
    level: 'warn',
    message: `${options.label} is truncated or corrupt (${describe(failure)}); only the ${changes.entries.length} entries before the damage were applied`,
  });
  return ok(changes);
}

/** The feeder's error explains a parser failure it caused (a refused budget, a gzip error). */
function pickFailure(feedError: unknown, readError: unknown): unknown {
  if (feedError instanceof ImageRefused) return feedError;
  if (readError instanceof ImageRefused) return readError;
  return feedError ?? readError;
}

async function feedParser(tar: AsyncIterable<Buffer>, parser: Extract, budget: ReadBudget): Promise<void> {
  for await (const chunk of tar) {
    budget.bytesRead += chunk.length;
    if (budget.bytesRead > budget.maxBytes) {
      throw new ImageRefused(
        `the image's layers expand to more than ${budget.maxBytes} bytes (maxTotalBytes) by this point; the image is refused as a possible decompression bomb`,
      );
    }
    if (parser.destroying || parser.destroyed) return;
    if (!parser.write(chunk)) await drainedOrClosed(parser);
  }
  parser.end(null);
}

function drainedOrClosed(parser: Extract): Promise<void> {
  if (parser.destroying || parser.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      parser.off('drain', done);
      parser.off('close', done);
      resolve();
    };
    parser.on('drain', done);
    parser.on('close', done);
  });
}

async function readEntry(header: Header, body: EntryBody, changes: LayerChanges, options: LayerReadOptions): Promise<void> {
  const entry = await describeEntry(header, body, changes, options);
  if (entry !== 'skipped' && entry !== 'recorded') changes.entries.push(entry);
  // Whatever part of the body was not read streams past unbuffered; the parser waits for it.
  body.resume();
}

/** The change an entry makes; `recorded` when it was a whiteout, kept apart from the entries. */
async function describeEntry(
  header: Header,
  body: EntryBody,
  changes: LayerChanges,
  options: LayerReadOptions,
): Promise<LayerEntry | 'skipped' | 'recorded'> {
  if (isTooLong(header.name)) {
    options.problems.add({ code: 'image-name-too-long', level: 'warn', message: `${options.label}: an entry name of ${header.name.length} characters was skipped` });
    return 'skipped';
  }
  const path = splitEntryPath(header.name);
  noticePath(header.name, path, options);
  const parts = path.parts;
  const baseName = parts.at(-1);
  if (baseName === undefined) return 'skipped';
  const whiteout = classifyWhiteout(baseName);
  if (whiteout.kind === 'whiteout') changes.whiteouts.push([...parts.slice(0, -1), whiteout.name]);
  if (whiteout.kind === 'opaque') changes.opaques.push(parts.slice(0, -1));
  if (whiteout.kind !== 'none') return 'recorded';
  switch (header.type) {
    case 'directory':
      return { kind: 'dir', parts };
    case 'file':
    case 'contiguous-file':
      return readFileEntry(parts, header.size, body, options);
    case 'symlink':
      return linkEntry(parts, header.linkname, 'symlink', options);
    case 'link':
      return linkEntry(parts, header.linkname, 'hardlink', options);
    default:
      return { kind: 'other', parts };
  }
}

function noticePath(name: string, path: ReturnType<typeof splitEntryPath>, options: LayerReadOptions): void {
  const inside = joinEntryPath(path.parts);
  if (path.climbed) {
    options.problems.add({
      code: 'image-path-traversal',
      level: 'warn',
      file: inside,
      message: `${options.label}: entry "${name}" climbs above the image root; its ".." parts were dropped and it was read as "${inside}"`,
    });
  } else if (path.absolute) {
    options.problems.add({ code: 'image-absolute-path', level: 'info', file: inside, message: `${options.label}: absolute entry "${name}" was read as "${inside}"` });
  }
}

async function readFileEntry(
  parts: readonly string[],
  size: number,
  body: EntryBody,
  options: LayerReadOptions,
): Promise<LayerEntry> {
  const path = joinEntryPath(parts);
  if (!isWanted(options, path, size)) return { kind: 'file', parts, size };
  if (size > options.maxFileBytes) {
    options.problems.add({
      code: 'image-file-too-large',
      level: 'info',
      file: path,
      message: `${options.label}: ${path} is ${size} bytes, over the ${options.maxFileBytes}-byte limit for a file's content; it was not read`,
    });
    return { kind: 'file', parts, size };
  }
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return { kind: 'file', parts, size, content: Buffer.concat(chunks) };
}

function linkEntry(parts: readonly string[], linkName: string | null | undefined, kind: 'symlink' | 'hardlink', options: LayerReadOptions): LayerEntry | 'skipped' {
  const target = linkName ?? '';
  if (isTooLong(target)) {
    options.problems.add({ code: 'image-name-too-long', level: 'warn', file: joinEntryPath(parts), message: `${options.label}: a link target of ${target.length} characters was skipped` });
    return 'skipped';
  }
  if (kind === 'symlink') return { kind, parts, target };
  const targetParts = splitEntryPath(target).parts;
  return { kind, parts, target, targetParts, isWanted: isWanted(options, joinEntryPath(parts), 0) };
}

/** A failing `wanted` is the caller's bug, not a damaged layer: it stops the image with its message. */
function isWanted(options: LayerReadOptions, path: string, size: number): boolean {
  try {
    return options.wanted(path, size);
  } catch (error) {
    throw new ImageRefused(`the wanted() callback failed on ${path}: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

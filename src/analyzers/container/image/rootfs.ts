import { constants } from 'node:fs';
import { lstat, open, opendir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { err, ok, type Result } from '../../../core/result.js';
import { isTooLong } from './entry-path.js';
import type { ReadBudget } from './layer-reader.js';
import { describeError } from './layout-files.js';
import { IMAGE_LIMITS } from './limits.js';
import type { MergedTree } from './merged-tree.js';
import type { ProblemLog } from './problem-log.js';

export interface RootfsReadOptions {
  readonly wanted: (path: string, size: number) => boolean;
  readonly maxFileBytes: number;
  readonly budget: ReadBudget;
  readonly problems: ProblemLog;
  readonly signal?: AbortSignal;
}

/**
 * Read a root filesystem directory into the tree as layer 0. Nothing is followed on disk: each
 * entry is examined with lstat and links are recorded as links, to be resolved inside the image
 * by the tree. A wanted file is opened with O_NOFOLLOW so a file swapped for a link while
 * reading is refused rather than read.
 */
export async function readRootfs(directory: string, tree: MergedTree, options: RootfsReadOptions): Promise<Result<void, string>> {
  const pending: { readonly absolute: string; readonly parts: readonly string[] }[] = [{ absolute: directory, parts: [] }];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    let names: string[];
    try {
      names = await listDirectory(current.absolute);
    } catch (error) {
      unreadable(options, current.parts, error);
      continue;
    }
    for (const name of names) {
      if (options.signal?.aborted === true) return err('reading the image was aborted');
      options.budget.entriesRead += 1;
      if (options.budget.entriesRead > IMAGE_LIMITS.maxEntries) return err(`the directory has more than ${IMAGE_LIMITS.maxEntries} entries`);
      const entry = { absolute: join(current.absolute, name), parts: [...current.parts, name] };
      const outcome = await readEntry(entry.absolute, entry.parts, tree, options);
      if (!outcome.ok) return outcome;
      if (outcome.value === 'directory') pending.push(entry);
    }
  }
  return ok(undefined);
}

async function listDirectory(path: string): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of await opendir(path)) names.push(entry.name);
  return names;
}

async function readEntry(absolute: string, parts: readonly string[], tree: MergedTree, options: RootfsReadOptions): Promise<Result<'directory' | 'done', string>> {
  const path = parts.join('/');
  try {
    if (isTooLong(path)) {
      options.problems.add({ code: 'image-name-too-long', level: 'warn', message: `a path of ${path.length} characters was skipped` });
      return ok('done');
    }
    const info = await lstat(absolute);
    if (info.isDirectory()) {
      tree.addDirectory(parts, 0);
      return ok('directory');
    }
    if (info.isSymbolicLink()) {
      const target = await readlink(absolute);
      if (!isTooLong(target)) tree.addSymlink(parts, 0, target);
      return ok('done');
    }
    // Sockets, FIFOs and device nodes hold no package data; opening a FIFO could block.
    if (!info.isFile()) return ok('done');
    const content = await readWantedFile(absolute, path, info.size, options);
    if (!content.ok) return content;
    tree.addFile(parts, 0, info.size, content.value);
  } catch (error) {
    unreadable(options, parts, error);
  }
  return ok('done');
}

async function readWantedFile(absolute: string, path: string, size: number, options: RootfsReadOptions): Promise<Result<Buffer | undefined, string>> {
  if (!options.wanted(path, size)) return ok(undefined);
  if (size > options.maxFileBytes) {
    options.problems.add({ code: 'image-file-too-large', level: 'info', file: path, message: `${path} is ${size} bytes, over the ${options.maxFileBytes}-byte limit for a file's content; it was not read` });
    return ok(undefined);
  }
  options.budget.bytesRead += size;
  if (options.budget.bytesRead > options.budget.maxBytes) return err(`the files it was asked to read add up to more than ${options.budget.maxBytes} bytes (maxTotalBytes)`);
  const file = await open(absolute, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const info = await file.stat();
    if (!info.isFile()) return ok(undefined);
    // The file may have grown since lstat; never read past the size that was approved.
    const buffer = Buffer.alloc(Math.min(info.size, size));
    let done = 0;
    while (done < buffer.length) {
      const { bytesRead } = await file.read(buffer, done, buffer.length - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return ok(buffer.subarray(0, done));
  } finally {
    await file.close();
  }
}

function unreadable(options: RootfsReadOptions, parts: readonly string[], error: unknown): void {
  const path = parts.join('/') || '/';
  options.problems.add({ code: 'image-unreadable-file', level: 'warn', file: path, message: `${path} could not be read (${describeError(error)})` });
}

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { TextChunk } from '../analyzers/types.js';

export interface ChunkOptions {
  /** Bytes per chunk; files up to this size are read in one piece. */
  readonly chunkSize: number;
  /**
   * Bytes shared by consecutive chunks. The first eighth of it is context a chunk sees but does
   * not own; the rest must exceed the longest match any analyzer looks for.
   */
  readonly overlap: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { chunkSize: 4 * 1024 * 1024, overlap: 64 * 1024 };

/** Context before a chunk's owned part: a match there belongs to the previous chunk. */
export function contextBytes(options: ChunkOptions): number {
  return Math.floor(options.overlap / 8);
}

function countNewlines(bytes: Uint8Array, from: number, to: number): number {
  let count = 0;
  let index = from;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  while ((index = buffer.indexOf(10, index)) !== -1 && index < to) {
    count++;
    index++;
  }
  return count;
}

function makeChunk(bytes: Buffer, startLine: number, isFirst: boolean, isLast: boolean, options: ChunkOptions): TextChunk {
  const context = contextBytes(options);
  let text: string | undefined;
  return {
    bytes,
    // Decoded on first use: most files hold no keyword, and their text is never needed.
    get text(): string {
      text ??= bytes.toString('latin1');
      return text;
    },
    startLine,
    ownedStart: isFirst ? 0 : context,
    ownedEnd: isLast ? bytes.length : Math.max(0, bytes.length - options.overlap + context),
  };
}

/** What reading a file gave: its chunks, or the size that put it over the limit (nothing read past it). */
export type FileContent = { readonly chunks: Iterable<TextChunk> } | { readonly tooLarge: number };

// O_NONBLOCK: a path that became a FIFO since the walk fails to read instead of waiting for a writer.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

// One read buffer per thread, reused from file to file: allocating a fresh buffer per file cost
// more CPU (and garbage collection) than the read itself on trees of many small files.
let scratch: Buffer | undefined;

function scratchBuffer(size: number): Buffer {
  if (scratch === undefined || scratch.length < size) scratch = Buffer.allocUnsafeSlow(size);
  return scratch;
}

/**
 * Read a file in chunks, enforcing the size limit. `knownSize` is -1 when the walk did not stat
 * the file: then a file that fits in one chunk costs an open, a read and a close, and only a
 * larger one is stat'ed. A one-chunk file's bytes live in a buffer that the next read on this
 * thread overwrites: analyzers must not keep `chunk.bytes` past `analyzeChunk`.
 */
export function openFileChunks(path: string, knownSize: number, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS, maxFileSize = Infinity): FileContent {
  if (knownSize > maxFileSize) return { tooLarge: knownSize };
  if (knownSize >= options.chunkSize) return { chunks: readChunks(path, options) };
  // One byte more than a chunk tells "fits in one chunk" from "needs several" without a stat.
  const capacity = options.chunkSize + 1;
  const buffer = scratchBuffer(capacity);
  const fd = openSync(path, OPEN_FLAGS);
  let total = 0;
  try {
    // Short reads are retried until end of file, so a slow file system cannot truncate the scan.
    for (let n = 1; n > 0 && total < capacity; total += n) n = readSync(fd, buffer, total, capacity - total, total);
    const size = total < capacity ? total : fstatSync(fd).size;
    if (size > maxFileSize) return { tooLarge: size };
  } finally {
    closeSync(fd);
  }
  if (total < capacity) return { chunks: [makeChunk(buffer.subarray(0, total), 1, true, true, options)] };
  // Larger than one chunk (it may have grown since the walk): read it again in bounded chunks.
  return { chunks: readChunks(path, options) };
}

/** Split an in-memory buffer the same way `readChunks` splits a file. */
export function* splitChunks(buffer: Buffer, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Generator<TextChunk> {
  const step = options.chunkSize - options.overlap;
  let line = 1;
  for (let pos = 0; ; pos += step) {
    const end = Math.min(buffer.length, pos + options.chunkSize);
    const isLast = end === buffer.length;
    yield makeChunk(buffer.subarray(pos, end), line, pos === 0, isLast, options);
    if (isLast) return;
    line += countNewlines(buffer, pos, pos + step);
  }
}

/**
 * Read a file in overlapping chunks: memory stays at one chunk whatever the file's size, and it is
 * this thread's read buffer, reused: a chunk's bytes are overwritten when the next chunk (or the
 * next file) is read, so use each chunk before asking for the next. (Fresh buffers per chunk, and
 * a concatenation for the overlap, cost a page fault per 4 KiB on every large file.)
 * Synchronous on purpose: it runs in worker threads, where blocking reads are the fast path
 * (the promise API costs about a millisecond per small file in open/stat/close round trips).
 */
export function* readChunks(path: string, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS, signal?: AbortSignal): Generator<TextChunk> {
  const fd = openSync(path, 'r');
  try {
    // The size at open time bounds the read: a file that grows meanwhile is read as it was.
    const { size } = fstatSync(fd);
    const step = options.chunkSize - options.overlap;
    const buffer = scratchBuffer(options.chunkSize);
    let line = 1;
    let carry = 0;
    let position = 0;
    for (let first = true; ; first = false) {
      signal?.throwIfAborted();
      const want = Math.min(options.chunkSize - carry, size - position);
      let got = 0;
      // Short reads are retried until end of file, as in openFileChunks.
      for (let n = 1; n > 0 && got < want; got += n) n = readSync(fd, buffer, carry + got, want - got, position + got);
      position += got;
      const bytes = buffer.subarray(0, carry + got);
      const isLast = position >= size || got < want;
      yield makeChunk(bytes, line, first, isLast, options);
      if (isLast) return;
      line += countNewlines(bytes, 0, step);
      // The overlap moves to the front; the next read fills in after it.
      buffer.copyWithin(0, step, bytes.length);
      carry = bytes.length - step;
    }
  } finally {
    closeSync(fd);
  }
}

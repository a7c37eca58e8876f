import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
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

/**
 * Read a file whose size the walk already knows: small files in one native call, larger ones in
 * chunks. A file that grew past a chunk since the walk is chunked all the same.
 */
export function* readFileChunks(path: string, knownSize: number, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Generator<TextChunk> {
  if (knownSize < options.chunkSize) {
    const bytes = readFileSync(path);
    if (bytes.length <= options.chunkSize) {
      yield makeChunk(bytes, 1, true, true, options);
      return;
    }
    yield* splitChunks(bytes, options);
    return;
  }
  yield* readChunks(path, options);
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
 * Read a file in overlapping chunks: memory stays at one chunk whatever the file's size.
 * Synchronous on purpose: it runs in worker threads, where blocking reads are the fast path
 * (the promise API costs about a millisecond per small file in open/stat/close round trips).
 */
export function* readChunks(path: string, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS, signal?: AbortSignal): Generator<TextChunk> {
  const fd = openSync(path, 'r');
  try {
    // The size at open time bounds the read: a file that grows meanwhile is read as it was.
    const { size } = fstatSync(fd);
    const step = options.chunkSize - options.overlap;
    let line = 1;
    let carry: Buffer = Buffer.alloc(0);
    let position = 0;
    for (let first = true; ; first = false) {
      signal?.throwIfAborted();
      const want = Math.min(options.chunkSize - carry.length, size - position);
      const fresh = Buffer.allocUnsafe(want);
      const bytesRead = want === 0 ? 0 : readSync(fd, fresh, 0, want, position);
      position += bytesRead;
      const bytes = carry.length === 0 ? fresh.subarray(0, bytesRead) : Buffer.concat([carry, fresh.subarray(0, bytesRead)]);
      const isLast = position >= size || bytesRead < want;
      yield makeChunk(bytes, line, first, isLast, options);
      if (isLast) return;
      line += countNewlines(bytes, 0, step);
      carry = Buffer.from(bytes.subarray(step));
    }
  } finally {
    closeSync(fd);
  }
}

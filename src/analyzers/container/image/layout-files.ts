import { createReadStream } from 'node:fs';
import { realpath, stat, type FileHandle } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import { err, ok, type Result } from '../../../core/result.js';
import { splitEntryPath } from './entry-path.js';
import { IMAGE_LIMITS } from './limits.js';
import { findMember, type ArchiveIndex } from './tar-index.js';

/**
 * The files of a docker archive or an OCI layout, whether they sit in a tar or in a directory.
 * Names are relative, `/`-separated (`blobs/sha256/…`, `manifest.json`).
 */
export interface LayoutFiles {
  /** Where the files come from, for messages. */
  readonly label: string;
  /** Size of the named regular file, or why there is none. */
  size(name: string): Promise<Result<number, string>>;
  /** A small JSON document, read whole (bounded by `maxDocumentBytes`). */
  readDocument(name: string): Promise<Result<Buffer, string>>;
  /** The named file as a stream, for layers. */
  open(name: string): Promise<Result<Readable, string>>;
}

/** Files of a tar already indexed; `file` stays open while the image is read. */
export function tarLayoutFiles(label: string, file: FileHandle, index: ArchiveIndex): LayoutFiles {
  const locate = (name: string): Result<{ readonly offset: number; readonly size: number }, string> => {
    const member = findMember(index, name);
    return member === undefined ? err(`${name} is not in the archive`) : ok(member);
  };
  return {
    label,
    size(name) {
      const found = locate(name);
      return Promise.resolve(found.ok ? ok(found.value.size) : found);
    },
    async readDocument(name) {
      const found = locate(name);
      if (!found.ok) return found;
      const tooBig = checkDocumentSize(name, found.value.size);
      if (tooBig !== undefined) return err(tooBig);
      const buffer = Buffer.alloc(found.value.size);
      const { bytesRead } = await file.read(buffer, 0, buffer.length, found.value.offset);
      if (bytesRead < buffer.length) return err(`${name} is cut short: the archive is truncated`);
      return ok(buffer);
    },
    open(name) {
      const found = locate(name);
      if (!found.ok) return Promise.resolve(found);
      const { offset, size } = found.value;
      return Promise.resolve(ok(Readable.from(readRange(file, offset, size))));
    },
  };
}

/**
 * A member's bytes straight from the archive's open handle; destroying the stream leaves the
 * handle open for the next layer. A truncated archive simply ends early.
 */
async function* readRange(file: FileHandle, offset: number, size: number): AsyncGenerator<Buffer> {
  const end = offset + size;
  for (let position = offset; position < end; ) {
    const buffer = Buffer.allocUnsafe(Math.min(IMAGE_LIMITS.readChunkBytes, end - position));
    const { bytesRead } = await file.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

/**
 * Files of an unpacked layout. A name that leads (through `..` or a symbolic link) outside the
 * directory, or to something other than a regular file, is treated as absent: an image must
 * never make Bulwark read a host file.
 */
export async function directoryLayoutFiles(label: string, directory: string): Promise<LayoutFiles> {
  const root = await realpath(directory);
  const locate = async (name: string): Promise<Result<{ readonly path: string; readonly size: number }, string>> => {
    const parts = splitEntryPath(name).parts;
    let real: string;
    try {
      real = await realpath(join(root, ...parts));
    } catch (error) {
      return err(`${name} is not in ${label} (${describeError(error)})`);
    }
    if (!isInside(root, real)) return err(`${name} in ${label} is a link that leads outside it; it was not read`);
    try {
      const info = await stat(real);
      if (!info.isFile()) return err(`${name} in ${label} is not a regular file`);
      return ok({ path: real, size: info.size });
    } catch (error) {
      return err(`${name} in ${label} could not be read (${describeError(error)})`);
    }
  };
  return {
    label,
    async size(name) {
      const found = await locate(name);
      return found.ok ? ok(found.value.size) : found;
    },
    async readDocument(name) {
      const found = await locate(name);
      if (!found.ok) return found;
      const tooBig = checkDocumentSize(name, found.value.size);
      if (tooBig !== undefined) return err(tooBig);
      const chunks: Buffer[] = [];
      for await (const chunk of createReadStream(found.value.path, { end: IMAGE_LIMITS.maxDocumentBytes })) chunks.push(chunk as Buffer);
      return ok(Buffer.concat(chunks));
    },
    async open(name) {
      const found = await locate(name);
      if (!found.ok) return found;
      return ok(createReadStream(found.value.path, { highWaterMark: IMAGE_LIMITS.readChunkBytes }));
    },
  };
}

function checkDocumentSize(name: string, size: number): string | undefined {
  if (size <= IMAGE_LIMITS.maxDocumentBytes) return undefined;
  return `${name} is ${size} bytes, far larger than an image manifest, index or config can be`;
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

import { createHash, type Hash } from 'node:crypto';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { err, ok, type Result } from '../../../core/result.js';

/** How a layer's bytes are stored, judged from their first bytes rather than a media type. */
export type LayerCompression = 'none' | 'gzip' | 'zstd' | 'bzip2' | 'xz';

export function sniffCompression(head: Buffer): LayerCompression {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.readUInt32BE(0) === 0x28b52ffd) return 'zstd';
  if (head.toString('latin1', 0, 3) === 'BZh') return 'bzip2';
  if (head.length >= 6 && head.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) return 'xz';
  return 'none';
}

/** A layer's tar bytes, decompressed, and the digest of the bytes as stored once they are all read. */
export interface LayerBytes {
  readonly tar: AsyncIterable<Buffer>;
  readonly compression: LayerCompression;
  /** `<algorithm>:<hex>` of everything read from the store; undefined until the stream ends. */
  storedDigest(): string | undefined;
  /** Stop reading (the caller is done early). */
  destroy(): void;
}

/**
 * Open a layer stream for its tar: sniff the compression from the first chunk, put gzip through
 * zlib, and refuse what Bulwark cannot read. `digestAlgorithm` hashes the stored bytes so an OCI
 * blob can be checked against its name without a second read.
 */
export async function openLayerBytes(stored: Readable, digestAlgorithm: 'sha256' | 'sha512' | undefined): Promise<Result<LayerBytes, string>> {
  const iterator: AsyncIterator<unknown> = stored[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done === true ? Buffer.alloc(0) : toBuffer(first.value);
  const compression = sniffCompression(head);
  if (compression !== 'none' && compression !== 'gzip') {
    stored.destroy();
    return err(`it is ${compression}-compressed, which Bulwark does not read (gzip and plain tar only); re-export the image with gzip layers, e.g. with \`docker save\` or \`skopeo copy --dest-compress-format gzip\``);
  }
  const hash: Hash | undefined = digestAlgorithm === undefined ? undefined : createHash(digestAlgorithm);
  let finished = false;
  async function* storedChunks(): AsyncGenerator<Buffer> {
    if (head.length > 0) {
      hash?.update(head);
      yield head;
    }
    if (first.done === true) {
      finished = true;
      return;
    }
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
      const chunk = toBuffer(next.value);
      hash?.update(chunk);
      yield chunk;
    }
    finished = true;
  }
  const raw = Readable.from(storedChunks(), { objectMode: false });
  const tar: Readable = compression === 'gzip' ? pipeline(raw, createGunzip(), ignoreOutcome) : raw;
  let digest: string | undefined;
  return ok({
    tar,
    compression,
    storedDigest: () => {
      if (digest === undefined && finished && hash !== undefined && digestAlgorithm !== undefined) digest = `${digestAlgorithm}:${hash.digest('hex')}`;
      return digest;
    },
    destroy: () => {
      tar.destroy();
      raw.destroy();
      stored.destroy();
    },
  });
}

// Errors surface where the tar stream is read; the pipeline's own callback has nothing to add.
function ignoreOutcome(): void {
  return;
}

function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return Buffer.from(String(value));
}

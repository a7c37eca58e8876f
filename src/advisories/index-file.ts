/**
 * The store's index: package key → where its records sit in the records file.
 *
 * Layout (little-endian):
 *   header     "BWADVIDX" · u32 format · u32 keys · u32 blocks · u32 directory bytes
 *   directory  per block: u16 key length · first key (UTF-8) · u48 block offset · u32 block bytes
 *   blocks     per key:   u16 key length · key · u32 postings · postings × (u48 offset · u32 length)
 * Keys are sorted bytewise and cut into blocks of KEYS_PER_BLOCK. Opening a store reads only the
 * header and the directory (one entry per block), so its memory stays a small fraction of the
 * index; a lookup reads the one block that can hold the key.
 */

export const INDEX_MAGIC = 'BWADVIDX';
export const INDEX_FORMAT = 1;
export const HEADER_BYTES = 24;
const KEYS_PER_BLOCK = 64;
const MAX_KEY_BYTES = 0xffff;

/** Where one record sits in the records file. */
export interface Posting {
  readonly offset: number;
  readonly length: number;
}

/** One block as the directory describes it. */
export interface BlockRef {
  readonly firstKey: Buffer;
  readonly offset: number;
  readonly length: number;
}

class ByteWriter {
  private readonly chunks: Buffer[] = [];
  size = 0;

  u16(value: number): void {
    this.push(Buffer.alloc(2), (b) => b.writeUInt16LE(value));
  }
  u32(value: number): void {
    this.push(Buffer.alloc(4), (b) => b.writeUInt32LE(value));
  }
  u48(value: number): void {
    this.push(Buffer.alloc(6), (b) => b.writeUIntLE(value, 0, 6));
  }
  bytes(value: Buffer): void {
    this.chunks.push(value);
    this.size += value.length;
  }
  toBuffer(): Buffer {
    return Buffer.concat(this.chunks, this.size);
  }
  private push(buffer: Buffer, fill: (b: Buffer) => void): void {
    fill(buffer);
    this.bytes(buffer);
  }
}

/** Encode an index. Keys longer than 64 KiB cannot be stored and are left out (names are capped far below). */
export function encodeIndex(postings: ReadonlyMap<string, readonly Posting[]>): Buffer {
  const entries = [...postings]
    .map(([key, list]) => ({ key: Buffer.from(key, 'utf8'), list }))
    .filter((entry) => entry.key.length <= MAX_KEY_BYTES)
    .sort((a, b) => Buffer.compare(a.key, b.key));
  const blocks = new ByteWriter();
  const directory = new ByteWriter();
  let blockCount = 0;
  for (let start = 0; start < entries.length; start += KEYS_PER_BLOCK) {
    const block = new ByteWriter();
    for (const { key, list } of entries.slice(start, start + KEYS_PER_BLOCK)) {
      block.u16(key.length);
      block.bytes(key);
      block.u32(list.length);
      for (const posting of list) {
        block.u48(posting.offset);
        block.u32(posting.length);
      }
    }
    const first = entries[start]?.key ?? Buffer.alloc(0);
    directory.u16(first.length);
    directory.bytes(first);
    directory.u48(blocks.size);
    directory.u32(block.size);
    blocks.bytes(block.toBuffer());
    blockCount++;
  }
  const header = Buffer.alloc(HEADER_BYTES);
  header.write(INDEX_MAGIC, 0, 'latin1');
  header.writeUInt32LE(INDEX_FORMAT, 8);
  header.writeUInt32LE(entries.length, 12);
  header.writeUInt32LE(blockCount, 16);
  header.writeUInt32LE(directory.size, 20);
  return Buffer.concat([header, directory.toBuffer(), blocks.toBuffer()]);
}

/** The header's counts, or why the bytes are not an index. */
export function decodeHeader(header: Buffer): { keys: number; blocks: number; directoryBytes: number } | string {
  if (header.length < HEADER_BYTES || header.toString('latin1', 0, 8) !== INDEX_MAGIC) return 'the index file is not a Bulwark index';
  if (header.readUInt32LE(8) !== INDEX_FORMAT) return `the index file has format ${header.readUInt32LE(8)}`;
  return { keys: header.readUInt32LE(12), blocks: header.readUInt32LE(16), directoryBytes: header.readUInt32LE(20) };
}

/**
 * Read the directory. Block offsets come back absolute (from the start of the file). Throws
 * RangeError on truncated bytes; the store turns that into an error value.
 */
export function decodeDirectory(bytes: Buffer, blocks: number): BlockRef[] {
  const refs: BlockRef[] = [];
  const blocksStart = HEADER_BYTES + bytes.length;
  let at = 0;
  for (let i = 0; i < blocks; i++) {
    const keyLength = bytes.readUInt16LE(at);
    const firstKey = bytes.subarray(at + 2, at + 2 + keyLength);
    if (firstKey.length !== keyLength) throw new RangeError('index directory is truncated');
    at += 2 + keyLength;
    refs.push({ firstKey, offset: blocksStart + bytes.readUIntLE(at, 6), length: bytes.readUInt32LE(at + 6) });
    at += 10;
  }
  return refs;
}

/** The block that would hold `key`: the last whose first key is not greater. */
export function findBlock(directory: readonly BlockRef[], key: Buffer): BlockRef | undefined {
  let low = 0;
  let high = directory.length - 1;
  let found: BlockRef | undefined;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const ref = directory[middle];
    if (ref === undefined) break;
    if (Buffer.compare(ref.firstKey, key) <= 0) {
      found = ref;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** The postings of `key` inside one block (empty when absent). Throws RangeError on a damaged block. */
export function findPostings(block: Buffer, key: Buffer): Posting[] {
  let at = 0;
  while (at < block.length) {
    const keyLength = block.readUInt16LE(at);
    const candidate = block.subarray(at + 2, at + 2 + keyLength);
    if (candidate.length !== keyLength) throw new RangeError('index block is truncated');
    at += 2 + keyLength;
    const count = block.readUInt32LE(at);
    at += 4;
    const order = Buffer.compare(candidate, key);
    if (order > 0) return [];
    if (order === 0) {
      const postings: Posting[] = [];
      for (let i = 0; i < count; i++) {
        postings.push({ offset: block.readUIntLE(at, 6), length: block.readUInt32LE(at + 6) });
        at += 10;
      }
      return postings;
    }
    at += count * 10;
  }
  return [];
}

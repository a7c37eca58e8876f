import type { DatabaseValues } from './rpm-bdb.js';

/**
 * The header blobs of rpm's own "ndb" package database, `Packages.db` (rpm 4.16 and later, the
 * default on SUSE). All numbers are little-endian 32-bit words:
 *
 * - bytes 0–31: magic `RpmP`, format version 0, generation, number of 4096-byte slot pages,
 *   next package index;
 * - then the slot pages, 16 bytes a slot: magic `Slot`, package index, first 16-byte block of the
 *   blob (0 = free slot), number of blocks;
 * - each blob: magic `BlbS`, package index, timestamp, length; the header bytes; zero padding to a
 *   whole block; then an Adler-32 of everything before it in the blob, the length again and
 *   magic `BlbE`.
 *
 * Blobs that overlap, leave the file or fail their checksum are reported, not read.
 */

const FILE_MAGIC = 0x506d7052; // "RpmP"
const SLOT_MAGIC = 0x746f6c53; // "Slot"
const BLOB_HEAD_MAGIC = 0x53626c42; // "BlbS"
const BLOB_TAIL_MAGIC = 0x45626c42; // "BlbE"
const FILE_HEADER_BYTES = 32;
const SLOT_BYTES = 16;
const BLOCK_BYTES = 16;
const SLOT_PAGE_BYTES = 4096;
const BLOB_HEAD_BYTES = 16;
const BLOB_TAIL_BYTES = 12;

interface Slot {
  readonly packageIndex: number;
  readonly firstBlock: number;
  readonly blockCount: number;
}

export function isNdb(bytes: Uint8Array): boolean {
  return bytes.length >= FILE_HEADER_BYTES && wordAt(bytes, 0) === FILE_MAGIC;
}

function wordAt(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at, true);
}

export function readNdbValues(bytes: Uint8Array): DatabaseValues {
  if (!isNdb(bytes)) return { values: [], errors: ['not an rpm ndb database'] };
  const version = wordAt(bytes, 4);
  if (version !== 0) return { values: [], errors: [`ndb format version ${version} is not known`] };
  const slotPages = wordAt(bytes, 12);
  if (slotPages < 1 || slotPages * SLOT_PAGE_BYTES > bytes.length) {
    return { values: [], errors: [`header claims ${slotPages} slot pages in a file of ${bytes.length} bytes`] };
  }
  const errors: string[] = [];
  const slots = readSlots(bytes, slotPages, errors);
  const values: Uint8Array[] = [];
  let endOfPrevious = 0;
  for (const slot of slots) {
    const start = slot.firstBlock * BLOCK_BYTES;
    if (start < endOfPrevious) {
      errors.push(`package ${slot.packageIndex}'s blob overlaps another`);
      continue;
    }
    endOfPrevious = start + slot.blockCount * BLOCK_BYTES;
    const blob = readBlob(bytes, slot);
    if (typeof blob === 'string') errors.push(`package ${slot.packageIndex}: ${blob}`);
    else values.push(blob);
  }
  return { values, errors };
}

/** The used slots, in blob order; a slot that cannot be right is reported and dropped. */
function readSlots(bytes: Uint8Array, slotPages: number, errors: string[]): Slot[] {
  const slots: Slot[] = [];
  const firstDataBlock = (slotPages * SLOT_PAGE_BYTES) / BLOCK_BYTES;
  const fileBlocks = Math.floor(bytes.length / BLOCK_BYTES);
  for (let at = FILE_HEADER_BYTES; at < slotPages * SLOT_PAGE_BYTES; at += SLOT_BYTES) {
    if (wordAt(bytes, at) !== SLOT_MAGIC) {
      errors.push(`slot at byte ${at} has no slot magic; the slot table is damaged`);
      break;
    }
    const slot = { packageIndex: wordAt(bytes, at + 4), firstBlock: wordAt(bytes, at + 8), blockCount: wordAt(bytes, at + 12) };
    if (slot.firstBlock === 0) continue;
    if (slot.packageIndex === 0 || slot.blockCount === 0 || slot.firstBlock < firstDataBlock) {
      errors.push(`slot at byte ${at} is invalid`);
    } else if (slot.firstBlock + slot.blockCount > fileBlocks) {
      errors.push(`package ${slot.packageIndex}'s blob runs past the end of the file (truncated)`);
    } else {
      slots.push(slot);
    }
  }
  return slots.sort((a, b) => a.firstBlock - b.firstBlock);
}

function readBlob(bytes: Uint8Array, slot: Slot): Uint8Array | string {
  const start = slot.firstBlock * BLOCK_BYTES;
  const size = slot.blockCount * BLOCK_BYTES;
  if (size < BLOB_HEAD_BYTES + BLOB_TAIL_BYTES) return 'blob is smaller than its own framing';
  if (wordAt(bytes, start) !== BLOB_HEAD_MAGIC) return 'blob has no start magic';
  if (wordAt(bytes, start + 4) !== slot.packageIndex) return 'blob belongs to another package';
  const length = wordAt(bytes, start + 12);
  if (Math.ceil((BLOB_HEAD_BYTES + length + BLOB_TAIL_BYTES) / BLOCK_BYTES) !== slot.blockCount) {
    return `blob length ${length} does not fit its ${slot.blockCount} blocks`;
  }
  const tail = start + size - BLOB_TAIL_BYTES;
  if (wordAt(bytes, tail + 8) !== BLOB_TAIL_MAGIC || wordAt(bytes, tail + 4) !== length) return 'blob has a damaged end';
  if (adler32(bytes.subarray(start, tail)) !== wordAt(bytes, tail)) return 'blob checksum does not match';
  return bytes.subarray(start + BLOB_HEAD_BYTES, start + BLOB_HEAD_BYTES + length);
}

/** Adler-32 (RFC 1950), as ndb checksums its blobs. */
export function adler32(bytes: Uint8Array): number {
  const modulus = 65521;
  let low = 1;
  let high = 0;
  // 5552 is the longest run whose sums cannot overflow before the reduction.
  for (let from = 0; from < bytes.length; from += 5552) {
    const to = Math.min(from + 5552, bytes.length);
    for (let i = from; i < to; i++) {
      low += bytes[i] ?? 0;
      high += low;
    }
    low %= modulus;
    high %= modulus;
  }
  return ((high << 16) | low) >>> 0;
}

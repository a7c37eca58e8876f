/**
 * The values of a Berkeley DB hash database, the `Packages` file of rpm before 4.16 (RHEL/CentOS
 * 7 and 8, Amazon Linux 2, older SUSE). Read page by page, without Berkeley DB:
 *
 * - Page 0 is the metadata page: magic 0x061561 at byte 12 (its byte order is the file's), the
 *   page size at byte 20, the encryption algorithm at byte 24.
 * - Every other page starts with a 26-byte header: page number (8), previous (12) and next (16)
 *   page, entry count (20), `hf_offset` (22), level (24) and page type (25).
 * - Hash pages (type 13, or 2 in old files) hold `entries` 16-bit item offsets after the header,
 *   keys and values alternating; an item ends where the one before it starts (the first at the
 *   page end). An item's first byte is its kind: 1 = the bytes follow, 3 = off-page: the value's
 *   first overflow page at byte 4 and its total length at byte 8.
 * - Overflow pages (type 7) carry `hf_offset` bytes after the header and chain by `next`.
 *
 * Every page is visited once and every overflow page may be consumed by one value only, so a
 * corrupt file (loops, shared chains, lengths past the end) costs at most its own size.
 */
export interface DatabaseValues {
  readonly values: readonly Uint8Array[];
  /** Why a value or page was skipped; a reason without values means nothing could be read. */
  readonly errors: readonly string[];
}

const HASH_MAGIC = 0x061561;
const BTREE_MAGIC = 0x053162;
const PAGE_HEADER_BYTES = 26;
const PAGE_TYPE_HASH_UNSORTED = 2;
const PAGE_TYPE_OVERFLOW = 7;
const PAGE_TYPE_HASH = 13;
const ITEM_KEYDATA = 1;
const ITEM_OFFPAGE = 3;
const OFFPAGE_ITEM_BYTES = 12;
/** A reader that reports this many broken items has said enough. */
const MAX_ERRORS = 50;

interface Pages {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  readonly littleEndian: boolean;
  readonly pageSize: number;
  readonly pageCount: number;
}

export function isBerkeleyHash(bytes: Uint8Array): boolean {
  return byteOrderOf(bytes, HASH_MAGIC) !== undefined;
}

export function isBerkeleyBtree(bytes: Uint8Array): boolean {
  return byteOrderOf(bytes, BTREE_MAGIC) !== undefined;
}

function byteOrderOf(bytes: Uint8Array, magic: number): 'little' | 'big' | undefined {
  if (bytes.length < 32) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(12, true) === magic) return 'little';
  if (view.getUint32(12, false) === magic) return 'big';
  return undefined;
}

export function readBerkeleyHashValues(bytes: Uint8Array): DatabaseValues {
  const order = byteOrderOf(bytes, HASH_MAGIC);
  if (!order) return { values: [], errors: ['not a Berkeley DB hash database'] };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const littleEndian = order === 'little';
  const pageSize = view.getUint32(20, littleEndian);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) {
    return { values: [], errors: [`metadata page gives a page size of ${pageSize}`] };
  }
  if (view.getUint8(24) !== 0) return { values: [], errors: ['the database is encrypted'] };
  const pages: Pages = { bytes, view, littleEndian, pageSize, pageCount: Math.floor(bytes.length / pageSize) };
  const values: Uint8Array[] = [];
  const errors: string[] = [];
  if (bytes.length % pageSize !== 0) errors.push(`the file ends inside page ${pages.pageCount} (truncated)`);
  const consumedOverflowPages = new Set<number>();
  for (let page = 1; page < pages.pageCount && errors.length < MAX_ERRORS; page++) {
    const type = view.getUint8(page * pageSize + 25);
    if (type !== PAGE_TYPE_HASH && type !== PAGE_TYPE_HASH_UNSORTED) continue;
    readHashPage(pages, page, consumedOverflowPages, values, errors);
  }
  return { values, errors };
}

function readHashPage(pages: Pages, page: number, consumed: Set<number>, values: Uint8Array[], errors: string[]): void {
  const { view, littleEndian, pageSize } = pages;
  const start = page * pageSize;
  const entries = view.getUint16(start + 20, littleEndian);
  const firstItem = PAGE_HEADER_BYTES + entries * 2;
  if (firstItem > pageSize) {
    errors.push(`page ${page} claims ${entries} entries, more than fit in it`);
    return;
  }
  let itemEnd = pageSize;
  let isReservedKey = false;
  // Values are the odd-numbered items; each item still has to be walked to know where the next ends.
  for (let index = 0; index < entries; index++) {
    const offset = view.getUint16(start + PAGE_HEADER_BYTES + index * 2, littleEndian);
    if (offset < firstItem || offset >= itemEnd) {
      errors.push(`page ${page} item ${index} is at offset ${offset}, outside its page`);
      return;
    }
    const item = pages.bytes.subarray(start + offset, start + itemEnd);
    itemEnd = offset;
    if (index % 2 === 0) {
      isReservedKey = isZeroKey(item);
      continue;
    }
    if (isReservedKey) continue;
    const value = readItem(pages, item, consumed);
    if (typeof value === 'string') errors.push(`page ${page} item ${index}: ${value}`);
    else values.push(value);
  }
}

/** rpm keeps its next-instance counter under key 0; that value is not a header. */
function isZeroKey(item: Uint8Array): boolean {
  return item.length === 5 && item[0] === ITEM_KEYDATA && item[1] === 0 && item[2] === 0 && item[3] === 0 && item[4] === 0;
}

function readItem(pages: Pages, item: Uint8Array, consumed: Set<number>): Uint8Array | string {
  const kind = item[0];
  if (kind === ITEM_KEYDATA) return item.subarray(1);
  if (kind !== ITEM_OFFPAGE) return `item kind ${kind ?? 'none'} is not one rpm writes`;
  if (item.length < OFFPAGE_ITEM_BYTES) return 'off-page item is cut short';
  const itemView = new DataView(item.buffer, item.byteOffset, item.byteLength);
  return readOverflowChain(pages, itemView.getUint32(4, pages.littleEndian), itemView.getUint32(8, pages.littleEndian), consumed);
}

function readOverflowChain(pages: Pages, firstPage: number, totalLength: number, consumed: Set<number>): Uint8Array | string {
  const { view, littleEndian, pageSize, pageCount } = pages;
  // Pieces are collected, not copied into a buffer of the claimed size: many items claiming a huge
  // length would otherwise cost that allocation each before their chains prove them wrong.
  const pieces: Uint8Array[] = [];
  let filled = 0;
  let page = firstPage;
  while (filled < totalLength) {
    if (page === 0 || page >= pageCount) return `overflow chain leads to page ${page}, outside the file`;
    if (consumed.has(page)) return `overflow chain loops or shares page ${page}`;
    consumed.add(page);
    const start = page * pageSize;
    if (view.getUint8(start + 25) !== PAGE_TYPE_OVERFLOW) return `overflow chain leads to page ${page}, which is not an overflow page`;
    const length = view.getUint16(start + 22, littleEndian);
    if (length > pageSize - PAGE_HEADER_BYTES || length > totalLength - filled) return `overflow page ${page} claims ${length} bytes`;
    pieces.push(pages.bytes.subarray(start + PAGE_HEADER_BYTES, start + PAGE_HEADER_BYTES + length));
    filled += length;
    page = view.getUint32(start + 16, littleEndian);
    if (page === 0 && filled < totalLength) return `overflow chain ends after ${filled} of ${totalLength} bytes`;
  }
  return Buffer.concat(pieces, totalLength);
}

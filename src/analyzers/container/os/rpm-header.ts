import type { Result } from '../../../core/result.js';
import { err, ok } from '../../../core/result.js';

/**
 * An rpm header as the package database stores it (every backend stores the same blob): two
 * big-endian 32-bit counts, `il` index entries and `dl` bytes of data, then `il` entries of four
 * big-endian 32-bit words (tag, type, offset into the data, count), then the data. Strings are
 * NUL-terminated. Only the handful of tags a package inventory needs are read.
 */
export interface RpmHeaderFields {
  readonly name: string;
  readonly version: string;
  readonly release: string;
  readonly epoch?: number;
  readonly arch?: string;
  readonly sourceRpm?: string;
  readonly license?: string;
}

const TAG_NAME = 1000;
const TAG_VERSION = 1001;
const TAG_RELEASE = 1002;
const TAG_EPOCH = 1003;
const TAG_LICENSE = 1014;
const TAG_ARCH = 1022;
const TAG_SOURCERPM = 1044;
const STRING_TAGS = [TAG_NAME, TAG_VERSION, TAG_RELEASE, TAG_LICENSE, TAG_ARCH, TAG_SOURCERPM];
const WANTED_TAGS = new Set([...STRING_TAGS, TAG_EPOCH]);

const TYPE_INT32 = 4;
const TYPE_STRING = 6;
const TYPE_STRING_ARRAY = 8;
const TYPE_I18NSTRING = 9;

/** rpm's own limits on a header (hdrchkTags / hdrchkData): more is corruption, not a package. */
const MAX_INDEX_ENTRIES = 0xffff;
const MAX_DATA_BYTES = 0x0fffffff;
const ENTRY_BYTES = 16;

interface IndexEntry {
  readonly type: number;
  readonly offset: number;
  readonly count: number;
}

export function parseRpmHeader(blob: Uint8Array): Result<RpmHeaderFields, string> {
  if (blob.length < 8) return err(`header of ${blob.length} bytes is too short`);
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const indexCount = view.getUint32(0);
  const dataLength = view.getUint32(4);
  if (indexCount < 1 || indexCount > MAX_INDEX_ENTRIES) return err(`header claims ${indexCount} index entries`);
  if (dataLength > MAX_DATA_BYTES) return err(`header claims ${dataLength} bytes of data`);
  const dataStart = 8 + indexCount * ENTRY_BYTES;
  if (dataStart + dataLength > blob.length) {
    return err(`header claims ${indexCount} entries and ${dataLength} data bytes but holds only ${blob.length} bytes`);
  }
  const data = blob.subarray(dataStart, dataStart + dataLength);
  const entries = new Map<number, IndexEntry>();
  for (let i = 0; i < indexCount; i++) {
    const at = 8 + i * ENTRY_BYTES;
    const tag = view.getUint32(at);
    if (!WANTED_TAGS.has(tag) || entries.has(tag)) continue;
    entries.set(tag, { type: view.getUint32(at + 4), offset: view.getUint32(at + 8), count: view.getUint32(at + 12) });
  }
  const strings = new Map<number, string>();
  for (const tag of STRING_TAGS) {
    const value = readString(data, entries.get(tag), tag);
    if (!value.ok) return err(value.error);
    if (value.value !== undefined) strings.set(tag, value.value);
  }
  const epoch = readInt32(data, entries.get(TAG_EPOCH));
  if (!epoch.ok) return err(epoch.error);
  const name = strings.get(TAG_NAME);
  const version = strings.get(TAG_VERSION);
  const release = strings.get(TAG_RELEASE);
  if (!name || !version || release === undefined) return err('header has no NAME, VERSION or RELEASE');
  const arch = strings.get(TAG_ARCH);
  const sourceRpm = strings.get(TAG_SOURCERPM);
  const license = strings.get(TAG_LICENSE);
  return ok({
    name,
    version,
    release,
    ...(epoch.value !== undefined ? { epoch: epoch.value } : {}),
    ...(arch ? { arch } : {}),
    ...(sourceRpm ? { sourceRpm } : {}),
    ...(license ? { license } : {}),
  });
}

function readString(data: Uint8Array, entry: IndexEntry | undefined, tag: number): Result<string | undefined, string> {
  if (!entry) return ok(undefined);
  const isStringType = entry.type === TYPE_STRING || entry.type === TYPE_STRING_ARRAY || entry.type === TYPE_I18NSTRING;
  if (!isStringType) return err(`tag ${tag} has type ${entry.type}, not a string`);
  if (entry.offset >= data.length) return err(`tag ${tag} points past the header's data`);
  const end = data.indexOf(0, entry.offset);
  if (end === -1) return err(`tag ${tag}'s string is not terminated`);
  // Arrays and translated strings hold several; the first is the one rpm shows.
  return ok(Buffer.from(data.buffer, data.byteOffset + entry.offset, end - entry.offset).toString('utf8'));
}

function readInt32(data: Uint8Array, entry: IndexEntry | undefined): Result<number | undefined, string> {
  if (!entry) return ok(undefined);
  if (entry.type !== TYPE_INT32 || entry.count < 1) return err(`EPOCH has type ${entry.type} and count ${entry.count}`);
  if (entry.offset + 4 > data.length) return err('EPOCH points past the header\'s data');
  return ok(new DataView(data.buffer, data.byteOffset + entry.offset, 4).getUint32(0));
}

/** `openssl-3.0.7-24.el9.src.rpm` → openssl, 3.0.7-24.el9; undefined when it is not name-version-release. */
export function parseSourceRpm(sourceRpm: string): { readonly name: string; readonly versionRelease: string } | undefined {
  const base = sourceRpm.replace(/\.(?:no)?src\.rpm$/, '');
  const releaseDash = base.lastIndexOf('-');
  const versionDash = releaseDash > 0 ? base.lastIndexOf('-', releaseDash - 1) : -1;
  if (versionDash <= 0 || releaseDash === base.length - 1 || versionDash + 1 === releaseDash) return undefined;
  return { name: base.slice(0, versionDash), versionRelease: base.slice(versionDash + 1) };
}

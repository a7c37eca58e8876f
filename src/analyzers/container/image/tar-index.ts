import type { FileHandle } from 'node:fs/promises';
import { err, ok, type Result } from '../../../core/result.js';
import { joinEntryPath, splitEntryPath } from './entry-path.js';
import { IMAGE_LIMITS } from './limits.js';

/** One member of an outer archive (a docker archive or an OCI layout in a tar). */
export interface ArchiveMember {
  readonly name: string;
  readonly type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  /** Byte offset of the member's data in the archive file. */
  readonly offset: number;
  readonly size: number;
  readonly linkName?: string;
}

export interface ArchiveIndex {
  readonly members: ReadonlyMap<string, ArchiveMember>;
  /** The archive ends before a member's data does, or before its end marker. */
  readonly truncated: boolean;
}

const BLOCK = 512;

/** Long names and sizes that pax (`x`) and GNU (`L`, `K`) records set for the next header. */
interface Overrides {
  path?: string;
  linkPath?: string;
  size?: number;
}

/**
 * Index a tar file by reading only its headers, so a member can be streamed later by offset and
 * a multi-gigabyte layer inside costs one seek, not a read. Docker archives and OCI layouts are
 * plain tar; a member is looked up by name because manifest.json may come after the layers.
 * An error means the file is not a tar at all (its first header is not valid).
 */
export async function indexTar(file: FileHandle, fileSize: number): Promise<Result<ArchiveIndex, string>> {
  const members = new Map<string, ArchiveMember>();
  const header = Buffer.alloc(BLOCK);
  let position = 0;
  let overrides: Overrides = {};
  while (true) {
    if (position + BLOCK > fileSize) {
      if (position === 0) return err('it is shorter than one tar block');
      return ok({ members, truncated: true });
    }
    await readFully(file, header, position);
    if (header.every((byte) => byte === 0)) {
      if (position === 0) return err('it starts with an empty block: an empty tar archive or not one at all');
      return ok({ members, truncated: false });
    }
    const parsed = parseHeader(header);
    if (parsed === undefined) {
      if (position === 0) return err('its first block is not a tar header');
      return ok({ members, truncated: true });
    }
    const dataOffset = position + BLOCK;
    if (parsed.typeFlag === 'x' || parsed.typeFlag === 'L' || parsed.typeFlag === 'K' || parsed.typeFlag === 'g') {
      position = dataOffset + Math.ceil(parsed.size / BLOCK) * BLOCK;
      if (parsed.typeFlag === 'g') continue; // global pax defaults: nothing an image archive needs
      if (parsed.size > IMAGE_LIMITS.maxLongHeaderBytes || dataOffset + parsed.size > fileSize) return ok({ members, truncated: true });
      const data = Buffer.alloc(parsed.size);
      await readFully(file, data, dataOffset);
      overrides = { ...overrides, ...longHeader(parsed.typeFlag, data) };
      continue;
    }
    const size = overrides.size ?? parsed.size;
    position = dataOffset + Math.ceil(size / BLOCK) * BLOCK;
    const name = joinEntryPath(splitEntryPath(overrides.path ?? parsed.name).parts);
    const linkName = overrides.linkPath ?? parsed.linkName;
    overrides = {};
    if (name === '') continue;
    members.set(name, { name, type: memberType(parsed.typeFlag), offset: dataOffset, size, ...(linkName === '' ? {} : { linkName }) });
    if (members.size > IMAGE_LIMITS.maxArchiveEntries) return err(`it has more than ${IMAGE_LIMITS.maxArchiveEntries} members`);
    if (dataOffset + size > fileSize) return ok({ members, truncated: true });
  }
}

async function readFully(file: FileHandle, buffer: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < buffer.length) {
    const { bytesRead } = await file.read(buffer, done, buffer.length - done, position + done);
    if (bytesRead === 0) {
      buffer.fill(0, done);
      return;
    }
    done += bytesRead;
  }
}

interface ParsedHeader {
  readonly name: string;
  readonly linkName: string;
  readonly size: number;
  readonly typeFlag: string;
}

/** A ustar, GNU or v7 header, or undefined when the checksum says it is not one. */
function parseHeader(block: Buffer): ParsedHeader | undefined {
  const stored = parseOctal(block.subarray(148, 156));
  if (stored === undefined || !checksumMatches(block, stored)) return undefined;
  const size = parseSize(block.subarray(124, 136));
  if (size === undefined) return undefined;
  let name = cString(block.subarray(0, 100));
  // Only POSIX ustar has a name prefix; old GNU headers keep other fields at this offset.
  if (block.toString('latin1', 257, 263) === 'ustar\u000000') {
    const prefix = cString(block.subarray(345, 500));
    if (prefix !== '') name = `${prefix}/${name}`;
  }
  const flag = block[156] ?? 0;
  return { name, linkName: cString(block.subarray(157, 257)), size, typeFlag: flag === 0 ? '0' : String.fromCharCode(flag) };
}

function checksumMatches(block: Buffer, stored: number): boolean {
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i += 1) {
    const byte = i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  // Some old writers summed signed bytes; both are accepted, as GNU tar does.
  return stored === unsigned || stored === signed;
}

function cString(field: Buffer): string {
  const end = field.indexOf(0);
  return field.toString('utf8', 0, end === -1 ? field.length : end);
}

function parseOctal(field: Buffer): number | undefined {
  const text = field.toString('latin1').replace(/[\0 ]+$/u, '').replace(/^ +/u, '');
  if (text === '') return 0;
  if (!/^[0-7]+$/u.test(text)) return undefined;
  return Number.parseInt(text, 8);
}

/** Sizes past 8 GiB use GNU's base-256 form: the high bit of the first byte is set. */
function parseSize(field: Buffer): number | undefined {
  const first = field[0] ?? 0;
  if ((first & 0x80) === 0) return parseOctal(field);
  let value = first & 0x7f;
  for (const byte of field.subarray(1)) {
    value = value * 256 + byte;
    if (value > Number.MAX_SAFE_INTEGER) return undefined;
  }
  return value;
}

function memberType(flag: string): ArchiveMember['type'] {
  switch (flag) {
    case '0':
    case '7':
      return 'file';
    case '1':
      return 'hardlink';
    case '2':
      return 'symlink';
    case '5':
      return 'dir';
    default:
      return 'other';
  }
}

function longHeader(flag: string, data: Buffer): Overrides {
  if (flag === 'L') return { path: cString(data) };
  if (flag === 'K') return { linkPath: cString(data) };
  return paxRecords(data);
}

/** pax records are `<length> <key>=<value>\n`, the length counting the whole record. */
function paxRecords(data: Buffer): Overrides {
  const found: Overrides = {};
  let position = 0;
  while (position < data.length) {
    const space = data.indexOf(0x20, position);
    if (space === -1) break;
    const length = Number.parseInt(data.toString('latin1', position, space), 10);
    if (!Number.isSafeInteger(length) || length <= space - position || position + length > data.length) break;
    const record = data.toString('utf8', space + 1, position + length - 1);
    const equals = record.indexOf('=');
    if (equals > 0) {
      const key = record.slice(0, equals);
      const value = record.slice(equals + 1);
      if (key === 'path') found.path = value;
      else if (key === 'linkpath') found.linkPath = value;
      else if (key === 'size' && /^\d+$/u.test(value)) found.size = Number(value);
    }
    position += length;
  }
  return found;
}

/**
 * The regular-file member a name leads to, following links between members (Docker writes a
 * repeated layer as a symlink to the first copy). Links resolve inside the archive only.
 */
export function findMember(index: ArchiveIndex, name: string): ArchiveMember | undefined {
  let current = joinEntryPath(splitEntryPath(name).parts);
  for (let hop = 0; hop <= IMAGE_LIMITS.maxLinkHops; hop += 1) {
    const member = index.members.get(current);
    if (member === undefined) return undefined;
    if (member.type === 'file') return member;
    if (member.linkName === undefined) return undefined;
    if (member.type === 'hardlink') current = joinEntryPath(splitEntryPath(member.linkName).parts);
    else if (member.type === 'symlink') current = resolveSymlinkName(current, member.linkName);
    else return undefined;
  }
  return undefined;
}

function resolveSymlinkName(from: string, target: string): string {
  if (target.startsWith('/')) return joinEntryPath(splitEntryPath(target).parts);
  const directory = splitEntryPath(from).parts.slice(0, -1);
  return joinEntryPath(splitEntryPath([...directory, target].join('/')).parts);
}

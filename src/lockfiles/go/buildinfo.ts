// The build information the Go linker embeds in every executable (what `go version -m` prints):
// the Go release that built it, the main module and every module linked in.

/** A module at a version, as the build info records it. */
export interface GoModuleVersion {
  readonly path: string;
  /**
   * `v1.2.3`, a pseudo-version, or `(devel)` for the main module and directory replacements
   * (empty for a directory replacement in binaries older than Go 1.18).
   */
  readonly version: string;
}

/** A module the binary was built from; `replacedBy` is the code that was really compiled in. */
export interface GoModuleDependency extends GoModuleVersion {
  readonly replacedBy?: GoModuleVersion;
}

export interface GoBuildInfo {
  /** As the binary states it: `go1.19.8`, `devel go1.22-abc Mon …`. */
  readonly goVersion: string;
  readonly mainModule?: GoModuleVersion;
  readonly modules: readonly GoModuleDependency[];
}

/** `\xff Go buildinf:`, the start of the 32-byte build info header. */
const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
/** The linker aligns the header to 16 bytes; an unaligned match is a string constant, not the header. */
const HEADER_ALIGNMENT = 16;
const HEADER_SIZE = 32;
const POINTER_SIZE_AT = 14;
const FLAGS_AT = 15;
const FLAG_BIG_ENDIAN = 0x1;
/** Go 1.18 and later: the two strings follow the header inline instead of sitting behind pointers. */
const FLAG_INLINE_STRINGS = 0x2;
/** Binaries that read build info (the `go` tool itself) hold the magic as data too; try a few. */
const MAX_CANDIDATES = 16;
const MAX_VERSION_BYTES = 1024;
/** Far above the module list of the largest real programs (Kubernetes: ~100 KB). */
const MAX_MODINFO_BYTES = 8 * 1024 * 1024;
/** The linker wraps the module text in two 16-byte sentinels; Go strips them by position. */
const SENTINEL_SIZE = 16;

const ELF_MAGIC = Buffer.from('\x7fELF', 'latin1');
const PT_LOAD = 1;

/**
 * Whether the first bytes of a file look like an executable that may carry Go build info: ELF
 * (what container images hold), and Mach-O or PE, whose Go 1.18+ build info is read as well.
 * `head` needs at least 18 bytes to tell an ELF executable from an object file; 64 is plenty.
 */
export function isProbablyGoBinary(head: Buffer): boolean {
  if (head.length >= 18 && head.subarray(0, 4).equals(ELF_MAGIC)) {
    // Executables and PIEs only: object files (1) and core dumps (4) carry no build info.
    const type = head[5] === 2 ? head.readUInt16BE(16) : head.readUInt16LE(16);
    return type === 2 || type === 3;
  }
  if (head.length >= 4) {
    const magic = head.readUInt32BE(0);
    if (magic === 0xfeedface || magic === 0xfeedfacf || magic === 0xcefaedfe || magic === 0xcffaedfe) return true;
  }
  return head.length >= 2 && head[0] === 0x4d && head[1] === 0x5a; // "MZ", the DOS stub of a PE file
}

/**
 * The build info of a Go executable, or undefined when the bytes hold none that can be read
 * (not Go, truncated, stripped of it, or a pre-1.18 Mach-O/PE binary, whose pointers are not
 * followed). `_file` names the file for callers' symmetry with the other readers; nothing here
 * can fail loudly, so it is not used.
 */
export function readGoBuildInfo(bytes: Buffer, _file: string): GoBuildInfo | undefined {
  let candidates = 0;
  let memory: readonly LoadSegment[] | undefined;
  const elfMemory = (): readonly LoadSegment[] | undefined => (memory ??= readElfMemory(bytes));
  // indexOf walks the buffer once overall, so a file full of decoys still costs linear time.
  for (let at = bytes.indexOf(MAGIC); at !== -1 && candidates < MAX_CANDIDATES; at = bytes.indexOf(MAGIC, at + 1)) {
    if (at % HEADER_ALIGNMENT !== 0) continue;
    candidates++;
    const strings = readBuildStrings(bytes, at, elfMemory);
    if (strings !== undefined) return { goVersion: strings.version, ...parseModInfo(strings.modInfo) };
  }
  return undefined;
}

interface BuildStrings {
  readonly version: string;
  readonly modInfo: Buffer;
}

function readBuildStrings(bytes: Buffer, at: number, elfMemory: () => readonly LoadSegment[] | undefined): BuildStrings | undefined {
  if (at + HEADER_SIZE > bytes.length) return undefined;
  const pointerSize = bytes[at + POINTER_SIZE_AT];
  const flags = bytes[at + FLAGS_AT] ?? 0;
  if (pointerSize !== 4 && pointerSize !== 8) return undefined;
  let version: Buffer | undefined;
  let modInfo: Buffer | undefined;
  if ((flags & FLAG_INLINE_STRINGS) !== 0) {
    const first = readLengthPrefixed(bytes, at + HEADER_SIZE, MAX_VERSION_BYTES);
    version = first?.value;
    modInfo = first === undefined ? undefined : readLengthPrefixed(bytes, first.end, MAX_MODINFO_BYTES)?.value;
  } else {
    const memory = elfMemory();
    if (memory === undefined) return undefined;
    const layout: PointerLayout = { size: pointerSize, bigEndian: (flags & FLAG_BIG_ENDIAN) !== 0 };
    version = readGoString(bytes, memory, layout, readWord(bytes, at + 16, layout), MAX_VERSION_BYTES);
    modInfo = readGoString(bytes, memory, layout, readWord(bytes, at + 16 + pointerSize, layout), MAX_MODINFO_BYTES);
  }
  if (version === undefined || modInfo === undefined || !isPrintableAscii(version)) return undefined;
  return { version: version.toString('latin1'), modInfo };
}

/** A string stored as an unsigned LEB128 length (Go's uvarint) followed by its bytes. */
function readLengthPrefixed(bytes: Buffer, at: number, maxLength: number): { readonly value: Buffer; readonly end: number } | undefined {
  let length = 0;
  let position = at;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[position++];
    // Five groups of 7 bits already exceed any length we accept; stop before numbers lose precision.
    if (byte === undefined || shift > 28) return undefined;
    length += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) break;
  }
  if (length > maxLength || position + length > bytes.length) return undefined;
  return { value: bytes.subarray(position, position + length), end: position + length };
}

function isPrintableAscii(bytes: Buffer): boolean {
  return bytes.length > 0 && bytes.every((byte) => byte >= 0x20 && byte < 0x7f);
}

// --- Pre-1.18 binaries: the header points at two Go string headers somewhere in memory ---------

interface PointerLayout {
  readonly size: 4 | 8;
  readonly bigEndian: boolean;
}

/** A PT_LOAD segment: the file bytes the loader maps at a virtual address. */
interface LoadSegment {
  readonly fileOffset: number;
  readonly address: number;
  readonly fileSize: number;
}

/** An unsigned word as a safe integer, or undefined when out of bounds or past 2^53. */
function readWord(bytes: Buffer, at: number, layout: PointerLayout): number | undefined {
  if (at < 0 || at + layout.size > bytes.length) return undefined;
  if (layout.size === 4) return layout.bigEndian ? bytes.readUInt32BE(at) : bytes.readUInt32LE(at);
  const value = layout.bigEndian ? bytes.readBigUInt64BE(at) : bytes.readBigUInt64LE(at);
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : undefined;
}

/** The loadable segments of an ELF file (32 or 64 bit, either byte order), from its program headers. */
function readElfMemory(bytes: Buffer): readonly LoadSegment[] | undefined {
  if (bytes.length < 52 || !bytes.subarray(0, 4).equals(ELF_MAGIC)) return undefined;
  const elfClass = bytes[4];
  const byteOrder = bytes[5];
  if ((elfClass !== 1 && elfClass !== 2) || (byteOrder !== 1 && byteOrder !== 2)) return undefined;
  const is64 = elfClass === 2;
  const word: PointerLayout = { size: is64 ? 8 : 4, bigEndian: byteOrder === 2 };
  const half = (at: number): number => (word.bigEndian ? bytes.readUInt16BE(at) : bytes.readUInt16LE(at));
  if (is64 && bytes.length < 64) return undefined;
  const tableOffset = readWord(bytes, is64 ? 0x20 : 0x1c, word);
  const entrySize = half(is64 ? 0x36 : 0x2a);
  const entryCount = half(is64 ? 0x38 : 0x2c); // 16 bits, so the loop below is short
  if (tableOffset === undefined || entrySize < (is64 ? 56 : 32)) return undefined;
  const segments: LoadSegment[] = [];
  for (let index = 0; index < entryCount; index++) {
    const entry = tableOffset + index * entrySize;
    if (entry + entrySize > bytes.length) break;
    if (readWord(bytes, entry, { size: 4, bigEndian: word.bigEndian }) !== PT_LOAD) continue;
    // Elf64_Phdr: type, flags, offset, vaddr, paddr, filesz…; Elf32_Phdr: type, offset, vaddr, paddr, filesz…
    const [fileOffset, address, fileSize] = is64
      ? [readWord(bytes, entry + 8, word), readWord(bytes, entry + 16, word), readWord(bytes, entry + 32, word)]
      : [readWord(bytes, entry + 4, word), readWord(bytes, entry + 8, word), readWord(bytes, entry + 16, word)];
    if (fileOffset !== undefined && address !== undefined && fileSize !== undefined) segments.push({ fileOffset, address, fileSize });
  }
  return segments;
}

/** The file bytes behind `length` bytes of memory at `address`, when one segment holds them all. */
function readMemory(bytes: Buffer, memory: readonly LoadSegment[], address: number, length: number): Buffer | undefined {
  for (const segment of memory) {
    const into = address - segment.address;
    if (into < 0 || into + length > segment.fileSize) continue;
    const start = segment.fileOffset + into;
    if (start + length > bytes.length) return undefined;
    return bytes.subarray(start, start + length);
  }
  return undefined;
}

/** A Go string header (data pointer, length) at `address`, and the bytes it points at. */
function readGoString(bytes: Buffer, memory: readonly LoadSegment[], layout: PointerLayout, address: number | undefined, maxLength: number): Buffer | undefined {
  if (address === undefined) return undefined;
  const header = readMemory(bytes, memory, address, 2 * layout.size);
  if (header === undefined) return undefined;
  const dataAddress = readWord(header, 0, layout);
  const length = readWord(header, layout.size, layout);
  if (length === 0) return Buffer.alloc(0);
  if (dataAddress === undefined || length === undefined || length > maxLength) return undefined;
  return readMemory(bytes, memory, dataAddress, length);
}

// --- The module list ----------------------------------------------------------------------------

/**
 * The text between the sentinels: `path`, `mod`, `dep`, `=>` (replaces the dep before it) and
 * `build` lines, tab-separated. Lines that do not fit are skipped, as a best effort.
 */
function parseModInfo(raw: Buffer): Omit<GoBuildInfo, 'goVersion'> {
  // Go's own rule: strip the sentinels when the text ends in a newline just before the last one.
  const hasSentinels = raw.length >= 2 * SENTINEL_SIZE + 1 && raw[raw.length - SENTINEL_SIZE - 1] === 0x0a;
  const text = hasSentinels ? raw.subarray(SENTINEL_SIZE, raw.length - SENTINEL_SIZE).toString('utf8') : '';
  let mainModule: GoModuleVersion | undefined;
  const modules: GoModuleDependency[] = [];
  for (const line of text.split('\n')) {
    const [kind, path, version = ''] = line.split('\t', 3);
    if (path === undefined || path === '') continue;
    if (kind === '=>') {
      // Before Go 1.18 a directory replacement has an empty version; it still replaces the dep.
      const replaced = modules.at(-1);
      if (replaced !== undefined && replaced.replacedBy === undefined) modules[modules.length - 1] = { ...replaced, replacedBy: { path, version } };
    } else if (version !== '' && kind === 'mod') {
      mainModule = { path, version };
    } else if (version !== '' && kind === 'dep') {
      modules.push({ path, version });
    }
  }
  return mainModule === undefined ? { modules } : { mainModule, modules };
}

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isProbablyGoBinary, readGoBuildInfo } from './buildinfo.js';

// A real binary made by Go 1.19.8 (see __fixtures__/binaries/README.md for how, and for the
// `go version -m` output the expectations below come from).
const REAL_BINARY = gunzipSync(readFileSync(new URL('./__fixtures__/binaries/hello-go1.19.8-linux-amd64.gz', import.meta.url)));

// ---------------------------------------------------------------------------------------------
// Hand-built executables. Go cannot write the pre-1.18 form any more, and only amd64 is built for
// real, so the other shapes are assembled here, field by field, from the ELF and Go layouts.
// ---------------------------------------------------------------------------------------------

/** Appends fixed-size integers in one byte order; `word` is 4 or 8 bytes (ELF class / Go pointer). */
class ByteWriter {
  private readonly parts: Buffer[] = [];
  private length = 0;

  constructor(
    private readonly bigEndian: boolean,
    private readonly wordSize: 4 | 8,
  ) {}

  bytes(data: Buffer | string): this {
    const buffer = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    this.parts.push(buffer);
    this.length += buffer.length;
    return this;
  }

  u8(value: number): this {
    return this.bytes(Buffer.from([value]));
  }

  u16(value: number): this {
    const buffer = Buffer.alloc(2);
    if (this.bigEndian) buffer.writeUInt16BE(value);
    else buffer.writeUInt16LE(value);
    return this.bytes(buffer);
  }

  u32(value: number): this {
    const buffer = Buffer.alloc(4);
    if (this.bigEndian) buffer.writeUInt32BE(value);
    else buffer.writeUInt32LE(value);
    return this.bytes(buffer);
  }

  word(value: number): this {
    if (this.wordSize === 4) return this.u32(value);
    const buffer = Buffer.alloc(8);
    if (this.bigEndian) buffer.writeBigUInt64BE(BigInt(value));
    else buffer.writeBigUInt64LE(BigInt(value));
    return this.bytes(buffer);
  }

  /** Zero bytes up to an absolute offset. */
  padTo(offset: number): this {
    if (offset < this.length) throw new Error(`test layout overlaps: at ${this.length}, asked for ${offset}`);
    return this.bytes(Buffer.alloc(offset - this.length));
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.parts);
  }
}

interface Segment {
  /** Where the segment's bytes sit in the file. */
  readonly fileOffset: number;
  /** Where the loader maps them. */
  readonly address: number;
  readonly data: Buffer;
}

interface ElfSpec {
  readonly bits: 32 | 64;
  readonly bigEndian: boolean;
  readonly segments: readonly Segment[];
}

/**
 * An ELF executable with no sections: the ELF header at 0, the program header table right after
 * it (one PT_NOTE the reader must skip, then one PT_LOAD per segment), then each segment's bytes
 * at its file offset.
 */
function buildElf(spec: ElfSpec): Buffer {
  const is64 = spec.bits === 64;
  const wordSize = is64 ? 8 : 4;
  const headerSize = is64 ? 64 : 52;
  const entrySize = is64 ? 56 : 32;
  const out = new ByteWriter(spec.bigEndian, wordSize);
  // e_ident: magic, EI_CLASS (1 = 32-bit, 2 = 64-bit), EI_DATA (1 = little, 2 = big endian),
  // EI_VERSION 1, EI_OSABI 0 (System V), then padding to 16 bytes.
  out.bytes('\x7fELF').u8(is64 ? 2 : 1).u8(spec.bigEndian ? 2 : 1).u8(1).u8(0).padTo(16);
  out.u16(2); // e_type: ET_EXEC
  out.u16(is64 ? 0x3e : 8); // e_machine: x86-64, or MIPS for the 32-bit big-endian case
  out.u32(1); // e_version
  out.word(0); // e_entry (never run)
  out.word(headerSize); // e_phoff: the program header table follows this header
  out.word(0); // e_shoff: no section table (Go stripped binaries keep one, but it is not needed)
  out.u32(0); // e_flags
  out.u16(headerSize); // e_ehsize
  out.u16(entrySize); // e_phentsize
  out.u16(1 + spec.segments.length); // e_phnum
  out.u16(is64 ? 64 : 40).u16(0).u16(0); // e_shentsize, e_shnum, e_shstrndx
  programHeader(out, is64, { type: 4, fileOffset: 0, address: 0, size: 0 }); // PT_NOTE, empty
  for (const segment of spec.segments) {
    programHeader(out, is64, { type: 1, fileOffset: segment.fileOffset, address: segment.address, size: segment.data.length });
  }
  for (const segment of spec.segments) out.padTo(segment.fileOffset).bytes(segment.data);
  return out.toBuffer();
}

function programHeader(out: ByteWriter, is64: boolean, entry: { type: number; fileOffset: number; address: number; size: number }): void {
  const flags = 4; // PF_R
  // Elf64_Phdr: p_type, p_flags, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_align.
  // Elf32_Phdr: p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_flags, p_align.
  out.u32(entry.type);
  if (is64) out.u32(flags);
  out.word(entry.fileOffset).word(entry.address).word(entry.address).word(entry.size).word(entry.size);
  if (!is64) out.u32(flags);
  out.word(16);
}

const MAGIC = '\xff Go buildinf:'; // 14 bytes; the header is 32 bytes in all
// The 16-byte sentinels the linker puts around the module text (cmd/go's modload constants).
const SENTINEL_START = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
const SENTINEL_END = Buffer.from('f932433186182072008242104116d8f2', 'hex');

function wrapModInfo(text: string): Buffer {
  return Buffer.concat([SENTINEL_START, Buffer.from(text, 'utf8'), SENTINEL_END]);
}

/** Go's uvarint: 7 bits per byte, low group first, high bit set on all but the last byte. */
function uvarint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

/**
 * Go 1.18+ header: magic, pointer size (8), flags (0x2 = strings inline, | 0x1 if big endian),
 * 16 unused bytes, then the version and the module text, each a uvarint length and the bytes.
 */
function inlineBuildInfo(version: string, modInfo: Buffer, bigEndian = false): Buffer {
  const out = new ByteWriter(bigEndian, 8);
  out.bytes(MAGIC).u8(8).u8(0x2 | (bigEndian ? 1 : 0)).padTo(32);
  const versionBytes = Buffer.from(version, 'latin1');
  return out.bytes(uvarint(versionBytes.length)).bytes(versionBytes).bytes(uvarint(modInfo.length)).bytes(modInfo).toBuffer();
}

/**
 * Pre-1.18 header: magic, pointer size, flags (0x1 if big endian), then at offset 16 the address
 * of the version's Go string header and right after it the address of the module text's.
 */
function pointerBuildInfo(pointerSize: 4 | 8, bigEndian: boolean, versionAddress: number, modInfoAddress: number): Buffer {
  const out = new ByteWriter(bigEndian, pointerSize);
  return out.bytes(MAGIC).u8(pointerSize).u8(bigEndian ? 1 : 0).word(versionAddress).word(modInfoAddress).padTo(32).toBuffer();
}

/**
 * A Go 1.13–1.17 style executable in two segments, mapped far from their file offsets so that an
 * address mistaken for an offset finds nothing:
 *   segment A, file 0x100, address 0x0804_0000: the 32-byte header (pointers into segment B)
 *   segment B, file 0x200, address 0x0860_0000 (B below):
 *     B+0        version string header: data address B+4w, length
 *     B+2w       module text string header: data address B+4w+len(version), length
 *     B+4w       the version bytes, then the module text bytes
 */
function pointerFormElf(options: { bits: 32 | 64; bigEndian: boolean; version: string; modInfo: Buffer }): Buffer {
  const pointerSize = options.bits === 64 ? 8 : 4;
  const segmentB = 0x0860_0000;
  const versionData = segmentB + 4 * pointerSize;
  const modInfoData = versionData + options.version.length;
  const strings = new ByteWriter(options.bigEndian, pointerSize)
    .word(versionData)
    .word(options.version.length)
    .word(options.modInfo.length === 0 ? 0 : modInfoData)
    .word(options.modInfo.length)
    .bytes(options.version)
    .bytes(options.modInfo)
    .toBuffer();
  return buildElf({
    bits: options.bits,
    bigEndian: options.bigEndian,
    segments: [
      { fileOffset: 0x100, address: 0x0804_0000, data: pointerBuildInfo(pointerSize, options.bigEndian, segmentB, segmentB + 2 * pointerSize) },
      { fileOffset: 0x200, address: segmentB, data: strings },
    ],
  });
}

const MOD_INFO_TEXT = [
  'path\texample.com/tool/cmd/tool',
  'mod\texample.com/tool\t(devel)\t',
  'dep\tgithub.com/gin-gonic/gin\tv1.6.0\th1:Lb3veSYoGaNck69fV2+Vf2juLSsHpMTf3Vk5+X+EDJg=',
  'dep\tgolang.org/x/sys\tv0.0.0-20200116001909-b77594299b42',
  '=>\tgolang.org/x/sys\tv0.0.0-20220412211240-33da011f77ad\th1:OH54vjqzRWmbJ62fjuhxy7AxFFgoHN0/DPc/UrL8cAs=',
  'dep\texample.com/internal/auth\tv0.1.0',
  '=>\t../auth\t\t',
  'build\t-compiler=gc',
  '',
].join('\n');

const EXPECTED_MODULES = [
  { path: 'github.com/gin-gonic/gin', version: 'v1.6.0' },
  {
    path: 'golang.org/x/sys',
    version: 'v0.0.0-20200116001909-b77594299b42',
    replacedBy: { path: 'golang.org/x/sys', version: 'v0.0.0-20220412211240-33da011f77ad' },
  },
  { path: 'example.com/internal/auth', version: 'v0.1.0', replacedBy: { path: '../auth', version: '' } },
];

describe('lockfiles/go/buildinfo', () => {
  describe('a real Go 1.19 binary', () => {
    it('reads the Go version, the main module and each dependency with its replacement', () => {
      expect(readGoBuildInfo(REAL_BINARY, 'usr/local/bin/hello')).toEqual({
        goVersion: 'go1.19.8',
        mainModule: { path: 'example.com/hello', version: '(devel)' },
        modules: [
          { path: 'example.com/color', version: 'v0.1.0' },
          { path: 'example.com/greeting', version: 'v1.2.3', replacedBy: { path: 'example.com/greeting-fork', version: 'v1.2.4' } },
          { path: 'example.com/local', version: 'v0.0.0', replacedBy: { path: './local', version: '(devel)' } },
        ],
      });
    });

    it('is recognised from its first bytes', () => {
      expect(isProbablyGoBinary(REAL_BINARY.subarray(0, 64))).toBe(true);
    });

    it('gives up on a copy cut off inside the build info', () => {
      // The header sits at 0xbb000 (readelf); cut 40 bytes later, inside the version string.
      expect(readGoBuildInfo(REAL_BINARY.subarray(0, 0xbb000 + 40), 'hello')).toBeUndefined();
      expect(readGoBuildInfo(REAL_BINARY.subarray(0, 0xbb000), 'hello')).toBeUndefined();
    });
  });

  describe('the Go 1.18+ inline form', () => {
    const elf = buildElf({
      bits: 64,
      bigEndian: false,
      segments: [{ fileOffset: 0x100, address: 0x0050_0000, data: inlineBuildInfo('go1.21.5', wrapModInfo(MOD_INFO_TEXT)) }],
    });

    it('reads a minimal ELF64 file: version, main module, deps and `=>` replacements', () => {
      expect(readGoBuildInfo(elf, 'app')).toEqual({ goVersion: 'go1.21.5', mainModule: { path: 'example.com/tool', version: '(devel)' }, modules: EXPECTED_MODULES });
    });

    it('reads a module text longer than 127 bytes (a two-byte length)', () => {
      const deps = Array.from({ length: 40 }, (_, index) => `dep\texample.com/m${index}\tv1.0.${index}\t`).join('\n');
      const big = buildElf({ bits: 64, bigEndian: false, segments: [{ fileOffset: 0x100, address: 0x1000, data: inlineBuildInfo('go1.22.0', wrapModInfo(`${deps}\n`)) }] });
      const info = readGoBuildInfo(big, 'app');
      expect(info?.modules).toHaveLength(40);
      expect(info?.modules[39]).toEqual({ path: 'example.com/m39', version: 'v1.0.39' });
    });

    it('needs no ELF structure, so Mach-O and PE files of Go 1.18+ read the same', () => {
      const machO = Buffer.concat([Buffer.from('cffaedfe', 'hex'), Buffer.alloc(0x1000 - 4), inlineBuildInfo('go1.20.1', wrapModInfo(MOD_INFO_TEXT))]);
      expect(readGoBuildInfo(machO, 'app')?.goVersion).toBe('go1.20.1');
    });

    it('treats a module text without sentinels as no modules, as Go does', () => {
      const bare = buildElf({ bits: 64, bigEndian: false, segments: [{ fileOffset: 0x100, address: 0x1000, data: inlineBuildInfo('go1.21.5', Buffer.from(MOD_INFO_TEXT)) }] });
      expect(readGoBuildInfo(bare, 'app')).toEqual({ goVersion: 'go1.21.5', modules: [] });
    });
  });

  describe('the pre-1.18 pointer form', () => {
    it('follows the pointers through the program headers of a little-endian ELF64 file', () => {
      const elf = pointerFormElf({ bits: 64, bigEndian: false, version: 'go1.16.15', modInfo: wrapModInfo(MOD_INFO_TEXT) });
      expect(readGoBuildInfo(elf, 'app')).toEqual({ goVersion: 'go1.16.15', mainModule: { path: 'example.com/tool', version: '(devel)' }, modules: EXPECTED_MODULES });
    });

    it('reads a big-endian ELF32 file with 4-byte pointers', () => {
      const elf = pointerFormElf({ bits: 32, bigEndian: true, version: 'go1.15.8', modInfo: wrapModInfo(MOD_INFO_TEXT) });
      expect(readGoBuildInfo(elf, 'app')).toEqual({ goVersion: 'go1.15.8', mainModule: { path: 'example.com/tool', version: '(devel)' }, modules: EXPECTED_MODULES });
    });

    it('reads a little-endian ELF32 and a big-endian ELF64 file', () => {
      for (const [bits, bigEndian] of [
        [32, false],
        [64, true],
      ] as const) {
        const elf = pointerFormElf({ bits, bigEndian, version: 'go1.14', modInfo: wrapModInfo(MOD_INFO_TEXT) });
        expect(readGoBuildInfo(elf, 'app')?.modules, `${bits}-bit, big endian ${bigEndian}`).toEqual(EXPECTED_MODULES);
      }
    });

    it('gives the Go version alone for a GOPATH build, whose module text is empty', () => {
      const elf = pointerFormElf({ bits: 64, bigEndian: false, version: 'go1.13', modInfo: Buffer.alloc(0) });
      expect(readGoBuildInfo(elf, 'app')).toEqual({ goVersion: 'go1.13', modules: [] });
    });

    it('returns undefined when a pointer leads outside every loaded segment', () => {
      const elf = pointerFormElf({ bits: 64, bigEndian: false, version: 'go1.16', modInfo: wrapModInfo(MOD_INFO_TEXT) });
      // The version pointer sits 16 bytes into segment A (file 0x100); point it at unmapped memory.
      const broken = Buffer.from(elf);
      broken.writeBigUInt64LE(0x7000_0000n, 0x100 + 16);
      expect(readGoBuildInfo(broken, 'app')).toBeUndefined();
      // Cut the file inside segment B: the program header still claims bytes that are not there.
      expect(readGoBuildInfo(elf.subarray(0, 0x210), 'app')).toBeUndefined();
    });

    it('returns undefined for the pointer form outside an ELF file (Mach-O and PE are not mapped)', () => {
      const pe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(0x3e), pointerBuildInfo(8, false, 0x1000, 0x1010), Buffer.alloc(64)]);
      expect(readGoBuildInfo(pe, 'app.exe')).toBeUndefined();
    });
  });

  describe('hostile and foreign input', () => {
    it('skips an unaligned copy of the magic and an aligned one with an impossible pointer size', () => {
      const real = inlineBuildInfo('go1.21.5', wrapModInfo(MOD_INFO_TEXT));
      const decoys = new ByteWriter(false, 8)
        .bytes(`xx${MAGIC}\x08\x02junk`) // at offset 2: a string constant in rodata, not aligned
        .padTo(0x20)
        .bytes(`${MAGIC}\x07\x02`) // aligned, but a pointer size of 7
        .padTo(0x40)
        .bytes(real)
        .toBuffer();
      expect(readGoBuildInfo(decoys, 'go')?.goVersion).toBe('go1.21.5');
    });

    it('rejects a version that is not printable text', () => {
      const binary = buildElf({ bits: 64, bigEndian: false, segments: [{ fileOffset: 0x100, address: 0x1000, data: inlineBuildInfo('go1\x00\x01', wrapModInfo(MOD_INFO_TEXT)) }] });
      expect(readGoBuildInfo(binary, 'app')).toBeUndefined();
    });

    it('rejects an overlong or out-of-range string length', () => {
      const header = inlineBuildInfo('go1.21.5', wrapModInfo(MOD_INFO_TEXT)).subarray(0, 32);
      const endless = Buffer.concat([header, Buffer.alloc(64, 0xff)]); // a varint that never ends
      const tooLong = Buffer.concat([header, uvarint(0x10_0000), Buffer.from('go1.21.5')]); // 1 MiB claimed
      expect(readGoBuildInfo(endless, 'app')).toBeUndefined();
      expect(readGoBuildInfo(tooLong, 'app')).toBeUndefined();
    });

    it('returns undefined for garbage, an empty file and a text file', () => {
      const garbage = Buffer.alloc(1 << 16);
      let seed = 12345;
      for (let index = 0; index < garbage.length; index++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31; // a fixed pseudo-random sequence
        garbage[index] = seed >>> 16;
      }
      expect(readGoBuildInfo(garbage, 'x')).toBeUndefined();
      expect(readGoBuildInfo(Buffer.alloc(0), 'x')).toBeUndefined();
      expect(readGoBuildInfo(Buffer.from('#!/bin/sh\necho "\xff Go buildinf:"\n'), 'x')).toBeUndefined();
      expect(readGoBuildInfo(Buffer.from(MAGIC, 'latin1'), 'x')).toBeUndefined();
    });

    it('stays fast on a file of aligned decoys and a program header table of 65 535 entries', () => {
      // ELF64 header claiming 65 535 program headers, then 4 MiB where every 16-byte slot is a
      // pointer-form header whose pointers lead nowhere.
      const header = buildElf({ bits: 64, bigEndian: false, segments: [] });
      header.writeUInt16LE(0xffff, 0x38);
      const decoy = pointerBuildInfo(8, false, 0xdead_0000, 0xdead_0010).subarray(0, 16);
      const body = Buffer.alloc(4 * 1024 * 1024);
      for (let offset = 0; offset < body.length; offset += 16) decoy.copy(body, offset);
      const started = performance.now();
      expect(readGoBuildInfo(Buffer.concat([header, Buffer.alloc(0x100 - header.length), body]), 'bomb')).toBeUndefined();
      expect(performance.now() - started).toBeLessThan(2000);
    });
  });

  describe('isProbablyGoBinary', () => {
    it('accepts ELF executables and PIEs, Mach-O and PE files', () => {
      const exec = buildElf({ bits: 64, bigEndian: false, segments: [] });
      const pie = Buffer.from(exec);
      pie.writeUInt16LE(3, 16); // e_type ET_DYN
      const bigEndian32 = buildElf({ bits: 32, bigEndian: true, segments: [] });
      for (const head of [exec, pie, bigEndian32, Buffer.from('cffaedfe07000001', 'hex'), Buffer.from('feedface00000000', 'hex'), Buffer.from('MZ\x90\x00')]) {
        expect(isProbablyGoBinary(head), head.subarray(0, 8).toString('hex')).toBe(true);
      }
    });

    it('refuses ELF object files, scripts, Java classes and files too short to tell', () => {
      const object = buildElf({ bits: 64, bigEndian: false, segments: [] });
      object.writeUInt16LE(1, 16); // e_type ET_REL
      for (const head of [object, Buffer.from('#!/bin/sh\n'), Buffer.from('cafebabe00000034', 'hex'), Buffer.from('\x7fEL'), Buffer.alloc(0)]) {
        expect(isProbablyGoBinary(head), head.subarray(0, 8).toString('hex')).toBe(false);
      }
    });
  });
});

describe('lockfiles/go/buildinfo (mutated binaries)', () => {
  it('never throws, whatever bytes of a pointer-form or inline-form file are changed', () => {
    const originals = [
      pointerFormElf({ bits: 64, bigEndian: false, version: 'go1.16.15', modInfo: wrapModInfo(MOD_INFO_TEXT) }),
      pointerFormElf({ bits: 32, bigEndian: true, version: 'go1.15.8', modInfo: wrapModInfo(MOD_INFO_TEXT) }),
      buildElf({ bits: 64, bigEndian: false, segments: [{ fileOffset: 0x100, address: 0x1000, data: inlineBuildInfo('go1.21.5', wrapModInfo(MOD_INFO_TEXT)) }] }),
    ];
    let seed = 11;
    const next = (bound: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31; // a fixed pseudo-random sequence
      return Math.floor((seed / 2 ** 31) * bound); // the high bits: an LCG's low bits cycle
    };
    let read = 0;
    for (let round = 0; round < 3000; round++) {
      const original = originals[round % originals.length] ?? Buffer.alloc(0);
      const mutated = Buffer.from(original);
      // Aim most changes at the headers and the build info (the first 0x240 bytes).
      for (let change = 0; change < 1 + next(4); change++) mutated[next(Math.min(mutated.length, 0x240))] = next(256);
      const info = readGoBuildInfo(next(4) === 0 ? mutated.subarray(0, next(mutated.length)) : mutated, 'fuzz');
      if (info !== undefined) read++;
      isProbablyGoBinary(mutated.subarray(0, next(32)));
    }
    // Most single-byte changes hit padding or text and leave the build info readable.
    expect(read).toBeGreaterThan(1000);
  });
});

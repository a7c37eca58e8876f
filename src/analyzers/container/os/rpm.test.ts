import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { adler32 } from './rpm-ndb.js';
import { parseRpmHeader, parseSourceRpm } from './rpm-header.js';
import { readRpmDatabase } from './rpm.js';
import type { OsPackageList } from './types.js';

function fixture(name: string): Buffer {
  const bytes = readFileSync(new URL(`./__fixtures__/rpm/${name}`, import.meta.url));
  return name.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}

const SQLITE = fixture('rpmdb.sqlite.gz');
const BDB = fixture('Packages.gz');
const NDB = fixture('Packages.db');

/** What the four packages built from specs/*.spec are, as `rpm -qa` printed them (see README). */
const EXPECTED = [
  { name: 'tinydata', version: '2024a-1.el9', arch: 'noarch', sourceName: 'tinydata', sourceVersion: '2024a-1.el9', license: 'Public Domain' },
  { name: 'tinydocs', version: '1.0-3.el9', arch: 'noarch', sourceName: 'tinydocs', sourceVersion: '1.0-3.el9', license: 'CC-BY-4.0' },
  { name: 'tinyssl', version: '1:3.0.7-24.el9', arch: 'x86_64', sourceName: 'tinyssl', sourceVersion: '1:3.0.7-24.el9', license: 'Apache-2.0' },
  { name: 'tinyssl-libs', version: '1:3.0.7-24.el9', arch: 'x86_64', sourceName: 'tinyssl', sourceVersion: '1:3.0.7-24.el9', license: 'Apache-2.0 AND MIT' },
];

function sortedByName(result: OsPackageList): OsPackageList['packages'] {
  return [...result.packages].sort((a, b) => a.name.localeCompare(b.name));
}

/** Read a damaged database and insist it answers quickly. */
async function readQuickly(bytes: Uint8Array, file: string): Promise<OsPackageList> {
  const started = performance.now();
  const result = await readRpmDatabase(bytes, file);
  expect(performance.now() - started).toBeLessThan(3000);
  return result;
}

/** Page numbers of a Berkeley DB file's pages of one type (type byte at 25, page size at 20). */
function pagesOfType(bytes: Buffer, type: number): number[] {
  const pageSize = bytes.readUInt32LE(20);
  const pages: number[] = [];
  for (let page = 1; page * pageSize < bytes.length; page++) if (bytes[page * pageSize + 25] === type) pages.push(page);
  return pages;
}

/**
 * The same database as a big-endian machine writes it: Berkeley DB stores its own numbers in the
 * writer's byte order (metadata magic and page size; page links, entry counts, item offsets and
 * off-page references), while rpm's header blobs stay big-endian either way.
 */
function toBigEndianBerkeleyDb(littleEndian: Buffer): Buffer {
  const bytes = Buffer.from(littleEndian);
  const pageSize = littleEndian.readUInt32LE(20);
  const swap32 = (at: number): void => void bytes.writeUInt32BE(littleEndian.readUInt32LE(at), at);
  const swap16 = (at: number): void => void bytes.writeUInt16BE(littleEndian.readUInt16LE(at), at);
  swap32(12);
  swap32(20);
  for (let start = pageSize; start < bytes.length; start += pageSize) {
    const entries = littleEndian.readUInt16LE(start + 20);
    swap32(start + 16);
    swap16(start + 20);
    swap16(start + 22);
    if (littleEndian[start + 25] !== 13) continue;
    for (let index = 0; index < entries; index++) {
      const offset = littleEndian.readUInt16LE(start + 26 + index * 2);
      swap16(start + 26 + index * 2);
      if (littleEndian[start + offset] === 3) {
        swap32(start + offset + 4);
        swap32(start + offset + 8);
      }
    }
  }
  return bytes;
}

describe('analyzers/container/os/rpm', () => {
  it.each([
    ['SQLite', SQLITE, 'var/lib/rpm/rpmdb.sqlite'],
    ['Berkeley DB hash', BDB, 'var/lib/rpm/Packages'],
    ['ndb', NDB, 'usr/lib/sysimage/rpm/Packages.db'],
  ])('reads the four packages of the %s database', async (_format, bytes, file) => {
    const result = await readRpmDatabase(bytes, file);
    expect(result.problems).toEqual([]);
    expect(sortedByName(result)).toEqual(EXPECTED.map((pkg) => ({ ...pkg, file })));
  });

  it('reads a big-endian Berkeley DB (as written on s390x or ppc64)', async () => {
    const result = await readRpmDatabase(toBigEndianBerkeleyDb(BDB), 'var/lib/rpm/Packages');
    expect(result.problems).toEqual([]);
    expect(sortedByName(result)).toEqual(EXPECTED.map((pkg) => ({ ...pkg, file: 'var/lib/rpm/Packages' })));
  });

  it('maps a sub-package to the source rpm it was built from, with the epoch the source rpm’s name leaves out', async () => {
    const libs = (await readRpmDatabase(SQLITE, 'rpmdb.sqlite')).packages.find((pkg) => pkg.name === 'tinyssl-libs');
    expect([libs?.sourceName, libs?.sourceVersion]).toEqual(['tinyssl', '1:3.0.7-24.el9']);
  });

  it.each([
    ['openssl-3.0.7-24.el9.src.rpm', { name: 'openssl', versionRelease: '3.0.7-24.el9' }],
    ['python3.11-3.11.5-1.el9_3.src.rpm', { name: 'python3.11', versionRelease: '3.11.5-1.el9_3' }],
    ['kernel-rt-5.14.0-362.8.1.rt14.343.el9_3.nosrc.rpm', { name: 'kernel-rt', versionRelease: '5.14.0-362.8.1.rt14.343.el9_3' }],
    ['noversion.src.rpm', undefined],
    ['a-b.src.rpm', undefined],
    ['-1-2.src.rpm', undefined],
  ])('parses the source rpm name %s', (sourceRpm, expected) => {
    expect(parseSourceRpm(sourceRpm)).toEqual(expected);
  });

  describe('damaged databases give a problem, quickly, and keep what is readable', () => {
    it('a truncated SQLite file', async () => {
      const result = await readQuickly(SQLITE.subarray(0, 12 * 1024), 'rpmdb.sqlite');
      expect(result.problems.map((problem) => problem.code)).toContain('rpmdb-corrupt');
    });

    it('garbage bytes', async () => {
      const garbage = Buffer.alloc(64 * 1024, 0);
      for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 251;
      const result = await readQuickly(garbage, 'var/lib/rpm/Packages');
      expect(result.packages).toEqual([]);
      expect(result.problems).toMatchObject([{ code: 'rpmdb-unsupported', file: 'var/lib/rpm/Packages' }]);
    });

    it('an empty file', async () => {
      const result = await readQuickly(Buffer.alloc(0), 'var/lib/rpm/rpmdb.sqlite');
      expect(result.problems).toMatchObject([{ code: 'rpmdb-unsupported' }]);
    });

    it('a Berkeley DB whose overflow chain loops back on itself', async () => {
      const looped = Buffer.from(BDB);
      const pageSize = looped.readUInt32LE(20);
      // tinydocs's 11 KB header is the one value that needs two overflow pages; point the first at itself.
      const chainStart = pagesOfType(looped, 7).find((page) => looped.readUInt32LE(page * pageSize + 16) !== 0);
      expect(chainStart).toBeDefined();
      looped.writeUInt32LE(chainStart ?? 0, (chainStart ?? 0) * pageSize + 16);
      const result = await readQuickly(looped, 'var/lib/rpm/Packages');
      expect(result.packages.map((pkg) => pkg.name).sort()).toEqual(['tinydata', 'tinyssl', 'tinyssl-libs']);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({ code: 'rpmdb-corrupt', file: 'var/lib/rpm/Packages' });
      expect(result.problems[0]?.message).toContain('loops');
    });

    it('a Berkeley DB cut off in the middle of a page', async () => {
      const pageSize = BDB.readUInt32LE(20);
      const result = await readQuickly(BDB.subarray(0, 3 * pageSize + 100), 'var/lib/rpm/Packages');
      expect(result.problems.some((problem) => problem.message.includes('truncated'))).toBe(true);
      expect(result.packages.length).toBeLessThan(4);
    });

    it('a Berkeley DB whose metadata page gives an impossible page size', async () => {
      const broken = Buffer.from(BDB);
      broken.writeUInt32LE(1000, 20);
      const result = await readQuickly(broken, 'var/lib/rpm/Packages');
      expect(result.packages).toEqual([]);
      expect(result.problems[0]?.message).toContain('page size of 1000');
    });

    it('a Berkeley DB hash page claiming more entries than fit', async () => {
      const broken = Buffer.from(BDB);
      const pageSize = broken.readUInt32LE(20);
      for (const page of pagesOfType(broken, 13)) broken.writeUInt16LE(0xffff, page * pageSize + 20);
      const result = await readQuickly(broken, 'var/lib/rpm/Packages');
      expect(result.packages).toEqual([]);
      expect(result.problems.every((problem) => problem.code === 'rpmdb-corrupt')).toBe(true);
      expect(result.problems.length).toBeGreaterThan(0);
    });

    it('an ndb blob whose checksum no longer matches', async () => {
      const flipped = Buffer.from(NDB);
      // The first blob starts right after the single 4096-byte slot page; damage a byte of its header.
      flipped[4096 + 16 + 40] = (flipped[4096 + 16 + 40] ?? 0) ^ 0xff;
      const result = await readQuickly(flipped, 'Packages.db');
      expect(result.packages).toHaveLength(3);
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]?.message).toContain('checksum');
    });

    it('an ndb file cut short', async () => {
      const result = await readQuickly(NDB.subarray(0, NDB.length - 1000), 'Packages.db');
      expect(result.packages).toHaveLength(3);
      expect(result.problems[0]?.message).toContain('truncated');
    });

    it('an ndb file whose header claims more slot pages than the file has', async () => {
      const broken = Buffer.from(NDB);
      broken.writeUInt32LE(0xffffffff, 12);
      const result = await readQuickly(broken, 'Packages.db');
      expect(result.packages).toEqual([]);
      expect(result.problems[0]?.code).toBe('rpmdb-corrupt');
    });
  });

  describe('rpm header blobs', () => {
    /** A header with one NAME entry: il=1, dl, the entry, then the data. */
    function header(indexCount: number, dataLength: number, entries: readonly number[][], data: Buffer): Buffer {
      const head = Buffer.alloc(8 + entries.length * 16);
      head.writeUInt32BE(indexCount, 0);
      head.writeUInt32BE(dataLength, 4);
      entries.forEach((entry, i) => entry.forEach((word, j) => head.writeUInt32BE(word, 8 + i * 16 + j * 4)));
      return Buffer.concat([head, data]);
    }
    const strings = Buffer.from('name\0' + '1.0\0' + '1\0');
    const good = [
      [1000, 6, 0, 1],
      [1001, 6, 5, 1],
      [1002, 6, 9, 1],
    ];

    it('reads a minimal header', () => {
      expect(parseRpmHeader(header(3, strings.length, good, strings))).toEqual({ ok: true, value: { name: 'name', version: '1.0', release: '1' } });
    });

    it.each([
      ['more index entries than rpm allows', header(0x10000, strings.length, good, strings), 'index entries'],
      ['no index entries', header(0, 0, [], Buffer.alloc(0)), 'index entries'],
      ['more data than the blob holds', header(3, 1000, good, strings), 'holds only'],
      ['a string offset past the data', header(3, strings.length, [[1000, 6, 500, 1], ...good.slice(1)], strings), 'points past'],
      ['an unterminated string', header(3, 4, good, Buffer.from('name')), 'not terminated'],
      ['a NAME that is not a string', header(3, strings.length, [[1000, 4, 0, 1], ...good.slice(1)], strings), 'not a string'],
      ['no RELEASE', header(2, strings.length, good.slice(0, 2), strings), 'no NAME'],
      ['fewer than eight bytes', Buffer.from([0, 0, 0]), 'too short'],
    ])('refuses a header with %s', (_case, blob, reason) => {
      const result = parseRpmHeader(blob);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain(reason);
    });
  });

  it('computes Adler-32 as RFC 1950 defines it', () => {
    // The widely published worked example: "Wikipedia" sums to 0x11E60398.
    expect(adler32(Buffer.from('Wikipedia'))).toBe(0x11e60398);
  });
});

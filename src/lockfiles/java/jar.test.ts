import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { JarLimits } from './jar.js';
import { DEFAULT_JAR_LIMITS, readJar } from './jar.js';

// ---------------------------------------------------------------------------------------------
// A tiny zip writer (PKWARE APPNOTE layout: local headers and data, central directory, end
// record). Only what these tests need: stored or deflated entries, UTF-8 names, no zip64, and a
// way to lie about an entry's size.
// ---------------------------------------------------------------------------------------------

interface ZipEntrySpec {
  readonly name: string;
  readonly data: Buffer | string;
  /** Deflate (method 8) instead of store (method 0). */
  readonly deflate?: boolean;
  /** The uncompressed size the headers claim, when not the real one. */
  readonly declaredSize?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, byte) => {
  let crc = byte;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc >>> 0;
});

/** CRC-32 as zip uses it: reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF. */
function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

interface StoredEntry {
  readonly name: Buffer;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

/** Fields shared by the local and central headers, from "version needed" to the name length. */
function commonFields(entry: StoredEntry): Buffer {
  const fields = Buffer.alloc(26);
  fields.writeUInt16LE(20, 0); // version needed to extract: 2.0 (deflate)
  fields.writeUInt16LE(0x0800, 2); // general purpose flags: bit 11, the name is UTF-8
  fields.writeUInt16LE(entry.method, 4);
  fields.writeUInt16LE(0, 6); // last modified time (MS-DOS): 00:00:00
  fields.writeUInt16LE((41 << 9) | (1 << 5) | 1, 8); // last modified date: 2021-01-01
  fields.writeUInt32LE(entry.crc, 10);
  fields.writeUInt32LE(entry.compressedSize, 14);
  fields.writeUInt32LE(entry.size, 18);
  fields.writeUInt16LE(entry.name.length, 22);
  fields.writeUInt16LE(0, 24); // extra field length
  return fields;
}

function localHeader(entry: StoredEntry): Buffer {
  const signature = Buffer.alloc(4);
  signature.writeUInt32LE(0x04034b50);
  return Buffer.concat([signature, commonFields(entry), entry.name]);
}

function centralHeader(entry: StoredEntry): Buffer {
  const start = Buffer.alloc(6);
  start.writeUInt32LE(0x02014b50); // signature
  start.writeUInt16LE(20, 4); // version made by: 2.0, MS-DOS
  const rest = Buffer.alloc(14);
  // comment length 0 (2 bytes), disk number 0 (2), internal attributes 0 (2), external 0 (4), then:
  rest.writeUInt32LE(entry.offset, 10); // offset of the local header
  return Buffer.concat([start, commonFields(entry), rest, entry.name]);
}

function endRecord(count: number, directorySize: number, directoryOffset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  // disk numbers 0 and 0
  end.writeUInt16LE(count, 8); // entries on this disk
  end.writeUInt16LE(count, 10); // entries in all
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return end; // comment length 0
}

function buildZip(specs: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const entries: StoredEntry[] = [];
  let offset = 0;
  for (const spec of specs) {
    const data = typeof spec.data === 'string' ? Buffer.from(spec.data, 'utf8') : spec.data;
    const body = spec.deflate === true ? deflateRawSync(data) : data;
    const entry: StoredEntry = {
      name: Buffer.from(spec.name, 'utf8'),
      method: spec.deflate === true ? 8 : 0,
      crc: crc32(data),
      compressedSize: body.length,
      size: spec.declaredSize ?? data.length,
      offset,
    };
    const local = Buffer.concat([localHeader(entry), body]);
    locals.push(local);
    entries.push(entry);
    offset += local.length;
  }
  const directory = Buffer.concat(entries.map(centralHeader));
  return Buffer.concat([...locals, directory, endRecord(entries.length, directory.length, offset)]);
}

/**
 * A non-recursive zip bomb (overlapping entries): one deflated "kernel" stored once, and `count`
 * central directory records that all point at it, so every entry inflates the same bytes again.
 */
function buildOverlappingZip(count: number, kernel: Buffer, namePrefix: string): Buffer {
  const compressed = deflateRawSync(kernel);
  const shared = { method: 8, crc: crc32(kernel), compressedSize: compressed.length, size: kernel.length, offset: 0 };
  const local = Buffer.concat([localHeader({ ...shared, name: Buffer.from(`${namePrefix}0.jar`) }), compressed]);
  const directory = Buffer.concat(Array.from({ length: count }, (_, index) => centralHeader({ ...shared, name: Buffer.from(`${namePrefix}${index}.jar`) })));
  return Buffer.concat([local, directory, endRecord(count, directory.length, local.length)]);
}

// ---------------------------------------------------------------------------------------------

function pomProperties(groupId: string, artifactId: string, version: string): string {
  // What Maven's archiver writes.
  return `#Created by Apache Maven 3.6.3\nversion=${version}\ngroupId=${groupId}\nartifactId=${artifactId}\n`;
}

function libraryJar(groupId: string, artifactId: string, version: string): Buffer {
  return buildZip([
    { name: 'META-INF/', data: '' },
    { name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0\r\nCreated-By: Maven Jar Plugin 3.2.0\r\n\r\n', deflate: true },
    { name: `META-INF/maven/${groupId}/${artifactId}/pom.properties`, data: pomProperties(groupId, artifactId, version), deflate: true },
    { name: 'com/example/Placeholder.class', data: Buffer.from('cafebabe00000034', 'hex'), deflate: true },
  ]);
}

/** A Spring Boot fat jar: the application's own metadata and classes, libraries stored uncompressed. */
const FAT_JAR = buildZip([
  {
    name: 'META-INF/MANIFEST.MF',
    data: 'Manifest-Version: 1.0\r\nMain-Class: org.springframework.boot.loader.JarLauncher\r\nStart-Class: com.example.demo.DemoApplication\r\nSpring-Boot-Version: 2.5.4\r\nSpring-Boot-Lib: BOOT-INF/lib/\r\n\r\n',
    deflate: true,
  },
  { name: 'META-INF/maven/com.example/demo/pom.properties', data: pomProperties('com.example', 'demo', '0.0.1-SNAPSHOT'), deflate: true },
  { name: 'BOOT-INF/classes/com/example/demo/DemoApplication.class', data: Buffer.from('cafebabe00000037', 'hex'), deflate: true },
  { name: 'BOOT-INF/lib/log4j-core-2.14.1.jar', data: libraryJar('org.apache.logging.log4j', 'log4j-core', '2.14.1') },
  { name: 'BOOT-INF/lib/jackson-databind-2.9.8.jar', data: libraryJar('com.fasterxml.jackson.core', 'jackson-databind', '2.9.8') },
  { name: 'org/springframework/boot/loader/JarLauncher.class', data: Buffer.from('cafebabe00000034', 'hex'), deflate: true },
]);

const LIMITS = (overrides: Partial<JarLimits>): JarLimits => ({ ...DEFAULT_JAR_LIMITS, ...overrides });

describe('lockfiles/java/jar', () => {
  describe('Maven metadata (pom.properties)', () => {
    it('reads a Spring Boot fat jar: the application and both libraries in BOOT-INF/lib', async () => {
      const { packages, problems } = await readJar(FAT_JAR, 'app/demo.jar');
      expect(problems).toEqual([]);
      expect(packages).toEqual([
        { groupId: 'com.example', artifactId: 'demo', version: '0.0.1-SNAPSHOT', name: 'com.example:demo', file: 'app/demo.jar', source: 'pom-properties' },
        {
          groupId: 'org.apache.logging.log4j',
          artifactId: 'log4j-core',
          version: '2.14.1',
          name: 'org.apache.logging.log4j:log4j-core',
          file: 'app/demo.jar!/BOOT-INF/lib/log4j-core-2.14.1.jar',
          source: 'pom-properties',
        },
        {
          groupId: 'com.fasterxml.jackson.core',
          artifactId: 'jackson-databind',
          version: '2.9.8',
          name: 'com.fasterxml.jackson.core:jackson-databind',
          file: 'app/demo.jar!/BOOT-INF/lib/jackson-databind-2.9.8.jar',
          source: 'pom-properties',
        },
      ]);
    });

    it('reads a WAR made by Info-ZIP: pom.properties, a manifest-only and a metadata-free library', async () => {
      const war = readFileSync(new URL('./__fixtures__/jars/webapp.war', import.meta.url));
      const { packages, problems } = await readJar(war, 'srv/webapp.war');
      expect(problems).toEqual([]);
      expect(packages.map((p) => [p.name, p.version, p.source, p.file])).toEqual([
        ['com.example:webapp', '1.4.0', 'pom-properties', 'srv/webapp.war'],
        ['org.apache.commons:commons-text', '1.9', 'manifest', 'srv/webapp.war!/WEB-INF/lib/commons-text-1.9.jar'],
        ['org.apache.logging.log4j:log4j-core', '2.14.1', 'pom-properties', 'srv/webapp.war!/WEB-INF/lib/log4j-core-2.14.1.jar'],
        ['legacy-util', '2.3', 'file-name', 'srv/webapp.war!/WEB-INF/lib/legacy-util-2.3.jar'],
      ]);
    });

    it('lists every pom.properties of a shaded jar, and ignores ones at other depths', async () => {
      const shaded = buildZip([
        { name: 'META-INF/maven/com.example/cli/pom.properties', data: pomProperties('com.example', 'cli', '3.0.0') },
        { name: 'META-INF/maven/com.google.guava/guava/pom.properties', data: pomProperties('com.google.guava', 'guava', '31.1-jre'), deflate: true },
        { name: 'META-INF/maven/org.yaml/snakeyaml/extra/pom.properties', data: pomProperties('org.yaml', 'snakeyaml', '1.30') },
        { name: 'BOOT-INF/classes/META-INF/maven/x/y/pom.properties', data: pomProperties('x', 'y', '1') },
      ]);
      const { packages } = await readJar(shaded, 'cli.jar');
      expect(packages.map((p) => `${p.name}@${p.version}`)).toEqual(['com.example:cli@3.0.0', 'com.google.guava:guava@31.1-jre']);
    });

    it('reads the .properties syntax: separators, comments, escapes and continued lines', async () => {
      const text = [
        '# comment = not a key',
        '! also a comment',
        '  groupId : org.example.\\',
        '      tools',
        'artifactId   tool\\u002dkit',
        'version=1.0\\',
        '.2',
        'key\\=with\\=equals=ignored',
        '',
      ].join('\r\n');
      const jar = buildZip([{ name: 'META-INF/maven/wrong/wrong/pom.properties', data: Buffer.from(text, 'latin1') }]);
      const { packages } = await readJar(jar, 'tool.jar');
      expect(packages).toEqual([expect.objectContaining({ groupId: 'org.example.tools', artifactId: 'tool-kit', version: '1.0.2', source: 'pom-properties' })]);
    });

    it('takes group and artifact from the path when pom.properties omits them', async () => {
      const jar = buildZip([{ name: 'META-INF/maven/io.netty/netty-codec/pom.properties', data: 'version=4.1.86.Final\n' }]);
      const { packages } = await readJar(jar, 'x.jar');
      expect(packages).toEqual([expect.objectContaining({ name: 'io.netty:netty-codec', version: '4.1.86.Final' })]);
    });

    it('notes a pom.properties without a version and falls back to the next evidence', async () => {
      const jar = buildZip([{ name: 'META-INF/maven/io.netty/netty-codec/pom.properties', data: 'groupId=io.netty\nartifactId=netty-codec\n' }]);
      const { packages, problems } = await readJar(jar, 'netty-codec-4.1.86.Final.jar');
      expect(packages).toEqual([expect.objectContaining({ name: 'netty-codec', version: '4.1.86.Final', source: 'file-name' })]);
      expect(problems).toEqual([expect.objectContaining({ code: 'jar-metadata-incomplete', level: 'info', file: 'netty-codec-4.1.86.Final.jar' })]);
    });
  });

  describe('guesses from MANIFEST.MF and the file name', () => {
    it('takes the group from Bundle-SymbolicName and the artifact from an identifier-like title, joining continued lines', async () => {
      const manifest = [
        'Manifest-Version: 1.0',
        'Bundle-SymbolicName: com.fasterxml.jackson.core.jackson-databind;singlet',
        ' on:=true',
        'Implementation-Title: jackson-databind',
        'Bundle-Version: 2.9.8',
        '',
        'Name: com/fasterxml/jackson/databind/',
        'Implementation-Version: 9.9.9',
        '',
      ].join('\r\n');
      const { packages } = await readJar(buildZip([{ name: 'META-INF/MANIFEST.MF', data: manifest, deflate: true }]), 'lib/databind.jar');
      expect(packages).toEqual([
        {
          groupId: 'com.fasterxml.jackson.core',
          artifactId: 'jackson-databind',
          version: '2.9.8',
          name: 'com.fasterxml.jackson.core:jackson-databind',
          file: 'lib/databind.jar',
          source: 'manifest',
        },
      ]);
    });

    it('prefers Implementation-Version and Implementation-Vendor-Id, and the artifact from the file name', async () => {
      const manifest = 'Implementation-Title: Apache Commons Lang\nImplementation-Version: 3.12.0\nImplementation-Vendor-Id: org.apache.commons\nBundle-SymbolicName: org.apache.commons.lang3\nBundle-Version: 3.12.0.v1\n';
      const { packages } = await readJar(buildZip([{ name: 'META-INF/MANIFEST.MF', data: manifest }]), 'commons-lang3-3.12.0.jar');
      expect(packages).toEqual([expect.objectContaining({ name: 'org.apache.commons:commons-lang3', version: '3.12.0', source: 'manifest' })]);
    });

    it('falls back to <artifactId>-<version>.jar, with no group', async () => {
      const jar = buildZip([{ name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0\r\n\r\n' }]);
      expect((await readJar(jar, 'opt/lib/guava-31.1-jre.jar')).packages).toEqual([
        { groupId: '', artifactId: 'guava', version: '31.1-jre', name: 'guava', file: 'opt/lib/guava-31.1-jre.jar', source: 'file-name' },
      ]);
      expect((await readJar(jar, 'opt/lib/spring-boot-starter-web-2.5.4.jar')).packages).toEqual([
        expect.objectContaining({ artifactId: 'spring-boot-starter-web', version: '2.5.4' }),
      ]);
    });

    it('lists nothing for a jar with no metadata and no version in its name', async () => {
      const { packages, problems } = await readJar(buildZip([{ name: 'Main.class', data: 'x' }]), 'app.jar');
      expect(packages).toEqual([]);
      expect(problems).toEqual([]);
    });
  });

  describe('nesting', () => {
    /** level0.jar holds level1.jar … down to level`depth`.jar, each with its own pom.properties. */
    function nestedChain(depth: number): Buffer {
      let inner: Buffer | undefined;
      for (let level = depth; level >= 0; level--) {
        const entries: ZipEntrySpec[] = [{ name: `META-INF/maven/org.chain/level${level}/pom.properties`, data: pomProperties('org.chain', `level${level}`, '1.0.0') }];
        if (inner !== undefined) entries.push({ name: `lib/level${level + 1}.jar`, data: inner });
        inner = buildZip(entries);
      }
      return inner ?? Buffer.alloc(0);
    }

    it('reads archives three levels down and reports the ones below', async () => {
      const { packages, problems } = await readJar(nestedChain(5), 'level0.jar');
      expect(packages.map((p) => p.artifactId)).toEqual(['level0', 'level1', 'level2', 'level3']);
      expect(packages[3]?.file).toBe('level0.jar!/lib/level1.jar!/lib/level2.jar!/lib/level3.jar');
      expect(problems).toEqual([expect.objectContaining({ code: 'jar-nesting-too-deep', level: 'info', file: 'level0.jar' })]);
      expect(problems[0]?.message).toContain('level3.jar');
    });

    it('reads a nested jar that is itself deflated (as in WEB-INF/lib of some WARs)', async () => {
      const war = buildZip([{ name: 'WEB-INF/lib/jackson-databind-2.9.8.jar', data: libraryJar('com.fasterxml.jackson.core', 'jackson-databind', '2.9.8'), deflate: true }]);
      const { packages } = await readJar(war, 'app.war');
      expect(packages).toEqual([expect.objectContaining({ name: 'com.fasterxml.jackson.core:jackson-databind', version: '2.9.8', file: 'app.war!/WEB-INF/lib/jackson-databind-2.9.8.jar' })]);
    });
  });

  describe('hostile input', () => {
    it('refuses an entry that claims gigabytes before inflating it, keeping what came before', async () => {
      const bomb = buildZip([
        { name: 'BOOT-INF/lib/log4j-core-2.14.1.jar', data: libraryJar('org.apache.logging.log4j', 'log4j-core', '2.14.1') },
        { name: 'BOOT-INF/lib/bomb.jar', data: Buffer.alloc(1024 * 1024), deflate: true, declaredSize: 3 * 1024 * 1024 * 1024 },
        { name: 'BOOT-INF/lib/jackson-databind-2.9.8.jar', data: libraryJar('com.fasterxml.jackson.core', 'jackson-databind', '2.9.8') },
      ]);
      const { packages, problems } = await readJar(bomb, 'bomb.jar');
      expect(packages.map((p) => p.artifactId)).toEqual(['log4j-core']);
      expect(problems).toEqual([expect.objectContaining({ code: 'archive-bomb', level: 'warn', file: 'bomb.jar' })]);
      expect(problems[0]?.message).toContain('bomb.jar!/BOOT-INF/lib/bomb.jar');
    });

    it('stops an entry that inflates past the size it declares', async () => {
      const liar = buildZip([
        { name: 'META-INF/maven/org.example/liar/pom.properties', data: Buffer.alloc(8 * 1024 * 1024, 0x20), deflate: true, declaredSize: 100 },
      ]);
      const { packages, problems } = await readJar(liar, 'liar-1.0.jar');
      expect(problems).toEqual([expect.objectContaining({ code: 'jar-entry-unreadable', level: 'warn' })]);
      expect(packages).toEqual([expect.objectContaining({ artifactId: 'liar', version: '1.0', source: 'file-name' })]);
    });

    it('stops an overlapping-entries bomb at the inflation budget', async () => {
      // 1 000 entries that each inflate the same 1 MiB: 1 000 MiB in all, from ~1 KiB of data.
      const bomb = buildOverlappingZip(1000, Buffer.alloc(1024 * 1024), 'WEB-INF/lib/k');
      expect(bomb.length).toBeLessThan(100 * 1024);
      const { problems } = await readJar(bomb, 'bomb.war', LIMITS({ maxInflatedBytes: 8 * 1024 * 1024, maxProblems: 1000 }));
      expect(problems.filter((p) => p.code === 'archive-bomb')).toHaveLength(1);
      // Each inflated kernel is read as a (bad) nested jar until the budget runs out: 8, not 1 000.
      expect(problems.filter((p) => p.code === 'jar-unreadable')).toHaveLength(8);
    });

    it('reports garbage, an empty file and a truncated archive as unreadable', async () => {
      for (const [bytes, label] of [
        [Buffer.from('this is not a zip file at all'), 'text'],
        [Buffer.alloc(0), 'empty'],
        [FAT_JAR.subarray(0, FAT_JAR.length - 40), 'truncated'],
      ] as const) {
        const { packages, problems } = await readJar(bytes, `${label}.jar`);
        expect(packages, label).toEqual([]);
        expect(problems, label).toEqual([expect.objectContaining({ code: 'jar-unreadable', level: 'warn', file: `${label}.jar` })]);
      }
    });

    it('reports a damaged central directory and keeps the entries read before it', async () => {
      const damaged = Buffer.from(FAT_JAR);
      // The central directory starts where the end record (last 22 bytes) says; break the 3rd record.
      const directoryOffset = damaged.readUInt32LE(damaged.length - 22 + 16);
      let record = directoryOffset;
      for (let index = 0; index < 2; index++) record += 46 + damaged.readUInt16LE(record + 28) + damaged.readUInt16LE(record + 30) + damaged.readUInt16LE(record + 32);
      damaged.writeUInt32LE(0xdeadbeef, record);
      const { packages, problems } = await readJar(damaged, 'demo.jar');
      expect(packages.map((p) => p.artifactId)).toEqual(['demo']);
      expect(problems).toEqual([expect.objectContaining({ code: 'jar-unreadable', level: 'warn' })]);
      expect(problems[0]?.message).toContain('central directory');
    });

    it('reads the good nested jars around a corrupt one', async () => {
      const jar = buildZip([
        { name: 'BOOT-INF/lib/broken-1.0.jar', data: 'PK\u0003\u0004 not really' },
        { name: 'BOOT-INF/lib/jackson-databind-2.9.8.jar', data: libraryJar('com.fasterxml.jackson.core', 'jackson-databind', '2.9.8') },
      ]);
      const { packages, problems } = await readJar(jar, 'app.jar');
      expect(packages.map((p) => p.artifactId)).toEqual(['jackson-databind']);
      expect(problems).toEqual([expect.objectContaining({ code: 'jar-unreadable' })]);
      expect(problems[0]?.message).toContain('app.jar!/BOOT-INF/lib/broken-1.0.jar');
    });

    it('skips an oversized manifest, and caps the number of problems listed', async () => {
      const many = buildZip([
        { name: 'META-INF/MANIFEST.MF', data: Buffer.alloc(2 * 1024 * 1024, 0x41), deflate: true },
        ...Array.from({ length: 30 }, (_, index) => ({ name: `lib/bad${index}.jar`, data: 'garbage' })),
      ]);
      const { problems } = await readJar(many, 'many.jar', LIMITS({ maxProblems: 5 }));
      expect(problems.map((p) => p.code)).toEqual(['jar-entry-unreadable', 'jar-unreadable', 'jar-unreadable', 'jar-unreadable', 'jar-unreadable', 'jar-problems-truncated']);
      expect(problems[0]?.message).toContain('META-INF/MANIFEST.MF');
      expect(problems[5]?.message).toContain('26 more problems');
    });

    it('reports an entry compressed with a method it cannot read', async () => {
      const jar = buildZip([{ name: 'META-INF/maven/a/b/pom.properties', data: 'version=1' }]);
      // Method sits 8 bytes into the local header and 10 into the central one; 14 is LZMA.
      jar.writeUInt16LE(14, 8);
      jar.writeUInt16LE(14, jar.readUInt32LE(jar.length - 22 + 16) + 10);
      const { problems } = await readJar(jar, 'x.jar');
      expect(problems).toEqual([expect.objectContaining({ code: 'jar-entry-unreadable' })]);
      expect(problems[0]?.message).toContain('compression method 14');
    });
  });
});

describe('lockfiles/java/jar (mutated archives)', () => {
  it('never rejects, whatever bytes of a fat jar are changed', async () => {
    let seed = 7;
    const next = (bound: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31; // a fixed pseudo-random sequence
      return Math.floor((seed / 2 ** 31) * bound); // the high bits: an LCG's low bits cycle
    };
    for (let round = 0; round < 200; round++) {
      const mutated = Buffer.from(FAT_JAR);
      for (let change = 0; change < 1 + next(8); change++) mutated[next(mutated.length)] = next(256);
      const cut = next(4) === 0 ? mutated.subarray(0, next(mutated.length)) : mutated;
      const reading = await readJar(cut, 'fuzz.jar', LIMITS({ maxInflatedBytes: 4 * 1024 * 1024 }));
      expect(Array.isArray(reading.packages) && Array.isArray(reading.problems)).toBe(true);
    }
  });
});

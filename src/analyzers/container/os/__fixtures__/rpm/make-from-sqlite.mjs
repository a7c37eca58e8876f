// Fixture maker (see README.md): reads the header blobs rpm wrote to an rpmdb.sqlite and writes
//  - packages.dump: the same records in Berkeley DB's db_dump text format, for db_load to turn into
//    a real Berkeley DB hash `Packages` (keys are rpm's native-endian instance numbers; key 0 holds
//    rpm's next-instance counter, as rpm's own Berkeley DB backend keeps it);
//  - Packages.db: the same records in rpm's ndb format, written from the format's description
//    (Debian's rpm is built without the ndb backend, so rpm cannot write one here).
// Usage: node make-from-sqlite.mjs <rpmdb.sqlite> <output folder>
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const initSqlJs = require('sql.js');
const wasmFolder = dirname(require.resolve('sql.js/dist/sql-wasm.wasm'));

const [source, outFolder] = process.argv.slice(2);
const SQL = await initSqlJs({ locateFile: (file) => join(wasmFolder, file) });
const database = new SQL.Database(readFileSync(source));
const rows = database.exec('SELECT hnum, blob FROM Packages ORDER BY hnum')[0].values;
database.close();

const u32le = (n) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

// db_dump "bytevalue" format: a header, then key and value lines as hex, each led by a space.
const dump = ['VERSION=3', 'format=bytevalue', 'type=hash', 'db_pagesize=8192', 'HEADER=END'];
dump.push(` ${u32le(0).toString('hex')}`, ` ${u32le(rows.length + 1).toString('hex')}`);
for (const [hnum, blob] of rows) dump.push(` ${u32le(hnum).toString('hex')}`, ` ${Buffer.from(blob).toString('hex')}`);
dump.push('DATA=END', '');
writeFileSync(join(outFolder, 'packages.dump'), dump.join('\n'));

// ndb: 32-byte file header and one 4096-byte page of 16-byte slots, then one blob per package.
const PAGE = 4096;
const BLOCK = 16;
const adler32 = (bytes) => {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
};
const slotPage = Buffer.alloc(PAGE);
slotPage.write('RpmP', 0, 'latin1');
slotPage.writeUInt32LE(0, 4); // format version
slotPage.writeUInt32LE(rows.length + 1, 8); // generation
slotPage.writeUInt32LE(1, 12); // slot pages
slotPage.writeUInt32LE(rows.length + 1, 16); // next package index
for (let at = 32; at < PAGE; at += 16) slotPage.write('Slot', at, 'latin1');
const blobs = [];
let nextBlock = PAGE / BLOCK;
rows.forEach(([hnum, blob], i) => {
  const header = Buffer.from(blob);
  const blockCount = Math.ceil((16 + header.length + 12) / BLOCK);
  const framed = Buffer.alloc(blockCount * BLOCK);
  framed.write('BlbS', 0, 'latin1');
  framed.writeUInt32LE(hnum, 4);
  framed.writeUInt32LE(1700000000, 8); // timestamp
  framed.writeUInt32LE(header.length, 12);
  header.copy(framed, 16);
  const tail = framed.length - 12;
  framed.writeUInt32LE(adler32(framed.subarray(0, tail)), tail);
  framed.writeUInt32LE(header.length, tail + 4);
  framed.write('BlbE', tail + 8, 'latin1');
  const slot = 32 + i * 16;
  slotPage.writeUInt32LE(hnum, slot + 4);
  slotPage.writeUInt32LE(nextBlock, slot + 8);
  slotPage.writeUInt32LE(blockCount, slot + 12);
  nextBlock += blockCount;
  blobs.push(framed);
});
writeFileSync(join(outFolder, 'Packages.db'), Buffer.concat([slotPage, ...blobs]));

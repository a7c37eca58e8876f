import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import type { DatabaseValues } from './rpm-bdb.js';

/**
 * The header blobs of rpm's SQLite package database, `rpmdb.sqlite` (rpm 4.16 and later: RHEL 9,
 * Fedora 33+, Rocky and Alma 9): table `Packages(hnum INTEGER PRIMARY KEY, blob BLOB)`. Opened from
 * memory with sql.js (SQLite compiled to WebAssembly), so nothing is written to disk and no native
 * module is needed.
 *
 * sql.js is loaded through require at run time, not bundled: its loader uses `__dirname`, which an
 * ES module bundle does not have, and it finds its `.wasm` beside its own files on disk.
 */

const requireFromHere = createRequire(import.meta.url);
let sqlJs: Promise<SqlJsStatic> | undefined;

function loadSqlJs(): Promise<SqlJsStatic> {
  if (!sqlJs) {
    const wasmDirectory = dirname(requireFromHere.resolve('sql.js/dist/sql-wasm.wasm'));
    const initSqlJs = requireFromHere('sql.js') as (config?: { locateFile?: (file: string) => string }) => Promise<SqlJsStatic>;
    sqlJs = initSqlJs({ locateFile: (file) => `${wasmDirectory}/${file}` });
  }
  return sqlJs;
}

export const SQLITE_MAGIC = 'SQLite format 3\0';

export function isSqlite(bytes: Uint8Array): boolean {
  return bytes.length >= 16 && Buffer.from(bytes.buffer, bytes.byteOffset, 16).toString('latin1') === SQLITE_MAGIC;
}

export async function readSqliteValues(bytes: Uint8Array): Promise<DatabaseValues> {
  let sql: SqlJsStatic;
  try {
    sql = await loadSqlJs();
  } catch (error) {
    return { values: [], errors: [`SQLite support (sql.js) could not be loaded: ${messageOf(error)}`] };
  }
  const values: Uint8Array[] = [];
  const errors: string[] = [];
  let database: InstanceType<SqlJsStatic['Database']> | undefined;
  try {
    database = new sql.Database(bytes);
    const statement = database.prepare('SELECT blob FROM Packages ORDER BY hnum');
    try {
      while (statement.step()) {
        const blob = statement.get()[0];
        if (blob instanceof Uint8Array) values.push(blob);
        else errors.push('a Packages row holds no blob');
      }
    } finally {
      statement.free();
    }
  } catch (error) {
    // A damaged file fails on the first page it cannot read; rows read before that are kept.
    errors.push(messageOf(error));
  } finally {
    database?.close();
  }
  return { values, errors };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

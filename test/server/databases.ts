import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type OpenDatabase } from '../../src/server/db/connect.js';
import { loadMigrations, migrateToLatest } from '../../src/server/db/migrate.js';

export type TestDatabaseKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (CI exports it). */
export function testDatabases(): TestDatabaseKind[] {
  const url = process.env.TEST_DATABASE_URL;
  return url === undefined || url === '' ? ['pglite'] : ['pglite', 'postgres'];
}

export interface TestDatabase extends OpenDatabase {
  /** The PostgreSQL schema (search_path) of this database, for child processes. */
  readonly schema?: string;
  readonly url?: string;
}

/** A fresh, migrated database: PGlite in memory, or a new schema on the test PostgreSQL. */
export async function openTestDatabase(kind: TestDatabaseKind, options: { readonly migrate?: boolean } = {}): Promise<TestDatabase> {
  if (kind === 'pglite') {
    if (options.migrate === false) return openPglite();
    const open = await openPglite({ loadDataDir: await pgliteTemplate() });
    await migrateToLatest(open.db);
    return open;
  }
  const url = process.env.TEST_DATABASE_URL;
  if (url === undefined || url === '') throw new Error('TEST_DATABASE_URL is not set');
  const schema = `bw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const open = openPostgres({ url, schema, poolSize: 5 });
  if (options.migrate !== false) await migrateToLatest(open.db);
  return {
    ...open,
    schema,
    url,
    close: async () => {
      await open.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

/**
 * PGlite's initdb costs seconds (tens under load): the first test run keeps a migrated data
 * folder as a tarball in the temp folder, keyed by the migrations, and later databases start
 * from a copy of it.
 */
async function pgliteTemplate(): Promise<Blob> {
  const migrations = await loadMigrations();
  const key = createHash('sha256').update(migrations.map((m) => `${m.version}:${m.sql}`).join('\n')).digest('hex').slice(0, 16);
  const file = join(tmpdir(), `bulwark-pglite-template-${key}.tar`);
  const cached = await readFile(file).catch(() => undefined);
  if (cached !== undefined) return new Blob([cached]);
  const fresh = await openPglite();
  await migrateToLatest(fresh.db, migrations);
  const dump = await fresh.dump();
  await fresh.close();
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
  return dump;
}

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * Where the SQL files are: beside this module in the source tree; in the bundled CLI the build
 * copies them to dist/cli/migrations/, which is `./migrations/` from the bundle too.
 */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

const FILE_RE = /^(\d{3,})_([a-z0-9_-]+)\.sql$/;

/** Read `NNN_name.sql` files in version order. */
export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => FILE_RE.test(name)).sort();
  const migrations: Migration[] = [];
  for (const name of names) {
    const match = FILE_RE.exec(name);
    if (match === null) continue;
    migrations.push({ version: Number(match[1]), name: match[2] ?? name, sql: await readFile(`${dir}/${name}`, 'utf8') });
  }
  const versions = new Set(migrations.map((m) => m.version));
  if (versions.size !== migrations.length) throw new Error(`two migrations share a version number in ${dir}`);
  return migrations;
}

function checksum(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface MigrateResult {
  readonly applied: readonly number[];
}

/**
 * Apply every migration not yet applied, all in one transaction under an advisory lock: two
 * replicas starting together queue on the lock, and the second finds nothing left to do.
 * A changed, already-applied migration stops the start rather than drifting silently.
 */
export async function migrateToLatest(db: Kysely<Database>, migrations?: readonly Migration[]): Promise<MigrateResult> {
  const list = migrations ?? (await loadMigrations());
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('bulwark-migrations'), hashtext(current_schema()))`.execute(trx);
    await trx.executeQuery(
      CompiledQuery.raw(
        'create table if not exists bulwark_migrations (version integer primary key, name text not null, ' +
          'checksum text not null, applied_at timestamptz not null default now())',
      ),
    );
    const done = await trx.selectFrom('bulwark_migrations').select(['version', 'checksum']).execute();
    const known = new Map(done.map((row) => [row.version, row.checksum]));
    const applied: number[] = [];
    for (const migration of list) {
      const sum = checksum(migration.sql);
      const existing = known.get(migration.version);
      if (existing !== undefined) {
        if (existing !== sum) {
          throw new Error(`migration ${migration.version}_${migration.name} changed after it was applied; restore it and add a new migration instead`);
        }
        continue;
      }
      await trx.executeQuery(CompiledQuery.raw(migration.sql));
      await trx.insertInto('bulwark_migrations').values({ version: migration.version, name: migration.name, checksum: sum }).execute();
      applied.push(migration.version);
    }
    return { applied };
  });
}

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PgliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly kind: 'postgres' | 'pglite';
  close(): Promise<void>;
  /** PGlite only: the data folder as a tarball (test templates). */
  dump(): Promise<Blob>;
}

const INT8 = 20;
const DATE = 1082;

/** bigint ids and counts as numbers (ids stay far below 2^53); dates as 'YYYY-MM-DD' text. */
const toNumber = (value: string): number => Number(value);
const asText = (value: string): string => value;

export interface PostgresOptions {
  readonly url: string;
  readonly poolSize?: number;
  /** search_path for every connection (tests give each file its own schema). */
  readonly schema?: string;
}

export function openPostgres(options: PostgresOptions): OpenDatabase {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8) return toNumber;
        if (oid === DATE) return asText;
        return pg.types.getTypeParser(oid, format ?? 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    close: () => db.destroy(),
    dump: () => Promise.reject(new Error('dump() is for PGlite; use pg_dump for PostgreSQL')),
  };
}

export interface PgliteOptions {
  /** Data folder; undefined = in memory (tests). */
  readonly dataDir?: string;
  /** Start from this data-folder tarball instead of running initdb (tests). */
  readonly loadDataDir?: Blob;
}

/** Two processes on one PGlite folder would corrupt it: a pid file keeps the second out. */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'bulwark.pid');
  const previous = await readFile(lockFile, 'utf8').catch(() => '');
  const pid = Number(previous.trim());
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
    throw new Error(`the data folder ${dataDir} is in use by process ${pid} (a running "bulwark serve"?); stop it or use the API`);
  }
  await writeFile(lockFile, `${process.pid}\n`);
  return async () => {
    await rm(lockFile, { force: true });
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function openPglite(options: PgliteOptions = {}): Promise<OpenDatabase> {
  const unlock = options.dataDir === undefined ? async () => undefined : await lockDataDir(options.dataDir);
  try {
    const pglite = await PGlite.create({
      ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
      ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
      parsers: { [INT8]: toNumber, [DATE]: asText },
    });
    const db = new Kysely<Database>({ dialect: new PgliteDialect(pglite) });
    return {
      db,
      kind: 'pglite',
      dump: () => pglite.dumpDataDir('none'),
      close: async () => {
        await db.destroy();
        await unlock();
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}

/** PostgreSQL when a URL is given, else PGlite in `dataDir`. */
export async function openDatabase(config: { readonly databaseUrl?: string; readonly dataDir: string; readonly databasePoolSize?: number }): Promise<OpenDatabase> {
  if (config.databaseUrl !== undefined) {
    return openPostgres({ url: config.databaseUrl, ...(config.databasePoolSize === undefined ? {} : { poolSize: config.databasePoolSize }) });
  }
  return openPglite({ dataDir: config.dataDir });
}

import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp, type AppOptions } from './app.js';
import type { ServerConfig } from './config.js';
import { openDatabase, type OpenDatabase } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly database: OpenDatabase;
  /** Where it listens, e.g. http://127.0.0.1:8080. */
  readonly url: string;
  /** Stop accepting, finish in-flight requests, close the database. Safe to call twice. */
  stop(): Promise<void>;
  /** Settles when the server has stopped (by stop() or a signal). */
  readonly stopped: Promise<void>;
}

/** Store the configured SLA days where the dashboard queries read them. */
async function writeSettings(database: OpenDatabase, config: ServerConfig): Promise<void> {
  await sql`insert into settings (key, value) values ('sla_days', ${JSON.stringify(config.slaDays)}::jsonb)
    on conflict (key) do update set value = excluded.value, updated_at = now()`.execute(database.db);
}

/**
 * Open the database, migrate, listen. SIGTERM and SIGINT stop it gracefully: no new
 * connections, in-flight requests finish, then the database closes.
 */
export async function startServer(config: ServerConfig, options: Partial<Pick<AppOptions, 'logger' | 'readReport'>> & { handleSignals?: boolean } = {}): Promise<RunningServer> {
  const database = await openDatabase(config);
  let app: FastifyInstance;
  try {
    await migrateToLatest(database.db);
    await writeSettings(database, config);
    app = await buildApp({
      config,
      db: database.db,
      databaseKind: database.kind,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
      ...(options.readReport === undefined ? {} : { readReport: options.readReport }),
    });
  } catch (error) {
    await database.close();
    throw error;
  }
  const address = await app.listen({ host: config.host, port: config.port });

  let resolveStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });
  let stopping: Promise<void> | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    app.log.info({ signal }, 'shutting down');
    void stop();
  };
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      try {
        await app.close();
      } finally {
        await database.close();
        resolveStopped();
      }
    })();
    return stopping;
  };
  if (options.handleSignals !== false) {
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }
  app.log.info({ address, database: database.kind }, 'bulwark server listening');
  return { app, database, url: address, stop, stopped };
}

import type { Command } from 'commander';
import { loadConfig, type ServeFlags } from '../../server/config.js';
import { startServer } from '../../server/main.js';
import { EXIT_OK, UsageError } from '../errors.js';

/** `bulwark serve [--host H] [--port N] [--data-dir DIR]`; DATABASE_URL selects PostgreSQL. */
export async function serveCommand(flags: ServeFlags): Promise<number> {
  const config = loadConfig(flags, process.env);
  if (!config.ok) throw new UsageError(config.error);
  let server;
  try {
    server = await startServer(config.value);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`bulwark: the server could not start: ${message}\n`);
    return 2;
  }
  await server.stopped;
  return EXIT_OK;
}

export function registerServeCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('serve')
    .description('run the server: API over PGlite in --data-dir, or PostgreSQL when DATABASE_URL is set')
    .option('--host <host>', 'address to listen on (default 127.0.0.1, or $BULWARK_HOST)')
    .option('--port <port>', 'port to listen on (default 8080, or $BULWARK_PORT)')
    .option('--data-dir <dir>', 'PGlite data folder (default ./bulwark-data, or $BULWARK_DATA_DIR)')
    .action(async (flags: ServeFlags) => {
      setExitCode(await serveCommand(flags));
    });
}

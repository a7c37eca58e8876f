import type { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { openDatabase } from '../../server/db/connect.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { insertAuditEvents } from '../../server/db/repositories/audit.js';
import { insertUser } from '../../server/db/repositories/users.js';
import { hashPassword } from '../../server/services/secrets.js';
import { EXIT_OK, EXIT_USAGE, UsageError } from '../errors.js';

export interface CreateUserFlags {
  readonly username: string;
  readonly passwordStdin?: boolean;
  readonly admin?: boolean;
  readonly dataDir?: string;
}

const USERNAME_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/;
const MAX_STDIN = 4096;

/** The password is the first line of stdin (a trailing newline is not part of it). */
async function readPassword(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_STDIN) throw new UsageError('the password on stdin is too long');
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return (text.split(/\r?\n/)[0] ?? '').trimEnd();
}

export async function createUserCommand(flags: CreateUserFlags, stdin: NodeJS.ReadableStream = process.stdin): Promise<number> {
  if (flags.passwordStdin !== true) throw new UsageError('give the password on stdin with --password-stdin (never as an argument)');
  if (!USERNAME_RE.test(flags.username)) throw new UsageError('--username: letters, digits, "_", "." and "-", starting with a letter or digit');
  const password = await readPassword(stdin);
  if (password.length < 12) throw new UsageError('the password needs at least 12 characters');
  if (password.includes('\u0000')) throw new UsageError('the password must not contain NUL');
  const config = loadConfig(flags.dataDir === undefined ? {} : { dataDir: flags.dataDir }, process.env);
  if (!config.ok) throw new UsageError(config.error);
  let database;
  try {
    database = await openDatabase(config.value);
  } catch (error) {
    process.stderr.write(`bulwark: cannot open the database: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
  try {
    await migrateToLatest(database.db);
    const user = await insertUser(database.db, { username: flags.username, passwordHash: await hashPassword(password), isAdmin: flags.admin === true });
    if (user === undefined) {
      process.stderr.write(`bulwark: the username ${flags.username} is taken\n`);
      return EXIT_USAGE;
    }
    await insertAuditEvents(database.db, [{ action: 'user.created', targetType: 'user', targetId: user.id, details: { admin: user.is_admin, via: 'cli' } }]);
    process.stdout.write(`Created ${user.is_admin ? 'administrator' : 'user'} ${user.username} (id ${user.id}).\n`);
    return EXIT_OK;
  } finally {
    await database.close();
  }
}

export function registerAdminCommand(program: Command, setExitCode: (code: number) => void): void {
  const admin = program.command('admin').description('server administration on the database (PGlite --data-dir or DATABASE_URL)');
  admin
    .command('create-user')
    .description('create a user; the password is read from stdin')
    .requiredOption('--username <name>', 'the new username')
    .option('--password-stdin', 'read the password from the first line of stdin')
    .option('--admin', 'make the user an instance administrator')
    .option('--data-dir <dir>', 'PGlite data folder (default ./bulwark-data, or $BULWARK_DATA_DIR)')
    .action(async (flags: CreateUserFlags) => {
      setExitCode(await createUserCommand(flags));
    });
}

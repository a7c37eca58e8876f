import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createUserCommand } from '../src/cli/commands/admin.js';
import { UsageError } from '../src/cli/errors.js';
import { openPglite, openPostgres, type OpenDatabase } from '../src/server/db/connect.js';
import { verifyPassword } from '../src/server/services/secrets.js';
import { openTestDatabase, testDatabases } from './server/databases.js';

const stdin = (text: string) => Readable.from([Buffer.from(text)]);

describe.each(testDatabases())('bulwark admin create-user (%s)', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    vi.unstubAllEnvs();
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('creates the first administrator from a password on stdin, and refuses a taken name or a short password', async () => {
    let flags: { dataDir?: string } = {};
    let reopen: () => Promise<OpenDatabase>;
    if (kind === 'pglite') {
      const dataDir = await mkdtemp(join(tmpdir(), 'bulwark-admin-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      vi.stubEnv('DATABASE_URL', '');
      flags = { dataDir };
      reopen = () => openPglite({ dataDir });
    } else {
      const database = await openTestDatabase('postgres', { migrate: false });
      cleanups.push(() => database.close());
      const url = new URL(database.url ?? '');
      url.searchParams.set('options', `-c search_path=${database.schema ?? ''}`);
      vi.stubEnv('DATABASE_URL', url.toString());
      reopen = async () => openPostgres({ url: database.url ?? '', ...(database.schema === undefined ? {} : { schema: database.schema }) });
    }
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const writeErr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await createUserCommand({ username: 'admin', passwordStdin: true, admin: true, ...flags }, stdin('a very good password\n'))).toBe(0);
      expect(await createUserCommand({ username: 'ADMIN', passwordStdin: true, ...flags }, stdin('another good password\n'))).toBe(2);
      await expect(createUserCommand({ username: 'bob', passwordStdin: true, ...flags }, stdin('short\n'))).rejects.toThrow(UsageError);
      await expect(createUserCommand({ username: 'bob', ...flags }, stdin('a very good password\n'))).rejects.toThrow(/--password-stdin/);
    } finally {
      write.mockRestore();
      writeErr.mockRestore();
    }
    const db = await reopen();
    try {
      const users = await db.db.selectFrom('users').selectAll().execute();
      expect(users.map((u) => [u.username, u.is_admin])).toEqual([['admin', true]]);
      expect(await verifyPassword('a very good password', users[0]?.password_hash ?? '')).toBe(true);
      expect(await verifyPassword('a very good password\n', users[0]?.password_hash ?? '')).toBe(false);
    } finally {
      await db.close();
    }
  }, 300_000);
});

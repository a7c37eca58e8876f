import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type OpenDatabase } from '../src/server/db/connect.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { insertGroup, insertProject } from '../src/server/db/repositories/groups.js';
import { insertToken } from '../src/server/db/repositories/tokens.js';
import { insertUser } from '../src/server/db/repositories/users.js';
import type { Database } from '../src/server/db/schema.js';
import { newAccessToken, sha256Hex } from '../src/server/services/secrets.js';
import { openTestDatabase, testDatabases, type TestDatabase } from './server/databases.js';
import { manyFindings, sastReport } from './server/reports.js';
import { startServerProcess, waitForExit, type ServerProcess } from './server/spawn.js';

async function until(test: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the ingest transaction');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The newest modification time of the files in a folder. */
async function latestWrite(dir: string): Promise<number> {
  let latest = 0;
  for (const name of await readdir(dir)) {
    const info = await stat(join(dir, name)).catch(() => undefined);
    if (info?.isFile() === true) latest = Math.max(latest, info.mtimeMs);
  }
  return latest;
}

async function seed(db: Kysely<Database>): Promise<{ token: string; projectId: number }> {
  const user = await insertUser(db, { username: 'ci', passwordHash: 'scrypt$1$1$1$AA==$AA==', isAdmin: true });
  if (user === undefined) throw new Error('seed user');
  const token = newAccessToken();
  await insertToken(db, { userId: user.id, name: 'ci', tokenHash: sha256Hex(token), tokenPrefix: token.slice(0, 8), scopes: ['api'], expiresAt: new Date(Date.now() + 86_400_000) });
  const group = await insertGroup(db, { name: 'g', path: 'g', fullPath: 'g', parentId: null });
  if (group === undefined) throw new Error('seed group');
  const project = await insertProject(db, { groupId: group.id, name: 'p', path: 'p', fullPath: 'g/p', defaultBranch: 'main' });
  if (project === undefined) throw new Error('seed project');
  return { token, projectId: project.id };
}

interface Acknowledged {
  readonly pipelineId: number;
  readonly fileName: string;
  readonly findings: number;
}

async function api(server: ServerProcess, token: string, method: string, path: string, body?: string): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body }),
  });
}

async function newPipeline(server: ServerProcess, token: string, projectId: number): Promise<number> {
  const res = await api(server, token, 'POST', `/api/v1/projects/${projectId}/pipelines`, JSON.stringify({ ref: 'main', sha: 'c'.repeat(40) }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

/** Every stored upload is whole: it has scans, and each scan has exactly the findings it counts. */
async function expectConsistent(db: Kysely<Database>, acknowledged: readonly Acknowledged[]): Promise<void> {
  for (const ack of acknowledged) {
    const scans = await db
      .selectFrom('scans as s')
      .innerJoin('report_uploads as u', 'u.id', 's.upload_id')
      .select(['s.finding_count'])
      .where('u.pipeline_id', '=', ack.pipelineId)
      .where('u.file_name', '=', ack.fileName)
      .execute();
    expect(scans.map((s) => s.finding_count)).toEqual([ack.findings]);
  }
  const uploadsWithoutScans = await sql<{ n: number }>`select count(*)::bigint as n from report_uploads u where not exists (select 1 from scans s where s.upload_id = u.id)`.execute(db);
  expect(uploadsWithoutScans.rows[0]?.n).toBe(0);
  const mismatched = await sql<{ n: number }>`
    select count(*)::bigint as n from scans s
    where s.finding_count <> (select count(*) from findings f where f.scan_id = s.id)`.execute(db);
  expect(mismatched.rows[0]?.n).toBe(0);
  const orphans = await sql<{ n: number }>`
    select count(*)::bigint as n from vulnerabilities v where not exists (select 1 from findings f where f.project_id = v.project_id and f.uuid = v.uuid)`.execute(db);
  expect(orphans.rows[0]?.n).toBe(0);
}

describe.each(testDatabases())('server crash recovery (%s)', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('loses nothing acknowledged and leaves no half upload when SIGKILLed mid-ingest; restarts cleanly; SIGTERM exits 0', async () => {
    let env: Record<string, string>;
    let reopen: () => Promise<OpenDatabase>;
    let seeded: { token: string; projectId: number };
    /** Called just before the large upload; the function it returns waits until its transaction runs. */
    let armWatch: () => Promise<() => Promise<void>>;
    if (kind === 'pglite') {
      const dataDir = await mkdtemp(join(tmpdir(), 'bulwark-crash-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      const first = await openPglite({ dataDir });
      await migrateToLatest(first.db);
      seeded = await seed(first.db);
      await first.close();
      env = { BULWARK_DATA_DIR: dataDir };
      // PGlite has no outside view of its sessions: the write-ahead log growing is the sign.
      const wal = join(dataDir, 'pg_wal');
      armWatch = async () => {
        const baseline = await latestWrite(wal);
        return () => until(async () => (await latestWrite(wal)) > baseline);
      };
      reopen = () => openPglite({ dataDir });
    } else {
      const database: TestDatabase = await openTestDatabase('postgres');
      cleanups.push(() => database.close());
      seeded = await seed(database.db);
      const url = new URL(database.url ?? '');
      url.searchParams.set('options', `-c search_path=${database.schema ?? ''}`);
      env = { DATABASE_URL: url.toString() };
      // The ingest transaction holds the project's advisory lock from its first statement.
      armWatch = async () => () =>
        until(async () => {
          const held = await sql<{ n: number }>`select count(*)::bigint as n from pg_locks where locktype = 'advisory' and granted and objsubid = 2 and classid = (hashtext('bulwark-project')::bigint & 4294967295)::oid`.execute(database.db);
          return (held.rows[0]?.n ?? 0) > 0;
        });
      reopen = async () => openPostgres({ url: database.url ?? '', ...(database.schema === undefined ? {} : { schema: database.schema }) });
    }
    const { token, projectId } = seeded;

    let server = await startServerProcess(env);
    const acknowledged: Acknowledged[] = [];
    for (let i = 0; i < 3; i += 1) {
      const pid = await newPipeline(server, token, projectId);
      const res = await api(server, token, 'POST', `/api/v1/projects/${projectId}/pipelines/${pid}/reports?filename=gl-sast-report.json`, sastReport(manyFindings(50, `small${i}`)));
      expect(res.status).toBe(201);
      acknowledged.push({ pipelineId: pid, fileName: 'gl-sast-report.json', findings: 50 });
    }

    // A large upload, killed while the server works on it.
    const bigPipeline = await newPipeline(server, token, projectId);
    const waitForTransaction = await armWatch();
    const big = api(server, token, 'POST', `/api/v1/projects/${projectId}/pipelines/${bigPipeline}/reports?filename=gl-sast-report.json`, sastReport(manyFindings(20_000, 'big'))).then(
      (res) => res.status,
      () => 'connection lost' as const,
    );
    await waitForTransaction();
    server.child.kill('SIGKILL');
    await waitForExit(server.child);
    const bigOutcome = await big;
    if (bigOutcome === 201) acknowledged.push({ pipelineId: bigPipeline, fileName: 'gl-sast-report.json', findings: 20_000 });

    // The PGlite folder is still marked as used by the dead process; the pid check lets it go.
    server = await startServerProcess(env);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const after = await newPipeline(server, token, projectId);
    const again = await api(server, token, 'POST', `/api/v1/projects/${projectId}/pipelines/${after}/reports?filename=gl-sast-report.json`, sastReport(manyFindings(10, 'after')));
    expect(again.status).toBe(201);
    acknowledged.push({ pipelineId: after, fileName: 'gl-sast-report.json', findings: 10 });

    server.child.kill('SIGTERM');
    expect(await waitForExit(server.child)).toBe(0);

    const check = await reopen();
    try {
      await expectConsistent(check.db, acknowledged);
      const bigRows = await check.db.selectFrom('findings').select((eb) => eb.fn.countAll<number>().as('n')).where('pipeline_id', '=', bigPipeline).executeTakeFirstOrThrow();
      expect([0, 20_000]).toContain(Number(bigRows.n));
      console.log(`${kind}: big upload ${String(bigOutcome)}, ${Number(bigRows.n)} findings stored`);
    } finally {
      await check.close();
    }
  }, 600_000);
});

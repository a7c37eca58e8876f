import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, testDatabases, type TestServer } from './server/helper.js';
import { manyFindings, sastReport, type SastFindingSpec } from './server/reports.js';

// The benchmark is a measurement, not a check: BULWARK_BENCH=1 npx vitest run test/server-ingest-bench.test.ts
const enabled = process.env.BULWARK_BENCH === '1';
const COUNT = Number(process.env.BULWARK_BENCH_FINDINGS ?? 100_000);
const KINDS = testDatabases().filter((k) => process.env.BULWARK_BENCH_DB === undefined || process.env.BULWARK_BENCH_DB === k);

/** user+system CPU seconds of processes (Linux /proc; 0 elsewhere). */
async function cpuSeconds(pids: readonly number[]): Promise<number> {
  let ticks = 0;
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    if (stat === '') continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return ticks / 100;
}

/**
 * The backend pids of the test server's pool: as many concurrent queries as the pool has
 * connections make it open them all. Other test files share the PostgreSQL server, so summing
 * every postgres process would count their work too.
 */
async function poolBackends(server: TestServer): Promise<number[]> {
  const pids = await Promise.all(Array.from({ length: 5 }, () => sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.2)`.execute(server.database.db)));
  return [...new Set(pids.map((r) => Number(r.rows[0]?.pid)))];
}

/** `count` distinct findings, then a repeat of every thousandth (deduplicated within the file). */
function volumeFindings(count: number): SastFindingSpec[] {
  const findings = manyFindings(count, 'vol');
  const repeats = findings.filter((_, i) => i % 1000 === 7).map((f) => ({ ...f }));
  return [...findings, ...repeats];
}

describe.each(testDatabases())('server ingest at volume (%s)', (kind) => {
  let server: TestServer;
  let token: string;
  let projectId: number;
  beforeAll(async () => {
    server = await createTestServer(kind);
    token = (await server.createUser('volume', { admin: true })).token;
    const group = await server.createGroup('volume');
    projectId = (await server.createProject(group, 'many')).id;
  });
  afterAll(async () => {
    await server.close();
  });

  const upload = async (pipelineId: number, fileName: string, body: string) => {
    const res = await server.call('POST', `/api/v1/projects/${projectId}/pipelines/${pipelineId}/reports?filename=${fileName}`, token, body);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    return res.json() as { scans: { findings: number; duplicates: number }[]; vulnerabilities: { created: number; updated: number } };
  };
  const newPipeline = async () => ((await server.call('POST', `/api/v1/projects/${projectId}/pipelines`, token, { ref: 'main', sha: 'a'.repeat(40) })).json() as { id: number }).id;

  it('stores several batches of findings in report order, each vulnerability once with one history entry', async () => {
    const count = 4_500;
    const first = await newPipeline();
    const summary = await upload(first, 'gl-sast-report.json', sastReport(volumeFindings(count)));
    expect(summary.scans).toEqual([expect.objectContaining({ findings: count, duplicates: 5 })]);
    expect(summary.vulnerabilities).toMatchObject({ created: count, updated: 0 });
    const db = server.database.db;
    const findings = await db.selectFrom('findings').select(['title', 'pipeline_id', 'project_id']).where('pipeline_id', '=', first).orderBy('id').execute();
    expect(findings.map((f) => f.title)).toEqual(manyFindings(count, 'vol').map((f) => `Rule ${f.rule}`));
    expect(new Set(findings.map((f) => `${f.pipeline_id}/${f.project_id}`))).toEqual(new Set([`${first}/${projectId}`]));
    const history = await db.selectFrom('vulnerability_history').select(({ fn }) => fn.countAll<number>().as('n')).where('project_id', '=', projectId).executeTakeFirstOrThrow();
    expect(Number(history.n)).toBe(count);

    // A second pipeline reports the first 3,000 again, plus a second file repeating 1,000 of them:
    // the repeats are duplicates of the pipeline and update nothing twice.
    const second = await newPipeline();
    const again = await upload(second, 'gl-sast-report.json', sastReport(manyFindings(3_000, 'vol')));
    expect(again.vulnerabilities).toMatchObject({ created: 0, updated: 3_000 });
    const repeat = await upload(second, 'gl-sast-report-2.json', sastReport(manyFindings(1_000, 'vol')));
    expect(repeat.scans).toEqual([expect.objectContaining({ findings: 0, duplicates: 1_000 })]);
    expect(repeat.vulnerabilities).toMatchObject({ created: 0, updated: 0 });
    const states = await db
      .selectFrom('vulnerabilities as v')
      // No sighting row: last seen where first detected.
      .leftJoin('vulnerability_last_seen as s', 's.vulnerability_id', 'v.id')
      .select(['v.is_no_longer_detected', (eb) => eb.fn.coalesce('s.pipeline_id', 'v.first_pipeline_id').as('last_pipeline_id'), 'v.first_pipeline_id'])
      .where('v.project_id', '=', projectId)
      .execute();
    expect(states.filter((v) => v.last_pipeline_id === second && v.first_pipeline_id === first && !v.is_no_longer_detected)).toHaveLength(3_000);
    expect(states.filter((v) => v.last_pipeline_id === first && v.is_no_longer_detected)).toHaveLength(count - 3_000);
  }, 300_000);

  it('deleting a pipeline clears its vulnerability references; deleting the project removes everything', async () => {
    const db = server.database.db;
    const [oldest] = await db.selectFrom('pipelines').select('id').where('project_id', '=', projectId).orderBy('id').limit(1).execute();
    await db.deleteFrom('pipelines').where('id', '=', oldest!.id).execute();
    expect(await db.selectFrom('findings').select('id').where('pipeline_id', '=', oldest!.id).execute()).toEqual([]);
    const firsts = await db.selectFrom('vulnerabilities').select('first_pipeline_id').where('project_id', '=', projectId).execute();
    expect(firsts.length).toBeGreaterThan(0);
    expect(firsts.every((v) => v.first_pipeline_id === null)).toBe(true);

    await db.deleteFrom('projects').where('id', '=', projectId).execute();
    for (const table of ['findings', 'scans', 'report_uploads', 'vulnerabilities', 'vulnerability_history', 'vulnerability_daily_counts', 'pipelines'] as const) {
      const left = await db.selectFrom(table).select('project_id').where('project_id', '=', projectId).execute();
      expect(left, table).toEqual([]);
    }
  }, 120_000);
});

describe.each(testDatabases())('vulnerability columns read from the finding (%s)', (kind) => {
  let server: TestServer;
  afterAll(async () => {
    await server.close();
  });

  it('stores description, solution, location and identifiers (with url) as reported, and follows a later report', async () => {
    server = await createTestServer(kind);
    const { token } = await server.createUser('columns', { admin: true });
    const projectId = (await server.createProject(await server.createGroup('columns'), 'cols')).id;
    const report = (description: string, solution: string | undefined) =>
      JSON.stringify({
        version: '15.0.7',
        scan: { analyzer: { id: 'semgrep', name: 'semgrep', version: '1', vendor: { name: 'T' } }, scanner: { id: 'semgrep', name: 'semgrep', version: '1', vendor: { name: 'T' } }, type: 'sast', start_time: '2024-05-01T10:00:00', end_time: '2024-05-01T10:01:00', status: 'success' },
        vulnerabilities: [
          {
            id: '00000000-0000-4000-8000-000000000001', name: 'SQL injection', description, severity: 'High', ...(solution === undefined ? {} : { solution }),
            location: { file: 'app/db.py', start_line: 7, end_line: 9 },
            identifiers: [{ type: 'semgrep_id', name: 'sqli', value: 'sqli' }, { type: 'cwe', name: 'CWE-89', value: '89', url: 'https://cwe.mitre.org/data/definitions/89.html' }],
          },
        ],
      });
    const columns = async () =>
      server.database.db.selectFrom('vulnerabilities').select(['description', 'solution', 'location', 'identifiers']).where('project_id', '=', projectId).execute();
    for (const [description, solution] of [['Concatenated SQL \u2014 first', 'Use bound parameters'], ['Second wording', undefined]] as const) {
      const pipeline = ((await server.call('POST', `/api/v1/projects/${projectId}/pipelines`, token, { ref: 'main', sha: 'c'.repeat(40) })).json() as { id: number }).id;
      const res = await server.call('POST', `/api/v1/projects/${projectId}/pipelines/${pipeline}/reports?filename=gl-sast-report.json`, token, report(description, solution));
      expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
      expect(await columns()).toEqual([
        {
          description,
          solution: solution ?? null,
          location: { kind: 'source', file: 'app/db.py', startLine: 7, endLine: 9 },
          identifiers: [{ type: 'semgrep_id', name: 'sqli', value: 'sqli' }, { type: 'cwe', name: 'CWE-89', value: '89', url: 'https://cwe.mitre.org/data/definitions/89.html' }],
        },
      ]);
    }
  });
});

describe.skipIf(!enabled).each(KINDS)('server ingest benchmark (%s)', (kind) => {
  let server: TestServer;
  let token: string;
  let projectId: number;
  beforeAll(async () => {
    server = await createTestServer(kind);
    token = (await server.createUser('bench', { admin: true })).token;
    const group = await server.createGroup('bench');
    projectId = (await server.createProject(group, 'big')).id;
  });
  afterAll(async () => {
    await server.close();
  });

  it(`ingests ${COUNT} findings, first as new vulnerabilities, then as updates`, async () => {
    const report = sastReport(manyFindings(COUNT, 'bench'));
    const backends = kind === 'postgres' ? await poolBackends(server) : [];
    for (const round of ['new', 'update']) {
      const pipeline = (await server.call('POST', `/api/v1/projects/${projectId}/pipelines`, token, { ref: 'main', sha: '9'.repeat(40) })).json() as { id: number };
      const cpu = process.cpuUsage();
      const pgBefore = await cpuSeconds(backends);
      const started = performance.now();
      const res = await server.call('POST', `/api/v1/projects/${projectId}/pipelines/${pipeline.id}/reports?filename=gl-sast-report.json`, token, report);
      const wall = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const pgUsed = (await cpuSeconds(backends)) - pgBefore;
      expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
      console.log(
        `${kind} ${round}: ${COUNT} findings, ${(report.length / 1e6).toFixed(1)} MB, wall ${(wall / 1000).toFixed(2)} s, ` +
          `node CPU ${((used.user + used.system) / 1e6).toFixed(2)} s, PostgreSQL backends CPU ${pgUsed.toFixed(2)} s, ` +
          `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
      );
    }
  }, 1_800_000);
});

import { readdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, testDatabases, type TestServer } from './server/helper.js';
import { manyFindings, sastReport } from './server/reports.js';

// A measurement, not a check: BULWARK_BENCH=1 npx vitest run test/server-ingest-bench.test.ts
const enabled = process.env.BULWARK_BENCH === '1';
const COUNT = Number(process.env.BULWARK_BENCH_FINDINGS ?? 100_000);
const KINDS = testDatabases().filter((k) => process.env.BULWARK_BENCH_DB === undefined || process.env.BULWARK_BENCH_DB === k);

/** CPU seconds used so far by every local PostgreSQL process (Linux /proc; 0 elsewhere). */
async function postgresCpuSeconds(): Promise<number> {
  let ticks = 0;
  const entries = await readdir('/proc').catch(() => [] as string[]);
  for (const pid of entries.filter((e) => /^\d+$/.test(e))) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    if (!stat.includes('(postgres)')) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return ticks / 100;
}

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
    for (const round of ['new', 'update']) {
      const pipeline = (await server.call('POST', `/api/v1/projects/${projectId}/pipelines`, token, { ref: 'main', sha: '9'.repeat(40) })).json() as { id: number };
      const cpu = process.cpuUsage();
      const pgBefore = await postgresCpuSeconds();
      const started = performance.now();
      const res = await server.call('POST', `/api/v1/projects/${projectId}/pipelines/${pipeline.id}/reports?filename=gl-sast-report.json`, token, report);
      const wall = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const pgUsed = (await postgresCpuSeconds()) - pgBefore;
      expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
      console.log(
        `${kind} ${round}: ${COUNT} findings, ${(report.length / 1e6).toFixed(1)} MB, wall ${(wall / 1000).toFixed(2)} s, ` +
          `node CPU ${((used.user + used.system) / 1e6).toFixed(2)} s, PostgreSQL CPU ${pgUsed.toFixed(2)} s`,
      );
    }
  }, 1_800_000);
});

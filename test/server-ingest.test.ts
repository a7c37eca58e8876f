import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Group, Project } from '../src/server/db/schema.js';
import { createTestServer, testDatabases, type TestServer } from './server/helper.js';
import { sastReport } from './server/reports.js';

const FIXTURES = new URL('./fixtures/reports/', import.meta.url);
const SPEC_VECTOR = new URL('./server/fixtures/spec-vector-sast.json', import.meta.url);

describe.each(testDatabases())('server ingest (%s)', (kind) => {
  let server: TestServer;
  let token: string;
  let group: Group;
  let project: Project;

  async function pipeline(ref = 'main', target: Project = project): Promise<number> {
    const res = await server.call('POST', `/api/v1/projects/${target.id}/pipelines`, token, { ref, sha: 'a'.repeat(40) });
    expect(res.statusCode).toBe(201);
    return (res.json() as { id: number }).id;
  }

  function upload(pipelineId: number, fileName: string, body: string | Buffer, target: Project = project) {
    return server.call('POST', `/api/v1/projects/${target.id}/pipelines/${pipelineId}/reports?filename=${encodeURIComponent(fileName)}`, token, body);
  }

  async function vulns(target: Project = project) {
    return server.database.db
      .selectFrom('vulnerabilities')
      .select(['id', 'uuid', 'state', 'severity', 'title', 'is_no_longer_detected', 'primary_identifier_value'])
      .where('project_id', '=', target.id)
      .orderBy('primary_identifier_value')
      .execute();
  }

  beforeAll(async () => {
    server = await createTestServer(kind, { config: { useSignatures: false } });
    const admin = await server.createUser('root', { admin: true });
    token = admin.token;
    group = await server.createGroup('acme');
    project = await server.createProject(group, 'web');
  });
  afterAll(async () => {
    await server.close();
  });

  it("keeps GitLab's identity: the spec's UUID vector through the upload route", async () => {
    await sql`insert into projects (id, group_id, name, path, full_path) overriding system value values (42, ${group.id}, 'p42', 'p42', 'acme/p42')`.execute(server.database.db);
    const p42 = { ...project, id: 42 };
    const pid = await pipeline('main', p42);
    const res = await upload(pid, 'gl-sast-report.json', await readFile(SPEC_VECTOR), p42);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ vulnerabilities: { created: 1 }, scans: [{ reportType: 'sast', findings: 1 }] });
    const [row] = await vulns(p42);
    expect(row?.uuid).toBe('896f4703-4ba8-5082-bfb5-b52bdd985576');
  });

  it('ingests every report format the readers know (GitLab 14/15, SARIF, CycloneDX)', async () => {
    const target = await server.createProject(group, 'formats');
    const pid = await pipeline('main', target);
    const files = [
      'gl-sast-report.json',
      'gl-sast-report-14.json',
      'gl-dependency-scanning-report.json',
      'gl-container-scanning-report.json',
      'gl-secret-detection-report.json',
      'gl-dast-report.json',
      'semgrep.sarif',
      'codeql.sarif',
      'cdxgen-1.6.cdx.json',
    ];
    for (const file of files) {
      const res = await upload(pid, file, await readFile(new URL(file, FIXTURES)), target);
      expect(res.statusCode, `${file}: ${res.body}`).toBe(201);
    }
    const scans = await server.database.db.selectFrom('scans').select(['report_type', 'format']).where('project_id', '=', target.id).execute();
    expect(new Set(scans.map((s) => s.report_type))).toEqual(
      new Set(['sast', 'dependency_scanning', 'container_scanning', 'secret_detection', 'dast', 'sbom']),
    );
    expect((await vulns(target)).length).toBeGreaterThan(5);
    const deps = await server.database.db.selectFrom('dependencies').select('name').where('project_id', '=', target.id).execute();
    expect(deps.length).toBeGreaterThan(0);
    const counts = await server.database.db.selectFrom('vulnerability_daily_counts').select(['severity', 'count']).where('project_id', '=', target.id).execute();
    expect(counts).toHaveLength(6);
  });

  it('tracks a vulnerability across pipelines: no longer detected, detected again, resolved comes back, dismissed stays', async () => {
    const target = await server.createProject(group, 'lifecycle');
    const a = { rule: 'rule-a', file: 'a.py', line: 1 };
    const b = { rule: 'rule-b', file: 'b.py', line: 2 };
    const c = { rule: 'rule-c', file: 'c.py', line: 3 };
    let res = await upload(await pipeline('main', target), 'gl-sast-report.json', sastReport([a, b, c]), target);
    expect(res.json()).toMatchObject({ vulnerabilities: { created: 3, updated: 0, noLongerDetected: 0 } });

    res = await upload(await pipeline('main', target), 'gl-sast-report.json', sastReport([{ ...a, severity: 'Critical', name: 'renamed' }]), target);
    expect(res.json()).toMatchObject({ vulnerabilities: { created: 0, updated: 1, noLongerDetected: 2 } });
    let rows = await vulns(target);
    expect(rows.map((r) => [r.primary_identifier_value, r.is_no_longer_detected, r.severity])).toEqual([
      ['rule-a', false, 'critical'],
      ['rule-b', true, 'high'],
      ['rule-c', true, 'high'],
    ]);
    expect(rows[0]?.title).toBe('renamed');

    // B resolved by a maintainer, C dismissed; both come back in the next default-branch pipeline.
    const [, vb, vc] = rows;
    expect((await server.call('POST', `/api/v1/vulnerabilities/${vb?.id}/state`, token, { state: 'resolved' })).statusCode).toBe(200);
    const dismiss = await server.call('POST', `/api/v1/vulnerabilities/${vc?.id}/state`, token, { state: 'dismissed', dismissalReason: 'used_in_tests', comment: 'fixture' });
    expect(dismiss.statusCode).toBe(200);
    res = await upload(await pipeline('main', target), 'gl-sast-report.json', sastReport([a, b, c]), target);
    expect(res.json()).toMatchObject({ vulnerabilities: { created: 0, updated: 3, redetected: 1, noLongerDetected: 0 } });
    rows = await vulns(target);
    expect(rows.map((r) => [r.primary_identifier_value, r.state, r.is_no_longer_detected])).toEqual([
      ['rule-a', 'detected', false],
      ['rule-b', 'detected', false],
      ['rule-c', 'dismissed', false],
    ]);
    const detail = (await server.call('GET', `/api/v1/vulnerabilities/${vb?.id}`, token)).json() as { history: { action: string; fromState: string | null; toState: string | null; actor: unknown }[] };
    expect(detail.history.map((h) => [h.action, h.fromState, h.toState])).toEqual([
      ['detected', null, 'detected'],
      ['no_longer_detected', 'detected', 'detected'],
      ['state_changed', 'detected', 'resolved'],
      ['state_changed', 'resolved', 'detected'],
    ]);
    expect(detail.history[3]?.actor).toBeNull();
  });

  it('a vulnerability found again unchanged keeps its row; its last sighting moves, and it goes "no longer detected" when missed', async () => {
    const target = await server.createProject(group, 'sightings');
    const a = { rule: 'rule-a', file: 'a.py', line: 1 };
    const b = { rule: 'rule-b', file: 'b.py', line: 2 };
    const first = await pipeline('main', target);
    expect((await upload(first, 'gl-sast-report.json', sastReport([a, b]), target)).statusCode).toBe(201);
    const rowsOf = async () =>
      server.database.db.selectFrom('vulnerabilities').select(['id', 'primary_identifier_value', 'updated_at', 'severity', 'is_no_longer_detected']).where('project_id', '=', target.id).orderBy('primary_identifier_value').execute();
    const before = await rowsOf();
    const detailOf = async (id: number) => (await server.call('GET', `/api/v1/vulnerabilities/${id}`, token)).json() as { lastPipelineId: number; lastDetectedAt: string; firstPipelineId: number; history: unknown[] };
    const seenFirst = await detailOf(before[0]!.id);
    expect(seenFirst).toMatchObject({ lastPipelineId: first, firstPipelineId: first });

    // Same report again: nothing about A or B changed, so their rows stay as they were…
    const second = await pipeline('main', target);
    const again = await upload(second, 'gl-sast-report.json', sastReport([a, { ...b, severity: 'Critical' }]), target);
    expect(again.json()).toMatchObject({ vulnerabilities: { created: 0, updated: 2, noLongerDetected: 0 } });
    const after = await rowsOf();
    expect(after[0]?.updated_at).toEqual(before[0]?.updated_at);
    // …but B's severity changed, so its row follows the report.
    expect(after[1]?.severity).toBe('critical');
    expect(after[1]?.updated_at.getTime()).toBeGreaterThan(before[1]!.updated_at.getTime());
    // Both were last detected in the second pipeline, and no history entry was written for it.
    for (const row of after) {
      const detail = await detailOf(row.id);
      expect(detail).toMatchObject({ lastPipelineId: second, firstPipelineId: first });
      expect(Date.parse(detail.lastDetectedAt)).toBeGreaterThanOrEqual(Date.parse(seenFirst.lastDetectedAt));
      expect(detail.history).toHaveLength(1);
    }

    // A third pipeline finds only B: A, unchanged and not seen, is flagged, and keeps pipeline 2 as its last sighting.
    const third = await pipeline('main', target);
    expect((await upload(third, 'gl-sast-report.json', sastReport([{ ...b, severity: 'Critical' }]), target)).json()).toMatchObject({ vulnerabilities: { updated: 1, noLongerDetected: 1 } });
    const flagged = await rowsOf();
    expect(flagged.map((r) => [r.primary_identifier_value, r.is_no_longer_detected])).toEqual([['rule-a', true], ['rule-b', false]]);
    expect(await detailOf(flagged[0]!.id)).toMatchObject({ lastPipelineId: second });
    expect(await detailOf(flagged[1]!.id)).toMatchObject({ lastPipelineId: third });
  });

  it('stores documents with quotes, backslashes, braces and non-ASCII text exactly (findings.data, details.raw)', async () => {
    const target = await server.createProject(group, 'documents');
    const tricky = 'say "hi" \\ C:\\path\\ {a,b}\ttab\nline \u00e9\u4e2d\ud83d\ude00 \u2028 \\"quoted\\" end\\';
    const file = 'src/{odd},"name"\\x.py';
    const pid = await pipeline('main', target);
    const res = await upload(pid, 'gl-sast-report.json', sastReport([{ rule: 'doc-rule', file, line: 3, name: tricky }]), target);
    expect(res.statusCode, res.body).toBe(201);
    const [v] = await vulns(target);
    const detail = (await server.call('GET', `/api/v1/vulnerabilities/${v!.id}`, token)).json() as { title: string; locationText: string; raw: { name: string; location: { file: string } } };
    expect(detail.title).toBe(tricky);
    expect(detail.locationText).toBe(file);
    expect(detail.raw.name).toBe(tricky);
    expect(detail.raw.location.file).toBe(file);
    const finding = await server.database.db.selectFrom('findings').select('data').where('pipeline_id', '=', pid).executeTakeFirstOrThrow();
    expect((finding.data as { title: string }).title).toBe(tricky);
  });

  it('stores findings of other branches without touching vulnerabilities', async () => {
    const target = await server.createProject(group, 'branches');
    const before = await server.rowCounts();
    const res = await upload(await pipeline('feature/x', target), 'gl-sast-report.json', sastReport([{ rule: 'r', file: 'f.py', line: 1 }]), target);
    expect(res.statusCode).toBe(201);
    const after = await server.rowCounts();
    expect(after.findings).toBe(before.findings + 1);
    expect(after.vulnerabilities).toBe(before.vulnerabilities);
  });

  it('ignores a late upload from an older pipeline when a newer one already scanned', async () => {
    const target = await server.createProject(group, 'late');
    const older = await pipeline('main', target);
    const newer = await pipeline('main', target);
    await upload(newer, 'gl-sast-report.json', sastReport([{ rule: 'new', file: 'n.py', line: 1 }]), target);
    const res = await upload(older, 'gl-sast-report.json', sastReport([{ rule: 'old', file: 'o.py', line: 1 }]), target);
    expect(res.statusCode).toBe(201);
    const rows = await vulns(target);
    expect(rows.map((r) => [r.primary_identifier_value, r.is_no_longer_detected])).toEqual([['new', false]]);
  });

  it('deduplicates within a pipeline: the same finding twice in a file, and again in a second file', async () => {
    const target = await server.createProject(group, 'dedup');
    const pid = await pipeline('main', target);
    const f = { rule: 'dup', file: 'd.py', line: 5 };
    const first = await upload(pid, 'gl-sast-report.json', sastReport([f, f]), target);
    expect(first.json()).toMatchObject({ scans: [{ findings: 1, duplicates: 1 }] });
    const second = await upload(pid, 'gl-sast-report-2.json', sastReport([f]), target);
    expect(second.json()).toMatchObject({ scans: [{ findings: 0, duplicates: 1 }] });
    expect(await vulns(target)).toHaveLength(1);
  });

  it('refuses a second upload of the same file name to a pipeline, changing nothing', async () => {
    const pid = await pipeline();
    const report = sastReport([{ rule: 'x', file: 'x.py', line: 1 }]);
    expect((await upload(pid, 'gl-sast-report.json', report)).statusCode).toBe(201);
    const before = await server.rowCounts();
    const again = await upload(pid, 'gl-sast-report.json', report);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'report-already-uploaded' });
    expect(await server.rowCounts()).toEqual(before);
  });

  it('answers 404 for a pipeline of another project and a project path that does not exist', async () => {
    const other = await server.createProject(group, 'other');
    const pid = await pipeline('main', other);
    expect((await upload(pid, 'gl-sast-report.json', sastReport([]))).statusCode).toBe(404);
    const res = await server.call('POST', `/api/v1/projects/${encodeURIComponent('acme/nope')}/pipelines`, token, { ref: 'main', sha: 'a'.repeat(40) });
    expect(res.statusCode).toBe(404);
    const byPath = await server.call('POST', `/api/v1/projects/${encodeURIComponent('acme/web')}/pipelines`, token, { ref: 'main', sha: 'b'.repeat(40) });
    expect(byPath.statusCode).toBe(201);
  });
});

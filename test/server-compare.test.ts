import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Group, Project } from '../src/server/db/schema.js';
import { createTestServer, testDatabases, type TestServer } from './server/helper.js';

const FIXTURES = new URL('./fixtures/reports/', import.meta.url);

interface Spec {
  readonly rule: string;
  readonly file: string;
  readonly line: number;
  readonly severity?: 'Critical' | 'High' | 'Medium' | 'Low';
  /** A scope_offset tracking signature: the finding keeps its identity when its lines move. */
  readonly scope?: string;
}

/** A GitLab report of `type` (sast or secret_detection) with optional tracking signatures. */
function report(type: 'sast' | 'secret_detection', findings: readonly Spec[]): string {
  const scanner = type === 'sast' ? 'semgrep' : 'gitleaks';
  return JSON.stringify({
    version: '15.0.7',
    scan: {
      analyzer: { id: scanner, name: scanner, version: '1.0.0', vendor: { name: 'Test' } },
      scanner: { id: scanner, name: scanner, version: '1.0.0', vendor: { name: 'Test' } },
      type,
      start_time: '2024-05-01T10:00:00',
      end_time: '2024-05-01T10:01:00',
      status: 'success',
    },
    vulnerabilities: findings.map((f, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `Rule ${f.rule}`,
      description: `Finding of ${f.rule}`,
      severity: f.severity ?? 'High',
      location: { file: f.file, start_line: f.line, end_line: f.line, ...(type === 'secret_detection' ? { commit: { sha: '0'.repeat(40) } } : {}) },
      identifiers: [{ type: `${scanner}_id`, name: f.rule, value: f.rule }],
      ...(f.scope === undefined
        ? {}
        : { tracking: { type: 'source', items: [{ file: f.file, line_start: f.line, line_end: f.line, signatures: [{ algorithm: 'scope_offset', value: f.scope }] }] } }),
    })),
  });
}

interface Summary {
  uuid: string;
  title: string;
  severity: string;
  scanner: { id: string };
  primaryIdentifier: { value: string };
  location: { file?: string; startLine?: number };
  locationText: string;
  vulnerabilityId: number | null;
  state: string | null;
}
interface TypeResult {
  reportType: string;
  status: string;
  added: Summary[];
  fixed: Summary[];
  addedCount: number;
  fixedCount: number;
  dismissedCount: number;
  unchangedCount: number;
  truncated: boolean;
}
interface CompareBody {
  base: { id: number } | null;
  head: { id: number; ref: string; sha: string };
  baseChosen: string;
  baseOutOfDate: boolean;
  reportTypes: TypeResult[];
}

// Findings: unchanged, fixed, moved with a signature (same vulnerability), moved without one
// (new + fixed), new, and one whose default-branch vulnerability is dismissed.
const U: Spec = { rule: 'rule-u', file: 'u.py', line: 4, severity: 'Medium' };
const F: Spec = { rule: 'rule-f', file: 'f.py', line: 3, severity: 'Critical' };
const M_BASE: Spec = { rule: 'rule-m', file: 'm.py', line: 10, scope: 'm.py|handler[0]:2' };
const M_HEAD: Spec = { ...M_BASE, line: 25 };
const K_BASE: Spec = { rule: 'rule-k', file: 'k.py', line: 5, severity: 'Low' };
const K_HEAD: Spec = { ...K_BASE, line: 6 };
const N: Spec = { rule: 'rule-n', file: 'n.py', line: 7, severity: 'Medium' };
const N2: Spec = { rule: 'rule-n2', file: 'n2.py', line: 1, severity: 'Critical' };
const X: Spec = { rule: 'rule-x', file: 'x.py', line: 1, severity: 'High' };
const S: Spec = { rule: 'aws-key', file: 'config.env', line: 2, severity: 'Critical' };

describe.each(testDatabases())('MR comparison route (%s)', (kind) => {
  let server: TestServer;
  let group: Group;
  let project: Project;
  let other: Project;
  let admin: string;
  let reporter: string;
  let guest: string;
  const ids = { p0: 0, base: 0, head: 0, otherPipeline: 0, dismissed: 0 };

  async function pipeline(target: Project, ref: string, sha: string): Promise<number> {
    const res = await server.call('POST', `/api/v1/projects/${target.id}/pipelines`, admin, { ref, sha });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: number }).id;
  }
  async function upload(target: Project, pid: number, fileName: string, body: string | Buffer): Promise<void> {
    const res = await server.call('POST', `/api/v1/projects/${target.id}/pipelines/${pid}/reports?filename=${fileName}`, admin, body);
    expect(res.statusCode, res.body).toBe(201);
  }
  async function compare(query: string, token = reporter): Promise<CompareBody> {
    const res = await server.call('GET', `/api/v1/projects/${project.id}/compare?${query}`, token);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }
  const byType = (body: CompareBody, type: string): TypeResult => {
    const found = body.reportTypes.find((t) => t.reportType === type);
    if (found === undefined) throw new Error(`no ${type} in ${JSON.stringify(body.reportTypes.map((t) => t.reportType))}`);
    return found;
  };
  const rules = (list: readonly Summary[]) => list.map((s) => `${s.primaryIdentifier.value}@${s.location.startLine ?? '-'}`);

  beforeAll(async () => {
    server = await createTestServer(kind);
    group = await server.createGroup('acme');
    project = await server.createProject(group, 'web');
    other = await server.createProject(group, 'other');
    admin = (await server.createUser('admin', { admin: true })).token;
    const rep = await server.createUser('rep');
    const gst = await server.createUser('gst');
    await server.addMember({ group }, rep.user, 20);
    await server.addMember({ group }, gst.user, 10);
    reporter = rep.token;
    guest = gst.token;

    // An earlier default-branch pipeline found X, and X was dismissed.
    ids.p0 = await pipeline(project, 'main', 'a'.repeat(40));
    await upload(project, ids.p0, 'gl-sast-report.json', report('sast', [X]));
    const vuln = await server.database.db.selectFrom('vulnerabilities').select('id').where('project_id', '=', project.id).executeTakeFirstOrThrow();
    ids.dismissed = vuln.id;
    const dismiss = await server.call('POST', `/api/v1/vulnerabilities/${vuln.id}/state`, admin, { state: 'dismissed', dismissalReason: 'false_positive', comment: 'test data' });
    expect(dismiss.statusCode, dismiss.body).toBe(200);

    // The base: the default branch, with dependency scanning that the head does not run.
    ids.base = await pipeline(project, 'main', 'b'.repeat(40));
    await upload(project, ids.base, 'gl-sast-report.json', report('sast', [U, F, M_BASE, K_BASE]));
    await upload(project, ids.base, 'gl-dependency-scanning-report.json', await readFile(new URL('gl-dependency-scanning-report.json', FIXTURES)));

    // The head: a feature branch that adds secret detection.
    ids.head = await pipeline(project, 'feature/login', 'c'.repeat(40));
    await upload(project, ids.head, 'gl-sast-report.json', report('sast', [U, M_HEAD, K_HEAD, N, N2, X]));
    await upload(project, ids.head, 'gl-secret-detection-report.json', report('secret_detection', [S]));

    ids.otherPipeline = await pipeline(other, 'main', 'e'.repeat(40));
  });
  afterAll(async () => {
    await server.close();
  });

  it('lists new and fixed findings per report type; a finding that only moved within its scope is neither', async () => {
    const body = await compare(`base=${ids.base}&head=${ids.head}`);
    expect(body.baseChosen).toBe('requested');
    expect(body.base?.id).toBe(ids.base);
    expect(body.head).toMatchObject({ id: ids.head, ref: 'feature/login', sha: 'c'.repeat(40) });
    expect(body.baseOutOfDate).toBe(false);
    expect(body.reportTypes.map((t) => [t.reportType, t.status])).toEqual([
      ['dependency_scanning', 'missing_head'],
      ['sast', 'parsed'],
      ['secret_detection', 'missing_base'],
    ]);
    const sast = byType(body, 'sast');
    // Most severe first; K moved without a signature, so it is new at line 6 and fixed at line 5.
    expect(rules(sast.added)).toEqual(['rule-n2@1', 'rule-n@7', 'rule-k@6']);
    expect(rules(sast.fixed)).toEqual(['rule-f@3', 'rule-k@5']);
    expect(sast).toMatchObject({ addedCount: 3, fixedCount: 2, unchangedCount: 2, dismissedCount: 1, truncated: false });
    expect(sast.added[0]).toMatchObject({ title: 'Rule rule-n2', severity: 'critical', scanner: { id: 'semgrep' }, locationText: 'n2.py:1', vulnerabilityId: null, state: null });
    expect(sast.added[0]?.location).toEqual({ kind: 'source', file: 'n2.py', startLine: 1, endLine: 1 });
    // A fixed finding links to the default-branch vulnerability the base created.
    const fixedVuln = await server.database.db.selectFrom('vulnerabilities').select(['id', 'uuid']).where('primary_identifier_value', '=', 'rule-f').executeTakeFirstOrThrow();
    expect(sast.fixed[0]).toMatchObject({ uuid: fixedVuln.uuid, vulnerabilityId: fixedVuln.id, state: 'detected' });

    const secrets = byType(body, 'secret_detection');
    expect(rules(secrets.added)).toEqual(['aws-key@2']);
    expect(secrets.fixed).toEqual([]);
    // Dependency scanning did not run on the head: its base findings are not "fixed".
    const ds = byType(body, 'dependency_scanning');
    expect([ds.added, ds.fixed, ds.addedCount, ds.fixedCount]).toEqual([[], [], 0, 0]);
  });

  it('hides a new finding whose vulnerability is dismissed, and lists it when asked', async () => {
    const hidden = byType(await compare(`base=${ids.base}&head=${ids.head}&report_type=sast`), 'sast');
    expect(rules(hidden.added)).not.toContain('rule-x@1');
    const shown = byType(await compare(`base=${ids.base}&head=${ids.head}&report_type=sast&include_dismissed=true`), 'sast');
    expect(rules(shown.added)).toEqual(['rule-n2@1', 'rule-x@1', 'rule-n@7', 'rule-k@6']);
    expect(shown.added[1]).toMatchObject({ vulnerabilityId: ids.dismissed, state: 'dismissed' });
    expect(shown).toMatchObject({ addedCount: 4, dismissedCount: 1 });
  });

  it('filters report types (comma-separated or repeated), caps the lists, refuses an unknown type', async () => {
    const two = await compare(`base=${ids.base}&head=${ids.head}&report_type=secret_detection,sast`);
    expect(two.reportTypes.map((t) => t.reportType)).toEqual(['sast', 'secret_detection']);
    const repeated = await compare(`base=${ids.base}&head=${ids.head}&report_type=dast&report_type=sast`);
    expect(repeated.reportTypes.map((t) => [t.reportType, t.status])).toEqual([
      ['dast', 'missing_head'],
      ['sast', 'parsed'],
    ]);
    const capped = byType(await compare(`base=${ids.base}&head=${ids.head}&report_type=sast&limit=1`), 'sast');
    expect(capped).toMatchObject({ addedCount: 3, fixedCount: 2, truncated: true });
    expect(rules(capped.added)).toEqual(['rule-n2@1']);
    expect(rules(capped.fixed)).toEqual(['rule-f@3']);
    const bad = await server.call('GET', `/api/v1/projects/${project.id}/compare?head=${ids.head}&report_type=sast,bogus`, reporter);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid-request' });
    expect((bad.json() as { message: string }).message).toContain('bogus');
  });

  it('without base, compares with the latest default-branch pipeline before head and says so', async () => {
    const body = await compare(`head=${ids.head}`);
    expect(body.baseChosen).toBe('latest-default-branch');
    expect(body.base?.id).toBe(ids.base);
    expect(rules(byType(body, 'sast').fixed)).toEqual(['rule-f@3', 'rule-k@5']);
    // The first pipeline has nothing before it: every finding is new (the dismissed one hidden).
    const first = await compare(`head=${ids.p0}`);
    expect(first).toMatchObject({ base: null, baseChosen: 'none' });
    expect(first.reportTypes).toEqual([
      { reportType: 'sast', status: 'missing_base', added: [], fixed: [], addedCount: 0, fixedCount: 0, dismissedCount: 1, unchangedCount: 0, truncated: false },
    ]);
  });

  it('answers 404 for a pipeline of another project, 403 to a guest', async () => {
    for (const query of [`base=${ids.otherPipeline}&head=${ids.head}`, `head=${ids.otherPipeline}`, `head=999999`]) {
      const res = await server.call('GET', `/api/v1/projects/${project.id}/compare?${query}`, reporter);
      expect(res.statusCode, query).toBe(404);
      expect(res.json()).toMatchObject({ code: 'pipeline-not-found' });
    }
    expect((await server.call('GET', `/api/v1/projects/${project.id}/compare?head=${ids.head}`, guest)).statusCode).toBe(403);
    expect((await server.call('GET', `/api/v1/projects/${project.id}/compare`, reporter)).statusCode).toBe(400);
  });

  it('lists pipelines with what each report type found, for a pipeline picker', async () => {
    const res = await server.call('GET', `/api/v1/projects/${project.id}/pipelines`, reporter);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as { id: number; isDefaultBranch: boolean; reports: { reportType: string; findings: number; status: string }[] }[];
    expect(list.map((p) => p.id)).toEqual([ids.head, ids.base, ids.p0]);
    expect(list[0]).toMatchObject({ isDefaultBranch: false, ref: 'feature/login', source: 'push', status: 'success' });
    expect(list[0]?.reports).toEqual([
      { reportType: 'sast', findings: 6, status: 'success' },
      { reportType: 'secret_detection', findings: 1, status: 'success' },
    ]);
    expect(list[1]?.reports.map((r) => r.reportType)).toEqual(['dependency_scanning', 'sast']);
    const one = await server.call('GET', `/api/v1/projects/${project.id}/pipelines/${ids.p0}`, reporter);
    expect(one.json()).toMatchObject({ id: ids.p0, reports: [{ reportType: 'sast', findings: 1, status: 'success' }] });
  });
});

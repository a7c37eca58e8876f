import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Group, Project } from '../src/server/db/schema.js';
import { createTestServer, testDatabases, type TestServer } from './server/helper.js';
import { sastReport } from './server/reports.js';

const FIXTURES = new URL('./fixtures/reports/', import.meta.url);
const fixture = (name: string) => readFile(new URL(name, FIXTURES));

interface Configuration {
  projectId: number;
  defaultBranch: string;
  window: number;
  latestDefaultBranchPipeline: { id: number } | null;
  reportTypes: {
    reportType: string;
    enabled: boolean;
    everRan: boolean;
    required: boolean;
    lastRunAt: string | null;
    lastPipelineId: number | null;
    lastStatus: string | null;
    scanners: { id: string; name: string; version: string | null }[];
  }[];
}
interface Inventory {
  requiredReportTypes: string[];
  totals: { projects: number; compliant: number; missingSomething: number };
  total: number;
  nextOffset: number | null;
  items: { projectId: number; fullPath: string; reportTypes: Record<string, { ran: boolean; lastRunAt: string | null; lastPipelineId: number | null }>; missing: string[] }[];
}

describe.each(testDatabases())('security configuration, coverage settings and inventory (%s)', (kind) => {
  let server: TestServer;
  let acme: Group;
  let sub: Group;
  let web: Project;
  let api: Project;
  let lib: Project;
  let hidden: Project;
  let admin: string;
  let reporter: string;
  let guest: string;
  const pipelines = { web1: 0, web2: 0, feature: 0, api1: 0 };

  async function pipeline(target: Project, ref: string): Promise<number> {
    const res = await server.call('POST', `/api/v1/projects/${target.id}/pipelines`, admin, { ref, sha: 'f'.repeat(40) });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: number }).id;
  }
  async function upload(target: Project, pid: number, fileName: string, body: string | Buffer): Promise<void> {
    const res = await server.call('POST', `/api/v1/projects/${target.id}/pipelines/${pid}/reports?filename=${fileName}`, admin, body);
    expect(res.statusCode, res.body).toBe(201);
  }
  async function get<T>(url: string, token: string): Promise<T> {
    const res = await server.call('GET', url, token);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  }
  const typeOf = (c: Configuration, type: string) => c.reportTypes.find((t) => t.reportType === type);

  beforeAll(async () => {
    server = await createTestServer(kind);
    acme = await server.createGroup('acme');
    sub = await server.createGroup('sub', acme);
    const beta = await server.createGroup('beta');
    web = await server.createProject(acme, 'web');
    api = await server.createProject(acme, 'api');
    lib = await server.createProject(sub, 'lib');
    hidden = await server.createProject(beta, 'secret');
    admin = (await server.createUser('admin', { admin: true })).token;
    const rep = await server.createUser('rep');
    const gst = await server.createUser('gst');
    await server.addMember({ group: acme }, rep.user, 20);
    await server.addMember({ group: acme }, gst.user, 10);
    reporter = rep.token;
    guest = gst.token;

    // web: secret detection and dependency scanning once, then SAST by two scanners (one failed);
    // container scanning only on a feature branch.
    pipelines.web1 = await pipeline(web, 'main');
    await upload(web, pipelines.web1, 'gl-secret-detection-report.json', await fixture('gl-secret-detection-report.json'));
    await upload(web, pipelines.web1, 'gl-dependency-scanning-report.json', await fixture('gl-dependency-scanning-report.json'));
    pipelines.web2 = await pipeline(web, 'main');
    await upload(web, pipelines.web2, 'gl-sast-report.json', sastReport([{ rule: 'a', file: 'a.py', line: 1 }]));
    await upload(web, pipelines.web2, 'gl-sast-bandit.json', sastReport([], { scanner: 'bandit', status: 'failure' }));
    // A late SAST upload to the older pipeline does not move "last run" back.
    await upload(web, pipelines.web1, 'gl-sast-report.json', sastReport([]));
    pipelines.feature = await pipeline(web, 'feature');
    await upload(web, pipelines.feature, 'gl-container-scanning-report.json', await fixture('gl-container-scanning-report.json'));
    // api: SAST only. lib: nothing. hidden: SAST, in a group the reporter is not in.
    pipelines.api1 = await pipeline(api, 'main');
    await upload(api, pipelines.api1, 'gl-sast-report.json', sastReport([]));
    const h = await pipeline(hidden, 'main');
    await upload(hidden, h, 'gl-sast-report.json', sastReport([]));
  });
  afterAll(async () => {
    await server.close();
  });

  it("describes a project's security configuration from its default branch", async () => {
    const config = await get<Configuration>(`/api/v1/projects/${web.id}/security-configuration`, reporter);
    expect(config).toMatchObject({ projectId: web.id, defaultBranch: 'main', window: 10, latestDefaultBranchPipeline: { id: pipelines.web2 } });
    expect(config.reportTypes.map((t) => t.reportType)).toEqual([
      'sast',
      'secret_detection',
      'dependency_scanning',
      'container_scanning',
      'dast',
      'api_fuzzing',
      'coverage_fuzzing',
      'cluster_image_scanning',
      'sbom',
    ]);
    expect(typeOf(config, 'sast')).toMatchObject({ enabled: true, everRan: true, lastPipelineId: pipelines.web2, lastStatus: 'failure' });
    expect(typeOf(config, 'sast')?.scanners).toEqual([
      { id: 'bandit', name: 'bandit', version: '1.0.0' },
      { id: 'semgrep', name: 'semgrep', version: '1.0.0' },
    ]);
    expect(typeOf(config, 'secret_detection')).toMatchObject({ enabled: true, everRan: true, lastPipelineId: pipelines.web1, lastStatus: 'success' });
    expect(typeOf(config, 'secret_detection')?.lastRunAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Only on a feature branch: not configured.
    expect(typeOf(config, 'container_scanning')).toMatchObject({ enabled: false, everRan: false, lastRunAt: null, lastPipelineId: null, lastStatus: null, scanners: [] });
    // A window of one pipeline: secret detection did not run in the latest.
    const narrow = await get<Configuration>(`/api/v1/projects/${web.id}/security-configuration?window=1`, reporter);
    expect(typeOf(narrow, 'secret_detection')).toMatchObject({ enabled: false, everRan: true });
    expect(typeOf(narrow, 'sast')).toMatchObject({ enabled: true });
    expect((await server.call('GET', `/api/v1/projects/${web.id}/security-configuration`, guest)).statusCode).toBe(403);
  });

  it('lets any user read the required report types and only an administrator change them', async () => {
    expect(await get('/api/v1/settings/security-coverage', guest)).toMatchObject({ requiredReportTypes: [], updatedAt: null });
    const refused = await server.call('PUT', '/api/v1/settings/security-coverage', reporter, { requiredReportTypes: ['sast'] });
    expect(refused.statusCode).toBe(403);
    const unknown = await server.call('PUT', '/api/v1/settings/security-coverage', admin, { requiredReportTypes: ['sast', 'iac'] });
    expect(unknown.statusCode).toBe(400);
    expect(await get('/api/v1/settings/security-coverage', guest)).toMatchObject({ requiredReportTypes: [] });
    const saved = await server.call('PUT', '/api/v1/settings/security-coverage', admin, { requiredReportTypes: ['secret_detection', 'sast', 'sast'] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ requiredReportTypes: ['sast', 'secret_detection'] });
    const read = await get<{ requiredReportTypes: string[]; knownReportTypes: string[]; updatedAt: string }>('/api/v1/settings/security-coverage', reporter);
    expect(read.requiredReportTypes).toEqual(['sast', 'secret_detection']);
    expect(read.knownReportTypes).toContain('cluster_image_scanning');
    expect(read.updatedAt).not.toBeNull();
    const audit = await server.database.db.selectFrom('audit_events').select(['action', 'details']).where('action', '=', 'settings.changed').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toEqual({ from: [], to: ['sast', 'secret_detection'] });
    const config = await get<Configuration>(`/api/v1/projects/${web.id}/security-configuration`, reporter);
    expect(config.reportTypes.filter((t) => t.required).map((t) => t.reportType)).toEqual(['sast', 'secret_detection']);
  });

  it('shows which projects miss a required scanner, to the projects the caller may read', async () => {
    await server.call('PUT', '/api/v1/settings/security-coverage', admin, { requiredReportTypes: ['sast', 'secret_detection'] });
    const all = await get<Inventory>('/api/v1/security-inventory', reporter);
    expect(all.requiredReportTypes).toEqual(['sast', 'secret_detection']);
    expect(all.totals).toEqual({ projects: 3, compliant: 1, missingSomething: 2 });
    expect(all.items.map((i) => [i.fullPath, i.missing])).toEqual([
      ['acme/api', ['secret_detection']],
      ['acme/sub/lib', ['sast', 'secret_detection']],
      ['acme/web', []],
    ]);
    expect(all.items[0]?.projectId).toBe(api.id);
    const webItem = all.items[2];
    expect(webItem?.reportTypes.sast).toMatchObject({ ran: true, lastPipelineId: pipelines.web2 });
    expect(webItem?.reportTypes.container_scanning).toEqual({ ran: false, lastRunAt: null, lastPipelineId: null });
    expect(webItem?.reportTypes.dependency_scanning).toMatchObject({ ran: true, lastPipelineId: pipelines.web1 });

    const missing = await get<Inventory>('/api/v1/security-inventory?missing_only=true&limit=1', reporter);
    expect(missing.total).toBe(2);
    expect(missing.totals).toEqual({ projects: 3, compliant: 1, missingSomething: 2 });
    expect(missing.items.map((i) => i.fullPath)).toEqual(['acme/api']);
    expect(missing.nextOffset).toBe(1);
    const next = await get<Inventory>('/api/v1/security-inventory?missing_only=true&limit=1&offset=1', reporter);
    expect(next.items.map((i) => i.fullPath)).toEqual(['acme/sub/lib']);
    expect(next.nextOffset).toBeNull();

    const narrowed = await get<Inventory>(`/api/v1/security-inventory?group=${sub.id}`, reporter);
    expect(narrowed.items.map((i) => i.fullPath)).toEqual(['acme/sub/lib']);
    expect(narrowed.totals).toEqual({ projects: 1, compliant: 0, missingSomething: 1 });
    const group = await get<Inventory>(`/api/v1/groups/${sub.id}/security-inventory`, reporter);
    expect(group.items.map((i) => i.projectId)).toEqual([lib.id]);

    // The administrator sees every project; a guest reads no pipelines, so sees none.
    const everything = await get<Inventory>('/api/v1/security-inventory', admin);
    expect(everything.items.map((i) => i.fullPath)).toEqual(['acme/api', 'acme/sub/lib', 'acme/web', 'beta/secret']);
    expect(everything.totals).toEqual({ projects: 4, compliant: 1, missingSomething: 3 });
    expect((await get<Inventory>('/api/v1/security-inventory', guest)).items).toEqual([]);
    expect((await server.call('GET', `/api/v1/groups/${acme.id}/security-inventory`, guest)).statusCode).toBe(403);
  });

  it('counts every project compliant when nothing is required', async () => {
    await server.call('PUT', '/api/v1/settings/security-coverage', admin, { requiredReportTypes: [] });
    const all = await get<Inventory>('/api/v1/security-inventory?missing_only=true', reporter);
    expect(all).toMatchObject({ totals: { projects: 3, compliant: 3, missingSomething: 0 }, total: 0, items: [], nextOffset: null });
  });
});

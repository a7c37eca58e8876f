import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../src/server/db/schema.js';
import { createTestServer, testDatabases, type TestServer } from './server/helper.js';
import { sastReport } from './server/reports.js';

const SQL_METACHARACTERS = [`'; drop table users; --`, `" or 1=1 --`, `\\'; select pg_sleep(5); --`, '%_\\', '$1 $$ $body$', ') union select * from users --'];

describe.each(testDatabases())('server bad input (%s)', (kind) => {
  let server: TestServer;
  let token: string;
  let project: Project;
  let pipelineId: number;

  beforeAll(async () => {
    server = await createTestServer(kind, { config: { ingestBodyLimit: 60 * 1024 * 1024 } });
    token = (await server.createUser('root', { admin: true })).token;
    const group = await server.createGroup('bad');
    project = await server.createProject(group, 'input');
    const res = await server.call('POST', `/api/v1/projects/${project.id}/pipelines`, token, { ref: 'main', sha: 'f'.repeat(40) });
    pipelineId = (res.json() as { id: number }).id;
  });
  afterAll(async () => {
    await server.close();
  });

  const upload = (body: string | Buffer, fileName = 'gl-sast-report.json') =>
    server.call('POST', `/api/v1/projects/${project.id}/pipelines/${pipelineId}/reports?filename=${encodeURIComponent(fileName)}`, token, body);

  /** The request fails with this status and a message, and no table changes. */
  async function expectRefused(send: () => Promise<{ statusCode: number; json: () => unknown }>, status: number | number[], code?: string): Promise<{ message: string; code: string }> {
    const before = await server.rowCounts();
    const res = await send();
    const body = res.json() as { message: string; code: string };
    expect(Array.isArray(status) ? status : [status], JSON.stringify(body)).toContain(res.statusCode);
    expect(body.message.length).toBeGreaterThan(5);
    if (code !== undefined) expect(body.code).toBe(code);
    expect(await server.rowCounts()).toEqual(before);
    return body;
  }

  it('refuses truncated JSON with the place it broke', async () => {
    const report = sastReport([{ rule: 'r', file: 'f.py', line: 1 }]);
    const body = await expectRefused(() => upload(report.slice(0, report.length - 20)), 400, 'invalid-report');
    expect(body.message).toMatch(/gl-sast-report\.json/);
  });

  it('refuses wrong types inside a report', async () => {
    const report = JSON.parse(sastReport([{ rule: 'r', file: 'f.py', line: 1 }])) as { vulnerabilities: { identifiers: unknown }[] };
    const first = report.vulnerabilities[0];
    if (first !== undefined) first.identifiers = 'not a list';
    await expectRefused(() => upload(JSON.stringify(report)), 400, 'invalid-report');
    await expectRefused(() => upload(JSON.stringify({ ...report, vulnerabilities: 'x' })), 400, 'invalid-report');
    await expectRefused(() => upload('[1, 2, 3]'), 400, 'invalid-report');
  });

  it('refuses an unknown report version', async () => {
    const report = JSON.parse(sastReport([{ rule: 'r', file: 'f.py', line: 1 }])) as Record<string, unknown>;
    const body = await expectRefused(() => upload(JSON.stringify({ ...report, version: '99.0.0' })), 400, 'invalid-report');
    expect(body.message).toMatch(/99/);
  });

  it('refuses raw NUL bytes and invalid UTF-8; stores an escaped NUL as U+FFFD', async () => {
    const report = sastReport([{ rule: 'r', file: 'f.py', line: 1 }]);
    await expectRefused(() => upload(Buffer.concat([Buffer.from(report.slice(0, 50)), Buffer.from([0]), Buffer.from(report.slice(50))])), 400);
    await expectRefused(() => upload(Buffer.concat([Buffer.from(report.slice(0, 60)), Buffer.from([0xc3, 0x28]), Buffer.from(report.slice(60))])), 400);
    const escaped = sastReport([{ rule: 'nul', file: 'f.py', line: 1, name: 'name with \u0000 inside' }]);
    const res = await upload(escaped, 'gl-sast-nul.json');
    expect(res.statusCode, res.body).toBe(201);
    const row = await server.database.db.selectFrom('vulnerabilities').select('title').where('primary_identifier_value', '=', 'nul').executeTakeFirstOrThrow();
    expect(row.title).not.toContain('\u0000');
  });

  it('refuses an empty body, a path in the file name and a missing file name', async () => {
    await expectRefused(() => upload(''), 400);
    await expectRefused(() => upload(sastReport([]), '../../etc/passwd'), 400, 'invalid-request');
    await expectRefused(() => server.call('POST', `/api/v1/projects/${project.id}/pipelines/${pipelineId}/reports`, token, sastReport([])), 400, 'invalid-request');
  });

  it('refuses a 50 MB report: over the ingest limit (413), and under it when its content breaks the reader limits (400)', async () => {
    const huge = JSON.stringify({ version: '15.0.7', scan: {}, vulnerabilities: [{ id: 'x', description: 'a'.repeat(50 * 1024 * 1024) }] });
    const small = await createTestServer(kind, { config: { ingestBodyLimit: 10 * 1024 * 1024 } });
    try {
      const admin = (await small.createUser('root', { admin: true })).token;
      const group = await small.createGroup('g');
      const p = await small.createProject(group, 'p');
      const pipe = (await small.call('POST', `/api/v1/projects/${p.id}/pipelines`, admin, { ref: 'main', sha: 'a'.repeat(40) })).json() as { id: number };
      const before = await small.rowCounts();
      const res = await small.call('POST', `/api/v1/projects/${p.id}/pipelines/${pipe.id}/reports?filename=gl-sast-report.json`, admin, huge);
      expect(res.statusCode).toBe(413);
      expect((res.json() as { code: string }).code).toBe('body-too-large');
      expect(await small.rowCounts()).toEqual(before);
    } finally {
      await small.close();
    }
    await expectRefused(() => upload(huge), [400, 413]);
  });

  it('refuses wrong JSON types, unknown fields and oversized bodies on JSON routes', async () => {
    await expectRefused(() => server.call('POST', '/api/v1/session', undefined, { username: 123, password: 'x' }), 400, 'invalid-request');
    await expectRefused(() => server.call('POST', `/api/v1/projects/${project.id}/pipelines`, token, { ref: 'main', sha: 'a'.repeat(40), admin: true }), 400, 'invalid-request');
    await expectRefused(() => server.call('POST', `/api/v1/projects/${project.id}/pipelines`, token, { ref: ['main'], sha: 'a'.repeat(40) }), 400, 'invalid-request');
    await expectRefused(() => server.call('POST', '/api/v1/vulnerabilities/bulk-state', token, { ids: '1', state: 'confirmed' }), 400, 'invalid-request');
    await expectRefused(() => server.call('POST', '/api/v1/vulnerabilities/bulk-state', token, { ids: [1e20], state: 'confirmed' }), 400, 'invalid-request');
    await expectRefused(
      () => server.app.inject({ method: 'POST', url: '/api/v1/user/tokens', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: '{"name": "x", "scopes": ["api"]' }),
      400,
    );
    await expectRefused(() => server.call('POST', '/api/v1/user/tokens', token, { name: 'x'.repeat(2 * 1024 * 1024), scopes: ['api'] }), 413);
    await expectRefused(() => server.app.inject({ method: 'POST', url: '/api/v1/user/tokens', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, payload: 'x' }), 415);
    await expectRefused(() => server.call('GET', '/api/v1/vulnerabilities/99999999999999999999', token), [400, 404]);
  });

  it('treats SQL metacharacters as plain text in every body and path field', async () => {
    for (const evil of SQL_METACHARACTERS) {
      const bodies: [string, string, unknown][] = [
        ['POST', '/api/v1/session', { username: evil, password: evil }],
        ['POST', '/api/v1/user/tokens', { name: evil, scopes: ['read_api'] }],
        ['POST', '/api/v1/users', { username: evil, password: `${evil}-long-enough` }],
        ['POST', '/api/v1/groups', { name: evil, path: evil }],
        ['POST', '/api/v1/projects', { groupId: project.group_id, name: evil, path: evil, defaultBranch: evil }],
        ['POST', `/api/v1/projects/${project.id}/pipelines`, { ref: evil, sha: 'a'.repeat(40) }],
        ['GET', `/api/v1/projects/${encodeURIComponent(evil)}`, undefined],
        ['GET', `/api/v1/groups/${encodeURIComponent(evil)}`, undefined],
        ['GET', `/api/v1/projects/${project.id}/pipelines?ref=${encodeURIComponent(evil)}`, undefined],
        ['GET', `/api/v1/audit-events?action=${encodeURIComponent(evil)}`, undefined],
      ];
      for (const [method, url, body] of bodies) {
        const res = await server.call(method, url, token, body);
        expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(500);
      }
    }
    // The names went in as text: tables are all there, stored values are verbatim.
    const created = await server.database.db.selectFrom('projects').select('name').where('name', 'in', SQL_METACHARACTERS).execute();
    const tokens = await server.database.db.selectFrom('personal_access_tokens').select('name').where('name', 'in', SQL_METACHARACTERS).execute();
    expect(new Set(tokens.map((t) => t.name))).toEqual(new Set(SQL_METACHARACTERS));
    expect(created.length).toBeLessThanOrEqual(SQL_METACHARACTERS.length);
    expect((await server.rowCounts()).users).toBeGreaterThan(0);
  });

  it('keeps SQL metacharacters verbatim in comments, dismissal comments and report fields', async () => {
    const evilReport = sastReport(SQL_METACHARACTERS.map((evil, i) => ({ rule: `evil-${i}`, file: evil, line: i + 1, name: evil })));
    const res = await upload(evilReport, 'gl-sast-evil.json');
    expect(res.statusCode, res.body).toBe(201);
    const rows = await server.database.db.selectFrom('vulnerabilities').select(['id', 'title', 'location_text']).where('primary_identifier_value', 'like', 'evil-%').orderBy('primary_identifier_value').execute();
    expect(rows.map((r) => r.title)).toEqual(SQL_METACHARACTERS);
    const id = rows[0]?.id ?? 0;
    for (const evil of SQL_METACHARACTERS) {
      expect((await server.call('POST', `/api/v1/vulnerabilities/${id}/comments`, token, { body: evil })).statusCode).toBe(201);
    }
    const comments = (await server.call('GET', `/api/v1/vulnerabilities/${id}/comments`, token)).json() as { body: string }[];
    expect(comments.map((c) => c.body)).toEqual(SQL_METACHARACTERS);
    const dismissed = await server.call('POST', `/api/v1/vulnerabilities/${id}/state`, token, { state: 'dismissed', dismissalReason: 'false_positive', comment: SQL_METACHARACTERS[0] });
    expect(dismissed.statusCode).toBe(200);
    await expectRefused(() => server.call('PUT', `/api/v1/vulnerabilities/${id}/issue-link`, token, { url: `javascript:alert(1)//${SQL_METACHARACTERS[0] ?? ''}` }), 400);
  });
});

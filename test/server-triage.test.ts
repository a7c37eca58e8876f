import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Group, Project, User } from '../src/server/db/schema.js';
import { createTestServer, testDatabases, type TestServer } from './server/helper.js';
import { sastReport } from './server/reports.js';

interface Detail {
  state: string;
  dismissalReason: string | null;
  history: { action: string; fromState: string | null; toState: string | null; comment: string | null; dismissalReason: string | null; actor: { username: string } | null }[];
  comments: { body: string; author: { username: string } | null }[];
  identifiers: { type: string; value: string }[];
  location: { file?: string };
  issueUrl: string | null;
}

describe.each(testDatabases())('server triage (%s)', (kind) => {
  let server: TestServer;
  let admin: string;
  let group: Group;
  let projectA: Project;
  let projectB: Project;
  let maintainer: { token: string; user: User };
  let developer: { token: string; user: User };
  let vulnsA: number[];
  let vulnsB: number[];

  async function seedProject(project: Project, count: number): Promise<number[]> {
    const pipeline = (await server.call('POST', `/api/v1/projects/${project.id}/pipelines`, admin, { ref: 'main', sha: '1'.repeat(40) })).json() as { id: number };
    const findings = Array.from({ length: count }, (_, i) => ({ rule: `t-${i}`, file: `t${i}.py`, line: i + 1, cwe: 79, severity: 'Critical' as const }));
    const res = await server.call('POST', `/api/v1/projects/${project.id}/pipelines/${pipeline.id}/reports?filename=gl-sast-report.json`, admin, sastReport(findings));
    expect(res.statusCode).toBe(201);
    const rows = await server.database.db.selectFrom('vulnerabilities').select('id').where('project_id', '=', project.id).orderBy('id').execute();
    return rows.map((r) => r.id);
  }

  const state = async (id: number) => (await server.database.db.selectFrom('vulnerabilities').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;

  beforeAll(async () => {
    server = await createTestServer(kind);
    admin = (await server.createUser('root', { admin: true })).token;
    group = await server.createGroup('triage');
    projectA = await server.createProject(group, 'a');
    projectB = await server.createProject(group, 'b');
    maintainer = await server.createUser('maint');
    developer = await server.createUser('dev');
    await server.addMember({ project: projectA }, maintainer.user, 40);
    await server.addMember({ group }, developer.user, 30);
    vulnsA = await seedProject(projectA, 5);
    vulnsB = await seedProject(projectB, 2);
  });
  afterAll(async () => {
    await server.close();
  });

  it('lets maintainers change state, not developers', async () => {
    const id = vulnsA[0] ?? 0;
    const denied = await server.call('POST', `/api/v1/vulnerabilities/${id}/state`, developer.token, { state: 'confirmed' });
    expect(denied.statusCode).toBe(403);
    expect(await state(id)).toBe('detected');
    const ok = await server.call('POST', `/api/v1/vulnerabilities/${id}/state`, maintainer.token, { state: 'confirmed', comment: 'reproduced' });
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as Detail).state).toBe('confirmed');
  });

  it('records who, when, from, to, reason and comment in the history, and audits it', async () => {
    const id = vulnsA[1] ?? 0;
    const missing = await server.call('POST', `/api/v1/vulnerabilities/${id}/state`, maintainer.token, { state: 'dismissed', dismissalReason: 'false_positive' });
    expect(missing.statusCode).toBe(400);
    expect((missing.json() as { code: string }).code).toBe('comment-required');
    const noReason = await server.call('POST', `/api/v1/vulnerabilities/${id}/state`, maintainer.token, { state: 'dismissed', comment: 'x' });
    expect((noReason.json() as { code: string }).code).toBe('dismissal-reason-required');
    const badReason = await server.call('POST', `/api/v1/vulnerabilities/${id}/state`, maintainer.token, { state: 'dismissed', dismissalReason: 'because', comment: 'x' });
    expect(badReason.statusCode).toBe(400);
    const res = await server.call('POST', `/api/v1/vulnerabilities/${id}/state`, maintainer.token, { state: 'dismissed', dismissalReason: 'used_in_tests', comment: 'test fixture only' });
    expect(res.statusCode).toBe(200);
    const detail = res.json() as Detail;
    expect(detail.dismissalReason).toBe('used_in_tests');
    expect(detail.history.at(-1)).toMatchObject({ action: 'state_changed', fromState: 'detected', toState: 'dismissed', dismissalReason: 'used_in_tests', comment: 'test fixture only', actor: { username: 'maint' } });
    const again = await server.call('POST', `/api/v1/vulnerabilities/${id}/state`, maintainer.token, { state: 'dismissed', dismissalReason: 'used_in_tests', comment: 'again' });
    expect(again.statusCode).toBe(409);
    const back = await server.call('POST', `/api/v1/vulnerabilities/${id}/state`, maintainer.token, { state: 'detected' });
    expect((back.json() as Detail).dismissalReason).toBeNull();
    const audit = await server.database.db.selectFrom('audit_events').select(['action', 'target_id', 'details']).where('action', '=', 'vulnerability.state_changed').where('target_id', '=', String(id)).execute();
    expect(audit.map((a) => (a.details as { to: string }).to)).toEqual(['dismissed', 'detected']);
  });

  it('changes many at once, all or nothing', async () => {
    const ids = vulnsA.slice(2);
    await server.call('POST', `/api/v1/vulnerabilities/${ids[0] ?? 0}/state`, maintainer.token, { state: 'confirmed' });
    // One of them is already confirmed: nothing changes.
    const refused = await server.call('POST', '/api/v1/vulnerabilities/bulk-state', maintainer.token, { ids, state: 'confirmed' });
    expect(refused.statusCode).toBe(409);
    expect((refused.json() as { message: string }).message).toMatch(/nothing was changed/);
    expect(await Promise.all(ids.map(state))).toEqual(['confirmed', 'detected', 'detected']);
    const ok = await server.call('POST', '/api/v1/vulnerabilities/bulk-state', maintainer.token, { ids, state: 'resolved', comment: 'fixed in 1.2' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ updated: 3 });
    expect(await Promise.all(ids.map(state))).toEqual(['resolved', 'resolved', 'resolved']);
  });

  it('checks permission on every project of a bulk change', async () => {
    const mixed = [vulnsA[0] ?? 0, vulnsB[0] ?? 0];
    const before = await Promise.all(mixed.map(state));
    const res = await server.call('POST', '/api/v1/vulnerabilities/bulk-state', maintainer.token, { ids: mixed, state: 'resolved' });
    expect([403, 404]).toContain(res.statusCode);
    expect(await Promise.all(mixed.map(state))).toEqual(before);
    const unknown = await server.call('POST', '/api/v1/vulnerabilities/bulk-state', admin, { ids: [vulnsA[0] ?? 0, 987654], state: 'resolved' });
    expect(unknown.statusCode).toBe(404);
  });

  it('keeps today’s open counts in step with state changes', async () => {
    const counts = async () => {
      const rows = await server.database.db.selectFrom('vulnerability_daily_counts').select(['severity', 'count']).where('project_id', '=', projectB.id).where('severity', '=', 'critical').execute();
      return rows[0]?.count;
    };
    expect(await counts()).toBe(2);
    await server.call('POST', `/api/v1/vulnerabilities/${vulnsB[0] ?? 0}/state`, admin, { state: 'resolved' });
    expect(await counts()).toBe(1);
  });

  it('shows details with identifiers, location, comments and the issue link', async () => {
    const { id } = await server.database.db.selectFrom('vulnerabilities').select('id').where('project_id', '=', projectB.id).where('primary_identifier_value', '=', 't-1').executeTakeFirstOrThrow();
    expect((await server.call('POST', `/api/v1/vulnerabilities/${id}/comments`, developer.token, { body: 'on it' })).statusCode).toBe(201);
    expect((await server.call('POST', `/api/v1/vulnerabilities/${id}/comments`, developer.token, { body: '   ' })).statusCode).toBe(400);
    for (const url of ['ftp://x/1', 'https://user:pw@issues.example.com/1', 'not a url', 'javascript:alert(1)']) {
      expect((await server.call('PUT', `/api/v1/vulnerabilities/${id}/issue-link`, developer.token, { url })).statusCode, url).toBe(400);
    }
    expect((await server.call('PUT', `/api/v1/vulnerabilities/${id}/issue-link`, developer.token, { url: 'https://issues.example.com/PROJ-7' })).statusCode).toBe(200);
    const detail = (await server.call('GET', `/api/v1/vulnerabilities/${id}`, developer.token)).json() as Detail;
    expect(detail.identifiers.map((i) => `${i.type}:${i.value}`)).toEqual(['semgrep_id:t-1', 'cwe:79']);
    expect(detail.location.file).toBe('t1.py');
    expect(detail.comments).toEqual([expect.objectContaining({ body: 'on it', author: expect.objectContaining({ username: 'dev' }) })]);
    expect(detail.issueUrl).toBe('https://issues.example.com/PROJ-7');
    expect((await server.call('DELETE', `/api/v1/vulnerabilities/${id}/issue-link`, developer.token)).statusCode).toBe(204);
  });

  it('guards memberships: only owners grant owner, a group keeps an owner, changes are audited', async () => {
    const g = (await server.call('POST', '/api/v1/groups', admin, { name: 'Team', path: 'team' })).json() as { id: number };
    const owners = await server.database.db.selectFrom('group_members').select(['user_id', 'access_level']).where('group_id', '=', g.id).execute();
    expect(owners.map((o) => o.access_level)).toEqual([50]);
    const ownerId = owners[0]?.user_id ?? 0;
    const m = await server.createUser('team-maint');
    expect((await server.call('POST', `/api/v1/groups/${g.id}/members`, admin, { userId: m.user.id, accessLevel: 40 })).statusCode).toBe(201);
    const grant = await server.call('POST', `/api/v1/groups/${g.id}/members`, m.token, { userId: developer.user.id, accessLevel: 50 });
    expect(grant.statusCode).toBe(403);
    const demote = await server.call('PUT', `/api/v1/groups/${g.id}/members/${ownerId}`, admin, { accessLevel: 40 });
    expect(demote.statusCode).toBe(409);
    expect((demote.json() as { code: string }).code).toBe('last-owner');
    const audit = await server.database.db.selectFrom('audit_events').select('action').where('group_id', '=', g.id).where('action', 'like', 'member.%').execute();
    expect(audit.map((a) => a.action)).toEqual(['member.added']);
  });
});

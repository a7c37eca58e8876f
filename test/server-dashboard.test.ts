import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeverityText, VulnerabilityState } from '../src/server/db/schema.js';
import { testDatabases } from './server/databases.js';
import { addGroup, addMember, addProject, addUser, addVulnerability, auth, openQueryWorld, type QueryWorld } from './server-queries-fixtures.js';

const NOW = new Date('2025-06-30T12:00:00.000Z');
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);
const dayText = (n: number) => daysAgo(n).toISOString().slice(0, 10);

describe.each(testDatabases())('security dashboard (%s)', (kind) => {
  let world: QueryWorld;
  let admin = '';
  let guest = '';
  let reporter = '';
  let group = 0;
  const projects = new Map<string, number>();

  beforeAll(async () => {
    world = await openQueryWorld(kind, { slaDays: { critical: 7, high: 30, medium: 90, low: null, info: null, unknown: 5 } }, () => NOW);
    const { db } = world;
    admin = (await addUser(db, 'admin', true)).token;
    const g = await addUser(db, 'guest');
    const r = await addUser(db, 'reporter');
    guest = g.token;
    reporter = r.token;
    group = await addGroup(db, 'grades');
    const sub = await addGroup(db, 'grades/sub', group);
    await addMember(db, 'group', group, g.id, 10);
    await addMember(db, 'group', sub, r.id, 20);
    // Grade cases: name → open (and closed) vulnerabilities.
    const cases: Record<string, [SeverityText, VulnerabilityState][]> = {
      empty: [],
      'info-only': [['info', 'detected']],
      low: [['low', 'detected'], ['info', 'confirmed']],
      medium: [['medium', 'confirmed'], ['low', 'detected']],
      high: [['high', 'detected'], ['medium', 'detected']],
      'unknown-only': [['unknown', 'detected']],
      critical: [['critical', 'detected'], ['high', 'detected']],
      'confirmed-critical': [['critical', 'confirmed']],
      'dismissed-critical': [['critical', 'dismissed'], ['low', 'detected']],
      'resolved-high': [['high', 'resolved'], ['info', 'detected']],
    };
    for (const [name, vulns] of Object.entries(cases)) {
      const id = await addProject(db, name.startsWith('d') || name.startsWith('r') ? sub : group, `${name.startsWith('d') || name.startsWith('r') ? 'grades/sub' : 'grades'}/${name}`);
      projects.set(name, id);
      for (const [severity, state] of vulns) {
        await addVulnerability(db, id, {
          severity,
          state,
          ...(state === 'dismissed' ? { dismissal_reason: 'acceptable_risk' as const } : {}),
          ...(state === 'resolved' ? { resolved_at: daysAgo(1) } : {}),
        });
      }
    }
  });
  afterAll(async () => {
    await world.close();
  });

  async function get<T>(url: string, token = admin): Promise<T> {
    const response = await world.app.inject({ method: 'GET', url, headers: auth(token) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  }

  it('grades each project by its most severe open vulnerability (spec §4.1)', async () => {
    const body = await get<{ grades: { grade: string; projects: { fullPath: string }[] }[] }>(`/api/v1/groups/${group}/dashboard/grades`);
    const byGrade = Object.fromEntries(body.grades.map((g) => [g.grade, g.projects.map((p) => p.fullPath.split('/').at(-1)).sort()]));
    expect(byGrade).toEqual({
      F: ['confirmed-critical', 'critical'],
      D: ['high', 'unknown-only'],
      C: ['medium'],
      B: ['dismissed-critical', 'low'],
      A: ['empty', 'info-only', 'resolved-high'],
    });
    expect(body.grades.map((g) => g.grade)).toEqual(['F', 'D', 'C', 'B', 'A']);
    // The subgroup's dashboard covers only its own projects.
    const sub = await get<{ grades: { grade: string; projects: unknown[] }[] }>('/api/v1/groups/grades%2Fsub/dashboard/grades', reporter);
    expect(sub.grades.map((g) => g.projects.length)).toEqual([0, 0, 0, 1, 1]);
  });

  it('needs the reporter role', async () => {
    const response = await world.app.inject({ method: 'GET', url: `/api/v1/groups/${group}/dashboard/grades`, headers: auth(guest) });
    expect(response.statusCode).toBe(403);
    const project = projects.get('low') ?? 0;
    expect((await world.app.inject({ method: 'GET', url: `/api/v1/projects/${project}/dashboard/sla`, headers: auth(reporter) })).statusCode).toBe(404);
  });

  it('carries daily counts forward over days without rows and sums projects', async () => {
    const a = projects.get('empty') ?? 0;
    const b = projects.get('info-only') ?? 0;
    await world.db
      .insertInto('vulnerability_daily_counts')
      .values([
        { project_id: a, day: dayText(10), severity: 'critical', count: 2 },
        { project_id: a, day: dayText(5), severity: 'critical', count: 1 },
        { project_id: a, day: dayText(5), severity: 'high', count: 3 },
        { project_id: a, day: dayText(1), severity: 'high', count: 0 },
        { project_id: b, day: dayText(400), severity: 'medium', count: 4 },
        { project_id: b, day: dayText(3), severity: 'medium', count: 6 },
        // A row dated after "today" is not part of the series yet.
        { project_id: b, day: dayText(-2), severity: 'medium', count: 99 },
      ])
      .execute();
    const body = await get<{ days: { day: string; critical: number; high: number; medium: number; low: number }[] }>(`/api/v1/groups/${group}/dashboard/daily-counts?days=30`);
    expect(body.days).toHaveLength(30);
    expect(body.days[0]?.day).toBe(dayText(29));
    expect(body.days.at(-1)?.day).toBe(dayText(0));
    const at = (n: number) => body.days.find((d) => d.day === dayText(n));
    expect(at(29)).toMatchObject({ critical: 0, high: 0, medium: 4, low: 0 });
    expect(at(10)).toMatchObject({ critical: 2, high: 0, medium: 4 });
    expect(at(6)).toMatchObject({ critical: 2, high: 0 });
    expect(at(5)).toMatchObject({ critical: 1, high: 3, medium: 4 });
    expect(at(3)).toMatchObject({ critical: 1, high: 3, medium: 6 });
    expect(at(0)).toMatchObject({ critical: 1, high: 0, medium: 6 });
    const one = await get<{ days: { critical: number; medium: number }[] }>(`/api/v1/projects/${a}/dashboard/daily-counts?days=365`);
    expect(one.days).toHaveLength(365);
    expect(one.days.every((d) => d.medium === 0)).toBe(true);
    expect((await world.app.inject({ method: 'GET', url: `/api/v1/projects/${a}/dashboard/daily-counts?days=366`, headers: auth(admin) })).statusCode).toBe(400);
  });

  it('computes mean time to remediate over the window', async () => {
    const p = await addProject(world.db, group, 'grades/mttr');
    const resolved = (severity: SeverityText, detected: number, resolvedAgo: number) =>
      addVulnerability(world.db, p, { severity, state: 'resolved', detected_at: daysAgo(detected), resolved_at: daysAgo(resolvedAgo) });
    await resolved('critical', 12, 10); // 2 days
    await resolved('critical', 30, 26); // 4 days
    await resolved('critical', 200, 100); // outside a 90-day window
    await resolved('high', 40, 30); // 10 days
    await addVulnerability(world.db, p, { severity: 'low', state: 'detected', detected_at: daysAgo(50) });
    const body = await get<{ windowDays: number; bySeverity: Record<string, { resolved: number; meanDays: number | null }> }>(`/api/v1/projects/${p}/dashboard/mttr`);
    expect(body.windowDays).toBe(90);
    expect(body.bySeverity.critical).toEqual({ resolved: 2, meanDays: 3 });
    expect(body.bySeverity.high).toEqual({ resolved: 1, meanDays: 10 });
    expect(body.bySeverity.low).toEqual({ resolved: 0, meanDays: null });
    const year = await get<{ bySeverity: Record<string, { resolved: number; meanDays: number | null }> }>(`/api/v1/projects/${p}/dashboard/mttr?days=365`);
    expect(year.bySeverity.critical).toEqual({ resolved: 3, meanDays: 35.33 });
  });

  it('counts open vulnerabilities past the configured SLA per severity', async () => {
    const p = await addProject(world.db, group, 'grades/sla');
    await addVulnerability(world.db, p, { severity: 'critical', detected_at: daysAgo(8) });
    await addVulnerability(world.db, p, { severity: 'critical', state: 'confirmed', detected_at: daysAgo(6) });
    await addVulnerability(world.db, p, { severity: 'critical', state: 'dismissed', dismissal_reason: 'false_positive', detected_at: daysAgo(60) });
    await addVulnerability(world.db, p, { severity: 'high', detected_at: daysAgo(31) });
    await addVulnerability(world.db, p, { severity: 'high', detected_at: daysAgo(45) });
    await addVulnerability(world.db, p, { severity: 'low', detected_at: daysAgo(1000) });
    await addVulnerability(world.db, p, { severity: 'unknown', detected_at: daysAgo(6) });
    const body = await get<{ bySeverity: Record<string, { slaDays: number | null; open: number; breached: number; oldestBreachDetectedAt: string | null }> }>(`/api/v1/projects/${p}/dashboard/sla`);
    expect(body.bySeverity.critical).toEqual({ slaDays: 7, open: 2, breached: 1, oldestBreachDetectedAt: daysAgo(8).toISOString() });
    expect(body.bySeverity.high).toEqual({ slaDays: 30, open: 2, breached: 2, oldestBreachDetectedAt: daysAgo(45).toISOString() });
    expect(body.bySeverity.low).toEqual({ slaDays: null, open: 1, breached: 0, oldestBreachDetectedAt: null });
    expect(body.bySeverity.unknown).toMatchObject({ slaDays: 5, breached: 1 });
    expect(body.bySeverity.medium).toEqual({ slaDays: 90, open: 0, breached: 0, oldestBreachDetectedAt: null });
  });
});

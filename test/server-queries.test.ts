import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './server/databases.js';
import { addGroup, addMember, addProject, addUser, addVulnerability, auth, openQueryWorld, type QueryWorld } from './server-queries-fixtures.js';

interface Page {
  items: { id: number; severity: string; state: string; projectFullPath: string; title: string; detectedAt: string }[];
  nextCursor: string | null;
}

/** RFC 4180 as csv-stringify writes it: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe.each(testDatabases())('vulnerability report (%s)', (kind) => {
  let world: QueryWorld;
  const users: Record<string, { id: number; token: string }> = {};
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    world = await openQueryWorld(kind);
    const { db } = world;
    users.admin = await addUser(db, 'admin', true);
    users.reporter = await addUser(db, 'reporter');
    users.guest = await addUser(db, 'guest');
    users.outsider = await addUser(db, 'outsider');
    users.dev = await addUser(db, 'dev');
    ids.g1 = await addGroup(db, 'acme');
    ids.sub = await addGroup(db, 'acme/sub', ids.g1);
    ids.g2 = await addGroup(db, 'other');
    ids.p1 = await addProject(db, ids.g1, 'acme/web');
    ids.p2 = await addProject(db, ids.sub, 'acme/sub/api');
    ids.p3 = await addProject(db, ids.g2, 'other/tool');
    await addMember(db, 'group', ids.g1, users.reporter.id, 20);
    await addMember(db, 'group', ids.g1, users.guest.id, 10);
    await addMember(db, 'project', ids.p3, users.dev.id, 30);
    const day = (n: number) => new Date(Date.UTC(2025, 0, n, 12, 0, 0));
    ids.crit = await addVulnerability(db, ids.p1, { severity: 'critical', title: 'SQL injection', detected_at: day(5), updated_at: day(20), identifierNames: ['CWE-89'] });
    ids.high = await addVulnerability(db, ids.p1, { severity: 'high', title: 'Log4Shell', report_type: 'dependency_scanning', scanner_id: 'gemnasium', scanner_name: 'Gemnasium', detected_at: day(1), updated_at: day(2), identifierNames: ['CVE-2021-44228', 'GHSA-jfh8-c2jp-5v3q'], package_name: 'log4j-core', package_version: '2.14.1' });
    ids.med = await addVulnerability(db, ids.p2, { severity: 'medium', title: '=HYPERLINK("http://evil","x")', description: 'line one,\nline "two"', detected_at: day(3), updated_at: day(3), issue_url: 'https://tracker/1' });
    ids.low = await addVulnerability(db, ids.p2, { severity: 'low', title: '+cmd', state: 'dismissed', dismissal_reason: 'false_positive', detected_at: day(4), updated_at: day(10), is_no_longer_detected: true });
    ids.info = await addVulnerability(db, ids.p3, { severity: 'info', title: '-info @x', detected_at: day(2), updated_at: day(4) });
    ids.unknown = await addVulnerability(db, ids.p3, { severity: 'unknown', title: 'Fuzz crash', report_type: 'coverage_fuzzing', scanner_id: 'libfuzzer', scanner_name: 'libFuzzer', state: 'resolved', detected_at: day(6), updated_at: day(6) });
  });
  afterAll(async () => {
    await world.close();
  });

  async function get(url: string, token: string) {
    return world.app.inject({ method: 'GET', url, headers: auth(token) });
  }
  async function page(url: string, token = users.admin?.token ?? ''): Promise<Page> {
    const response = await get(url, token);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>();
  }
  const idsOf = (p: Page) => p.items.map((i) => i.id);

  it('shows an administrator everything, most severe first', async () => {
    const all = await page('/api/v1/vulnerabilities');
    expect(idsOf(all)).toEqual([ids.crit, ids.high, ids.med, ids.low, ids.unknown, ids.info]);
    expect(all.items[0]?.projectFullPath).toBe('acme/web');
    expect(all.nextCursor).toBeNull();
  });

  it('shows other users only the projects where they are reporter or higher', async () => {
    expect(idsOf(await page('/api/v1/vulnerabilities', users.reporter?.token)).sort()).toEqual([ids.crit, ids.high, ids.med, ids.low].sort());
    expect(idsOf(await page('/api/v1/vulnerabilities', users.guest?.token))).toEqual([]);
    expect(idsOf(await page('/api/v1/vulnerabilities', users.outsider?.token))).toEqual([]);
    expect(idsOf(await page('/api/v1/vulnerabilities', users.dev?.token)).sort()).toEqual([ids.info, ids.unknown].sort());
    // A filter naming a project the caller cannot read narrows to nothing; it never widens.
    expect(idsOf(await page(`/api/v1/vulnerabilities?project=${ids.p3}`, users.reporter?.token))).toEqual([]);
  });

  it('guards the group and project reports by role', async () => {
    expect((await get(`/api/v1/projects/${ids.p1}/vulnerabilities`, users.guest?.token ?? '')).statusCode).toBe(403);
    expect((await get(`/api/v1/projects/${ids.p1}/vulnerabilities`, users.outsider?.token ?? '')).statusCode).toBe(404);
    expect((await get(`/api/v1/groups/${ids.g2}/vulnerabilities/counts`, users.reporter?.token ?? '')).statusCode).toBe(404);
    expect((await get(`/api/v1/groups/${ids.g1}/vulnerabilities.csv`, users.guest?.token ?? '')).statusCode).toBe(403);
    expect((await world.app.inject({ method: 'GET', url: '/api/v1/vulnerabilities' })).statusCode).toBe(401);
    expect(idsOf(await page(`/api/v1/groups/${ids.g1}/vulnerabilities`, users.reporter?.token))).toEqual([ids.crit, ids.high, ids.med, ids.low]);
    expect(idsOf(await page(`/api/v1/groups/acme%2Fsub/vulnerabilities`, users.reporter?.token))).toEqual([ids.med, ids.low]);
    expect(idsOf(await page(`/api/v1/projects/acme%2Fweb/vulnerabilities`, users.reporter?.token))).toEqual([ids.crit, ids.high]);
  });

  it('filters by severity, state, report type, scanner, identifier, activity, issue link, project and group', async () => {
    const base = '/api/v1/vulnerabilities';
    expect(idsOf(await page(`${base}?severity=critical&severity=info`))).toEqual([ids.crit, ids.info]);
    expect(idsOf(await page(`${base}?state=dismissed&state=resolved`))).toEqual([ids.low, ids.unknown]);
    expect(idsOf(await page(`${base}?report_type=dependency_scanning`))).toEqual([ids.high]);
    expect(idsOf(await page(`${base}?scanner=libfuzzer`))).toEqual([ids.unknown]);
    expect(idsOf(await page(`${base}?identifier=cve-2021-44228`))).toEqual([ids.high]);
    expect(idsOf(await page(`${base}?identifier=GHSA-jfh8-c2jp-5v3q`))).toEqual([ids.high]);
    expect(idsOf(await page(`${base}?identifier=cwe:89`))).toEqual([ids.crit]);
    expect(idsOf(await page(`${base}?identifier=CWE-8`))).toEqual([]);
    expect(idsOf(await page(`${base}?activity=no_longer_detected`))).toEqual([ids.low]);
    expect(idsOf(await page(`${base}?activity=still_detected&severity=low`))).toEqual([]);
    expect(idsOf(await page(`${base}?has_issue_link=true`))).toEqual([ids.med]);
    expect(idsOf(await page(`${base}?has_issue_link=false&severity=medium`))).toEqual([]);
    expect(idsOf(await page(`${base}?project=${ids.p2}&project=${ids.p3}&severity=low&severity=info`))).toEqual([ids.low, ids.info]);
    expect(idsOf(await page(`${base}?group=${ids.sub}`))).toEqual([ids.med, ids.low]);
    expect(idsOf(await page(`${base}?group=${ids.g1}&report_type=sast&state=detected`))).toEqual([ids.crit, ids.med]);
  });

  it('sorts by severity either way, detection time and update time', async () => {
    expect(idsOf(await page('/api/v1/vulnerabilities?sort=severity_asc'))).toEqual([ids.info, ids.unknown, ids.low, ids.med, ids.high, ids.crit]);
    expect(idsOf(await page('/api/v1/vulnerabilities?sort=detected_at_asc'))).toEqual([ids.high, ids.info, ids.med, ids.low, ids.crit, ids.unknown]);
    expect(idsOf(await page('/api/v1/vulnerabilities?sort=detected_at_desc'))).toEqual([ids.unknown, ids.crit, ids.low, ids.med, ids.info, ids.high]);
    expect(idsOf(await page('/api/v1/vulnerabilities?sort=updated_at_desc'))).toEqual([ids.crit, ids.low, ids.unknown, ids.info, ids.med, ids.high]);
    expect(idsOf(await page('/api/v1/vulnerabilities?sort=updated_at_asc'))).toEqual([ids.high, ids.med, ids.info, ids.unknown, ids.low, ids.crit]);
  });

  it('counts by severity under the same filters', async () => {
    const response = await get('/api/v1/vulnerabilities/counts', users.reporter?.token ?? '');
    expect(response.json()).toEqual({ critical: 1, high: 1, medium: 1, low: 1, info: 0, unknown: 0, total: 4 });
    const open = await get(`/api/v1/projects/${ids.p3}/vulnerabilities/counts?state=detected`, users.admin?.token ?? '');
    expect(open.json()).toEqual({ critical: 0, high: 0, medium: 0, low: 0, info: 1, unknown: 0, total: 1 });
  });

  it('refuses limits over 100, unknown parameters and foreign cursors', async () => {
    const admin = users.admin?.token ?? '';
    expect((await get('/api/v1/vulnerabilities?limit=101', admin)).statusCode).toBe(400);
    expect((await get('/api/v1/vulnerabilities?severity=urgent', admin)).statusCode).toBe(400);
    expect((await get('/api/v1/vulnerabilities?colour=red', admin)).statusCode).toBe(400);
    const first = await page('/api/v1/vulnerabilities?limit=2');
    expect(first.nextCursor).not.toBeNull();
    const other = await get(`/api/v1/vulnerabilities?sort=detected_at_desc&cursor=${first.nextCursor ?? ''}`, admin);
    expect(other.statusCode).toBe(400);
    expect(other.json<{ code: string }>().code).toBe('invalid-cursor');
    expect((await get('/api/v1/vulnerabilities?cursor=bm90LWEtY3Vyc29y', admin)).json<{ code: string }>().code).toBe('invalid-cursor');
  });

  it.each(['severity_desc', 'severity_asc', 'detected_at_desc', 'updated_at_asc'])('pages through every row exactly once (%s)', async (sort) => {
    const whole = idsOf(await page(`/api/v1/vulnerabilities?sort=${sort}&limit=100`));
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const p: Page = await page(`/api/v1/vulnerabilities?sort=${sort}&limit=2${cursor === null ? '' : `&cursor=${cursor}`}`);
      expect(p.items.length).toBeLessThanOrEqual(2);
      seen.push(...idsOf(p));
      cursor = p.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(whole);
  });

  it('merges per-project pages for the time orderings of a group or a caller: the same rows as the instance-wide walk', async () => {
    const reporter = users.reporter?.token ?? '';
    for (const sort of ['detected_at_desc', 'updated_at_asc']) {
      // Pages of 1 from the group (a project list: merged per project) and of the caller's report…
      for (const [base, token] of [[`/api/v1/groups/${ids.g1}/vulnerabilities`, reporter], ['/api/v1/vulnerabilities?state=detected&state=dismissed', reporter]] as const) {
        const seen: number[] = [];
        let cursor: string | null = null;
        do {
          const p: Page = await page(`${base}${base.includes('?') ? '&' : '?'}sort=${sort}&limit=1${cursor === null ? '' : `&cursor=${cursor}`}`, token);
          seen.push(...idsOf(p));
          cursor = p.nextCursor;
        } while (cursor !== null);
        // …against the order the admin's unscoped list gives, filtered to what this caller sees.
        const all = idsOf(await page(`/api/v1/vulnerabilities?sort=${sort}&limit=100${base.includes('state') ? '&state=detected&state=dismissed' : ''}`));
        const visible = new Set(idsOf(await page(`${base}${base.includes('?') ? '&' : '?'}limit=100`, token)));
        expect(seen, `${base} ${sort}`).toEqual(all.filter((id) => visible.has(id)));
        expect(seen.length).toBeGreaterThan(1);
      }
    }
  });

  it('keeps paging stable when rows are inserted between pages', async () => {
    const first = await page(`/api/v1/projects/${ids.p1}/vulnerabilities?limit=1`);
    expect(idsOf(first)).toEqual([ids.crit]);
    // A new critical has a higher id, so it sorts before the cursor; a new low sorts after it.
    const before = await addVulnerability(world.db, ids.p1 ?? 0, { severity: 'critical', title: 'new critical' });
    const after = await addVulnerability(world.db, ids.p1 ?? 0, { severity: 'low', title: 'new low' });
    const rest = await page(`/api/v1/projects/${ids.p1}/vulnerabilities?limit=10&cursor=${first.nextCursor ?? ''}`);
    expect(idsOf(rest)).toEqual([ids.high, after]);
    expect(idsOf(rest)).not.toContain(before);
    expect(idsOf(rest)).not.toContain(ids.crit);
    await world.db.deleteFrom('vulnerabilities').where('id', 'in', [before, after]).execute();
  });

  it('exports CSV with every row, escaped, and formulas neutralised', async () => {
    const response = await get('/api/v1/groups/acme/vulnerabilities.csv?sort=severity_desc', users.reporter?.token ?? '');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parseCsv(response.body);
    expect(rows[0]?.slice(0, 3)).toEqual(['id', 'project', 'report_type']);
    expect(rows.length).toBe(5);
    const byId = new Map(rows.slice(1).map((r) => [Number(r[0]), r]));
    const med = byId.get(ids.med ?? 0);
    expect(med?.[6]).toBe('\'=HYPERLINK("http://evil","x")');
    expect(med?.[7]).toBe('line one,\nline "two"');
    expect(med?.[1]).toBe('acme/sub/api');
    expect(byId.get(ids.low ?? 0)?.[6]).toBe("'+cmd");
    expect(byId.get(ids.high ?? 0)?.[8]).toBe('2021-44228');
    expect(byId.get(ids.high ?? 0)?.[12]).toBe('log4j-core@2.14.1');
    const dev = parseCsv((await get('/api/v1/vulnerabilities.csv?severity=info', users.dev?.token ?? '')).body);
    expect(dev[1]?.[6]).toBe("'-info @x");
  });

  const HOSTILE = ["' or '1'='1", "'; drop table vulnerabilities; --", 'x\\" ) or true --', '%27%20OR%201=1', '$1', 'cwe-79\'::text[] || array[\'x'];
  it.each(HOSTILE)('treats SQL metacharacters in every filter as plain values: %s', async (raw) => {
    const v = encodeURIComponent(raw);
    const admin = users.admin?.token ?? '';
    for (const query of [`identifier=${v}`, `scanner=${v}`, `cursor=${v}`, `severity=${v}`, `state=${v}`, `report_type=${v}`, `activity=${v}`, `project=${v}`, `group=${v}`, `sort=${v}`, `has_issue_link=${v}`, `limit=${v}`]) {
      for (const path of ['/api/v1/vulnerabilities', `/api/v1/projects/${v}/vulnerabilities`, `/api/v1/groups/${ids.g1}/vulnerabilities/counts`]) {
        const response = await get(`${path}?${query}`, admin);
        expect([200, 400, 404], `${path}?${query}: ${response.body}`).toContain(response.statusCode);
        if (response.statusCode === 200 && path.endsWith('/vulnerabilities')) expect(response.json<Page>().items).toEqual([]);
      }
    }
    const count = await world.db.selectFrom('vulnerabilities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(6);
  });
});

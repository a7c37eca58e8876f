import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './server/databases.js';
import { cyclonedxValidator, schemaErrors } from './schemas.js';
import { addDependencies, addGroup, addMember, addProject, addSbomScan, addUser, addVulnerability, auth, npmPurl, openQueryWorld, type QueryWorld } from './server-queries-fixtures.js';

interface Dep {
  name: string;
  version: string;
  projectFullPath: string;
  licenses: string[];
  deniedLicenses: string[];
  isDirect: boolean | null;
  vulnerabilities: Record<string, number>;
}
interface DepPage {
  items: Dep[];
  total: number;
  nextOffset: number | null;
}

describe.each(testDatabases())('dependency list (%s)', (kind) => {
  let world: QueryWorld;
  let reporter = '';
  let maintainer = '';
  let maintainerReadOnly = '';
  let guest = '';
  let group = 0;
  let web = 0;
  let api = 0;

  beforeAll(async () => {
    world = await openQueryWorld(kind);
    const { db } = world;
    group = await addGroup(db, 'shop');
    web = await addProject(db, group, 'shop/web');
    api = await addProject(db, group, 'shop/api');
    const r = await addUser(db, 'reporter');
    const m = await addUser(db, 'maintainer', false, ['api']);
    const g = await addUser(db, 'guest');
    reporter = r.token;
    maintainer = m.token;
    guest = g.token;
    await addMember(db, 'group', group, r.id, 20);
    await addMember(db, 'group', group, m.id, 40);
    await addMember(db, 'group', group, g.id, 10);
    const mro = await addUser(db, 'maintainer-ro');
    await addMember(db, 'project', web, mro.id, 40);
    maintainerReadOnly = mro.token;
    const webScan = await addSbomScan(db, web);
    await addDependencies(db, web, webScan, [
      { name: 'lodash', version: '4.17.20', licenses: ['MIT'], dependsOn: [] },
      { name: 'express', version: '4.18.2', licenses: ['MIT'], dependsOn: [npmPurl('qs', '6.11.0'), npmPurl('not-here', '1.0.0')] },
      { name: 'qs', version: '6.11.0', licenses: ['BSD-3-Clause'], isDirect: false },
      { name: 'gpl-thing', version: '1.0.0', licenses: ['GPL-3.0-only'], isDev: true },
      { name: 'no-license', version: '0.1.0', licenses: [] },
      { name: '100%_pure', version: '2.0.0', licenses: ['mit'] },
      // The same package found through a second lockfile: one component in the SBOM.
      { name: 'lodash', version: '4.17.20', licenses: ['MIT'], file: 'packages/ui/package-lock.json', isDirect: false },
    ]);
    const apiScan = await addSbomScan(db, api);
    await addDependencies(db, api, apiScan, [{ name: 'lodash', version: '4.17.21', licenses: ['MIT'] }]);
    const lodash = { report_type: 'dependency_scanning' as const, package_name: 'lodash', package_version: '4.17.20' };
    await addVulnerability(db, web, { ...lodash, severity: 'high' });
    await addVulnerability(db, web, { ...lodash, severity: 'critical', state: 'confirmed' });
    await addVulnerability(db, web, { ...lodash, severity: 'medium', state: 'dismissed', dismissal_reason: 'used_in_tests' });
    // Another version, and another project's lodash: neither counts for web's lodash 4.17.20.
    await addVulnerability(db, web, { ...lodash, package_version: '4.17.19', severity: 'low' });
    await addVulnerability(db, api, { ...lodash, severity: 'low' });
  });
  afterAll(async () => {
    await world.close();
  });

  async function get<T>(url: string, token = reporter): Promise<T> {
    const response = await world.app.inject({ method: 'GET', url, headers: auth(token) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  }
  const names = (page: DepPage) => page.items.map((d) => `${d.name}@${d.version}`);

  it('lists a project’s packages by name with open vulnerability counts of that exact version', async () => {
    const page = await get<DepPage>(`/api/v1/projects/${web}/dependencies?limit=100`);
    expect(names(page)).toEqual(['100%_pure@2.0.0', 'express@4.18.2', 'gpl-thing@1.0.0', 'lodash@4.17.20', 'lodash@4.17.20', 'no-license@0.1.0', 'qs@6.11.0']);
    expect(page.total).toBe(7);
    expect(page.nextOffset).toBeNull();
    const lodash = page.items.find((d) => d.name === 'lodash');
    expect(lodash?.vulnerabilities).toEqual({ critical: 1, high: 1, medium: 0, low: 0, info: 0, unknown: 0, total: 2 });
    expect(page.items.find((d) => d.name === 'qs')?.isDirect).toBe(false);
  });

  it('filters by name, license and vulnerability, and pages with offsets', async () => {
    const base = `/api/v1/projects/${web}/dependencies`;
    expect(names(await get<DepPage>(`${base}?name=LOD`))).toEqual(['lodash@4.17.20', 'lodash@4.17.20']);
    // LIKE wildcards in the name filter are literal characters.
    expect(names(await get<DepPage>(`${base}?name=${encodeURIComponent('%_')}`))).toEqual(['100%_pure@2.0.0']);
    expect(names(await get<DepPage>(`${base}?name=_`))).toEqual(['100%_pure@2.0.0']);
    expect(names(await get<DepPage>(`${base}?license=mit&limit=100`))).toEqual(['100%_pure@2.0.0', 'express@4.18.2', 'lodash@4.17.20', 'lodash@4.17.20']);
    expect(names(await get<DepPage>(`${base}?has_vulnerabilities=true`))).toEqual(['lodash@4.17.20', 'lodash@4.17.20']);
    expect((await get<DepPage>(`${base}?has_vulnerabilities=false`)).total).toBe(5);
    const first = await get<DepPage>(`${base}?limit=3`);
    expect(first.nextOffset).toBe(3);
    const second = await get<DepPage>(`${base}?limit=3&offset=3`);
    expect(names(second)).toEqual(['lodash@4.17.20', 'lodash@4.17.20', 'no-license@0.1.0']);
    expect((await get<DepPage>(`${base}?limit=3&offset=6`)).nextOffset).toBeNull();
  });

  it('lists a group’s packages across its projects', async () => {
    const page = await get<DepPage>(`/api/v1/groups/${group}/dependencies?name=lodash`);
    expect(page.items.map((d) => `${d.projectFullPath}:${d.version}`)).toEqual(['shop/web:4.17.20', 'shop/web:4.17.20', 'shop/api:4.17.21']);
    expect(page.items[2]?.vulnerabilities.total).toBe(0);
  });

  it('lists licenses in use and flags those a project denies; only maintainers set the deny list', async () => {
    const put = (token: string, denied: unknown) =>
      world.app.inject({ method: 'PUT', url: `/api/v1/projects/${web}/license-policy`, headers: auth(token), payload: { denied } });
    expect((await put(reporter, ['GPL-3.0-only'])).statusCode).toBe(403);
    expect((await put(maintainerReadOnly, ['GPL-3.0-only'])).statusCode).toBe(403);
    expect((await put(maintainer, ["GPL-3.0-only'; drop table dependencies; --"])).statusCode).toBe(400);
    const saved = await put(maintainer, ['gpl-3.0-only', 'GPL-3.0-only', 'AGPL-3.0-only']);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ denied: ['AGPL-3.0-only', 'GPL-3.0-only'] });
    expect(await get(`/api/v1/projects/${web}/license-policy`)).toEqual({ denied: ['AGPL-3.0-only', 'GPL-3.0-only'] });
    const audit = await world.db.selectFrom('audit_events').select(['action', 'project_id']).where('action', '=', 'license_policy.changed').execute();
    expect(audit).toEqual([{ action: 'license_policy.changed', project_id: web }]);

    const licenses = await get<{ licenses: { license: string; packages: number; projects: number; denied: boolean }[] }>(`/api/v1/groups/${group}/licenses`);
    expect(licenses.licenses).toEqual([
      { license: 'MIT', packages: 4, projects: 2, denied: false },
      { license: 'BSD-3-Clause', packages: 1, projects: 1, denied: false },
      { license: 'GPL-3.0-only', packages: 1, projects: 1, denied: true },
      { license: 'mit', packages: 1, projects: 1, denied: false },
      { license: 'unknown', packages: 1, projects: 1, denied: false },
    ]);
    const gpl = await get<DepPage>(`/api/v1/projects/${web}/dependencies?license=GPL-3.0-ONLY`);
    expect(gpl.items.map((d) => d.deniedLicenses)).toEqual([['GPL-3.0-only']]);
    expect((await world.app.inject({ method: 'GET', url: `/api/v1/projects/${web}/licenses`, headers: auth(guest) })).statusCode).toBe(403);
  });

  it('exports the project’s dependency list as valid CycloneDX 1.6', async () => {
    const response = await world.app.inject({ method: 'GET', url: `/api/v1/projects/${web}/dependencies.cdx.json`, headers: auth(reporter) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/cyclonedx\+json/);
    const bom = response.json<{ specVersion: string; components: { purl: string; scope: string; licenses?: unknown; properties?: { name: string; value: string }[] }[]; dependencies: { ref: string; dependsOn?: string[] }[]; metadata: { component: { name: string }; properties: { name: string; value: string }[] } }>();
    expect(schemaErrors(cyclonedxValidator(), bom)).toEqual([]);
    expect(bom.specVersion).toBe('1.6');
    expect(bom.metadata.component.name).toBe('shop/web');
    expect(bom.components).toHaveLength(6);
    const lodash = bom.components.find((c) => c.purl === npmPurl('lodash', '4.17.20'));
    expect(lodash?.properties?.filter((p) => p.name === 'bulwark:location').map((p) => p.value)).toEqual(['package-lock.json', 'packages/ui/package-lock.json']);
    expect(lodash?.licenses).toEqual([{ license: { id: 'MIT' } }]);
    expect(bom.components.find((c) => c.purl === npmPurl('gpl-thing', '1.0.0'))?.scope).toBe('excluded');
    const express = bom.dependencies.find((d) => d.ref === npmPurl('express', '4.18.2'));
    expect(express?.dependsOn).toEqual([npmPurl('qs', '6.11.0')]);
    const root = bom.dependencies.find((d) => d.ref === 'project:shop/web');
    expect(root?.dependsOn).toContain(npmPurl('lodash', '4.17.20'));
    expect(root?.dependsOn).not.toContain(npmPurl('qs', '6.11.0'));
    expect(bom.metadata.properties).toContainEqual({ name: 'gitlab:dependency_scanning:input_file:path', value: 'packages/ui/package-lock.json' });
  });

  it.each(["' or 1=1 --", '\\', "x'); delete from dependencies; --", '%%%'])('treats SQL metacharacters in filters as text: %s', async (raw) => {
    const v = encodeURIComponent(raw);
    for (const query of [`name=${v}`, `license=${v}`, `has_vulnerabilities=${v}`, `offset=${v}`]) {
      const response = await world.app.inject({ method: 'GET', url: `/api/v1/groups/${group}/dependencies?${query}`, headers: auth(reporter) });
      expect([200, 400], response.body).toContain(response.statusCode);
      if (response.statusCode === 200) expect(response.json<DepPage>().items).toEqual([]);
    }
    const count = await world.db.selectFrom('dependencies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(8);
  });
});

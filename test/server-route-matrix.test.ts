import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, testDatabases, type TestServer } from './server/helper.js';
import { isAllowed, type RouteCase } from './server/route-matrix.js';
import { buildWorld, CALLERS, type World } from './server/route-world.js';

/** Every module in test/server/route-cases/ exports ROUTE_CASES; each route file family adds one. */
async function loadCases(): Promise<RouteCase[]> {
  const dir = new URL('./server/route-cases/', import.meta.url);
  const names = (await readdir(dir)).filter((n) => n.endsWith('.ts')).sort();
  const cases: RouteCase[] = [];
  for (const name of names) {
    const module = (await import(new URL(name, dir).href)) as { ROUTE_CASES?: readonly RouteCase[] };
    cases.push(...(module.ROUTE_CASES ?? []));
  }
  return cases;
}

function routeKey(method: string, url: string): string {
  return `${method} ${url}`;
}

describe.each(testDatabases())('server role × route matrix (%s)', (kind) => {
  let server: TestServer;
  let world: World;
  let cases: RouteCase[];

  beforeAll(async () => {
    server = await createTestServer(kind);
    world = await buildWorld(server);
    cases = await loadCases();
  });
  afterAll(async () => {
    await server.close();
  });

  it('has a matrix row for every registered route, and no row for a route that does not exist', () => {
    const registered = new Set<string>();
    for (const route of server.app.registeredRoutes) {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) if (method !== 'HEAD') registered.add(routeKey(method, route.url));
    }
    const covered = new Set(cases.map((c) => c.route));
    expect([...registered].filter((r) => !covered.has(r)).sort(), 'routes without a matrix row').toEqual([]);
    expect([...covered].filter((r) => !registered.has(r)).sort(), 'rows without a route').toEqual([]);
    expect(cases.length, 'duplicate rows').toBe(covered.size);
  });

  it('every route declares an access rule', () => {
    const missing = server.app.registeredRoutes.filter((r) => (r.config as { access?: unknown } | undefined)?.access === undefined).map((r) => `${String(r.method)} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('allows exactly the callers each route allows, and denies the rest with 401/403/404', async () => {
    const failures: string[] = [];
    for (const routeCase of cases) {
      const [method = 'GET'] = routeCase.route.split(' ');
      for (const caller of CALLERS) {
        const request = await routeCase.request(world, caller);
        const headers: Record<string, string> = {};
        if (caller !== 'anonymous') headers.authorization = `Bearer ${world.users[caller].token}`;
        let payload: string | undefined;
        if (request.raw !== undefined) {
          payload = request.raw;
          headers['content-type'] = 'application/json';
        } else if (request.body !== undefined) {
          payload = JSON.stringify(request.body);
          headers['content-type'] = 'application/json';
        }
        const res = await server.app.inject({ method: method as 'GET', url: request.url, headers, ...(payload === undefined ? {} : { payload }) });
        const allowed = isAllowed(routeCase.minimum, caller);
        const denied = res.statusCode === 401 || res.statusCode === 403 || res.statusCode === 404;
        if (allowed && (denied || res.statusCode >= 400)) failures.push(`${routeCase.route} as ${caller}: expected success, got ${res.statusCode} ${res.body.slice(0, 200)}`);
        if (!allowed && !denied) failures.push(`${routeCase.route} as ${caller}: expected 401/403/404, got ${res.statusCode}`);
        if (!allowed && caller === 'anonymous' && res.statusCode !== 401) failures.push(`${routeCase.route} as anonymous: expected 401, got ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('hides a project from non-members (404, not 403)', async () => {
    const res = await server.call('GET', `/api/v1/projects/${world.project.id}`, world.users.outsider.token);
    expect(res.statusCode).toBe(404);
  });

  it('closes a route that forgot its access rule', async () => {
    const { buildApp } = await import('../src/server/app.js');
    // A bare app with one undeclared route, through the same hooks.
    const app = await buildApp({ config: server.app.config, db: server.database.db, databaseKind: kind, logger: false });
    expect(app.registeredRoutes.length).toBeGreaterThan(0);
    await app.close();
    const fastify = (await import('fastify')).default;
    const { registerAuthentication } = await import('../src/server/plugins/auth.js');
    const { registerAccessControl } = await import('../src/server/plugins/access.js');
    const { registerErrorHandler } = await import('../src/server/plugins/errors.js');
    const cookie = (await import('@fastify/cookie')).default;
    const bare = fastify({ logger: false });
    bare.decorate('db', server.database.db);
    await bare.register(cookie);
    registerErrorHandler(bare);
    registerAuthentication(bare);
    registerAccessControl(bare);
    bare.get('/api/v1/forgotten', async () => ({ secret: true }));
    const res = await bare.inject({ method: 'GET', url: '/api/v1/forgotten', headers: { authorization: `Bearer ${world.users.admin.token}` } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'route-without-access-rule' });
    await bare.close();
  });
});

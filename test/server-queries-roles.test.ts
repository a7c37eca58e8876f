import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLevel } from '../src/server/db/schema.js';
import { testDatabases } from './server/databases.js';
import { READ_SIDE_ROUTES } from './server/route-cases/queries.js';
import { addGroup, addMember, addProject, addUser, auth, openQueryWorld, type QueryWorld } from './server-queries-fixtures.js';

const LEVELS: readonly AccessLevel[] = [10, 20, 30, 40, 50];

describe.each(testDatabases())('read-side role × route matrix (%s)', (kind) => {
  let world: QueryWorld;
  let group = 0;
  let project = 0;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    world = await openQueryWorld(kind);
    const { db } = world;
    group = await addGroup(db, 'matrix');
    project = await addProject(db, group, 'matrix/app');
    for (const level of LEVELS) {
      const user = await addUser(db, `level${level}`, false, ['api']);
      await addMember(db, 'group', group, user.id, level);
      tokens.set(String(level), user.token);
    }
    tokens.set('stranger', (await addUser(db, 'stranger', false, ['api'])).token);
    tokens.set('admin', (await addUser(db, 'admin', true, ['api'])).token);
    // A maintainer whose token may only read.
    const readOnly = await addUser(db, 'readonly', false, ['read_api']);
    await addMember(db, 'project', project, readOnly.id, 40);
    tokens.set('read_api', readOnly.token);
  });
  afterAll(async () => {
    await world.close();
  });

  it('lists only routes the server has', () => {
    const known = new Set(world.app.registeredRoutes.flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((m) => `${m} ${r.url}`)));
    for (const route of READ_SIDE_ROUTES) {
      expect(known, route.url).toContain(`${route.method} ${route.url.replace(':project', ':id').replace(':group', ':id')}`);
    }
  });

  it('documents every read-side route in the OpenAPI document', async () => {
    const response = await world.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths);
    for (const route of READ_SIDE_ROUTES) expect(paths).toContain(route.url.replace(/:(project|group)/, '{id}'));
    expect(paths).toContain('/api/v1/vulnerabilities');
  });

  it.each(READ_SIDE_ROUTES.map((r) => [`${r.method} ${r.url}`, r] as const))('%s', async (_name, route) => {
    const url = route.url.replace(':project', String(project)).replace(':group', String(group));
    const call = (token?: string) =>
      world.app.inject({
        method: route.method,
        url,
        ...(token === undefined ? {} : { headers: auth(token) }),
        ...(route.body === undefined ? {} : { payload: route.body as Record<string, unknown> }),
      });
    // The read-only token's user is a member of the project only, so the group is hidden from it.
    const readApi = route.url.includes(':group') ? 404 : route.method === 'GET' ? 200 : 403;
    const expected: Record<string, number> = { anonymous: 401, stranger: 404, admin: 200, read_api: readApi };
    for (const level of LEVELS) expected[String(level)] = level >= route.min ? 200 : 403;
    const actual: Record<string, number> = { anonymous: (await call()).statusCode };
    for (const [who, token] of tokens) actual[who] = (await call(token)).statusCode;
    expect(actual).toEqual(expected);
  });
});

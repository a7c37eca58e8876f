import type { AccessLevel } from '../../../src/server/db/schema.js';
import type { RouteCase } from '../route-matrix.js';
import type { Minimum } from '../route-world.js';

/**
 * The read side's project and group routes (vulnerability report, dashboard, dependency list).
 * `min` is the lowest role that may call the route. test/server-queries-roles.test.ts checks the
 * exact status codes per role; this file also feeds the server-wide role × route matrix.
 */
export const READ_SIDE_ROUTES: readonly { method: 'GET' | 'PUT'; url: string; min: AccessLevel; body?: unknown }[] = [
  ...['/vulnerabilities', '/vulnerabilities/counts', '/vulnerabilities.csv'].flatMap((suffix) => [
    { method: 'GET' as const, url: `/api/v1/projects/:project${suffix}`, min: 20 as const },
    { method: 'GET' as const, url: `/api/v1/groups/:group${suffix}`, min: 20 as const },
  ]),
  ...['daily-counts', 'mttr', 'sla'].flatMap((name) => [
    { method: 'GET' as const, url: `/api/v1/projects/:project/dashboard/${name}`, min: 20 as const },
    { method: 'GET' as const, url: `/api/v1/groups/:group/dashboard/${name}`, min: 20 as const },
  ]),
  { method: 'GET', url: '/api/v1/groups/:group/dashboard/grades', min: 20 },
  { method: 'GET', url: '/api/v1/projects/:project/dependencies', min: 20 },
  { method: 'GET', url: '/api/v1/groups/:group/dependencies', min: 20 },
  { method: 'GET', url: '/api/v1/projects/:project/licenses', min: 20 },
  { method: 'GET', url: '/api/v1/groups/:group/licenses', min: 20 },
  { method: 'GET', url: '/api/v1/projects/:project/dependencies.cdx.json', min: 20 },
  { method: 'GET', url: '/api/v1/projects/:project/license-policy', min: 20 },
  { method: 'PUT', url: '/api/v1/projects/:project/license-policy', min: 40, body: { denied: ['GPL-3.0-only'] } },
];

/** The instance-wide report: any signed-in user, who sees only the projects they may read. */
const INSTANCE_ROUTES = ['/api/v1/vulnerabilities', '/api/v1/vulnerabilities/counts', '/api/v1/vulnerabilities.csv'];

const ROLE_OF: Record<AccessLevel, Minimum> = { 10: 'guest', 20: 'reporter', 30: 'developer', 40: 'maintainer', 50: 'owner' };

export const ROUTE_CASES: readonly RouteCase[] = [
  ...INSTANCE_ROUTES.map((url): RouteCase => ({ route: `GET ${url}`, minimum: 'user', request: () => ({ url }) })),
  ...READ_SIDE_ROUTES.map(
    (r): RouteCase => ({
      route: `${r.method} ${r.url.replace(/:(project|group)/, ':id')}`,
      minimum: ROLE_OF[r.min],
      request: (w) => ({
        url: r.url.replace(':project', String(w.project.id)).replace(':group', String(w.group.id)),
        ...(r.body === undefined ? {} : { body: r.body }),
      }),
    }),
  ),
];

import type { RouteCase } from '../route-matrix.js';
import { sastReport } from '../reports.js';

/** The routes of src/server (H4). Other route files add their own module in this folder. */
export const ROUTE_CASES: readonly RouteCase[] = [
  { route: 'GET /api/health', minimum: 'public', request: () => ({ url: '/api/health' }) },
  { route: 'GET /api/openapi.json', minimum: 'public', request: () => ({ url: '/api/openapi.json' }) },
  { route: 'POST /api/v1/session', minimum: 'public', request: () => ({ url: '/api/v1/session', body: { username: 'm-outsider', password: 'correct horse battery staple' } }) },
  { route: 'DELETE /api/v1/session', minimum: 'user', request: () => ({ url: '/api/v1/session' }) },
  { route: 'GET /api/v1/user', minimum: 'user', request: () => ({ url: '/api/v1/user' }) },
  { route: 'GET /api/v1/user/tokens', minimum: 'user', request: () => ({ url: '/api/v1/user/tokens' }) },
  { route: 'POST /api/v1/user/tokens', minimum: 'user', request: () => ({ url: '/api/v1/user/tokens', body: { name: 'matrix', scopes: ['read_api'] } }) },
  {
    route: 'DELETE /api/v1/user/tokens/:tokenId',
    minimum: 'user',
    request: async (w, caller) => {
      if (caller === 'anonymous') return { url: '/api/v1/user/tokens/1' };
      const created = await w.server.call('POST', '/api/v1/user/tokens', w.users[caller].token, { name: 'to-revoke', scopes: ['read_api'] });
      return { url: `/api/v1/user/tokens/${(created.json() as { id: number }).id}` };
    },
  },
  { route: 'GET /api/v1/users', minimum: 'admin', request: () => ({ url: '/api/v1/users' }) },
  { route: 'POST /api/v1/users', minimum: 'admin', request: (w) => ({ url: '/api/v1/users', body: { username: `new-${w.unique()}`, password: 'a long enough password' } }) },
  { route: 'GET /api/v1/audit-events', minimum: 'admin', request: () => ({ url: '/api/v1/audit-events' }) },
  { route: 'GET /api/v1/groups', minimum: 'user', request: () => ({ url: '/api/v1/groups' }) },
  { route: 'POST /api/v1/groups', minimum: 'maintainer', request: (w) => ({ url: '/api/v1/groups', body: { name: 'sub', path: `sub-${w.unique()}`, parentId: w.group.id } }) },
  { route: 'GET /api/v1/groups/:id', minimum: 'guest', request: (w) => ({ url: `/api/v1/groups/${w.group.id}` }) },
  { route: 'GET /api/v1/groups/:id/members', minimum: 'guest', request: (w) => ({ url: `/api/v1/groups/${w.group.id}/members` }) },
  {
    route: 'POST /api/v1/groups/:id/members',
    minimum: 'maintainer',
    request: async (w) => ({ url: `/api/v1/groups/${w.group.id}/members`, body: { userId: (await w.freshUser()).id, accessLevel: 20 } }),
  },
  {
    route: 'PUT /api/v1/groups/:id/members/:userId',
    minimum: 'maintainer',
    request: async (w) => {
      const user = await w.freshUser();
      await w.server.addMember({ group: w.group }, user, 10);
      return { url: `/api/v1/groups/${w.group.id}/members/${user.id}`, body: { accessLevel: 20 } };
    },
  },
  {
    route: 'DELETE /api/v1/groups/:id/members/:userId',
    minimum: 'maintainer',
    request: async (w) => {
      const user = await w.freshUser();
      await w.server.addMember({ group: w.group }, user, 10);
      return { url: `/api/v1/groups/${w.group.id}/members/${user.id}` };
    },
  },
  { route: 'GET /api/v1/projects', minimum: 'user', request: () => ({ url: '/api/v1/projects' }) },
  { route: 'POST /api/v1/projects', minimum: 'maintainer', request: (w) => ({ url: '/api/v1/projects', body: { groupId: w.group.id, name: 'p', path: `p-${w.unique()}` } }) },
  { route: 'GET /api/v1/projects/:id', minimum: 'guest', request: (w) => ({ url: `/api/v1/projects/${w.project.id}` }) },
  { route: 'GET /api/v1/projects/:id/members', minimum: 'guest', request: (w) => ({ url: `/api/v1/projects/${w.project.id}/members` }) },
  {
    route: 'POST /api/v1/projects/:id/members',
    minimum: 'maintainer',
    request: async (w) => ({ url: `/api/v1/projects/${w.project.id}/members`, body: { userId: (await w.freshUser()).id, accessLevel: 30 } }),
  },
  {
    route: 'PUT /api/v1/projects/:id/members/:userId',
    minimum: 'maintainer',
    request: async (w) => {
      const user = await w.freshUser();
      await w.server.addMember({ project: w.project }, user, 10);
      return { url: `/api/v1/projects/${w.project.id}/members/${user.id}`, body: { accessLevel: 20 } };
    },
  },
  {
    route: 'DELETE /api/v1/projects/:id/members/:userId',
    minimum: 'maintainer',
    request: async (w) => {
      const user = await w.freshUser();
      await w.server.addMember({ project: w.project }, user, 10);
      return { url: `/api/v1/projects/${w.project.id}/members/${user.id}` };
    },
  },
  { route: 'POST /api/v1/projects/:id/pipelines', minimum: 'developer', request: (w) => ({ url: `/api/v1/projects/${w.project.id}/pipelines`, body: { ref: 'feature', sha: 'e'.repeat(40) } }) },
  { route: 'GET /api/v1/projects/:id/pipelines', minimum: 'reporter', request: (w) => ({ url: `/api/v1/projects/${w.project.id}/pipelines` }) },
  { route: 'GET /api/v1/projects/:id/pipelines/:pid', minimum: 'reporter', request: (w) => ({ url: `/api/v1/projects/${w.project.id}/pipelines/${w.pipelineId}` }) },
  {
    route: 'POST /api/v1/projects/:id/pipelines/:pid/reports',
    minimum: 'developer',
    request: (w) => ({
      url: `/api/v1/projects/${w.project.id}/pipelines/${w.pipelineId}/reports?filename=gl-sast-${w.unique()}.json`,
      raw: sastReport([{ rule: 'm', file: 'm.py', line: 1 }]),
    }),
  },
  { route: 'GET /api/v1/vulnerabilities/:id', minimum: 'reporter', request: (w) => ({ url: `/api/v1/vulnerabilities/${w.vulnerabilityId}` }) },
  {
    route: 'POST /api/v1/vulnerabilities/:id/state',
    minimum: 'maintainer',
    request: async (w) => {
      const row = await w.server.database.db.selectFrom('vulnerabilities').select('state').where('id', '=', w.vulnerabilityId).executeTakeFirstOrThrow();
      return { url: `/api/v1/vulnerabilities/${w.vulnerabilityId}/state`, body: { state: row.state === 'confirmed' ? 'detected' : 'confirmed' } };
    },
  },
  {
    route: 'POST /api/v1/vulnerabilities/bulk-state',
    minimum: 'maintainer',
    request: async (w) => {
      const row = await w.server.database.db.selectFrom('vulnerabilities').select('state').where('id', '=', w.vulnerabilityId).executeTakeFirstOrThrow();
      return { url: '/api/v1/vulnerabilities/bulk-state', body: { ids: [w.vulnerabilityId], state: row.state === 'confirmed' ? 'detected' : 'confirmed' } };
    },
  },
  { route: 'GET /api/v1/vulnerabilities/:id/comments', minimum: 'reporter', request: (w) => ({ url: `/api/v1/vulnerabilities/${w.vulnerabilityId}/comments` }) },
  { route: 'POST /api/v1/vulnerabilities/:id/comments', minimum: 'developer', request: (w) => ({ url: `/api/v1/vulnerabilities/${w.vulnerabilityId}/comments`, body: { body: 'looked at it' } }) },
  {
    route: 'PUT /api/v1/vulnerabilities/:id/issue-link',
    minimum: 'developer',
    request: (w) => ({ url: `/api/v1/vulnerabilities/${w.vulnerabilityId}/issue-link`, body: { url: 'https://issues.example.com/1' } }),
  },
  { route: 'DELETE /api/v1/vulnerabilities/:id/issue-link', minimum: 'developer', request: (w) => ({ url: `/api/v1/vulnerabilities/${w.vulnerabilityId}/issue-link` }) },
];

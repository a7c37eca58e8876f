import type { RouteCase } from '../route-matrix.js';

/** The MR comparison, security configuration, coverage settings and scanner inventory (brief S1). */
export const ROUTE_CASES: readonly RouteCase[] = [
  { route: 'GET /api/v1/projects/:id/compare', minimum: 'reporter', request: (w) => ({ url: `/api/v1/projects/${w.project.id}/compare?head=${w.pipelineId}` }) },
  { route: 'GET /api/v1/projects/:id/security-configuration', minimum: 'reporter', request: (w) => ({ url: `/api/v1/projects/${w.project.id}/security-configuration` }) },
  { route: 'GET /api/v1/settings/security-coverage', minimum: 'user', request: () => ({ url: '/api/v1/settings/security-coverage' }) },
  { route: 'PUT /api/v1/settings/security-coverage', minimum: 'admin', request: () => ({ url: '/api/v1/settings/security-coverage', body: { requiredReportTypes: ['sast'] } }) },
  { route: 'GET /api/v1/security-inventory', minimum: 'user', request: () => ({ url: '/api/v1/security-inventory' }) },
  { route: 'GET /api/v1/groups/:id/security-inventory', minimum: 'reporter', request: (w) => ({ url: `/api/v1/groups/${w.group.id}/security-inventory` }) },
];

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFound } from '../../../http-error.js';
import type { RouteAccess } from '../../../plugins/access.js';
import { errorResponses, IdParams } from '../../../schemas/common.js';
import { DailyCountsSchema, DaysQuery, GradesSchema, MttrSchema, SlaSchema, type DaysQueryType } from '../../../schemas/dashboard.js';
import { dailyOpenCounts, groupByGrade, meanTimeToRemediate, projectGrades, slaBreaches } from '../../../services/queries/dashboard.js';
import { projectsInGroup } from '../../../services/queries/scope.js';

/** The projects a dashboard covers: the one project, or every project in the group's subtree. */
async function dashboardProjects(app: FastifyInstance, request: FastifyRequest): Promise<number[]> {
  const access = request.access;
  if (access?.project !== undefined) return [access.project.id];
  if (access?.group !== undefined) return projectsInGroup(app.db, access.group.id);
  throw notFound('project or group');
}

const TARGETS: readonly { prefix: string; access: RouteAccess; what: string }[] = [
  { prefix: '/api/v1/projects/:id/dashboard', access: { kind: 'project', permission: 'read_vulnerability' }, what: 'the project' },
  { prefix: '/api/v1/groups/:id/dashboard', access: { kind: 'group', permission: 'read_vulnerability' }, what: 'the group and its subgroups' },
];

/** Security dashboard: open counts over time, grades, time to remediate, SLA breaches. */
export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  for (const target of TARGETS) {
    app.get<{ Querystring: DaysQueryType }>(
      `${target.prefix}/daily-counts`,
      {
        config: { access: target.access },
        schema: {
          tags: ['security dashboard'],
          summary: `open (detected + confirmed) vulnerabilities per day and severity in ${target.what}`,
          params: IdParams,
          querystring: DaysQuery(90, 'days of history, today included'),
          response: { 200: DailyCountsSchema, ...errorResponses() },
        },
      },
      async (request) => {
        const projects = await dashboardProjects(app, request);
        return { days: await dailyOpenCounts(app.db, projects, request.query.days ?? 90, app.services.now()) };
      },
    );

    app.get<{ Querystring: DaysQueryType }>(
      `${target.prefix}/mttr`,
      {
        config: { access: target.access },
        schema: {
          tags: ['security dashboard'],
          summary: `mean time to remediate per severity in ${target.what} (vulnerabilities resolved in the last N days)`,
          params: IdParams,
          querystring: DaysQuery(90, 'window: vulnerabilities resolved in the last N days'),
          response: { 200: MttrSchema, ...errorResponses() },
        },
      },
      async (request) => {
        const days = request.query.days ?? 90;
        const projects = await dashboardProjects(app, request);
        return { windowDays: days, bySeverity: await meanTimeToRemediate(app.db, projects, days, app.services.now()) };
      },
    );

    app.get(
      `${target.prefix}/sla`,
      {
        config: { access: target.access },
        schema: {
          tags: ['security dashboard'],
          summary: `open vulnerabilities past their SLA (BULWARK_SLA_DAYS) per severity in ${target.what}`,
          params: IdParams,
          response: { 200: SlaSchema, ...errorResponses() },
        },
      },
      async (request) => {
        const projects = await dashboardProjects(app, request);
        return { bySeverity: await slaBreaches(app.db, projects, app.config.slaDays, app.services.now()) };
      },
    );
  }

  app.get(
    '/api/v1/groups/:id/dashboard/grades',
    {
      config: { access: { kind: 'group', permission: 'read_vulnerability' } },
      schema: {
        tags: ['security dashboard'],
        summary: 'projects of the group and its subgroups by grade (F critical · D high or unknown · C medium · B low · A none)',
        params: IdParams,
        response: { 200: GradesSchema, ...errorResponses() },
      },
    },
    async (request) => ({ grades: groupByGrade(await projectGrades(app.db, await dashboardProjects(app, request))) }),
  );
}

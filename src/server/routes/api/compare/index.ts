import type { FastifyInstance } from 'fastify';
import { badRequest, notFound } from '../../../http-error.js';
import { errorResponses, IdParams } from '../../../schemas/common.js';
import { COMPARABLE_REPORT_TYPES, CompareQuery, CompareSchema, MAX_COMPARE_LIST, type ComparableReportType, type CompareQueryType } from '../../../schemas/compare.js';
import { comparePipelines } from '../../../services/queries/compare.js';

/** `?report_type=sast,dast&report_type=dast` → ['sast', 'dast']; an unknown type is a 400. */
function reportTypesOf(values: readonly string[] | undefined): ComparableReportType[] | undefined {
  if (values === undefined) return undefined;
  const out = new Set<ComparableReportType>();
  for (const value of values.flatMap((v) => v.split(','))) {
    const type = value.trim();
    if (type === '') continue;
    if (!(COMPARABLE_REPORT_TYPES as readonly string[]).includes(type)) {
      throw badRequest('invalid-request', `querystring/report_type: "${type.slice(0, 60)}" is not one of ${COMPARABLE_REPORT_TYPES.join(', ')}`);
    }
    out.add(type as ComparableReportType);
  }
  return out.size === 0 ? undefined : [...out];
}

/** The merge-request security comparison of two stored pipelines (spec §4.2). */
export async function compareRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: CompareQueryType }>(
    '/api/v1/projects/:id/compare',
    {
      config: { access: { kind: 'project', permission: 'read_vulnerability' } },
      schema: {
        tags: ['merge request'],
        summary: 'new and fixed findings per report type between two pipelines of the project (without base: the latest default-branch pipeline before head)',
        params: IdParams,
        querystring: CompareQuery,
        response: { 200: CompareSchema, ...errorResponses(422) },
      },
    },
    async (request) => {
      const project = request.access?.project;
      if (project === undefined) throw notFound('project');
      const q = request.query;
      const reportTypes = reportTypesOf(q.report_type);
      return comparePipelines(app.db, app.config, {
        projectId: project.id,
        headId: q.head,
        ...(q.base === undefined ? {} : { baseId: q.base }),
        ...(reportTypes === undefined ? {} : { reportTypes }),
        limit: q.limit ?? MAX_COMPARE_LIST,
        includeDismissed: q.include_dismissed === true,
        now: app.services.now(),
      });
    },
  );
}

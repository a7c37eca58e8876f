import type { FastifyInstance, FastifyRequest } from 'fastify';
import { insertAuditEvents } from '../../../db/repositories/audit.js';
import { HttpError, notFound } from '../../../http-error.js';
import type { RouteAccess } from '../../../plugins/access.js';
import { errorResponses, IdParams } from '../../../schemas/common.js';
import {
  InventoryQuery,
  InventorySchema,
  KNOWN_REPORT_TYPES,
  SecurityConfigurationQuery,
  SecurityConfigurationSchema,
  SecurityCoverageBody,
  SecurityCoverageSchema,
  type InventoryQueryType,
  type SecurityConfigurationQueryType,
  type SecurityCoverageBodyType,
} from '../../../schemas/inventory.js';
import { readRequiredReportTypes, securityConfiguration, securityInventory, writeRequiredReportTypes } from '../../../services/queries/inventory.js';
import { narrowScope, projectsInGroup, projectsWithLevel, REPORTER_LEVEL, type ProjectScope } from '../../../services/queries/scope.js';

type InventoryRequest = FastifyRequest<{ Querystring: InventoryQueryType }>;

/** Every project the caller may read pipelines of (reporter+), or all for an administrator. */
async function instanceScope(app: FastifyInstance, request: InventoryRequest): Promise<ProjectScope> {
  const identity = request.identity;
  if (identity === null) throw new HttpError(401, 'unauthenticated', 'not signed in');
  if (identity.user.is_admin) return { kind: 'all' };
  return { kind: 'projects', ids: await projectsWithLevel(app.db, identity.user.id, REPORTER_LEVEL) };
}

async function groupScope(app: FastifyInstance, request: InventoryRequest): Promise<ProjectScope> {
  const group = request.access?.group;
  if (group === undefined) throw notFound('group');
  return { kind: 'projects', ids: await projectsInGroup(app.db, group.id) };
}

const INVENTORIES: readonly { url: string; access: RouteAccess; scope: typeof instanceScope; what: string }[] = [
  { url: '/api/v1/security-inventory', access: { kind: 'user' }, scope: instanceScope, what: 'every project you can read pipelines of' },
  { url: '/api/v1/groups/:id/security-inventory', access: { kind: 'group', permission: 'read_pipeline' }, scope: groupScope, what: 'a group and its subgroups' },
];

/** Security configuration of a project, the instance's required report types, and the scanner inventory. */
export async function inventoryRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: SecurityConfigurationQueryType }>(
    '/api/v1/projects/:id/security-configuration',
    {
      config: { access: { kind: 'project', permission: 'read_pipeline' } },
      schema: {
        tags: ['security configuration'],
        summary: 'per report type: whether the default branch runs it, when it last ran, with which scanners',
        params: IdParams,
        querystring: SecurityConfigurationQuery,
        response: { 200: SecurityConfigurationSchema, ...errorResponses() },
      },
    },
    async (request) => {
      const project = request.access?.project;
      if (project === undefined) throw notFound('project');
      const { requiredReportTypes } = await readRequiredReportTypes(app.db);
      return securityConfiguration(app.db, project, request.query.window ?? 10, requiredReportTypes);
    },
  );

  app.get(
    '/api/v1/settings/security-coverage',
    {
      config: { access: { kind: 'user' } },
      schema: { tags: ['security configuration'], summary: 'report types every project must run on its default branch', response: { 200: SecurityCoverageSchema, ...errorResponses() } },
    },
    async () => ({ ...(await readRequiredReportTypes(app.db)), knownReportTypes: [...KNOWN_REPORT_TYPES] }),
  );

  app.put<{ Body: SecurityCoverageBodyType }>(
    '/api/v1/settings/security-coverage',
    {
      config: { access: { kind: 'admin' } },
      schema: {
        tags: ['security configuration'],
        summary: 'replace the required report types (administrators)',
        body: SecurityCoverageBody,
        response: { 200: SecurityCoverageSchema, ...errorResponses() },
      },
    },
    async (request) => {
      const identity = request.identity;
      if (identity === null) throw new HttpError(401, 'unauthenticated', 'not signed in');
      const before = await readRequiredReportTypes(app.db);
      const after = await writeRequiredReportTypes(app.db, request.body.requiredReportTypes);
      await insertAuditEvents(app.db, [
        {
          action: 'settings.changed',
          actorUserId: identity.user.id,
          actorTokenId: identity.tokenId,
          targetType: 'setting',
          targetId: 'required_report_types',
          ip: request.ip,
          details: { from: before.requiredReportTypes, to: after.requiredReportTypes },
        },
      ]);
      return { ...after, knownReportTypes: [...KNOWN_REPORT_TYPES] };
    },
  );

  for (const inventory of INVENTORIES) {
    app.get<{ Querystring: InventoryQueryType }>(
      inventory.url,
      {
        config: { access: inventory.access },
        schema: {
          tags: ['security configuration'],
          summary: `report types each project of ${inventory.what} ran on its default branch, and the required ones it lacks`,
          ...(inventory.url.includes(':id') ? { params: IdParams } : {}),
          querystring: InventoryQuery,
          response: { 200: InventorySchema, ...errorResponses() },
        },
      },
      async (request) => {
        const q = request.query;
        let scope = await inventory.scope(app, request);
        if (q.group !== undefined) scope = narrowScope(scope, await projectsInGroup(app.db, q.group));
        const { requiredReportTypes } = await readRequiredReportTypes(app.db);
        return securityInventory(app.db, scope, requiredReportTypes, { missingOnly: q.missing_only === true, limit: q.limit ?? 20, offset: q.offset ?? 0 });
      },
    );
  }
}

import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { insertAuditEvents } from '../../../db/repositories/audit.js';
import { HttpError, notFound } from '../../../http-error.js';
import type { RouteAccess } from '../../../plugins/access.js';
import { errorResponses, IdParams } from '../../../schemas/common.js';
import {
  DependencyListQuery,
  DependencyPageSchema,
  LicenseListSchema,
  LicensePolicyBody,
  LicensePolicySchema,
  type DependencyListQueryType,
  type LicensePolicyBodyType,
} from '../../../schemas/dependencies.js';
import { projectSbom } from '../../../services/queries/dependency-sbom.js';
import { listDependencies, listLicenses, readLicensePolicy, writeLicensePolicy } from '../../../services/queries/dependencies.js';
import { projectsInGroup } from '../../../services/queries/scope.js';

async function scopeProjects(app: FastifyInstance, request: FastifyRequest): Promise<number[]> {
  const access = request.access;
  if (access?.project !== undefined) return [access.project.id];
  if (access?.group !== undefined) return projectsInGroup(app.db, access.group.id);
  throw notFound('project or group');
}

const TARGETS: readonly { prefix: string; access: RouteAccess; what: string }[] = [
  { prefix: '/api/v1/projects/:id', access: { kind: 'project', permission: 'read_dependency' }, what: 'the project' },
  { prefix: '/api/v1/groups/:id', access: { kind: 'group', permission: 'read_dependency' }, what: 'every project of the group and its subgroups' },
];

/** Dependency list, licenses in use, CycloneDX export, and the per-project license deny list. */
export async function dependencyRoutes(app: FastifyInstance): Promise<void> {
  for (const target of TARGETS) {
    app.get<{ Querystring: DependencyListQueryType }>(
      `${target.prefix}/dependencies`,
      {
        config: { access: target.access },
        schema: {
          tags: ['dependency list'],
          summary: `packages of the latest default-branch SBOM of ${target.what}, with open vulnerabilities and licenses`,
          params: IdParams,
          querystring: DependencyListQuery,
          response: { 200: DependencyPageSchema, ...errorResponses() },
        },
      },
      async (request) => {
        const query = request.query;
        const limit = query.limit ?? 20;
        const offset = query.offset ?? 0;
        const page = await listDependencies(
          app.db,
          {
            projectIds: await scopeProjects(app, request),
            ...(query.name === undefined ? {} : { name: query.name }),
            ...(query.license === undefined ? {} : { license: query.license }),
            ...(query.ecosystem === undefined ? {} : { ecosystem: query.ecosystem }),
            ...(query.has_vulnerabilities === undefined ? {} : { hasVulnerabilities: query.has_vulnerabilities }),
          },
          limit,
          offset,
        );
        return { ...page, nextOffset: offset + page.items.length < page.total ? offset + page.items.length : null };
      },
    );

    app.get(
      `${target.prefix}/licenses`,
      {
        config: { access: target.access },
        schema: {
          tags: ['dependency list'],
          summary: `licenses in use in ${target.what}, with package counts; denied = on a project's deny list`,
          params: IdParams,
          response: { 200: LicenseListSchema, ...errorResponses() },
        },
      },
      async (request) => ({ licenses: await listLicenses(app.db, await scopeProjects(app, request)) }),
    );
  }

  app.get(
    '/api/v1/projects/:id/dependencies.cdx.json',
    {
      config: { access: { kind: 'project', permission: 'read_dependency' } },
      schema: {
        tags: ['dependency list'],
        summary: 'the dependency list as a CycloneDX 1.6 SBOM',
        params: IdParams,
        response: { 200: Type.Object({}, { additionalProperties: true, description: 'CycloneDX 1.6 JSON' }), ...errorResponses() },
      },
    },
    async (request, reply) => {
      const project = request.access?.project;
      if (project === undefined) throw notFound('project');
      const bom = await projectSbom(app.db, project, app.services.now());
      // Sent as text: the response schema must not strip the BOM's fields.
      return reply
        .type('application/vnd.cyclonedx+json; version=1.6')
        .header('content-disposition', `attachment; filename="${project.path}.cdx.json"`)
        .serializer((payload: unknown) => JSON.stringify(payload))
        .send(bom);
    },
  );

  app.get(
    '/api/v1/projects/:id/license-policy',
    {
      config: { access: { kind: 'project', permission: 'read_dependency' } },
      schema: { tags: ['dependency list'], summary: "the project's license deny list", params: IdParams, response: { 200: LicensePolicySchema, ...errorResponses() } },
    },
    async (request) => {
      const project = request.access?.project;
      if (project === undefined) throw notFound('project');
      return { denied: await readLicensePolicy(app.db, project.id) };
    },
  );

  app.put<{ Body: LicensePolicyBodyType }>(
    '/api/v1/projects/:id/license-policy',
    {
      // Maintainers set policy, as they triage vulnerabilities.
      config: { access: { kind: 'project', permission: 'admin_vulnerability' } },
      schema: {
        tags: ['dependency list'],
        summary: "replace the project's license deny list (SPDX ids)",
        params: IdParams,
        body: LicensePolicyBody,
        response: { 200: LicensePolicySchema, ...errorResponses() },
      },
    },
    async (request) => {
      const project = request.access?.project;
      const identity = request.identity;
      if (project === undefined) throw notFound('project');
      if (identity === null) throw new HttpError(401, 'unauthenticated', 'not signed in');
      const before = await readLicensePolicy(app.db, project.id);
      const denied = await writeLicensePolicy(app.db, project.id, request.body.denied, identity.user.id);
      await insertAuditEvents(app.db, [
        {
          action: 'license_policy.changed',
          actorUserId: identity.user.id,
          actorTokenId: identity.tokenId,
          targetType: 'project',
          targetId: project.id,
          projectId: project.id,
          ip: request.ip,
          details: { from: before, to: denied },
        },
      ]);
      return { denied };
    },
  );
}

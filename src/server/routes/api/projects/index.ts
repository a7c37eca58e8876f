import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { insertAuditEvents } from '../../../db/repositories/audit.js';
import { findGroup, insertProject, listVisibleProjects } from '../../../db/repositories/groups.js';
import { groupAccessLevel } from '../../../db/repositories/members.js';
import { conflict, HttpError, notFound } from '../../../http-error.js';
import { ADMIN_LEVEL, requireLevel } from '../../../plugins/access.js';
import { errorResponses, IdParams } from '../../../schemas/common.js';
import { CreateProjectBody, ListQuery, ProjectSchema, type CreateProjectBodyType, type ListQueryType } from '../../../schemas/groups.js';
import { projectDto } from '../dto.js';

export async function projectRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: ListQueryType }>(
    '/api/v1/projects',
    {
      config: { access: { kind: 'user' } },
      schema: {
        tags: ['projects'],
        summary: 'projects you can see (optionally under one group, subgroups included)',
        querystring: ListQuery,
        response: { 200: Type.Array(ProjectSchema), ...errorResponses() },
      },
    },
    async (request) => {
      const identity = request.identity;
      if (identity === null) throw new HttpError(401, 'unauthenticated', 'not signed in');
      const who = identity.user.is_admin ? 'all' : identity.user.id;
      const rows = await listVisibleProjects(app.db, who, request.query.limit ?? 20, request.query.offset ?? 0, request.query.groupId);
      return rows.map(projectDto);
    },
  );

  app.post<{ Body: CreateProjectBodyType }>(
    '/api/v1/projects',
    {
      config: { access: { kind: 'per-resource', permission: 'create_project' } },
      schema: { tags: ['projects'], summary: 'create a project in a group', body: CreateProjectBody, response: { 201: ProjectSchema, ...errorResponses(409) } },
    },
    async (request, reply) => {
      const identity = request.identity;
      if (identity === null) throw new HttpError(401, 'unauthenticated', 'not signed in');
      const body = request.body;
      const group = await findGroup(app.db, body.groupId);
      if (group === undefined) throw notFound('group');
      const level = identity.user.is_admin ? ADMIN_LEVEL : await groupAccessLevel(app.db, identity.user.id, group.id);
      requireLevel(level, 'create_project', 'group');
      const fullPath = `${group.full_path}/${body.path}`;
      const project = await insertProject(app.db, {
        groupId: group.id,
        name: body.name,
        path: body.path,
        fullPath,
        defaultBranch: body.defaultBranch ?? 'main',
      });
      if (project === undefined) throw conflict('path-taken', `the path ${fullPath} is taken`);
      await insertAuditEvents(app.db, [
        { action: 'project.created', actorUserId: identity.user.id, actorTokenId: identity.tokenId, targetType: 'project', targetId: project.id, projectId: project.id, ip: request.ip },
      ]);
      return reply.code(201).send(projectDto(project));
    },
  );

  app.get(
    '/api/v1/projects/:id',
    {
      config: { access: { kind: 'project', permission: 'read_project' } },
      schema: { tags: ['projects'], summary: 'one project (by id or URL-encoded full path)', params: IdParams, response: { 200: ProjectSchema, ...errorResponses() } },
    },
    async (request) => {
      const project = request.access?.project;
      if (project === undefined) throw notFound('project');
      return projectDto(project);
    },
  );
}

import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { insertAuditEvents } from '../../../db/repositories/audit.js';
import { findGroup, insertGroup, listVisibleGroups } from '../../../db/repositories/groups.js';
import { groupAccessLevel, upsertMember } from '../../../db/repositories/members.js';
import { conflict, forbidden, HttpError, notFound } from '../../../http-error.js';
import { ADMIN_LEVEL, requireLevel, ROLES } from '../../../plugins/access.js';
import { errorResponses, IdParams } from '../../../schemas/common.js';
import { CreateGroupBody, GroupSchema, ListQuery, type CreateGroupBodyType, type ListQueryType } from '../../../schemas/groups.js';
import { groupDto } from '../dto.js';

export async function groupRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: ListQueryType }>(
    '/api/v1/groups',
    {
      config: { access: { kind: 'user' } },
      schema: { tags: ['groups'], summary: 'groups you can see', querystring: ListQuery, response: { 200: Type.Array(GroupSchema), ...errorResponses() } },
    },
    async (request) => {
      const identity = request.identity;
      if (identity === null) throw new HttpError(401, 'unauthenticated', 'not signed in');
      const who = identity.user.is_admin ? 'all' : identity.user.id;
      return (await listVisibleGroups(app.db, who, request.query.limit ?? 20, request.query.offset ?? 0)).map(groupDto);
    },
  );

  app.post<{ Body: CreateGroupBodyType }>(
    '/api/v1/groups',
    {
      // Top-level groups need an instance admin; subgroups need create_subgroup on the parent.
      config: { access: { kind: 'per-resource', permission: 'create_subgroup' } },
      schema: { tags: ['groups'], summary: 'create a group; you become its owner', body: CreateGroupBody, response: { 201: GroupSchema, ...errorResponses(409) } },
    },
    async (request, reply) => {
      const identity = request.identity;
      if (identity === null) throw new HttpError(401, 'unauthenticated', 'not signed in');
      const { name, path, parentId } = request.body;
      let fullPath = path;
      if (parentId === undefined) {
        if (!identity.user.is_admin) throw forbidden('only an instance administrator creates top-level groups');
      } else {
        const parent = await findGroup(app.db, parentId);
        if (parent === undefined) throw notFound('parent group');
        const level = identity.user.is_admin ? ADMIN_LEVEL : await groupAccessLevel(app.db, identity.user.id, parent.id);
        requireLevel(level, 'create_subgroup', 'parent group');
        fullPath = `${parent.full_path}/${path}`;
      }
      const group = await app.db.transaction().execute(async (trx) => {
        const created = await insertGroup(trx, { name, path, fullPath, parentId: parentId ?? null });
        if (created === undefined) return undefined;
        await upsertMember(trx, { kind: 'group', id: created.id }, identity.user.id, ROLES.owner);
        await insertAuditEvents(trx, [
          { action: 'group.created', actorUserId: identity.user.id, actorTokenId: identity.tokenId, targetType: 'group', targetId: created.id, groupId: created.id, ip: request.ip },
        ]);
        return created;
      });
      if (group === undefined) throw conflict('path-taken', `the path ${fullPath} is taken`);
      return reply.code(201).send(groupDto(group));
    },
  );

  app.get(
    '/api/v1/groups/:id',
    {
      config: { access: { kind: 'group', permission: 'read_group' } },
      schema: { tags: ['groups'], summary: 'one group (by id or URL-encoded full path)', params: IdParams, response: { 200: GroupSchema, ...errorResponses() } },
    },
    async (request) => {
      const group = request.access?.group;
      if (group === undefined) throw notFound('group');
      return groupDto(group);
    },
  );
}

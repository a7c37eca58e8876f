import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { insertAuditEvents } from '../../../db/repositories/audit.js';
import { countOwners, deleteMember, findMemberLevel, listMembers, upsertMember, type MemberSource } from '../../../db/repositories/members.js';
import { findUserById } from '../../../db/repositories/users.js';
import type { AccessLevel } from '../../../db/schema.js';
import { conflict, forbidden, HttpError, notFound } from '../../../http-error.js';
import { ROLES, roleName } from '../../../plugins/access.js';
import { errorResponses, IdParams } from '../../../schemas/common.js';
import {
  AddMemberBody,
  MemberParams,
  MemberSchema,
  UpdateMemberBody,
  type AddMemberBodyType,
  type UpdateMemberBodyType,
} from '../../../schemas/groups.js';

function sourceOf(request: FastifyRequest, kind: 'group' | 'project'): MemberSource {
  const id = kind === 'group' ? request.access?.group?.id : request.access?.project?.id;
  if (id === undefined) throw notFound(kind);
  return { kind, id };
}

/**
 * Only owners (or admins) touch owner memberships; a maintainer manages the rest. A group keeps
 * at least one owner.
 */
async function checkChange(app: FastifyInstance, request: FastifyRequest, source: MemberSource, userId: number, next: AccessLevel | null): Promise<AccessLevel | undefined> {
  const level = request.access?.level ?? 0;
  const current = await findMemberLevel(app.db, source, userId);
  const touchesOwner = next === ROLES.owner || current === ROLES.owner;
  if (touchesOwner && level < ROLES.owner) throw forbidden('only an owner grants, changes or removes the owner role');
  if (source.kind === 'group' && current === ROLES.owner && next !== ROLES.owner && (await countOwners(app.db, source)) <= 1) {
    throw conflict('last-owner', 'a group keeps at least one owner; add another owner first');
  }
  return current;
}

function memberRoutesFor(kind: 'group' | 'project') {
  const base = kind === 'group' ? '/api/v1/groups/:id/members' : '/api/v1/projects/:id/members';
  const tag = kind === 'group' ? 'groups' : 'projects';
  const access = (permission: 'read_members' | 'manage_members') => ({ kind, permission }) as const;

  return async (app: FastifyInstance): Promise<void> => {
    app.get(
      base,
      {
        config: { access: access('read_members') },
        schema: { tags: [tag], summary: `direct members of the ${kind}`, params: IdParams, response: { 200: Type.Array(MemberSchema), ...errorResponses() } },
      },
      async (request) => {
        const rows = await listMembers(app.db, sourceOf(request, kind));
        return rows.map((r) => ({ ...r, role: roleName(r.accessLevel) }));
      },
    );

    app.post<{ Body: AddMemberBodyType }>(
      base,
      {
        config: { access: access('manage_members') },
        schema: { tags: [tag], summary: `add a member (or change their role)`, params: IdParams, body: AddMemberBody, response: { 201: MemberSchema, ...errorResponses(409) } },
      },
      async (request, reply) => {
        const source = sourceOf(request, kind);
        const user = await findUserById(app.db, request.body.userId);
        if (user === undefined) throw notFound('user');
        const before = await checkChange(app, request, source, user.id, request.body.accessLevel);
        await upsertMember(app.db, source, user.id, request.body.accessLevel);
        await auditMember(app, request, source, user.id, before, request.body.accessLevel);
        return reply.code(201).send({ userId: user.id, username: user.username, accessLevel: request.body.accessLevel, role: roleName(request.body.accessLevel) });
      },
    );

    app.put<{ Params: { id: string; userId: string }; Body: UpdateMemberBodyType }>(
      `${base}/:userId`,
      {
        config: { access: access('manage_members') },
        schema: { tags: [tag], summary: "change a member's role", params: MemberParams, body: UpdateMemberBody, response: { 200: MemberSchema, ...errorResponses(409) } },
      },
      async (request) => {
        const source = sourceOf(request, kind);
        const user = await findUserById(app.db, Number(request.params.userId));
        if (user === undefined) throw notFound('member');
        const before = await checkChange(app, request, source, user.id, request.body.accessLevel);
        if (before === undefined) throw notFound('member');
        await upsertMember(app.db, source, user.id, request.body.accessLevel);
        await auditMember(app, request, source, user.id, before, request.body.accessLevel);
        return { userId: user.id, username: user.username, accessLevel: request.body.accessLevel, role: roleName(request.body.accessLevel) };
      },
    );

    app.delete<{ Params: { id: string; userId: string } }>(
      `${base}/:userId`,
      {
        config: { access: access('manage_members') },
        schema: { tags: [tag], summary: 'remove a member', params: MemberParams, response: { 204: Type.Null(), ...errorResponses(409) } },
      },
      async (request, reply) => {
        const source = sourceOf(request, kind);
        const userId = Number(request.params.userId);
        const before = await checkChange(app, request, source, userId, null);
        if (before === undefined || !(await deleteMember(app.db, source, userId))) throw notFound('member');
        await auditMember(app, request, source, userId, before, null);
        return reply.code(204).send();
      },
    );
  };
}

async function auditMember(app: FastifyInstance, request: FastifyRequest, source: MemberSource, userId: number, before: AccessLevel | undefined, after: AccessLevel | null): Promise<void> {
  const identity = request.identity;
  if (identity === null) throw new HttpError(401, 'unauthenticated', 'not signed in');
  const action = after === null ? 'member.removed' : before === undefined ? 'member.added' : 'member.changed';
  await insertAuditEvents(app.db, [
    {
      action,
      actorUserId: identity.user.id,
      actorTokenId: identity.tokenId,
      targetType: 'user',
      targetId: userId,
      ...(source.kind === 'group' ? { groupId: source.id } : { projectId: source.id }),
      ip: request.ip,
      details: { from: before ?? null, to: after },
    },
  ]);
}

export const groupMemberRoutes = memberRoutesFor('group');
export const projectMemberRoutes = memberRoutesFor('project');

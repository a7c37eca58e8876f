import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { insertAuditEvents, listAuditEvents } from '../../../db/repositories/audit.js';
import { insertUser, listUsers } from '../../../db/repositories/users.js';
import { conflict } from '../../../http-error.js';
import { errorResponses, Pagination } from '../../../schemas/common.js';
import { CreateUserBody, UserSchema, type CreateUserBodyType } from '../../../schemas/users.js';
import { hashPassword } from '../../../services/secrets.js';
import { userDto } from '../dto.js';

const AuditQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    before: Type.Optional(Type.Integer({ minimum: 1 })),
    action: Type.Optional(Type.String({ maxLength: 100, pattern: '^[a-z_.-]+$' })),
  },
  { additionalProperties: false },
);

const AuditEventSchema = Type.Object({
  id: Type.Integer(),
  createdAt: Type.String(),
  action: Type.String(),
  actorUserId: Type.Union([Type.Integer(), Type.Null()]),
  actorTokenId: Type.Union([Type.Integer(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  targetType: Type.Union([Type.String(), Type.Null()]),
  targetId: Type.Union([Type.String(), Type.Null()]),
  projectId: Type.Union([Type.Integer(), Type.Null()]),
  groupId: Type.Union([Type.Integer(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});

/** Instance administration: users and the audit log. */
export async function adminRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: { limit?: number; offset?: number } }>(
    '/api/v1/users',
    {
      config: { access: { kind: 'admin' } },
      schema: { tags: ['admin'], summary: 'list users', querystring: Pagination, response: { 200: Type.Array(UserSchema), ...errorResponses() } },
    },
    async (request) => (await listUsers(app.db, request.query.limit ?? 20, request.query.offset ?? 0)).map(userDto),
  );

  app.post<{ Body: CreateUserBodyType }>(
    '/api/v1/users',
    {
      config: { access: { kind: 'admin' } },
      schema: { tags: ['admin'], summary: 'create a user', body: CreateUserBody, response: { 201: UserSchema, ...errorResponses(409) } },
    },
    async (request, reply) => {
      const body = request.body;
      const user = await insertUser(app.db, {
        username: body.username,
        passwordHash: await hashPassword(body.password),
        isAdmin: body.isAdmin === true,
        ...(body.email === undefined ? {} : { email: body.email }),
      });
      if (user === undefined) throw conflict('username-taken', `the username ${body.username} is taken`);
      await insertAuditEvents(app.db, [
        { action: 'user.created', actorUserId: request.identity?.user.id ?? null, targetType: 'user', targetId: user.id, ip: request.ip, details: { admin: user.is_admin } },
      ]);
      return reply.code(201).send(userDto(user));
    },
  );

  app.get<{ Querystring: { limit?: number; before?: number; action?: string } }>(
    '/api/v1/audit-events',
    {
      config: { access: { kind: 'admin' } },
      schema: { tags: ['admin'], summary: 'audit events, newest first', querystring: AuditQuery, response: { 200: Type.Array(AuditEventSchema), ...errorResponses() } },
    },
    async (request) => {
      const rows = await listAuditEvents(app.db, {
        limit: request.query.limit ?? 50,
        ...(request.query.before === undefined ? {} : { beforeId: request.query.before }),
        ...(request.query.action === undefined ? {} : { action: request.query.action }),
      });
      return rows.map((r) => ({
        id: r.id,
        createdAt: r.created_at.toISOString(),
        action: r.action,
        actorUserId: r.actor_user_id,
        actorTokenId: r.actor_token_id,
        actorName: r.actor_name,
        targetType: r.target_type,
        targetId: r.target_id,
        projectId: r.project_id,
        groupId: r.group_id,
        ip: r.ip,
        details: r.details,
      }));
    },
  );
}

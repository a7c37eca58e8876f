import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { insertAuditEvents } from '../../../db/repositories/audit.js';
import { insertToken, listTokens, revokeToken } from '../../../db/repositories/tokens.js';
import { badRequest, HttpError, notFound } from '../../../http-error.js';
import { errorResponses } from '../../../schemas/common.js';
import { CreatedTokenSchema, CreateTokenBody, TokenParams, TokenSchema, UserSchema, type CreateTokenBodyType } from '../../../schemas/users.js';
import { newAccessToken, sha256Hex } from '../../../services/secrets.js';
import { tokenDto, userDto } from '../dto.js';

const DAY_MS = 24 * 3600 * 1000;

export async function userRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/v1/user',
    {
      config: { access: { kind: 'user' } },
      schema: { tags: ['auth'], summary: 'the signed-in user', response: { 200: UserSchema, ...errorResponses() } },
    },
    async (request) => {
      if (request.identity === null) throw new HttpError(401, 'unauthenticated', 'not signed in');
      return userDto(request.identity.user);
    },
  );

  app.get(
    '/api/v1/user/tokens',
    {
      config: { access: { kind: 'user' } },
      schema: { tags: ['auth'], summary: "the signed-in user's personal access tokens", response: { 200: Type.Array(TokenSchema), ...errorResponses() } },
    },
    async (request) => {
      if (request.identity === null) throw new HttpError(401, 'unauthenticated', 'not signed in');
      return (await listTokens(app.db, request.identity.user.id)).map(tokenDto);
    },
  );

  app.post<{ Body: CreateTokenBodyType }>(
    '/api/v1/user/tokens',
    {
      config: { access: { kind: 'user' } },
      schema: {
        tags: ['auth'],
        summary: 'create a personal access token (the token is in this answer only)',
        body: CreateTokenBody,
        response: { 201: CreatedTokenSchema, ...errorResponses() },
      },
    },
    async (request, reply) => {
      const identity = request.identity;
      if (identity === null) throw new HttpError(401, 'unauthenticated', 'not signed in');
      const now = app.services.now().getTime();
      const latest = now + app.config.tokenMaxDays * DAY_MS;
      const expiresAt = request.body.expiresAt === undefined ? new Date(latest) : new Date(`${request.body.expiresAt}T00:00:00Z`);
      if (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= now) throw badRequest('invalid-expiry', 'expiresAt must be a future date');
      if (expiresAt.getTime() > latest + DAY_MS) {
        throw badRequest('invalid-expiry', `a token may live at most ${app.config.tokenMaxDays} days`);
      }
      const token = newAccessToken();
      const row = await insertToken(app.db, {
        userId: identity.user.id,
        name: request.body.name,
        tokenHash: sha256Hex(token),
        tokenPrefix: token.slice(0, 8),
        scopes: request.body.scopes,
        expiresAt,
      });
      await insertAuditEvents(app.db, [
        {
          action: 'token.created',
          actorUserId: identity.user.id,
          actorTokenId: identity.tokenId,
          targetType: 'personal_access_token',
          targetId: row.id,
          ip: request.ip,
          details: { name: row.name, scopes: row.scopes },
        },
      ]);
      return reply.code(201).send({ ...tokenDto(row), token });
    },
  );

  app.delete<{ Params: { tokenId: string } }>(
    '/api/v1/user/tokens/:tokenId',
    {
      config: { access: { kind: 'user' } },
      schema: { tags: ['auth'], summary: 'revoke one of your tokens', params: TokenParams, response: { 204: Type.Null(), ...errorResponses() } },
    },
    async (request, reply) => {
      const identity = request.identity;
      if (identity === null) throw new HttpError(401, 'unauthenticated', 'not signed in');
      const id = Number(request.params.tokenId);
      if (!(await revokeToken(app.db, identity.user.id, id))) throw notFound('token');
      await insertAuditEvents(app.db, [
        { action: 'token.revoked', actorUserId: identity.user.id, actorTokenId: identity.tokenId, targetType: 'personal_access_token', targetId: id, ip: request.ip },
      ]);
      return reply.code(204).send();
    },
  );
}

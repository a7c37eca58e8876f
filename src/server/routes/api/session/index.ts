import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { insertAuditEvents } from '../../../db/repositories/audit.js';
import { deleteSession, insertSession } from '../../../db/repositories/sessions.js';
import { findUserByUsername } from '../../../db/repositories/users.js';
import { HttpError } from '../../../http-error.js';
import { SESSION_COOKIE } from '../../../plugins/auth.js';
import { errorResponses } from '../../../schemas/common.js';
import { LoginBody, UserSchema, type LoginBodyType } from '../../../schemas/users.js';
import { dummyPasswordHash, newSessionSecret, sha256Hex, verifyPassword } from '../../../services/secrets.js';
import { userDto } from '../dto.js';

function setSessionCookie(app: FastifyInstance, reply: FastifyReply, value: string, maxAge: number): void {
  reply.setCookie(SESSION_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.config.secureCookies,
    maxAge,
  });
}

export async function sessionRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: LoginBodyType }>(
    '/api/v1/session',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags: ['auth'],
        summary: 'sign in with username and password; sets the session cookie',
        security: [],
        body: LoginBody,
        response: { 200: Type.Object({ user: UserSchema }), ...errorResponses() },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const user = await findUserByUsername(app.db, username);
      // Unknown users cost a full scrypt too, so timing does not tell which usernames exist.
      const isValid = await verifyPassword(password, user?.password_hash ?? (await dummyPasswordHash()));
      if (user === undefined || !isValid || user.is_blocked) {
        await insertAuditEvents(app.db, [
          {
            action: 'login.failure',
            actorUserId: user?.id ?? null,
            actorName: username.slice(0, 255),
            ip: request.ip,
            details: { reason: user === undefined ? 'unknown-user' : user.is_blocked ? 'blocked' : 'wrong-password' },
          },
        ]);
        throw new HttpError(401, 'invalid-credentials', 'wrong username or password');
      }
      const secret = newSessionSecret();
      await insertSession(app.db, user.id, sha256Hex(secret), app.config.sessionTtlSeconds);
      await insertAuditEvents(app.db, [{ action: 'login.success', actorUserId: user.id, actorName: user.username, ip: request.ip }]);
      setSessionCookie(app, reply, secret, app.config.sessionTtlSeconds);
      return { user: userDto(user) };
    },
  );

  app.delete(
    '/api/v1/session',
    {
      config: { access: { kind: 'user' } },
      schema: { tags: ['auth'], summary: 'sign out (ends the cookie session)', response: { 204: Type.Null(), ...errorResponses() } },
    },
    async (request, reply) => {
      const secret = request.cookies[SESSION_COOKIE];
      if (secret !== undefined && secret !== '') await deleteSession(app.db, sha256Hex(secret));
      setSessionCookie(app, reply, '', 0);
      return reply.code(204).send();
    },
  );
}

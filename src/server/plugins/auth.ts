import type { FastifyInstance, FastifyRequest } from 'fastify';
import { insertAuditEvents } from '../db/repositories/audit.js';
import { findSessionUser } from '../db/repositories/sessions.js';
import { findActiveToken, touchToken } from '../db/repositories/tokens.js';
import { findUserById } from '../db/repositories/users.js';
import { HttpError } from '../http-error.js';
import { sha256Hex, TOKEN_PREFIX } from '../services/secrets.js';
import type { Identity } from '../types.js';

export const SESSION_COOKIE = 'bulwark_session';

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (match === null) throw new HttpError(401, 'invalid-authorization', 'the Authorization header must be "Bearer <token>"');
  return match[1];
}

async function tokenIdentity(app: FastifyInstance, request: FastifyRequest, token: string): Promise<Identity> {
  const invalid = new HttpError(401, 'invalid-token', 'the access token is invalid, expired or revoked');
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) throw invalid;
  const row = await findActiveToken(app.db, sha256Hex(token));
  if (row === undefined) throw invalid;
  const user = await findUserById(app.db, row.user_id);
  if (user === undefined || user.is_blocked) throw invalid;
  const { audit } = await touchToken(app.db, row.id);
  if (audit) {
    await insertAuditEvents(app.db, [
      { action: 'token.used', actorUserId: user.id, actorTokenId: row.id, targetType: 'personal_access_token', targetId: row.id, ip: request.ip },
    ]);
  }
  return { user, tokenId: row.id, scopes: row.scopes };
}

async function sessionIdentity(app: FastifyInstance, secret: string): Promise<Identity | null> {
  if (secret.length > 200) return null;
  const session = await findSessionUser(app.db, sha256Hex(secret));
  if (session === undefined) return null;
  const user = await findUserById(app.db, session.userId);
  if (user === undefined || user.is_blocked) return null;
  return { user, tokenId: null, scopes: 'session' };
}

/**
 * Who is calling, set before the access check: a Bearer token (a bad one is a 401 even on a
 * public route, so clients notice), else the session cookie (a stale one is just ignored).
 */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('identity', null);
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const token = bearerToken(request);
    if (token !== undefined) {
      request.identity = await tokenIdentity(app, request, token);
      return;
    }
    const secret = request.cookies[SESSION_COOKIE];
    if (secret !== undefined && secret !== '') request.identity = await sessionIdentity(app, secret);
  });
}

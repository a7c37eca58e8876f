import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { insertAuditEvents } from '../../../db/repositories/audit.js';
import { insertComment, listComments, setIssueLink } from '../../../db/repositories/vulnerabilities.js';
import { badRequest, HttpError, notFound } from '../../../http-error.js';
import { errorResponses, NumericIdParams } from '../../../schemas/common.js';
import { CommentBody, CommentSchema, IssueLinkBody, type CommentBodyType, type IssueLinkBodyType } from '../../../schemas/vulnerabilities.js';

export function commentDto(c: { id: number; body: string; created_at: Date; author_id: number | null; author_username: string | null }) {
  return {
    id: c.id,
    body: c.body,
    createdAt: c.created_at.toISOString(),
    author: c.author_id === null || c.author_username === null ? null : { id: c.author_id, username: c.author_username },
  };
}

/** An external issue link: http(s) only, no credentials in it, a host. */
export function checkIssueUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badRequest('invalid-url', 'url must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badRequest('invalid-url', 'url must use http or https');
  if (url.username !== '' || url.password !== '') throw badRequest('invalid-url', 'url must not carry a username or password');
  if (url.hostname === '') throw badRequest('invalid-url', 'url needs a host');
  return url.toString();
}

export async function vulnerabilityCommentRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/v1/vulnerabilities/:id/comments',
    {
      config: { access: { kind: 'vulnerability', permission: 'read_vulnerability' } },
      schema: { tags: ['vulnerabilities'], summary: 'comments, oldest first', params: NumericIdParams, response: { 200: Type.Array(CommentSchema), ...errorResponses() } },
    },
    async (request) => {
      const id = request.access?.vulnerabilityId;
      if (id === undefined) throw notFound('vulnerability');
      return (await listComments(app.db, id)).map(commentDto);
    },
  );

  app.post<{ Body: CommentBodyType }>(
    '/api/v1/vulnerabilities/:id/comments',
    {
      config: { access: { kind: 'vulnerability', permission: 'comment_vulnerability' } },
      schema: { tags: ['vulnerabilities'], summary: 'add a comment', params: NumericIdParams, body: CommentBody, response: { 201: CommentSchema, ...errorResponses() } },
    },
    async (request, reply) => {
      const id = request.access?.vulnerabilityId;
      const identity = request.identity;
      if (id === undefined) throw notFound('vulnerability');
      if (identity === null) throw new HttpError(401, 'unauthenticated', 'not signed in');
      if (request.body.body.trim() === '') throw badRequest('empty-comment', 'a comment needs some text');
      const row = await insertComment(app.db, id, identity.user.id, request.body.body);
      return reply.code(201).send(commentDto({ ...row, author_username: identity.user.username }));
    },
  );

  app.put<{ Body: IssueLinkBodyType }>(
    '/api/v1/vulnerabilities/:id/issue-link',
    {
      config: { access: { kind: 'vulnerability', permission: 'link_vulnerability_issue' } },
      schema: {
        tags: ['vulnerabilities'],
        summary: 'link an external issue (one per vulnerability; replaces any earlier link)',
        params: NumericIdParams,
        body: IssueLinkBody,
        response: { 200: Type.Object({ issueUrl: Type.String() }), ...errorResponses() },
      },
    },
    async (request) => {
      const id = request.access?.vulnerabilityId;
      const identity = request.identity;
      if (id === undefined) throw notFound('vulnerability');
      if (identity === null) throw new HttpError(401, 'unauthenticated', 'not signed in');
      const url = checkIssueUrl(request.body.url);
      await setIssueLink(app.db, id, url, identity.user.id);
      await insertAuditEvents(app.db, [
        { action: 'vulnerability.issue_linked', actorUserId: identity.user.id, actorTokenId: identity.tokenId, targetType: 'vulnerability', targetId: id, projectId: request.access?.project?.id, ip: request.ip, details: { url } },
      ]);
      return { issueUrl: url };
    },
  );

  app.delete(
    '/api/v1/vulnerabilities/:id/issue-link',
    {
      config: { access: { kind: 'vulnerability', permission: 'link_vulnerability_issue' } },
      schema: { tags: ['vulnerabilities'], summary: 'remove the issue link', params: NumericIdParams, response: { 204: Type.Null(), ...errorResponses() } },
    },
    async (request, reply) => {
      const id = request.access?.vulnerabilityId;
      if (id === undefined) throw notFound('vulnerability');
      await setIssueLink(app.db, id, null, null);
      return reply.code(204).send();
    },
  );
}

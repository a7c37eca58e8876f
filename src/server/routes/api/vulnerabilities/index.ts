import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PERMISSIONS, projectLevel, requireLevel, type Permission } from '../../../plugins/access.js';
import { findVulnerability, listComments, listHistory, vulnerabilityProjects } from '../../../db/repositories/vulnerabilities.js';
import type { SightedVulnerability, StoredIdentifier } from '../../../db/schema.js';
import { HttpError, notFound } from '../../../http-error.js';
import { errorResponses, NumericIdParams } from '../../../schemas/common.js';
import {
  BulkStateChangeBody,
  StateChangeBody,
  StateChangeResult,
  VulnerabilityDetailSchema,
  type BulkStateChangeBodyType,
  type StateChangeBodyType,
} from '../../../schemas/vulnerabilities.js';
import type { StateChange } from '../../../services/state-machine.js';
import { changeStates, type Actor } from '../../../services/triage.js';
import { commentDto } from './comments.js';

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

function actorOf(request: FastifyRequest): Actor {
  const identity = request.identity;
  if (identity === null) throw new HttpError(401, 'unauthenticated', 'not signed in');
  return { userId: identity.user.id, tokenId: identity.tokenId, ip: request.ip };
}

function changeOf(body: StateChangeBodyType | BulkStateChangeBodyType): StateChange {
  return {
    to: body.state,
    ...(body.dismissalReason === undefined ? {} : { dismissalReason: body.dismissalReason }),
    ...(body.comment === undefined ? {} : { comment: body.comment }),
  };
}

/**
 * What the caller may do here, so a page can hide what would only be refused. A `read_api` token
 * may write nothing whatever the role; the level is the one the access check resolved.
 */
function permissionsOf(request: FastifyRequest): { changeState: boolean; comment: boolean; linkIssue: boolean } {
  const identity = request.identity;
  const level = request.access?.level ?? 0;
  const writes = identity !== null && (identity.scopes === 'session' || identity.scopes.includes('api'));
  const may = (permission: Permission) => writes && level >= PERMISSIONS[permission];
  return { changeState: may('admin_vulnerability'), comment: may('comment_vulnerability'), linkIssue: may('link_vulnerability_issue') };
}

async function detail(app: FastifyInstance, request: FastifyRequest, v: SightedVulnerability) {
  const [history, comments] = await Promise.all([listHistory(app.db, v.id), listComments(app.db, v.id)]);
  const identifiers = v.identifiers as StoredIdentifier[];
  const primary: StoredIdentifier = identifiers[0] ?? { type: v.primary_identifier_type, name: v.primary_identifier_name, value: v.primary_identifier_value };
  return {
    id: v.id,
    uuid: v.uuid,
    projectId: v.project_id,
    reportType: v.report_type,
    severity: v.severity,
    state: v.state,
    dismissalReason: v.dismissal_reason,
    title: v.title,
    description: v.description,
    solution: v.solution,
    scanner: { id: v.scanner_id, name: v.scanner_name },
    primaryIdentifier: primary,
    identifiers,
    location: v.location,
    locationText: v.location_text,
    links: v.details.links ?? [],
    evidence: v.details.evidence ?? null,
    cvssVectors: v.details.cvssVectors ?? [],
    raw: v.details.raw ?? null,
    isNoLongerDetected: v.is_no_longer_detected,
    issueUrl: v.issue_url,
    detectedAt: v.detected_at.toISOString(),
    lastDetectedAt: v.last_detected_at.toISOString(),
    confirmedAt: iso(v.confirmed_at),
    dismissedAt: iso(v.dismissed_at),
    resolvedAt: iso(v.resolved_at),
    stateChangedAt: v.state_changed_at.toISOString(),
    firstPipelineId: v.first_pipeline_id,
    lastPipelineId: v.last_pipeline_id,
    history: history.map((h) => ({
      id: h.id,
      createdAt: h.created_at.toISOString(),
      action: h.action,
      actor: h.actor_user_id === null || h.actor_username === null ? null : { id: h.actor_user_id, username: h.actor_username },
      fromState: h.from_state,
      toState: h.to_state,
      dismissalReason: h.dismissal_reason,
      comment: h.comment,
      pipelineId: h.pipeline_id,
    })),
    comments: comments.map(commentDto),
    permissions: permissionsOf(request),
  };
}

export async function vulnerabilityRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/v1/vulnerabilities/:id',
    {
      config: { access: { kind: 'vulnerability', permission: 'read_vulnerability' } },
      schema: {
        tags: ['vulnerabilities'],
        summary: 'one vulnerability: details, locations, identifiers, links, evidence, history and comments',
        params: NumericIdParams,
        response: { 200: VulnerabilityDetailSchema, ...errorResponses() },
      },
    },
    async (request) => {
      const id = request.access?.vulnerabilityId;
      const v = id === undefined ? undefined : await findVulnerability(app.db, id);
      if (v === undefined) throw notFound('vulnerability');
      return detail(app, request, v);
    },
  );

  app.post<{ Body: StateChangeBodyType }>(
    '/api/v1/vulnerabilities/:id/state',
    {
      config: { access: { kind: 'vulnerability', permission: 'admin_vulnerability' } },
      schema: {
        tags: ['vulnerabilities'],
        summary: 'change the state (maintainer or owner); dismissing needs a reason and a comment',
        params: NumericIdParams,
        body: StateChangeBody,
        response: { 200: VulnerabilityDetailSchema, ...errorResponses(409) },
      },
    },
    async (request) => {
      const id = request.access?.vulnerabilityId;
      if (id === undefined) throw notFound('vulnerability');
      await changeStates(app.db, [id], changeOf(request.body), actorOf(request));
      const v = await findVulnerability(app.db, id);
      if (v === undefined) throw notFound('vulnerability');
      return detail(app, request, v);
    },
  );

  app.post<{ Body: BulkStateChangeBodyType }>(
    '/api/v1/vulnerabilities/bulk-state',
    {
      config: { access: { kind: 'per-resource', permission: 'admin_vulnerability' } },
      schema: {
        tags: ['vulnerabilities'],
        summary: 'change the state of up to 1,000 vulnerabilities at once: all or nothing',
        body: BulkStateChangeBody,
        response: { 200: StateChangeResult, ...errorResponses(409) },
      },
    },
    async (request) => {
      const identity = request.identity;
      if (identity === null) throw new HttpError(401, 'unauthenticated', 'not signed in');
      const projectOf = await vulnerabilityProjects(app.db, request.body.ids);
      const levels = new Map<number, number>();
      for (const id of request.body.ids) {
        const projectId = projectOf.get(id);
        if (projectId === undefined) throw notFound(`vulnerability ${id}`);
        let level = levels.get(projectId);
        if (level === undefined) {
          level = await projectLevel(app, identity, projectId);
          levels.set(projectId, level);
        }
        requireLevel(level, 'admin_vulnerability', `vulnerability ${id}`);
      }
      return changeStates(app.db, request.body.ids, changeOf(request.body), actorOf(request));
    },
  );
}

import { sql } from 'kysely';
import type { HistoryEntry, SightedVulnerability, VulnerabilityState } from '../schema.js';
import type { StateChange } from '../../services/state-machine.js';
import type { Db } from './users.js';

export async function findVulnerability(db: Db, id: number): Promise<SightedVulnerability | undefined> {
  const row = await db
    .selectFrom('vulnerabilities as v')
    .leftJoin('vulnerability_last_seen as s', 's.vulnerability_id', 'v.id')
    .selectAll('v')
    .select(['s.vulnerability_id as seen_id', 's.pipeline_id as seen_pipeline_id', 's.seen_at'])
    .where('v.id', '=', id)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const { seen_id: seenId, seen_pipeline_id: seenPipelineId, seen_at: seenAt, ...vulnerability } = row;
  // No sighting row: not found again since it was first detected.
  if (seenId === null || seenAt === null) return { ...vulnerability, last_pipeline_id: vulnerability.first_pipeline_id, last_detected_at: vulnerability.detected_at };
  return { ...vulnerability, last_pipeline_id: seenPipelineId, last_detected_at: seenAt };
}

/** id → project for the given ids (missing ids are absent). */
export async function vulnerabilityProjects(db: Db, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('vulnerabilities').select(['id', 'project_id']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, r.project_id]));
}

/** Lock the rows (in id order, like every writer) and read their states. */
export async function lockStates(db: Db, ids: readonly number[]): Promise<Map<number, { state: VulnerabilityState; projectId: number }>> {
  const rows = await db
    .selectFrom('vulnerabilities')
    .select(['id', 'state', 'project_id'])
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute();
  return new Map(rows.map((r) => [r.id, { state: r.state, projectId: r.project_id }]));
}

/** Apply one state change to rows already checked, with one history row each. */
export async function applyStateChange(
  db: Db,
  rows: readonly { readonly id: number; readonly projectId: number; readonly from: VulnerabilityState }[],
  change: StateChange,
  actorId: number,
): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id);
  const to = change.to;
  await db
    .updateTable('vulnerabilities')
    .set({
      state: to,
      dismissal_reason: to === 'dismissed' ? (change.dismissalReason ?? null) : null,
      state_changed_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
      ...(to === 'confirmed' ? { confirmed_at: sql<Date>`now()`, confirmed_by: actorId } : {}),
      ...(to === 'dismissed' ? { dismissed_at: sql<Date>`now()`, dismissed_by: actorId } : {}),
      ...(to === 'resolved' ? { resolved_at: sql<Date>`now()`, resolved_by: actorId } : { resolved_at: null, resolved_by: null }),
    })
    .where('id', 'in', ids)
    .execute();
  await db
    .insertInto('vulnerability_history')
    .values(
      rows.map((r) => ({
        vulnerability_id: r.id,
        project_id: r.projectId,
        action: 'state_changed' as const,
        actor_user_id: actorId,
        from_state: r.from,
        to_state: to,
        dismissal_reason: to === 'dismissed' ? (change.dismissalReason ?? null) : null,
        comment: change.comment ?? null,
        pipeline_id: null,
      })),
    )
    .execute();
}

export async function listHistory(db: Db, vulnerabilityId: number): Promise<(HistoryEntry & { actor_username: string | null })[]> {
  return db
    .selectFrom('vulnerability_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_user_id')
    .selectAll('h')
    .select('u.username as actor_username')
    .where('h.vulnerability_id', '=', vulnerabilityId)
    .orderBy('h.id')
    .limit(1000)
    .execute();
}

export async function listComments(db: Db, vulnerabilityId: number) {
  return db
    .selectFrom('vulnerability_comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.body', 'c.created_at', 'c.author_id', 'u.username as author_username'])
    .where('c.vulnerability_id', '=', vulnerabilityId)
    .orderBy('c.id')
    .limit(1000)
    .execute();
}

export async function insertComment(db: Db, vulnerabilityId: number, authorId: number, body: string) {
  return db.insertInto('vulnerability_comments').values({ vulnerability_id: vulnerabilityId, author_id: authorId, body }).returningAll().executeTakeFirstOrThrow();
}

export async function setIssueLink(db: Db, vulnerabilityId: number, url: string | null, userId: number | null): Promise<void> {
  await db
    .updateTable('vulnerabilities')
    .set({ issue_url: url, issue_linked_by: url === null ? null : userId, issue_linked_at: url === null ? null : sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', vulnerabilityId)
    .execute();
}

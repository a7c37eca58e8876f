import type { Selectable } from 'kysely';
import type { AuditEventsTable } from '../schema.js';
import type { Db } from './users.js';

export interface AuditEvent {
  readonly action: string;
  readonly actorUserId?: number | null;
  readonly actorTokenId?: number | null;
  readonly actorName?: string | null;
  readonly targetType?: string;
  readonly targetId?: string | number;
  readonly projectId?: number | undefined;
  readonly groupId?: number | undefined;
  readonly ip?: string;
  readonly details?: Record<string, unknown>;
}

export async function insertAuditEvents(db: Db, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('audit_events')
    .values(
      events.map((e) => ({
        action: e.action,
        actor_user_id: e.actorUserId ?? null,
        actor_token_id: e.actorTokenId ?? null,
        actor_name: e.actorName ?? null,
        target_type: e.targetType ?? null,
        target_id: e.targetId === undefined ? null : String(e.targetId),
        project_id: e.projectId ?? null,
        group_id: e.groupId ?? null,
        ip: e.ip ?? null,
        details: JSON.stringify(e.details ?? {}),
      })),
    )
    .execute();
}

export async function listAuditEvents(
  db: Db,
  options: { readonly limit: number; readonly beforeId?: number; readonly action?: string },
): Promise<Selectable<AuditEventsTable>[]> {
  let query = db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(options.limit);
  if (options.beforeId !== undefined) query = query.where('id', '<', options.beforeId);
  if (options.action !== undefined) query = query.where('action', '=', options.action);
  return query.execute();
}

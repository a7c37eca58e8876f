import type { Kysely } from 'kysely';
import { insertAuditEvents } from '../db/repositories/audit.js';
import { refreshDailyCounts } from '../db/repositories/daily-counts.js';
import { lockProject } from '../db/repositories/ingest.js';
import { applyStateChange, lockStates, vulnerabilityProjects } from '../db/repositories/vulnerabilities.js';
import type { Database, VulnerabilityState } from '../db/schema.js';
import { HttpError, notFound } from '../http-error.js';
import { checkTransition, type StateChange } from './state-machine.js';

export interface Actor {
  readonly userId: number;
  readonly tokenId: number | null;
  readonly ip: string;
}

/**
 * Change the state of one or many vulnerabilities in one transaction: every row is checked
 * first, and one refusal refuses them all. The caller has checked permissions per project.
 */
export async function changeStates(db: Kysely<Database>, ids: readonly number[], change: StateChange, actor: Actor): Promise<{ updated: number }> {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  return db.transaction().execute(async (trx) => {
    const projectOf = await vulnerabilityProjects(trx, unique);
    const missing = unique.filter((id) => !projectOf.has(id));
    if (missing.length > 0) throw notFound(`vulnerability ${missing.slice(0, 10).join(', ')}`);
    const projects = [...new Set(projectOf.values())].sort((a, b) => a - b);
    for (const projectId of projects) await lockProject(trx, projectId);
    const states = await lockStates(trx, unique);
    const rows: { id: number; projectId: number; from: VulnerabilityState }[] = [];
    for (const id of unique) {
      const current = states.get(id);
      if (current === undefined) throw notFound(`vulnerability ${id}`);
      const problem = checkTransition(current.state, change);
      if (problem !== undefined) {
        const status = problem.code === 'state-unchanged' ? 409 : 400;
        throw new HttpError(status, problem.code, unique.length > 1 ? `vulnerability ${id}: ${problem.message}; nothing was changed` : problem.message);
      }
      rows.push({ id, projectId: current.projectId, from: current.state });
    }
    await applyStateChange(trx, rows, change, actor.userId);
    await insertAuditEvents(
      trx,
      rows.map((r) => ({
        action: 'vulnerability.state_changed',
        actorUserId: actor.userId,
        actorTokenId: actor.tokenId,
        targetType: 'vulnerability',
        targetId: r.id,
        projectId: r.projectId,
        ip: actor.ip,
        details: { from: r.from, to: change.to, ...(change.dismissalReason === undefined ? {} : { dismissalReason: change.dismissalReason }) },
      })),
    );
    await refreshDailyCounts(trx, projects);
    return { updated: rows.length };
  });
}

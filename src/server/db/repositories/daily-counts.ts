import { sql } from 'kysely';
import type { Db } from './users.js';

/** Rewrite today's (UTC) open counts by severity for each project, zeros included. */
export async function refreshDailyCounts(db: Db, projectIds: readonly number[]): Promise<void> {
  for (const projectId of [...new Set(projectIds)].sort((a, b) => a - b)) {
    await sql`
      insert into vulnerability_daily_counts (project_id, day, severity, count)
      select ${projectId}, (now() at time zone 'UTC')::date, s.severity, count(v.id)
      from unnest(array['critical', 'high', 'medium', 'low', 'info', 'unknown']) as s(severity)
      left join vulnerabilities v on v.project_id = ${projectId} and v.severity = s.severity and v.state in ('detected', 'confirmed')
      group by s.severity
      on conflict (project_id, day, severity) do update set count = excluded.count`.execute(db);
  }
}

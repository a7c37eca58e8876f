import { sql, type Kysely } from 'kysely';
import type { SlaDays } from '../../config.js';
import type { Database, SeverityText } from '../../db/schema.js';

export const SEVERITIES: readonly SeverityText[] = ['critical', 'high', 'medium', 'low', 'info', 'unknown'];

export type DailyCount = { readonly day: string } & Record<SeverityText, number>;

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' of a UTC day, `offset` days from `date`. */
export function utcDay(date: Date, offset = 0): string {
  return new Date(date.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Open (detected + confirmed) vulnerabilities per day and severity over the last `days` days,
 * summed over the projects. vulnerability_daily_counts only has rows for days something changed
 * (a missing day repeats the previous row), so each project's series becomes deltas, the deltas
 * are summed per day, and a running sum rebuilds the totals: one pass over the rows, no per-day
 * lookups. Rows before the window fold into its first day. The window sorts by severity as
 * bytes (COLLATE "C"): only grouping matters there, and a locale-aware sort cost 2–3× as much.
 */
export async function dailyOpenCounts(db: Kysely<Database>, projectIds: readonly number[], days: number, today: Date): Promise<DailyCount[]> {
  const from = utcDay(today, -(days - 1));
  const to = utcDay(today);
  const empty = (day: string): DailyCount => ({ day, critical: 0, high: 0, medium: 0, low: 0, info: 0, unknown: 0 });
  const out = new Map<string, DailyCount>();
  for (let i = days - 1; i >= 0; i--) {
    const day = utcDay(today, -i);
    out.set(day, empty(day));
  }
  if (projectIds.length === 0) return [...out.values()];
  const result = await sql<{ day: string; severity: SeverityText; delta: number }>`
    with scoped as (
      select greatest(day, ${from}::date) as day, severity,
             count - coalesce(lag(count) over (partition by project_id, severity collate "C" order by day), 0) as delta
      from vulnerability_daily_counts
      where project_id = any(${[...projectIds]}::bigint[]) and day <= ${to}::date
    )
    select to_char(day, 'YYYY-MM-DD') as day, severity, sum(delta)::bigint as delta
    from scoped group by day, severity having sum(delta) <> 0`.execute(db);
  const deltas = new Map<string, number>();
  for (const row of result.rows) deltas.set(`${row.day}|${row.severity}`, Number(row.delta));
  const running: Record<SeverityText, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0, unknown: 0 };
  for (const [day, entry] of out) {
    for (const severity of SEVERITIES) {
      running[severity] += deltas.get(`${day}|${severity}`) ?? 0;
      entry[severity] = running[severity];
    }
  }
  return [...out.values()];
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';
export const GRADES: readonly Grade[] = ['F', 'D', 'C', 'B', 'A'];

export interface GradedProject {
  readonly id: number;
  readonly name: string;
  readonly fullPath: string;
  readonly grade: Grade;
}

/**
 * Spec §4.1: a project's grade is set by its most severe open vulnerability; F critical, D high
 * or unknown, C medium, B low, A none (info does not count). Each test is an index probe on
 * (project_id, state, severity_level), and CASE stops at the first hit.
 */
export async function projectGrades(db: Kysely<Database>, projectIds: readonly number[]): Promise<GradedProject[]> {
  if (projectIds.length === 0) return [];
  const open = (levels: readonly number[]) => sql`exists (
    select 1 from vulnerabilities v
    where v.project_id = p.id and v.state in ('detected', 'confirmed') and v.severity_level = any(${[...levels]}::smallint[]))`;
  const result = await sql<{ id: number; name: string; full_path: string; grade: Grade }>`
    select p.id, p.name, p.full_path,
      case when ${open([7])} then 'F' when ${open([6, 2])} then 'D' when ${open([5])} then 'C' when ${open([4])} then 'B' else 'A' end as grade
    from projects p where p.id = any(${[...projectIds]}::bigint[]) order by p.full_path`.execute(db);
  return result.rows.map((row) => ({ id: Number(row.id), name: row.name, fullPath: row.full_path, grade: row.grade }));
}

export interface GradeGroup {
  readonly grade: Grade;
  readonly projects: readonly Omit<GradedProject, 'grade'>[];
}

export function groupByGrade(projects: readonly GradedProject[]): GradeGroup[] {
  return GRADES.map((grade) => ({
    grade,
    projects: projects.filter((p) => p.grade === grade).map(({ id, name, fullPath }) => ({ id, name, fullPath })),
  }));
}

export type PerSeverity<T> = Record<SeverityText, T>;

export interface Remediation {
  readonly resolved: number;
  /** Mean days from detection to resolution; null when nothing was resolved. */
  readonly meanDays: number | null;
}

/** Mean time to remediate: vulnerabilities resolved in the last `days` days, detection → resolution. */
export async function meanTimeToRemediate(db: Kysely<Database>, projectIds: readonly number[], days: number, now: Date): Promise<PerSeverity<Remediation>> {
  const out = Object.fromEntries(SEVERITIES.map((s) => [s, { resolved: 0, meanDays: null }])) as PerSeverity<Remediation>;
  if (projectIds.length === 0) return out;
  const since = new Date(now.getTime() - days * DAY_MS);
  const result = await sql<{ severity: SeverityText; n: number; mean_seconds: number | string | null }>`
    select severity, count(*)::bigint as n, avg(extract(epoch from resolved_at - detected_at))::float8 as mean_seconds
    from vulnerabilities
    where project_id = any(${[...projectIds]}::bigint[]) and state = 'resolved'
      and resolved_at >= ${since.toISOString()}::timestamptz and resolved_at <= ${now.toISOString()}::timestamptz
    group by severity`.execute(db);
  for (const row of result.rows) {
    const seconds = row.mean_seconds === null ? null : Number(row.mean_seconds);
    out[row.severity] = { resolved: Number(row.n), meanDays: seconds === null ? null : Math.round((seconds / 86_400) * 100) / 100 };
  }
  return out;
}

export interface SlaStatus {
  /** Days allowed from detection; null = no SLA for this severity. */
  readonly slaDays: number | null;
  readonly open: number;
  /** Open longer than the SLA allows. */
  readonly breached: number;
  /** Detection time of the oldest breaching vulnerability. */
  readonly oldestBreachDetectedAt: string | null;
}

/** Open vulnerabilities past their severity's SLA (days since detection), per severity. */
export async function slaBreaches(db: Kysely<Database>, projectIds: readonly number[], sla: SlaDays, now: Date): Promise<PerSeverity<SlaStatus>> {
  const out = Object.fromEntries(SEVERITIES.map((s) => [s, { slaDays: sla[s], open: 0, breached: 0, oldestBreachDetectedAt: null }])) as PerSeverity<SlaStatus>;
  if (projectIds.length === 0) return out;
  // A severity without an SLA gets a cutoff no detection time is before.
  const cutoff = (s: SeverityText) => {
    const days = sla[s];
    return days === null ? '-infinity' : new Date(now.getTime() - days * DAY_MS).toISOString();
  };
  const result = await sql<{ severity: SeverityText; open: number; breached: number; oldest: Date | null }>`
    select v.severity, count(*)::bigint as open,
           count(*) filter (where v.detected_at < c.cutoff)::bigint as breached,
           min(v.detected_at) filter (where v.detected_at < c.cutoff) as oldest
    from vulnerabilities v
    join (values ('critical', ${cutoff('critical')}::timestamptz), ('high', ${cutoff('high')}::timestamptz),
                 ('medium', ${cutoff('medium')}::timestamptz), ('low', ${cutoff('low')}::timestamptz),
                 ('info', ${cutoff('info')}::timestamptz), ('unknown', ${cutoff('unknown')}::timestamptz)) as c(severity, cutoff)
      on c.severity = v.severity
    where v.project_id = any(${[...projectIds]}::bigint[]) and v.state in ('detected', 'confirmed')
    group by v.severity`.execute(db);
  for (const row of result.rows) {
    out[row.severity] = {
      slaDays: sla[row.severity],
      open: Number(row.open),
      breached: Number(row.breached),
      oldestBreachDetectedAt: row.oldest === null ? null : new Date(row.oldest).toISOString(),
    };
  }
  return out;
}

import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * Which projects a query may read. `all` only for instance administrators; everyone else gets an
 * explicit id list, so a filter can never widen what the caller sees.
 */
export type ProjectScope = { readonly kind: 'all' } | { readonly kind: 'projects'; readonly ids: readonly number[] };

export const REPORTER_LEVEL = 20;

/** Projects where the user's effective level (project or any ancestor group) is at least `level`. */
export async function projectsWithLevel(db: Kysely<Database>, userId: number, level: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    with recursive granted as (
      select group_id as id from group_members where user_id = ${userId} and access_level >= ${level}
      union
      select g.id from groups g join granted on g.parent_id = granted.id
    )
    select p.id from projects p where p.group_id in (select id from granted)
    union
    select project_id as id from project_members where user_id = ${userId} and access_level >= ${level}
    order by id`.execute(db);
  return result.rows.map((row) => Number(row.id));
}

/** Projects in a group and every group below it. */
export async function projectsInGroup(db: Kysely<Database>, groupId: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    with recursive tree as (
      select id from groups where id = ${groupId}
      union all
      select g.id from groups g join tree on g.parent_id = tree.id
    )
    select p.id from projects p where p.group_id in (select id from tree) order by p.id`.execute(db);
  return result.rows.map((row) => Number(row.id));
}

/** The narrower of a scope and an optional id list (a filter). */
export function narrowScope(scope: ProjectScope, ids: readonly number[] | undefined): ProjectScope {
  if (ids === undefined) return scope;
  if (scope.kind === 'all') return { kind: 'projects', ids: [...new Set(ids)] };
  const allowed = new Set(scope.ids);
  return { kind: 'projects', ids: [...new Set(ids)].filter((id) => allowed.has(id)) };
}

export function isEmptyScope(scope: ProjectScope): boolean {
  return scope.kind === 'projects' && scope.ids.length === 0;
}

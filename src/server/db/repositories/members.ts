import { sql } from 'kysely';
import type { AccessLevel } from '../schema.js';
import type { Db } from './users.js';

export type MemberSource = { readonly kind: 'group'; readonly id: number } | { readonly kind: 'project'; readonly id: number };

export interface MemberRow {
  readonly userId: number;
  readonly username: string;
  readonly accessLevel: AccessLevel;
}

export async function listMembers(db: Db, source: MemberSource): Promise<MemberRow[]> {
  const rows =
    source.kind === 'group'
      ? await db
          .selectFrom('group_members as m')
          .innerJoin('users as u', 'u.id', 'm.user_id')
          .select(['m.user_id', 'u.username', 'm.access_level'])
          .where('m.group_id', '=', source.id)
          .orderBy('m.user_id')
          .execute()
      : await db
          .selectFrom('project_members as m')
          .innerJoin('users as u', 'u.id', 'm.user_id')
          .select(['m.user_id', 'u.username', 'm.access_level'])
          .where('m.project_id', '=', source.id)
          .orderBy('m.user_id')
          .execute();
  return rows.map((r) => ({ userId: r.user_id, username: r.username, accessLevel: r.access_level }));
}

export async function findMemberLevel(db: Db, source: MemberSource, userId: number): Promise<AccessLevel | undefined> {
  const row =
    source.kind === 'group'
      ? await db.selectFrom('group_members').select('access_level').where('group_id', '=', source.id).where('user_id', '=', userId).executeTakeFirst()
      : await db.selectFrom('project_members').select('access_level').where('project_id', '=', source.id).where('user_id', '=', userId).executeTakeFirst();
  return row?.access_level;
}

export async function upsertMember(db: Db, source: MemberSource, userId: number, level: AccessLevel): Promise<void> {
  if (source.kind === 'group') {
    await db
      .insertInto('group_members')
      .values({ group_id: source.id, user_id: userId, access_level: level })
      .onConflict((oc) => oc.columns(['group_id', 'user_id']).doUpdateSet({ access_level: level }))
      .execute();
  } else {
    await db
      .insertInto('project_members')
      .values({ project_id: source.id, user_id: userId, access_level: level })
      .onConflict((oc) => oc.columns(['project_id', 'user_id']).doUpdateSet({ access_level: level }))
      .execute();
  }
}

export async function deleteMember(db: Db, source: MemberSource, userId: number): Promise<boolean> {
  const result =
    source.kind === 'group'
      ? await db.deleteFrom('group_members').where('group_id', '=', source.id).where('user_id', '=', userId).executeTakeFirst()
      : await db.deleteFrom('project_members').where('project_id', '=', source.id).where('user_id', '=', userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function countOwners(db: Db, source: MemberSource): Promise<number> {
  const row =
    source.kind === 'group'
      ? await db.selectFrom('group_members').select((eb) => eb.fn.countAll<number>().as('n')).where('group_id', '=', source.id).where('access_level', '=', 50).executeTakeFirstOrThrow()
      : await db.selectFrom('project_members').select((eb) => eb.fn.countAll<number>().as('n')).where('project_id', '=', source.id).where('access_level', '=', 50).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A user's effective level in a group: the highest of its memberships in the group and every
 * ancestor (0 = none).
 */
export async function groupAccessLevel(db: Db, userId: number, groupId: number): Promise<number> {
  const result = await sql<{ level: number | null }>`
    with recursive ancestors as (
      select id, parent_id from groups where id = ${groupId}
      union all
      select g.id, g.parent_id from groups g join ancestors a on g.id = a.parent_id
    )
    select max(m.access_level) as level from group_members m join ancestors a on m.group_id = a.id where m.user_id = ${userId}`.execute(db);
  return Number(result.rows[0]?.level ?? 0);
}

/** A user's effective level in a project: project membership or any ancestor group's, highest wins. */
export async function projectAccessLevel(db: Db, userId: number, projectId: number): Promise<number> {
  const result = await sql<{ level: number | null }>`
    with recursive ancestors as (
      select g.id, g.parent_id from groups g join projects p on p.group_id = g.id where p.id = ${projectId}
      union all
      select g.id, g.parent_id from groups g join ancestors a on g.id = a.parent_id
    )
    select max(level) as level from (
      select access_level as level from project_members where project_id = ${projectId} and user_id = ${userId}
      union all
      select m.access_level from group_members m join ancestors a on m.group_id = a.id where m.user_id = ${userId}
    ) levels`.execute(db);
  return Number(result.rows[0]?.level ?? 0);
}

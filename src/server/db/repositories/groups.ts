import { sql } from 'kysely';
import type { AccessLevel, Group, Project } from '../schema.js';
import type { Db } from './users.js';

export async function findGroup(db: Db, id: number): Promise<Group | undefined> {
  return db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findGroupByPath(db: Db, fullPath: string): Promise<Group | undefined> {
  return db.selectFrom('groups').selectAll().where((eb) => eb(eb.fn('lower', ['full_path']), '=', fullPath.toLowerCase())).executeTakeFirst();
}

/** Undefined when the full path is taken. */
export async function insertGroup(db: Db, group: { name: string; path: string; fullPath: string; parentId: number | null }): Promise<Group | undefined> {
  return db
    .insertInto('groups')
    .values({ name: group.name, path: group.path, full_path: group.fullPath, parent_id: group.parentId })
    .onConflict((oc) => oc.expression(sql`lower(full_path)`).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findProject(db: Db, id: number): Promise<Project | undefined> {
  return db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findProjectByPath(db: Db, fullPath: string): Promise<Project | undefined> {
  return db.selectFrom('projects').selectAll().where((eb) => eb(eb.fn('lower', ['full_path']), '=', fullPath.toLowerCase())).executeTakeFirst();
}

export async function insertProject(
  db: Db,
  project: { groupId: number; name: string; path: string; fullPath: string; defaultBranch: string },
): Promise<Project | undefined> {
  return db
    .insertInto('projects')
    .values({ group_id: project.groupId, name: project.name, path: project.path, full_path: project.fullPath, default_branch: project.defaultBranch })
    .onConflict((oc) => oc.expression(sql`lower(full_path)`).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Ids of a group and every group below it. */
export async function descendantGroupIds(db: Db, groupId: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    with recursive tree as (
      select id from groups where id = ${groupId}
      union all
      select g.id from groups g join tree t on g.parent_id = t.id
    )
    select id from tree`.execute(db);
  return result.rows.map((r) => Number(r.id));
}

/** Groups a user can see: ones they are a member of, and every group below those. */
export async function listVisibleGroups(db: Db, userId: number | 'all', limit: number, offset: number): Promise<Group[]> {
  if (userId === 'all') return db.selectFrom('groups').selectAll().orderBy('id').limit(limit).offset(offset).execute();
  const result = await sql<Group>`
    with recursive tree as (
      select group_id as id from group_members where user_id = ${userId}
      union
      select g.id from groups g join tree t on g.parent_id = t.id
    )
    select g.* from groups g where g.id in (select id from tree) order by g.id limit ${limit} offset ${offset}`.execute(db);
  return result.rows;
}

/** Projects a user can see: direct memberships and every project under a group they belong to. */
export async function listVisibleProjects(db: Db, userId: number | 'all', limit: number, offset: number, groupId?: number): Promise<Project[]> {
  const inGroup = groupId === undefined ? sql`true` : sql`p.group_id in (select id from scope)`;
  const scope =
    groupId === undefined
      ? sql`select null::bigint as id`
      : sql`select id from groups where id = ${groupId} union all select g.id from groups g join scope s on g.parent_id = s.id`;
  if (userId === 'all') {
    const result = await sql<Project>`
      with recursive scope as (${scope})
      select p.* from projects p where ${inGroup} order by p.id limit ${limit} offset ${offset}`.execute(db);
    return result.rows;
  }
  const result = await sql<Project>`
    with recursive tree as (
      select group_id as id from group_members where user_id = ${userId}
      union
      select g.id from groups g join tree t on g.parent_id = t.id
    ), scope as (${scope})
    select p.* from projects p
    where (p.group_id in (select id from tree) or p.id in (select project_id from project_members where user_id = ${userId}))
      and ${inGroup}
    order by p.id limit ${limit} offset ${offset}`.execute(db);
  return result.rows;
}

export type { AccessLevel };

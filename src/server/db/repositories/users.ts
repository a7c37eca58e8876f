import { sql, type Kysely } from 'kysely';
import type { Database, User } from '../schema.js';

export type Db = Kysely<Database>;

export async function findUserByUsername(db: Db, username: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase())).executeTakeFirst();
}

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface NewUser {
  readonly username: string;
  readonly passwordHash: string;
  readonly isAdmin: boolean;
  readonly email?: string;
}

/** Undefined when the username is taken (case-insensitively). */
export async function insertUser(db: Db, user: NewUser): Promise<User | undefined> {
  return db
    .insertInto('users')
    .values({ username: user.username, password_hash: user.passwordHash, is_admin: user.isAdmin, email: user.email ?? null })
    .onConflict((oc) => oc.expression(sql`lower(username)`).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function listUsers(db: Db, limit: number, offset: number): Promise<User[]> {
  return db.selectFrom('users').selectAll().orderBy('id').limit(limit).offset(offset).execute();
}

export async function countAdmins(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('is_admin', '=', true).executeTakeFirstOrThrow();
  return Number(row.n);
}

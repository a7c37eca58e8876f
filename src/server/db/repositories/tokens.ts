import { sql, type Selectable } from 'kysely';
import type { PersonalAccessTokensTable } from '../schema.js';
import type { Db } from './users.js';

export type TokenRow = Selectable<PersonalAccessTokensTable>;

export interface NewToken {
  readonly userId: number;
  readonly name: string;
  readonly tokenHash: string;
  readonly tokenPrefix: string;
  readonly scopes: readonly string[];
  readonly expiresAt: Date;
}

export async function insertToken(db: Db, token: NewToken): Promise<TokenRow> {
  return db
    .insertInto('personal_access_tokens')
    .values({
      user_id: token.userId,
      name: token.name,
      token_hash: token.tokenHash,
      token_prefix: token.tokenPrefix,
      scopes: [...token.scopes],
      expires_at: token.expiresAt,
      last_used_at: null,
      last_audited_at: null,
      revoked_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A usable token: not revoked, not expired. */
export async function findActiveToken(db: Db, tokenHash: string): Promise<TokenRow | undefined> {
  return db
    .selectFrom('personal_access_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)]))
    .executeTakeFirst();
}

/**
 * Record a use without a write per request: last_used_at moves at most once a minute, and the
 * answer says whether an hour has passed since the last `token.used` audit event.
 */
export async function touchToken(db: Db, id: number): Promise<{ audit: boolean }> {
  const row = await db
    .updateTable('personal_access_tokens')
    .set({
      last_used_at: sql<Date>`now()`,
      last_audited_at: sql<Date>`case when last_audited_at is null or last_audited_at < now() - interval '1 hour' then now() else last_audited_at end`,
    })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`)]))
    .returning(sql<boolean>`last_audited_at = now()`.as('audit'))
    .executeTakeFirst();
  return { audit: row?.audit === true };
}

export async function listTokens(db: Db, userId: number): Promise<TokenRow[]> {
  return db.selectFrom('personal_access_tokens').selectAll().where('user_id', '=', userId).orderBy('id').execute();
}

/** True when a live token of this user was revoked now. */
export async function revokeToken(db: Db, userId: number, id: number): Promise<boolean> {
  const result = await db
    .updateTable('personal_access_tokens')
    .set({ revoked_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

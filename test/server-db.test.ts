import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrateToLatest } from '../src/server/db/migrate.js';
import { openTestDatabase, testDatabases, type TestDatabase } from './server/databases.js';

describe.each(testDatabases())('server database (%s)', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  it('applies every migration once; a second run does nothing', async () => {
    const all = await loadMigrations();
    const rows = await database.db.selectFrom('bulwark_migrations').select('version').execute();
    expect(rows.map((r) => r.version)).toEqual(all.map((m) => m.version));
    expect((await migrateToLatest(database.db)).applied).toEqual([]);
  });

  it('refuses to start when an applied migration was edited', async () => {
    const all = await loadMigrations();
    const edited = all.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    await expect(migrateToLatest(database.db, edited)).rejects.toThrow(/changed after it was applied/);
  });

  it('reads bigint ids as numbers and dates as text', async () => {
    const { db } = database;
    const user = await db.insertInto('users').values({ username: 'numbers', password_hash: 'x' }).returning(['id', 'created_at']).executeTakeFirstOrThrow();
    expect(typeof user.id).toBe('number');
    expect(user.created_at).toBeInstanceOf(Date);
    const day = await sql<{ d: string; n: number }>`select date '2024-03-01' as d, count(*)::bigint as n from users`.execute(db);
    expect(day.rows[0]).toEqual({ d: '2024-03-01', n: 1 });
  });

  it('keeps vulnerability history append-only, but lets a deleted vulnerability take its history along', async () => {
    const { db } = database;
    const group = await db.insertInto('groups').values({ name: 'G', path: 'g', full_path: 'g' }).returning('id').executeTakeFirstOrThrow();
    const project = await db.insertInto('projects').values({ group_id: group.id, name: 'P', path: 'p', full_path: 'g/p' }).returning('id').executeTakeFirstOrThrow();
    const vuln = await db
      .insertInto('vulnerabilities')
      .values({
        project_id: project.id,
        uuid: '896f4703-4ba8-5082-bfb5-b52bdd985576',
        report_type: 'sast',
        severity: 'high',
        title: 't',
        scanner_id: 's',
        scanner_name: 'S',
        primary_identifier_type: 'cwe',
        primary_identifier_name: 'CWE-79',
        primary_identifier_value: '79',
        identifiers: '[]',
        location: '{}',
        location_fingerprint: 'x',
      })
      .returning(['id', 'severity_level'])
      .executeTakeFirstOrThrow();
    expect(vuln.severity_level).toBe(6);
    await db.insertInto('vulnerability_history').values({ vulnerability_id: vuln.id, project_id: project.id, action: 'detected', to_state: 'detected', from_state: null, actor_user_id: null, dismissal_reason: null, comment: null, pipeline_id: null }).execute();
    await expect(db.updateTable('vulnerability_history').set({ comment: 'rewritten' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('vulnerability_history').execute()).rejects.toThrow(/append-only/);
    await db.deleteFrom('vulnerabilities').where('id', '=', vuln.id).execute();
    const left = await db.selectFrom('vulnerability_history').select('id').execute();
    expect(left).toEqual([]);
  });
});

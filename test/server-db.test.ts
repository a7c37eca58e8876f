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

  it('without row-level foreign keys on the ingest tables, deletes still clean up: users, scans, projects', async () => {
    const { db } = database;
    const group = await db.insertInto('groups').values({ name: 'D', path: 'd', full_path: 'd' }).returning('id').executeTakeFirstOrThrow();
    const project = await db.insertInto('projects').values({ group_id: group.id, name: 'Q', path: 'q', full_path: 'd/q' }).returning('id').executeTakeFirstOrThrow();
    const triager = await db.insertInto('users').values({ username: 'triager', password_hash: 'x' }).returning('id').executeTakeFirstOrThrow();
    const keeper = await db.insertInto('users').values({ username: 'keeper', password_hash: 'x' }).returning('id').executeTakeFirstOrThrow();
    const base = {
      project_id: project.id, report_type: 'sast' as const, severity: 'high' as const, title: 't', scanner_id: 's', scanner_name: 'S',
      primary_identifier_type: 'cwe', primary_identifier_name: 'CWE-79', primary_identifier_value: '79', identifiers: '[]', location: '{}', location_fingerprint: 'x',
    };
    const [byTriager, byKeeper] = await db
      .insertInto('vulnerabilities')
      .values([
        { ...base, uuid: '00000000-0000-5000-8000-000000000001', state: 'confirmed', confirmed_by: triager.id, issue_linked_by: triager.id, resolved_by: triager.id },
        { ...base, uuid: '00000000-0000-5000-8000-000000000002', state: 'dismissed', dismissal_reason: 'used_in_tests', dismissed_by: keeper.id },
      ])
      .returning('id')
      .execute();
    await db.insertInto('vulnerability_history').values({ vulnerability_id: byTriager!.id, project_id: project.id, action: 'state_changed', from_state: 'detected', to_state: 'confirmed', actor_user_id: triager.id, dismissal_reason: null, comment: null, pipeline_id: null }).execute();
    await db.insertInto('vulnerability_comments').values({ vulnerability_id: byKeeper!.id, author_id: keeper.id, body: 'seen' }).execute();

    // A deleted user is no longer named on the vulnerabilities; the append-only history keeps the id.
    await db.deleteFrom('users').where('id', '=', triager.id).execute();
    const after = await db.selectFrom('vulnerabilities').select(['id', 'confirmed_by', 'issue_linked_by', 'resolved_by', 'dismissed_by']).where('project_id', '=', project.id).orderBy('id').execute();
    expect(after).toEqual([
      { id: byTriager!.id, confirmed_by: null, issue_linked_by: null, resolved_by: null, dismissed_by: null },
      { id: byKeeper!.id, confirmed_by: null, issue_linked_by: null, resolved_by: null, dismissed_by: keeper.id },
    ]);
    expect(await db.selectFrom('vulnerability_history').select('actor_user_id').where('vulnerability_id', '=', byTriager!.id).execute()).toEqual([{ actor_user_id: triager.id }]);

    // A deleted scan takes its findings; a deleted project takes its vulnerabilities, their history and comments.
    const pipeline = await db.insertInto('pipelines').values({ project_id: project.id, ref: 'main', sha: 'a'.repeat(40), source: 'push', status: 'success', is_default_branch: true }).returning('id').executeTakeFirstOrThrow();
    const upload = await db.insertInto('report_uploads').values({ pipeline_id: pipeline.id, project_id: project.id, file_name: 'r.json', format: 'gitlab', byte_size: 1, sha256: 'x' }).returning('id').executeTakeFirstOrThrow();
    const scan = await db
      .insertInto('scans')
      .values({ upload_id: upload.id, pipeline_id: pipeline.id, project_id: project.id, report_type: 'sast', format: 'gitlab', schema_version: '15.0.7', scanner_id: 's', scanner_name: 'S', status: 'success', messages: '[]' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('findings')
      .values({ scan_id: scan.id, pipeline_id: pipeline.id, project_id: project.id, uuid: '00000000-0000-5000-8000-000000000001', report_type: 'sast', severity: 'high', title: 't', primary_identifier_fingerprint: 'p', location_fingerprint: 'l', data: '{}' })
      .execute();
    await db.deleteFrom('scans').where('id', '=', scan.id).execute();
    expect(await db.selectFrom('findings').select('id').where('scan_id', '=', scan.id).execute()).toEqual([]);

    await db.deleteFrom('projects').where('id', '=', project.id).execute();
    expect(await db.selectFrom('vulnerabilities').select('id').where('project_id', '=', project.id).execute()).toEqual([]);
    expect(await db.selectFrom('vulnerability_history').select('id').where('project_id', '=', project.id).execute()).toEqual([]);
    expect(await db.selectFrom('vulnerability_comments').select('id').where('vulnerability_id', 'in', [byTriager!.id, byKeeper!.id]).execute()).toEqual([]);
  });
});

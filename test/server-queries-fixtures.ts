import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { err } from '../src/core/result.js';
import { buildApp } from '../src/server/app.js';
import { defaultConfig, type ServerConfig } from '../src/server/config.js';
import type { AccessLevel, Database, NewVulnerability } from '../src/server/db/schema.js';
import { newAccessToken, sha256Hex } from '../src/server/services/secrets.js';
import { openTestDatabase, type TestDatabaseKind } from './server/databases.js';

/** A server on a fresh database, with helpers to create what the read side reads. */
export interface QueryWorld {
  readonly app: FastifyInstance;
  readonly db: Kysely<Database>;
  close(): Promise<void>;
}

export async function openQueryWorld(kind: TestDatabaseKind, config: Partial<ServerConfig> = {}, now?: () => Date): Promise<QueryWorld> {
  const database = await openTestDatabase(kind);
  const app = await buildApp({
    config: defaultConfig({ logLevel: 'silent', ...config }),
    db: database.db,
    databaseKind: kind,
    // These tests never ingest.
    readReport: () => err([{ code: 'not-in-this-test', message: 'no report reader here' }]),
    logger: false,
    ...(now === undefined ? {} : { now }),
  });
  return {
    app,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export async function addUser(db: Kysely<Database>, username: string, isAdmin = false, scopes: string[] = ['read_api']): Promise<{ id: number; token: string }> {
  const user = await db.insertInto('users').values({ username, password_hash: 'unused', is_admin: isAdmin }).returning('id').executeTakeFirstOrThrow();
  const token = newAccessToken();
  await db
    .insertInto('personal_access_tokens')
    .values({ user_id: user.id, name: 't', token_hash: sha256Hex(token), token_prefix: token.slice(0, 8), scopes, expires_at: new Date(Date.now() + 86_400_000) })
    .execute();
  return { id: user.id, token };
}

export async function addGroup(db: Kysely<Database>, fullPath: string, parentId: number | null = null): Promise<number> {
  const path = fullPath.split('/').at(-1) ?? fullPath;
  const row = await db.insertInto('groups').values({ name: path, path, full_path: fullPath, parent_id: parentId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function addProject(db: Kysely<Database>, groupId: number, fullPath: string): Promise<number> {
  const path = fullPath.split('/').at(-1) ?? fullPath;
  const row = await db.insertInto('projects').values({ group_id: groupId, name: path, path, full_path: fullPath }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function addMember(db: Kysely<Database>, on: 'group' | 'project', id: number, userId: number, level: AccessLevel): Promise<void> {
  if (on === 'group') await db.insertInto('group_members').values({ group_id: id, user_id: userId, access_level: level }).execute();
  else await db.insertInto('project_members').values({ project_id: id, user_id: userId, access_level: level }).execute();
}

export type VulnerabilitySeed = Partial<Omit<NewVulnerability, 'project_id'>> & { readonly identifierNames?: readonly string[] };

export async function addVulnerability(db: Kysely<Database>, projectId: number, seed: VulnerabilitySeed = {}): Promise<number> {
  const { identifierNames, ...columns } = seed;
  const names = identifierNames ?? ['CWE-79'];
  const identifiers = names.map((name) => {
    const [type = 'rule', value = name] = name.includes('-') ? [name.split('-')[0]?.toLowerCase(), name.slice(name.indexOf('-') + 1)] : ['rule', name];
    return { type, name, value };
  });
  const keys = identifiers.flatMap((i) => [i.name.toLowerCase(), `${i.type}:${i.value}`.toLowerCase()]);
  const first = identifiers[0] ?? { type: 'rule', name: 'r', value: 'r' };
  const row = await db
    .insertInto('vulnerabilities')
    .values({
      project_id: projectId,
      uuid: randomUUID(),
      report_type: 'sast',
      severity: 'medium',
      title: 'A finding',
      scanner_id: 'semgrep',
      scanner_name: 'Semgrep',
      primary_identifier_type: first.type,
      primary_identifier_name: first.name,
      primary_identifier_value: first.value,
      identifier_keys: keys,
      identifiers: JSON.stringify(identifiers),
      location: '{}',
      location_text: 'src/app.ts',
      location_fingerprint: randomUUID(),
      ...columns,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function auth(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** A default-branch pipeline with one CycloneDX upload, for dependency rows to hang from. */
export async function addSbomScan(db: Kysely<Database>, projectId: number): Promise<{ pipelineId: number; scanId: number }> {
  const pipeline = await db
    .insertInto('pipelines')
    .values({ project_id: projectId, ref: 'main', sha: 'abcdef1', source: 'push', status: 'success', is_default_branch: true, started_at: null, finished_at: null, created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const upload = await db
    .insertInto('report_uploads')
    .values({ pipeline_id: pipeline.id, project_id: projectId, file_name: 'gl-sbom.cdx.json', format: 'cyclonedx', byte_size: 1, sha256: '0'.repeat(64), created_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const scan = await db
    .insertInto('scans')
    .values({
      upload_id: upload.id,
      pipeline_id: pipeline.id,
      project_id: projectId,
      report_type: 'sbom',
      format: 'cyclonedx',
      schema_version: '1.6',
      scanner_id: 'bulwark',
      scanner_name: 'Bulwark',
      scanner_version: null,
      scanner_vendor: null,
      analyzer_id: null,
      analyzer_name: null,
      analyzer_version: null,
      status: 'success',
      started_at: null,
      finished_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { pipelineId: pipeline.id, scanId: scan.id };
}

export interface DependencySeed {
  readonly name: string;
  readonly version: string;
  readonly licenses?: string[];
  readonly isDirect?: boolean | null;
  readonly isDev?: boolean;
  readonly file?: string;
  readonly dependsOn?: string[];
  readonly ecosystem?: string;
}

export function npmPurl(name: string, version: string): string {
  return `pkg:npm/${name.replace('@', '%40')}@${version}`;
}

export async function addDependencies(db: Kysely<Database>, projectId: number, scan: { pipelineId: number; scanId: number }, deps: readonly DependencySeed[]): Promise<void> {
  await db
    .insertInto('dependencies')
    .values(
      deps.map((d) => ({
        project_id: projectId,
        pipeline_id: scan.pipelineId,
        scan_id: scan.scanId,
        ecosystem: d.ecosystem ?? 'npm',
        name: d.name,
        version: d.version,
        purl: npmPurl(d.name, d.version),
        package_manager: 'npm',
        is_direct: d.isDirect === undefined ? true : d.isDirect,
        is_dev: d.isDev ?? false,
        licenses: d.licenses ?? [],
        locations: JSON.stringify([{ file: d.file ?? 'package-lock.json' }]),
        dependency_path: null,
        depends_on: d.dependsOn ?? [],
      })),
    )
    .execute();
}

import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../../src/server/app.js';
import { defaultConfig, type ServerConfig } from '../../src/server/config.js';
import { insertGroup, insertProject } from '../../src/server/db/repositories/groups.js';
import { upsertMember } from '../../src/server/db/repositories/members.js';
import { insertToken } from '../../src/server/db/repositories/tokens.js';
import { insertUser } from '../../src/server/db/repositories/users.js';
import type { AccessLevel, Group, Project, User } from '../../src/server/db/schema.js';
import { hashPassword, newAccessToken, sha256Hex } from '../../src/server/services/secrets.js';
import { openTestDatabase, testDatabases, type TestDatabase, type TestDatabaseKind } from './databases.js';

export { testDatabases, type TestDatabaseKind };

export interface TestServer {
  readonly app: FastifyInstance;
  readonly database: TestDatabase;
  readonly kind: TestDatabaseKind;
  close(): Promise<void>;
  /** A user with a known password and an `api` token. */
  createUser(username: string, options?: { admin?: boolean; scopes?: string[] }): Promise<{ user: User; token: string; password: string }>;
  createGroup(path: string, parent?: Group): Promise<Group>;
  createProject(group: Group, path: string, defaultBranch?: string): Promise<Project>;
  addMember(target: { group: Group } | { project: Project }, user: User, level: AccessLevel): Promise<void>;
  /** inject() with a bearer token and a JSON body. */
  call(method: string, url: string, token?: string, body?: unknown): Promise<LightMyRequestResponse>;
  /** Count the rows of every table (to prove a refused request changed nothing). */
  rowCounts(): Promise<Record<TableName, number>>;
}

const TABLES = [
  'users',
  'sessions',
  'personal_access_tokens',
  'groups',
  'projects',
  'group_members',
  'project_members',
  'pipelines',
  'report_uploads',
  'scans',
  'findings',
  'vulnerabilities',
  'vulnerability_history',
  'vulnerability_comments',
  'vulnerability_daily_counts',
  'dependencies',
] as const;

export type TableName = (typeof TABLES)[number];

export const TEST_PASSWORD = 'correct horse battery staple';

/** A fresh database and app for one test file. Call close() in afterAll. */
export async function createTestServer(
  kind: TestDatabaseKind,
  options: { config?: Partial<ServerConfig>; readReport?: AppOptions['readReport']; now?: () => Date } = {},
): Promise<TestServer> {
  const database = await openTestDatabase(kind);
  const config = defaultConfig({ ...options.config });
  const app = await buildApp({
    config,
    db: database.db,
    databaseKind: kind,
    logger: false,
    ...(options.readReport === undefined ? {} : { readReport: options.readReport }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const db = database.db;
  const passwordHash = await hashPassword(TEST_PASSWORD);
  return {
    app,
    database,
    kind,
    close: async () => {
      await app.close();
      await database.close();
    },
    async createUser(username, opts = {}) {
      const user = await insertUser(db, { username, passwordHash, isAdmin: opts.admin === true });
      if (user === undefined) throw new Error(`user ${username} exists`);
      const token = newAccessToken();
      await insertToken(db, {
        userId: user.id,
        name: 'test',
        tokenHash: sha256Hex(token),
        tokenPrefix: token.slice(0, 8),
        scopes: opts.scopes ?? ['api'],
        expiresAt: new Date(Date.now() + 24 * 3600 * 1000),
      });
      return { user, token, password: TEST_PASSWORD };
    },
    async createGroup(path, parent) {
      const group = await insertGroup(db, { name: path, path, fullPath: parent === undefined ? path : `${parent.full_path}/${path}`, parentId: parent?.id ?? null });
      if (group === undefined) throw new Error(`group ${path} exists`);
      return group;
    },
    async createProject(group, path, defaultBranch = 'main') {
      const project = await insertProject(db, { groupId: group.id, name: path, path, fullPath: `${group.full_path}/${path}`, defaultBranch });
      if (project === undefined) throw new Error(`project ${path} exists`);
      return project;
    },
    async addMember(target, user, level) {
      const source = 'group' in target ? { kind: 'group' as const, id: target.group.id } : { kind: 'project' as const, id: target.project.id };
      await upsertMember(db, source, user.id, level);
    },
    async call(method, url, token, body) {
      const headers: Record<string, string> = {};
      if (token !== undefined) headers.authorization = `Bearer ${token}`;
      const payload = body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
      if (payload !== undefined && !(typeof body === 'string' || Buffer.isBuffer(body))) headers['content-type'] = 'application/json';
      return app.inject({ method: method as 'GET', url, headers, ...(payload === undefined ? {} : { payload }) });
    },
    async rowCounts() {
      const out = {} as Record<TableName, number>;
      for (const table of TABLES) {
        const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        out[table] = Number(row.n);
      }
      return out;
    },
  };
}

import type { RouteOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { ServerConfig } from './config.js';
import type { Database, Group, Project, User } from './db/schema.js';
import type { RouteAccess } from './plugins/access.js';
import type { ReportReader } from './services/report-reader.js';

/** Who is calling: a signed-in user through a session cookie or a personal access token. */
export interface Identity {
  readonly user: User;
  /** The token used, or null for a browser session. */
  readonly tokenId: number | null;
  /** Token scopes; a session may do everything its user may. */
  readonly scopes: readonly string[] | 'session';
}

/** What the access check found for the route's resource. */
export interface ResolvedAccess {
  readonly project?: Project;
  readonly group?: Group;
  readonly vulnerabilityId?: number;
  /** Effective access level in that resource (60 for an instance admin, 0 for none). */
  readonly level: number;
}

export interface AppServices {
  readonly readReport: ReportReader;
  /** The clock, so tests can move time. */
  readonly now: () => Date;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares who may call it; a route without this answers 403. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    identity: Identity | null;
    access: ResolvedAccess | null;
  }
  interface FastifyInstance {
    db: Kysely<Database>;
    config: ServerConfig;
    databaseKind: 'pglite' | 'postgres';
    services: AppServices;
    /** Every route as registered (method, url, config): the role × route matrix test walks it. */
    registeredRoutes: readonly RouteOptions[];
  }
}

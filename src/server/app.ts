import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { readSecurityReportBytes } from '../formats/read/index.js';
import type { ServerConfig } from './config.js';
import type { Database } from './db/schema.js';
import { registerAccessControl } from './plugins/access.js';
import { registerAuthentication, SESSION_COOKIE } from './plugins/auth.js';
import { registerErrorHandler } from './plugins/errors.js';
import { registerValidation } from './plugins/validation.js';
import { registerRoutes } from './routes/index.js';
import { ErrorResponse } from './schemas/common.js';
import type { ReportReader } from './services/report-reader.js';
import { SERVER_VERSION } from './version.js';
import { defaultWebDir, webRoutes } from './web/index.js';
import './types.js';

export interface AppOptions {
  readonly config: ServerConfig;
  /** An open, migrated database. The app never closes it: whoever opened it does. */
  readonly db: Kysely<Database>;
  readonly databaseKind: 'pglite' | 'postgres';
  /** Defaults to formats/read's readSecurityReportBytes. */
  readonly readReport?: ReportReader;
  /** Fastify's logger option; false in tests. Secrets are redacted whatever is passed. */
  readonly logger?: FastifyServerOptions['logger'];
  readonly now?: () => Date;
  /** The built web UI; default: dist/web when it exists. `null`: serve no UI. */
  readonly webDir?: string | null;
}

const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

/** Build the Fastify app: plugins, hooks and every route. It does not listen (main.ts does). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const logger = options.logger === undefined || options.logger === true ? { level: config.logLevel, redact: REDACT } : options.logger;
  const app = Fastify({
    logger: typeof logger === 'object' && logger !== null ? { ...logger, redact: REDACT } : logger,
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    // The router decodes `acme%2Fweb` into one `:id`.
    routerOptions: { maxParamLength: 512 },
  });
  app.decorate('db', options.db);
  app.decorate('config', config);
  app.decorate('databaseKind', options.databaseKind);
  app.decorate('services', { readReport: options.readReport ?? readSecurityReportBytes, now: options.now ?? (() => new Date()) });
  const routes: RouteOptions[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  registerValidation(app);
  // JSON only (the upload route takes raw bytes in its own context).
  app.removeContentTypeParser('text/plain');
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Bulwark API', version: SERVER_VERSION, description: 'Vulnerability management: ingest, triage, reports.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'personal access token (bwk_…)' },
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  app.addSchema(ErrorResponse);
  registerErrorHandler(app);
  registerAuthentication(app);
  registerAccessControl(app);
  await app.register(registerRoutes);
  const webDir = options.webDir === undefined ? defaultWebDir() : (options.webDir ?? undefined);
  await app.register(webRoutes, { webDir });
  await app.ready();
  return app;
}

import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';

const HEALTH_TIMEOUT_MS = 2000;

/** `GET /api/health` (200 when the database answers, 503 otherwise) and `GET /api/openapi.json`. */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/health',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags: ['health'],
        summary: 'readiness: 200 when the database answers',
        security: [],
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }),
          503: Type.Object({ status: Type.Literal('unavailable'), database: Type.String() }),
        },
      },
    },
    async (_request, reply) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS);
      });
      const probe = sql`select 1`.execute(app.db).then(
        () => true,
        () => false,
      );
      const healthy = await Promise.race([probe, timeout]);
      clearTimeout(timer);
      const database = app.databaseKind;
      return healthy ? reply.code(200).send({ status: 'ok', database }) : reply.code(503).send({ status: 'unavailable', database });
    },
  );

  app.get(
    '/api/openapi.json',
    { config: { access: { kind: 'public' } }, schema: { hide: true } },
    async () => app.swagger(),
  );
}

import type { FastifyInstance } from 'fastify';
import { compareRoutes } from './api/compare/index.js';
import { dashboardRoutes } from './api/dashboard/index.js';
import { dependencyRoutes } from './api/dependencies/index.js';
import { groupRoutes } from './api/groups/index.js';
import { healthRoutes } from './api/health.js';
import { inventoryRoutes } from './api/inventory/index.js';
import { groupMemberRoutes, projectMemberRoutes } from './api/members/index.js';
import { pipelineRoutes } from './api/pipelines/index.js';
import { uploadRoutes } from './api/pipelines/upload.js';
import { projectRoutes } from './api/projects/index.js';
import { sessionRoutes } from './api/session/index.js';
import { userRoutes } from './api/user/index.js';
import { adminRoutes } from './api/users/index.js';
import { vulnerabilityCommentRoutes } from './api/vulnerabilities/comments.js';
import { vulnerabilityRoutes } from './api/vulnerabilities/index.js';
import { vulnerabilityListRoutes } from './api/vulnerability-list/index.js';

/** Every route plugin, in one explicit list. Each route declares `config.access`. */
export const ROUTE_PLUGINS: readonly ((app: FastifyInstance) => Promise<void>)[] = [
  healthRoutes,
  sessionRoutes,
  userRoutes,
  adminRoutes,
  groupRoutes,
  groupMemberRoutes,
  projectRoutes,
  projectMemberRoutes,
  pipelineRoutes,
  vulnerabilityRoutes,
  vulnerabilityCommentRoutes,
  vulnerabilityListRoutes,
  dashboardRoutes,
  dependencyRoutes,
  compareRoutes,
  inventoryRoutes,
];

export async function registerRoutes(app: FastifyInstance): Promise<void> {
  for (const plugin of ROUTE_PLUGINS) await plugin(app);
  // Its own context: raw bodies up to the ingest limit for this one route.
  await app.register(uploadRoutes);
}

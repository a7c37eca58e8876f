import type { Db } from './users.js';
import type { Pipeline, PipelineStatus } from '../schema.js';

export interface NewPipeline {
  readonly projectId: number;
  readonly ref: string;
  readonly sha: string;
  readonly source: string;
  readonly status: PipelineStatus;
  readonly isDefaultBranch: boolean;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly createdBy: number | null;
}

export async function insertPipeline(db: Db, p: NewPipeline): Promise<Pipeline> {
  return db
    .insertInto('pipelines')
    .values({
      project_id: p.projectId,
      ref: p.ref,
      sha: p.sha,
      source: p.source,
      status: p.status,
      is_default_branch: p.isDefaultBranch,
      started_at: p.startedAt,
      finished_at: p.finishedAt,
      created_by: p.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findPipeline(db: Db, projectId: number, id: number): Promise<Pipeline | undefined> {
  return db.selectFrom('pipelines').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
}

export async function listPipelines(db: Db, projectId: number, options: { limit: number; beforeId?: number; ref?: string }): Promise<Pipeline[]> {
  let query = db.selectFrom('pipelines').selectAll().where('project_id', '=', projectId).orderBy('id', 'desc').limit(options.limit);
  if (options.beforeId !== undefined) query = query.where('id', '<', options.beforeId);
  if (options.ref !== undefined) query = query.where('ref', '=', options.ref);
  return query.execute();
}

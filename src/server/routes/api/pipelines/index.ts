import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { findPipeline, insertPipeline, listPipelines } from '../../../db/repositories/pipelines.js';
import { badRequest, notFound } from '../../../http-error.js';
import { errorResponses, IdParams } from '../../../schemas/common.js';
import { PipelineWithReportsSchema } from '../../../schemas/compare.js';
import {
  CreatePipelineBody,
  PipelineListQuery,
  PipelineParams,
  PipelineSchema,
  type CreatePipelineBodyType,
  type PipelineListQueryType,
  type PipelineParamsType,
} from '../../../schemas/pipelines.js';
import { pipelineReportSummaries } from '../../../services/queries/compare.js';
import { pipelineDto } from '../dto.js';

export async function pipelineRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: CreatePipelineBodyType }>(
    '/api/v1/projects/:id/pipelines',
    {
      config: { access: { kind: 'project', permission: 'create_pipeline' } },
      schema: {
        tags: ['pipelines'],
        summary: "record a pipeline; it is on the default branch when ref is the project's default branch",
        params: IdParams,
        body: CreatePipelineBody,
        response: { 201: PipelineSchema, ...errorResponses() },
      },
    },
    async (request, reply) => {
      const project = request.access?.project;
      if (project === undefined) throw notFound('project');
      const body = request.body;
      if (body.startedAt !== undefined && body.finishedAt !== undefined && Date.parse(body.finishedAt) < Date.parse(body.startedAt)) {
        throw badRequest('invalid-times', 'finishedAt is before startedAt');
      }
      const pipeline = await insertPipeline(app.db, {
        projectId: project.id,
        ref: body.ref,
        sha: body.sha.toLowerCase(),
        source: body.source ?? 'push',
        status: body.status ?? 'success',
        isDefaultBranch: body.ref === project.default_branch,
        startedAt: body.startedAt ?? null,
        finishedAt: body.finishedAt ?? null,
        createdBy: request.identity?.user.id ?? null,
      });
      return reply.code(201).send(pipelineDto(pipeline));
    },
  );

  app.get<{ Querystring: PipelineListQueryType }>(
    '/api/v1/projects/:id/pipelines',
    {
      config: { access: { kind: 'project', permission: 'read_pipeline' } },
      schema: {
        tags: ['pipelines'],
        summary: 'pipelines, newest first (keyset: ?before=<id>)',
        params: IdParams,
        querystring: PipelineListQuery,
        response: { 200: Type.Array(PipelineWithReportsSchema), ...errorResponses() },
      },
    },
    async (request) => {
      const project = request.access?.project;
      if (project === undefined) throw notFound('project');
      const q = request.query;
      const rows = await listPipelines(app.db, project.id, {
        limit: q.limit ?? 20,
        ...(q.before === undefined ? {} : { beforeId: q.before }),
        ...(q.ref === undefined ? {} : { ref: q.ref }),
      });
      const reports = await pipelineReportSummaries(app.db, rows.map((row) => row.id));
      return rows.map((row) => ({ ...pipelineDto(row), reports: reports.get(row.id) ?? [] }));
    },
  );

  app.get<{ Params: PipelineParamsType }>(
    '/api/v1/projects/:id/pipelines/:pid',
    {
      config: { access: { kind: 'project', permission: 'read_pipeline' } },
      schema: { tags: ['pipelines'], summary: 'one pipeline', params: PipelineParams, response: { 200: PipelineWithReportsSchema, ...errorResponses() } },
    },
    async (request) => {
      const project = request.access?.project;
      if (project === undefined) throw notFound('project');
      const pipeline = await findPipeline(app.db, project.id, Number(request.params.pid));
      if (pipeline === undefined) throw notFound('pipeline');
      const reports = await pipelineReportSummaries(app.db, [pipeline.id]);
      return { ...pipelineDto(pipeline), reports: reports.get(pipeline.id) ?? [] };
    },
  );
}

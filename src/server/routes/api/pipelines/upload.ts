import type { FastifyInstance } from 'fastify';
import { findPipeline } from '../../../db/repositories/pipelines.js';
import { HttpError, notFound } from '../../../http-error.js';
import { errorResponses } from '../../../schemas/common.js';
import { PipelineParams, UploadQuery, UploadResult, type PipelineParamsType, type UploadQueryType } from '../../../schemas/pipelines.js';
import { ingestUpload, readUpload } from '../../../services/ingest.js';

/**
 * `POST /api/v1/projects/:id/pipelines/:pid/reports?filename=…` with the report file's bytes as
 * the body, whatever its content type. Registered in its own context so that only this route
 * takes large raw bodies.
 */
export async function uploadRoutes(app: FastifyInstance): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: app.config.ingestBodyLimit }, (_request, body, done) => {
    done(null, body);
  });

  app.post<{ Params: PipelineParamsType; Querystring: UploadQueryType; Body: Buffer | undefined }>(
    '/api/v1/projects/:id/pipelines/:pid/reports',
    {
      bodyLimit: app.config.ingestBodyLimit,
      config: { access: { kind: 'project', permission: 'upload_report' } },
      schema: {
        tags: ['pipelines'],
        summary: 'upload one report file (GitLab JSON, SARIF 2.1.0 or CycloneDX) as the raw request body',
        description:
          'One upload is one transaction: a malformed, oversized or unsupported report is refused and changes nothing. ' +
          'A file name already uploaded to the pipeline answers 409.',
        params: PipelineParams,
        querystring: UploadQuery,
        response: { 201: UploadResult, ...errorResponses(409, 413, 415) },
      },
    },
    async (request, reply) => {
      const project = request.access?.project;
      if (project === undefined) throw notFound('project');
      const pipeline = await findPipeline(app.db, project.id, Number(request.params.pid));
      if (pipeline === undefined) throw notFound('pipeline');
      const body = request.body;
      if (body === undefined || !Buffer.isBuffer(body)) throw new HttpError(400, 'empty-report', 'send the report file as the request body');
      const ingest = {
        pipeline,
        fileName: request.query.filename,
        bytes: body,
        userId: request.identity?.user.id ?? null,
      };
      const reports = readUpload(app.services.readReport, ingest, app.config.ingestBodyLimit);
      const summary = await ingestUpload(app.db, app.config, ingest, reports);
      request.log.info({ uploadId: summary.uploadId, pipelineId: pipeline.id, scans: summary.scans.length }, 'report stored');
      return reply.code(201).send(summary);
    },
  );
}

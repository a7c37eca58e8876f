import { Type, type Static } from '@sinclair/typebox';
import { Id, Text, Timestamp } from './common.js';
import { BranchName } from './groups.js';

export const PIPELINE_SOURCES = [
  'push',
  'web',
  'schedule',
  'api',
  'trigger',
  'merge_request_event',
  'pipeline',
  'parent_pipeline',
  'webide',
  'external',
  'chat',
  'ondemand_dast_scan',
  'security_orchestration_policy',
] as const;

export const PIPELINE_STATUSES = ['created', 'running', 'success', 'failed', 'canceled', 'skipped'] as const;

export const PipelineSchema = Type.Object({
  id: Id,
  projectId: Id,
  ref: Type.String(),
  sha: Type.String(),
  source: Type.String(),
  status: Type.String(),
  isDefaultBranch: Type.Boolean(),
  startedAt: Type.Union([Timestamp, Type.Null()]),
  finishedAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
});

export const CreatePipelineBody = Type.Object(
  {
    ref: BranchName,
    sha: Type.String({ pattern: '^[0-9a-fA-F]{7,64}$' }),
    source: Type.Optional(Type.Union(PIPELINE_SOURCES.map((s) => Type.Literal(s)))),
    status: Type.Optional(Type.Union(PIPELINE_STATUSES.map((s) => Type.Literal(s)))),
    startedAt: Type.Optional(Timestamp),
    finishedAt: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);
export type CreatePipelineBodyType = Static<typeof CreatePipelineBody>;

export const PipelineParams = Type.Object(
  { id: Text(512, 1), pid: Type.String({ pattern: '^[0-9]{1,15}$' }) },
  { additionalProperties: false },
);
export type PipelineParamsType = Static<typeof PipelineParams>;

export const PipelineListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    before: Type.Optional(Id),
    ref: Type.Optional(BranchName),
  },
  { additionalProperties: false },
);
export type PipelineListQueryType = Static<typeof PipelineListQuery>;

export const UploadQuery = Type.Object(
  {
    filename: Type.String({
      minLength: 1,
      maxLength: 255,
      pattern: '^[A-Za-z0-9_][A-Za-z0-9_.+-]*$',
      description: 'the artifact file name, e.g. gl-sast-report.json (no folders)',
    }),
  },
  { additionalProperties: false },
);
export type UploadQueryType = Static<typeof UploadQuery>;

export const UploadResult = Type.Object({
  uploadId: Id,
  pipelineId: Id,
  fileName: Type.String(),
  scans: Type.Array(
    Type.Object({ id: Id, reportType: Type.String(), format: Type.String(), findings: Type.Integer(), duplicates: Type.Integer(), packages: Type.Integer() }),
  ),
  vulnerabilities: Type.Object({ created: Type.Integer(), updated: Type.Integer(), noLongerDetected: Type.Integer(), redetected: Type.Integer() }),
  messages: Type.Array(Type.Object({ code: Type.String(), message: Type.String(), level: Type.Optional(Type.String()) })),
});

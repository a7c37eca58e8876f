import { INGEST_REPORT_TYPES, type IngestReportType } from '../../formats/read/types.js';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Id, Timestamp } from './common.js';

/**
 * Every report type Bulwark stores a scan for. IaC is not separate: IaC scanners report as
 * `sast` (as GitLab's KICS analyzer does); `sbom` is a CycloneDX upload.
 */
export type KnownReportType = IngestReportType | 'sbom';
export const KNOWN_REPORT_TYPES: readonly KnownReportType[] = [...INGEST_REPORT_TYPES, 'sbom'];

export const KnownReportTypeSchema = Type.Union(KNOWN_REPORT_TYPES.map((t) => Type.Literal(t)));

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

// ---- GET /api/v1/projects/:id/security-configuration

export const SecurityConfigurationQuery = Type.Object(
  { window: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10, description: 'how many latest default-branch pipelines count for `enabled`' })) },
  { additionalProperties: false },
);
export type SecurityConfigurationQueryType = Static<typeof SecurityConfigurationQuery>;

export const ScannerSchema = Type.Object({ id: Type.String(), name: Type.String(), version: Nullable(Type.String()) });

export const SecurityConfigurationSchema = Type.Object({
  projectId: Id,
  defaultBranch: Type.String(),
  window: Type.Integer(),
  latestDefaultBranchPipeline: Nullable(Type.Object({ id: Id, ref: Type.String(), sha: Type.String(), createdAt: Timestamp })),
  reportTypes: Type.Array(
    Type.Object({
      reportType: KnownReportTypeSchema,
      enabled: Type.Boolean({ description: 'a scan of this type is in one of the latest `window` default-branch pipelines' }),
      everRan: Type.Boolean({ description: 'a default-branch pipeline ever ran it' }),
      required: Type.Boolean({ description: 'listed in the instance security-coverage settings' }),
      lastRunAt: Nullable(Timestamp),
      lastPipelineId: Nullable(Id),
      lastStatus: Nullable(Type.Union([Type.Literal('success'), Type.Literal('failure')])),
      scanners: Type.Array(ScannerSchema, { description: 'scanners of this type in the last default-branch pipeline that ran it' }),
    }),
  ),
});

// ---- GET|PUT /api/v1/settings/security-coverage

export const SecurityCoverageBody = Type.Object(
  { requiredReportTypes: Type.Array(KnownReportTypeSchema, { maxItems: 20, description: 'report types every project must run on its default branch' }) },
  { additionalProperties: false },
);
export type SecurityCoverageBodyType = Static<typeof SecurityCoverageBody>;

export const SecurityCoverageSchema = Type.Object({
  requiredReportTypes: Type.Array(KnownReportTypeSchema),
  knownReportTypes: Type.Array(KnownReportTypeSchema),
  updatedAt: Nullable(Timestamp),
});

// ---- GET /api/v1/security-inventory, /api/v1/groups/:id/security-inventory

export const InventoryQuery = Type.Object(
  {
    group: Type.Optional(Id),
    missing_only: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type InventoryQueryType = Static<typeof InventoryQuery>;

const Coverage = Type.Object({ ran: Type.Boolean(), lastRunAt: Nullable(Timestamp), lastPipelineId: Nullable(Id) });

export const InventorySchema = Type.Object({
  requiredReportTypes: Type.Array(KnownReportTypeSchema),
  totals: Type.Object({
    projects: Type.Integer({ description: 'projects in scope (after group, before missing_only)' }),
    compliant: Type.Integer({ description: 'projects that ran every required type on their default branch' }),
    missingSomething: Type.Integer(),
  }),
  total: Type.Integer({ description: 'projects matching the query (missing_only applied): what offset pages through' }),
  nextOffset: Nullable(Type.Integer()),
  items: Type.Array(
    Type.Object({
      projectId: Id,
      name: Type.String(),
      fullPath: Type.String(),
      defaultBranch: Type.String(),
      reportTypes: Type.Object(Object.fromEntries(KNOWN_REPORT_TYPES.map((t) => [t, Coverage])) as Record<KnownReportType, typeof Coverage>),
      missing: Type.Array(KnownReportTypeSchema),
    }),
  ),
});

import { Type, type Static } from '@sinclair/typebox';
import { INGEST_REPORT_TYPES, type IngestReportType } from '../../formats/read/types.js';
import { Id, Severity, Text, Timestamp } from './common.js';
import { Nullable } from './inventory.js';
import { PipelineSchema } from './pipelines.js';

/** Report types that carry findings (a CycloneDX `sbom` scan has none to compare). */
export const COMPARABLE_REPORT_TYPES = INGEST_REPORT_TYPES;
export type ComparableReportType = IngestReportType;

/** Most findings listed per list; GitLab's widget shows 25 (`?limit=25`). */
export const MAX_COMPARE_LIST = 1000;

export const CompareQuery = Type.Object(
  {
    head: Id,
    base: Type.Optional(Id),
    report_type: Type.Optional(
      Type.Array(Text(400, 1), { maxItems: 8, description: 'report types, comma-separated or repeated (default: every type either pipeline ran)' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_COMPARE_LIST, default: MAX_COMPARE_LIST, description: 'most findings per list' })),
    include_dismissed: Type.Optional(Type.Boolean({ default: false, description: 'list new findings whose vulnerability is dismissed under `added` too' })),
  },
  { additionalProperties: false },
);
export type CompareQueryType = Static<typeof CompareQuery>;

const PipelineRef = Type.Object({ id: Id, ref: Type.String(), sha: Type.String(), isDefaultBranch: Type.Boolean(), createdAt: Timestamp });

export const FindingSummarySchema = Type.Object({
  uuid: Type.String(),
  title: Type.String(),
  severity: Severity,
  reportType: Type.String(),
  scanner: Type.Object({ id: Type.String(), name: Type.String() }),
  primaryIdentifier: Type.Object({ type: Type.String(), name: Type.String(), value: Type.String(), url: Type.Optional(Type.String()) }),
  location: Type.Object({
    kind: Type.String({ description: 'source · dependency · image · http' }),
    file: Type.Optional(Type.String()),
    startLine: Type.Optional(Type.Integer()),
    endLine: Type.Optional(Type.Integer()),
    packageName: Type.Optional(Type.String()),
    packageVersion: Type.Optional(Type.String()),
    image: Type.Optional(Type.String()),
    method: Type.Optional(Type.String()),
    url: Type.Optional(Type.String()),
    param: Type.Optional(Type.String()),
  }),
  locationText: Type.String(),
  vulnerabilityId: Nullable(Id),
  state: Nullable(Type.String({ description: "the project vulnerability's state (detected · confirmed · dismissed · resolved)" })),
});

export const CompareSchema = Type.Object({
  base: Nullable(PipelineRef),
  head: PipelineRef,
  baseChosen: Type.Union([Type.Literal('requested'), Type.Literal('latest-default-branch'), Type.Literal('none')], {
    description: "requested: ?base; latest-default-branch: no ?base, the latest completed default-branch pipeline with reports before head; none: no such pipeline, so every head finding is new",
  }),
  baseOutOfDate: Type.Boolean({ description: 'the base pipeline is more than a week old (GitLab ACCEPTABLE_REPORT_AGE)' }),
  reportTypes: Type.Array(
    Type.Object({
      reportType: Type.String(),
      status: Type.Union([Type.Literal('parsed'), Type.Literal('missing_base'), Type.Literal('missing_head')], {
        description: 'missing_base: base has no scan of this type, every head finding is new; missing_head: head has none, nothing is listed',
      }),
      added: Type.Array(FindingSummarySchema),
      fixed: Type.Array(FindingSummarySchema),
      addedCount: Type.Integer({ description: 'new findings, dismissed vulnerabilities excluded unless include_dismissed' }),
      fixedCount: Type.Integer(),
      dismissedCount: Type.Integer({ description: 'new findings whose project vulnerability is dismissed (hidden from added by default)' }),
      unchangedCount: Type.Integer(),
      truncated: Type.Boolean({ description: 'a list was cut at limit' }),
    }),
  ),
});

/** A pipeline as a picker lists it: the pipeline plus what each report type found in it. */
export const PipelineWithReportsSchema = Type.Composite([
  PipelineSchema,
  Type.Object({
    reports: Type.Array(
      Type.Object({ reportType: Type.String(), findings: Type.Integer(), status: Type.Union([Type.Literal('success'), Type.Literal('failure')]) }),
      { description: 'per report type scanned: stored findings and whether a scan failed; empty when no report was uploaded' },
    ),
  }),
]);

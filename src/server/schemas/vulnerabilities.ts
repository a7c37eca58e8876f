import { Type, type Static } from '@sinclair/typebox';
import { Id, Text, Timestamp } from './common.js';

export const StateSchema = Type.Union([Type.Literal('detected'), Type.Literal('confirmed'), Type.Literal('dismissed'), Type.Literal('resolved')]);
export const DismissalReasonSchema = Type.Union([
  Type.Literal('acceptable_risk'),
  Type.Literal('false_positive'),
  Type.Literal('mitigating_control'),
  Type.Literal('used_in_tests'),
  Type.Literal('not_applicable'),
]);

export const StateChangeBody = Type.Object(
  { state: StateSchema, dismissalReason: Type.Optional(DismissalReasonSchema), comment: Type.Optional(Text(10_000)) },
  { additionalProperties: false },
);
export type StateChangeBodyType = Static<typeof StateChangeBody>;

export const BulkStateChangeBody = Type.Object(
  {
    ids: Type.Array(Id, { minItems: 1, maxItems: 1000 }),
    state: StateSchema,
    dismissalReason: Type.Optional(DismissalReasonSchema),
    comment: Type.Optional(Text(10_000)),
  },
  { additionalProperties: false },
);
export type BulkStateChangeBodyType = Static<typeof BulkStateChangeBody>;

export const CommentBody = Type.Object({ body: Text(10_000, 1) }, { additionalProperties: false });
export type CommentBodyType = Static<typeof CommentBody>;

export const IssueLinkBody = Type.Object({ url: Type.String({ minLength: 1, maxLength: 2048, pattern: '^[^\\u0000-\\u0020]+$' }) }, { additionalProperties: false });
export type IssueLinkBodyType = Static<typeof IssueLinkBody>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const HistorySchema = Type.Object({
  id: Id,
  createdAt: Timestamp,
  action: Type.String(),
  actor: Nullable(Type.Object({ id: Id, username: Type.String() })),
  fromState: Nullable(Type.String()),
  toState: Nullable(Type.String()),
  dismissalReason: Nullable(Type.String()),
  comment: Nullable(Type.String()),
  pipelineId: Nullable(Id),
});

export const CommentSchema = Type.Object({
  id: Id,
  body: Type.String(),
  createdAt: Timestamp,
  author: Nullable(Type.Object({ id: Id, username: Type.String() })),
});

export const IdentifierSchema = Type.Object({ type: Type.String(), name: Type.String(), value: Type.String(), url: Type.Optional(Type.String()) });

/** What the caller may do to this vulnerability (their role in its project and, for a token, its scope). */
export const VulnerabilityPermissionsSchema = Type.Object({
  changeState: Type.Boolean({ description: 'change the state (maintainer or owner)' }),
  comment: Type.Boolean({ description: 'add a comment (developer or higher)' }),
  linkIssue: Type.Boolean({ description: 'set or remove the issue link (developer or higher)' }),
});

export const VulnerabilityDetailSchema = Type.Object({
  id: Id,
  uuid: Type.String(),
  projectId: Id,
  reportType: Type.String(),
  severity: Type.String(),
  state: Type.String(),
  dismissalReason: Nullable(Type.String()),
  title: Type.String(),
  description: Type.String(),
  solution: Nullable(Type.String()),
  scanner: Type.Object({ id: Type.String(), name: Type.String() }),
  primaryIdentifier: IdentifierSchema,
  identifiers: Type.Array(IdentifierSchema),
  location: Type.Unknown(),
  locationText: Type.String(),
  links: Type.Array(Type.Object({ name: Type.Optional(Type.String()), url: Type.String() })),
  evidence: Type.Unknown(),
  cvssVectors: Type.Array(Type.Object({ vendor: Type.String(), vector: Type.String() })),
  raw: Type.Unknown({ description: 'the vulnerability object as the report had it' }),
  isNoLongerDetected: Type.Boolean(),
  issueUrl: Nullable(Type.String()),
  detectedAt: Timestamp,
  lastDetectedAt: Timestamp,
  confirmedAt: Nullable(Timestamp),
  dismissedAt: Nullable(Timestamp),
  resolvedAt: Nullable(Timestamp),
  stateChangedAt: Timestamp,
  firstPipelineId: Nullable(Id),
  lastPipelineId: Nullable(Id),
  history: Type.Array(HistorySchema),
  comments: Type.Array(CommentSchema),
  permissions: VulnerabilityPermissionsSchema,
});

export const StateChangeResult = Type.Object({ updated: Type.Integer() });

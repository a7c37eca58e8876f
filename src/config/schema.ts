import { Type, type Static } from '@sinclair/typebox';
import { SEVERITIES } from '../core/severity.js';

const SeveritySchema = Type.Union(SEVERITIES.map((s) => Type.Literal(s)));
const RuleId = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', maxLength: 128 });

export const CustomSecretRuleSchema = Type.Object(
  {
    id: RuleId,
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    pattern: Type.String({ minLength: 1, maxLength: 2000 }),
    keywords: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 50 }),
    minEntropy: Type.Optional(Type.Number({ minimum: 0, maximum: 8 })),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 32768 })),
  },
  { additionalProperties: false },
);

/** `.bulwark.yml`: every key is checked; an unknown one is an error that names it. */
export const ConfigSchema = Type.Object(
  {
    version: Type.Optional(Type.Literal(1)),
    exclude: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    maxFileSize: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.String({ pattern: '^\\d+(\\.\\d+)?\\s*([kKmMgG][iI]?[bB]?|[bB])?$' })])),
    gitignore: Type.Optional(Type.Boolean()),
    failOn: Type.Optional(SeveritySchema),
    rules: Type.Optional(
      Type.Object(
        {
          disable: Type.Optional(Type.Array(RuleId)),
          severity: Type.Optional(Type.Record(Type.String(), SeveritySchema)),
        },
        { additionalProperties: false },
      ),
    ),
    secrets: Type.Optional(
      Type.Object(
        {
          rules: Type.Optional(Type.Array(CustomSecretRuleSchema)),
          allowlist: Type.Optional(
            Type.Object(
              {
                paths: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
                values: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
                stopwords: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
              },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    dependencies: Type.Optional(
      Type.Object(
        {
          /** Warn when the advisory database is older than this many days. */
          staleAfterDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
        },
        { additionalProperties: false },
      ),
    ),
    sast: Type.Optional(
      Type.Object(
        {
          /** Folder names or path globs SAST leaves out (GitLab's SAST_EXCLUDED_PATHS; default spec, test, tests, tmp). */
          excludedPaths: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
          /** Folders or files of extra rules, relative to the scanned folder. */
          rules: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
        },
        { additionalProperties: false },
      ),
    ),
    licenses: Type.Optional(
      Type.Object(
        {
          /** SPDX license ids a dependency must not be under (a finding each). */
          deny: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 128 }))),
          /** Severity of a denied-license finding (default high). */
          severity: Type.Optional(SeveritySchema),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export type BulwarkConfig = Static<typeof ConfigSchema>;

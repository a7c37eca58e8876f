import { Type, type TSchema } from '@sinclair/typebox';

/** Text without NUL bytes (PostgreSQL cannot store them), bounded. */
export const Text = (maxLength: number, minLength = 0) => Type.String({ minLength, maxLength, pattern: '^[^\\u0000]*$' });

/** A path segment: letters, digits, `_ . -`, starting with a letter or digit. */
export const Slug = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' });

export const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

/** `:id` of a project or group: a number or a URL-encoded full path. */
export const IdParams = Type.Object({ id: Text(512, 1) }, { additionalProperties: false });

export const NumericIdParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,15}$' }) }, { additionalProperties: false });

export const Timestamp = Type.String({ format: 'date-time' });

export const Severity = Type.Union(['critical', 'high', 'medium', 'low', 'info', 'unknown'].map((s) => Type.Literal(s)));

export const ProblemSchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  file: Type.Optional(Type.String()),
  line: Type.Optional(Type.Number()),
  level: Type.Optional(Type.String()),
});

export const ErrorResponse = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String(),
    code: Type.String({ description: 'stable kebab-case error code' }),
    message: Type.String(),
    problems: Type.Optional(Type.Array(ProblemSchema)),
    requestId: Type.Optional(Type.String()),
  },
  { $id: 'Error' },
);

/** Error responses every authenticated route may give. */
export function errorResponses(...codes: number[]): Record<number, TSchema> {
  const out: Record<number, TSchema> = {};
  for (const code of [400, 401, 403, 404, ...codes]) out[code] = Type.Ref('Error');
  return out;
}

export const Pagination = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});

import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Id } from './common.js';

const perSeverity = <T extends TSchema>(schema: T) =>
  Type.Object({ critical: schema, high: schema, medium: schema, low: schema, info: schema, unknown: schema });

export const DaysQuery = (fallback: number, description: string) =>
  Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, default: fallback, description })) }, { additionalProperties: false });
export type DaysQueryType = Static<ReturnType<typeof DaysQuery>>;

export const DailyCountsSchema = Type.Object({
  days: Type.Array(
    Type.Object({
      day: Type.String({ format: 'date' }),
      critical: Type.Integer(),
      high: Type.Integer(),
      medium: Type.Integer(),
      low: Type.Integer(),
      info: Type.Integer(),
      unknown: Type.Integer(),
    }),
  ),
});

const GradeLiteral = Type.Union(['F', 'D', 'C', 'B', 'A'].map((g) => Type.Literal(g)));

export const GradesSchema = Type.Object({
  grades: Type.Array(
    Type.Object({
      grade: GradeLiteral,
      projects: Type.Array(Type.Object({ id: Id, name: Type.String(), fullPath: Type.String() })),
    }),
  ),
});

export const MttrSchema = Type.Object({
  windowDays: Type.Integer(),
  bySeverity: perSeverity(Type.Object({ resolved: Type.Integer(), meanDays: Type.Union([Type.Number(), Type.Null()]) })),
});

export const SlaSchema = Type.Object({
  bySeverity: perSeverity(
    Type.Object({
      slaDays: Type.Union([Type.Integer(), Type.Null()]),
      open: Type.Integer(),
      breached: Type.Integer(),
      oldestBreachDetectedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    }),
  ),
});

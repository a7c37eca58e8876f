import { Type, type Static } from '@sinclair/typebox';
import { Id, Text } from './common.js';

export const DependencyListQuery = Type.Object(
  {
    name: Type.Optional(Text(255, 1)),
    ecosystem: Type.Optional(Text(100, 1)),
    license: Type.Optional(Text(255, 1)),
    has_vulnerabilities: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type DependencyListQueryType = Static<typeof DependencyListQuery>;

const Counts = Type.Object({
  critical: Type.Integer(),
  high: Type.Integer(),
  medium: Type.Integer(),
  low: Type.Integer(),
  info: Type.Integer(),
  unknown: Type.Integer(),
  total: Type.Integer(),
});

export const DependencySchema = Type.Object({
  id: Id,
  projectId: Id,
  projectFullPath: Type.String(),
  ecosystem: Type.String(),
  name: Type.String(),
  version: Type.String(),
  purl: Type.String(),
  packageManager: Type.Union([Type.String(), Type.Null()]),
  isDirect: Type.Union([Type.Boolean(), Type.Null()], { description: 'null when the report does not say' }),
  isDev: Type.Boolean(),
  licenses: Type.Array(Type.String()),
  deniedLicenses: Type.Array(Type.String(), { description: "licenses the project's license policy denies" }),
  locations: Type.Array(Type.Object({ file: Type.String(), line: Type.Optional(Type.Integer()) })),
  dependencyPath: Type.Union([Type.Array(Type.Object({ name: Type.String(), version: Type.String() })), Type.Null()]),
  dependsOn: Type.Array(Type.String()),
  vulnerabilities: Counts,
});

export const DependencyPageSchema = Type.Object({
  items: Type.Array(DependencySchema),
  total: Type.Integer(),
  nextOffset: Type.Union([Type.Integer(), Type.Null()]),
});

export const LicenseListSchema = Type.Object({
  licenses: Type.Array(Type.Object({ license: Type.String(), packages: Type.Integer(), projects: Type.Integer(), denied: Type.Boolean() })),
});

/** SPDX ids (or LicenseRef-…): letters, digits, `.`, `-`, `+`. */
const LicenseId = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9.+-]*$' });

export const LicensePolicyBody = Type.Object({ denied: Type.Array(LicenseId, { maxItems: 500 }) }, { additionalProperties: false });
export type LicensePolicyBodyType = Static<typeof LicensePolicyBody>;
export const LicensePolicySchema = Type.Object({ denied: Type.Array(Type.String()) });

import { Type, type Static } from '@sinclair/typebox';
import { Id, Slug, Text, Timestamp } from './common.js';

export const GroupSchema = Type.Object({
  id: Id,
  parentId: Type.Union([Id, Type.Null()]),
  name: Type.String(),
  path: Type.String(),
  fullPath: Type.String(),
  createdAt: Timestamp,
});

export const CreateGroupBody = Type.Object(
  { name: Text(255, 1), path: Slug, parentId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type CreateGroupBodyType = Static<typeof CreateGroupBody>;

export const BranchName = Type.String({ minLength: 1, maxLength: 255, pattern: '^[^\\u0000-\\u001f\\u007f ~^:?*\\[\\\\]+$' });

export const ProjectSchema = Type.Object({
  id: Id,
  groupId: Id,
  name: Type.String(),
  path: Type.String(),
  fullPath: Type.String(),
  defaultBranch: Type.String(),
  createdAt: Timestamp,
});

export const CreateProjectBody = Type.Object(
  { groupId: Id, name: Text(255, 1), path: Slug, defaultBranch: Type.Optional(BranchName) },
  { additionalProperties: false },
);
export type CreateProjectBodyType = Static<typeof CreateProjectBody>;

export const AccessLevelSchema = Type.Union([Type.Literal(10), Type.Literal(20), Type.Literal(30), Type.Literal(40), Type.Literal(50)], {
  description: '10 guest, 20 reporter, 30 developer, 40 maintainer, 50 owner',
});

export const MemberSchema = Type.Object({ userId: Id, username: Type.String(), accessLevel: AccessLevelSchema, role: Type.String() });

export const AddMemberBody = Type.Object({ userId: Id, accessLevel: AccessLevelSchema }, { additionalProperties: false });
export type AddMemberBodyType = Static<typeof AddMemberBody>;

export const UpdateMemberBody = Type.Object({ accessLevel: AccessLevelSchema }, { additionalProperties: false });
export type UpdateMemberBodyType = Static<typeof UpdateMemberBody>;

export const MemberParams = Type.Object(
  { id: Text(512, 1), userId: Type.String({ pattern: '^[0-9]{1,15}$' }) },
  { additionalProperties: false },
);

export const ListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
    groupId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type ListQueryType = Static<typeof ListQuery>;

import { Type, type Static } from '@sinclair/typebox';
import { Id, Text, Timestamp } from './common.js';

export const Username = Type.String({ minLength: 1, maxLength: 255, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' });
export const Password = Text(1024, 1);

export const UserSchema = Type.Object({
  id: Id,
  username: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  isAdmin: Type.Boolean(),
  isBlocked: Type.Boolean(),
  createdAt: Timestamp,
});
export type UserDto = Static<typeof UserSchema>;

export const LoginBody = Type.Object({ username: Text(255, 1), password: Password }, { additionalProperties: false });
export type LoginBodyType = Static<typeof LoginBody>;

export const CreateUserBody = Type.Object(
  {
    username: Username,
    password: Type.String({ minLength: 12, maxLength: 1024, pattern: '^[^\\u0000]*$' }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 255 })),
    isAdmin: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateUserBodyType = Static<typeof CreateUserBody>;

export const Scope = Type.Union([Type.Literal('api'), Type.Literal('read_api')]);

export const CreateTokenBody = Type.Object(
  {
    name: Text(255, 1),
    scopes: Type.Array(Scope, { minItems: 1, maxItems: 2, uniqueItems: true }),
    expiresAt: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);
export type CreateTokenBodyType = Static<typeof CreateTokenBody>;

export const TokenSchema = Type.Object({
  id: Id,
  name: Type.String(),
  scopes: Type.Array(Type.String()),
  tokenPrefix: Type.String(),
  expiresAt: Type.Union([Timestamp, Type.Null()]),
  lastUsedAt: Type.Union([Timestamp, Type.Null()]),
  revokedAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
});

export const CreatedTokenSchema = Type.Composite([TokenSchema, Type.Object({ token: Type.String({ description: 'shown once; store it now' }) })]);

export const TokenParams = Type.Object({ tokenId: Type.String({ pattern: '^[0-9]{1,15}$' }) }, { additionalProperties: false });

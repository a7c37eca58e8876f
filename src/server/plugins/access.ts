import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { findGroup, findGroupByPath, findProject, findProjectByPath } from '../db/repositories/groups.js';
import { groupAccessLevel, projectAccessLevel } from '../db/repositories/members.js';
import type { Group, Project } from '../db/schema.js';
import { HttpError, forbidden, notFound } from '../http-error.js';
import type { Identity, ResolvedAccess } from '../types.js';

/** GitLab's access levels. */
export const ROLES = { guest: 10, reporter: 20, developer: 30, maintainer: 40, owner: 50 } as const;
export type Role = keyof typeof ROLES;
export const ADMIN_LEVEL = 60;

/** Each permission and the lowest role that has it. */
export const PERMISSIONS = {
  read_project: ROLES.guest,
  read_group: ROLES.guest,
  read_members: ROLES.guest,
  read_pipeline: ROLES.reporter,
  read_vulnerability: ROLES.reporter,
  read_dependency: ROLES.reporter,
  create_pipeline: ROLES.developer,
  upload_report: ROLES.developer,
  comment_vulnerability: ROLES.developer,
  link_vulnerability_issue: ROLES.developer,
  admin_vulnerability: ROLES.maintainer,
  manage_members: ROLES.maintainer,
  create_project: ROLES.maintainer,
  create_subgroup: ROLES.maintainer,
} as const;
export type Permission = keyof typeof PERMISSIONS;

/**
 * Who may call a route. `public`: anyone; `user`: any signed-in user; `admin`: instance admins;
 * `project`/`group`/`vulnerability`: the permission on the resource named by the `:id` param;
 * `per-resource`: the handler checks the permission on each resource it touches (bulk changes).
 */
export type RouteAccess =
  | { readonly kind: 'public' }
  | { readonly kind: 'user' }
  | { readonly kind: 'admin' }
  | { readonly kind: 'project' | 'group' | 'vulnerability'; readonly permission: Permission }
  | { readonly kind: 'per-resource'; readonly permission: Permission };

function isReadMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

/** A `read_api` token may only read; `api` tokens and sessions may write. */
function scopeAllows(identity: Identity, method: string): boolean {
  if (identity.scopes === 'session') return true;
  return identity.scopes.includes('api') || (isReadMethod(method) && identity.scopes.includes('read_api'));
}

/** `:id` as a number, or a (URL-decoded) full path such as `acme/web`. */
function idOrPath(value: unknown): number | string | undefined {
  if (typeof value !== 'string' || value === '' || value.length > 512 || value.includes('\u0000')) return undefined;
  if (/^\d{1,15}$/.test(value)) return Number(value);
  return value;
}

export async function resolveProject(app: FastifyInstance, value: unknown): Promise<Project | undefined> {
  const key = idOrPath(value);
  if (key === undefined) return undefined;
  return typeof key === 'number' ? findProject(app.db, key) : findProjectByPath(app.db, key);
}

export async function resolveGroup(app: FastifyInstance, value: unknown): Promise<Group | undefined> {
  const key = idOrPath(value);
  if (key === undefined) return undefined;
  return typeof key === 'number' ? findGroup(app.db, key) : findGroupByPath(app.db, key);
}

export async function projectLevel(app: FastifyInstance, identity: Identity, projectId: number): Promise<number> {
  return identity.user.is_admin ? ADMIN_LEVEL : projectAccessLevel(app.db, identity.user.id, projectId);
}

/** Throws 404 when the user may not see the project at all, 403 when they see it but lack the permission. */
export function requireLevel(level: number, permission: Permission, what: string): void {
  if (level <= 0) throw notFound(what);
  if (level < PERMISSIONS[permission]) throw forbidden(`${permission.replaceAll('_', ' ')} needs the ${roleName(PERMISSIONS[permission])} role or higher`);
}

export function roleName(level: number): string {
  const found = Object.entries(ROLES).find(([, value]) => value === level);
  return found === undefined ? `level ${level}` : found[0];
}

async function resolveAccess(app: FastifyInstance, request: FastifyRequest, access: RouteAccess, identity: Identity): Promise<ResolvedAccess> {
  const params = (request.params ?? {}) as Record<string, unknown>;
  switch (access.kind) {
    case 'public':
    case 'user':
    case 'per-resource':
      return { level: 0 };
    case 'admin':
      if (!identity.user.is_admin) throw forbidden('this needs an instance administrator');
      return { level: ADMIN_LEVEL };
    case 'project': {
      const project = await resolveProject(app, params.id);
      if (project === undefined) throw notFound('project');
      const level = await projectLevel(app, identity, project.id);
      requireLevel(level, access.permission, 'project');
      return { project, level };
    }
    case 'group': {
      const group = await resolveGroup(app, params.id);
      if (group === undefined) throw notFound('group');
      const level = identity.user.is_admin ? ADMIN_LEVEL : await groupAccessLevel(app.db, identity.user.id, group.id);
      requireLevel(level, access.permission, 'group');
      return { group, level };
    }
    case 'vulnerability': {
      const id = idOrPath(params.id);
      if (typeof id !== 'number') throw notFound('vulnerability');
      const row = await app.db.selectFrom('vulnerabilities').select(['id', 'project_id']).where('id', '=', id).executeTakeFirst();
      if (row === undefined) throw notFound('vulnerability');
      const project = await findProject(app.db, row.project_id);
      if (project === undefined) throw notFound('vulnerability');
      const level = await projectLevel(app, identity, project.id);
      requireLevel(level, access.permission, 'vulnerability');
      return { project, level, vulnerabilityId: row.id };
    }
  }
}

/**
 * Deny by default: every route must carry `config.access`; one without it answers 403 whoever
 * calls. Runs on request, before the body is read, after authentication (plugins/auth.ts).
 */
export function registerAccessControl(app: FastifyInstance): void {
  app.decorateRequest('access', null);
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) {
      // 404s from the not-found handler have no route config; they stay 404.
      if (request.is404) return;
      throw new HttpError(403, 'route-without-access-rule', 'this route declares no access rule, so it is closed');
    }
    if (access.kind === 'public') return;
    const identity = request.identity;
    if (identity === null) throw new HttpError(401, 'unauthenticated', 'sign in or send a personal access token (Authorization: Bearer bwk_…)');
    if (!scopeAllows(identity, request.method)) throw new HttpError(403, 'insufficient-scope', 'this token has the read_api scope only; writing needs the api scope');
    request.access = await resolveAccess(app, request, access, identity);
  });
}

/** Route options lacking an access rule, for tests and a start-up warning. */
export function routesWithoutAccess(routes: readonly RouteOptions[]): RouteOptions[] {
  return routes.filter((route) => (route.config as { access?: RouteAccess } | undefined)?.access === undefined);
}

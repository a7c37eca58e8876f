import type { Selectable } from 'kysely';
import type { Group, PersonalAccessTokensTable, Pipeline, Project, User } from '../../db/schema.js';

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

export function userDto(user: User) {
  return { id: user.id, username: user.username, email: user.email, isAdmin: user.is_admin, isBlocked: user.is_blocked, createdAt: user.created_at.toISOString() };
}

export function tokenDto(token: Selectable<PersonalAccessTokensTable>) {
  return {
    id: token.id,
    name: token.name,
    scopes: token.scopes,
    tokenPrefix: token.token_prefix,
    expiresAt: iso(token.expires_at),
    lastUsedAt: iso(token.last_used_at),
    revokedAt: iso(token.revoked_at),
    createdAt: token.created_at.toISOString(),
  };
}

export function groupDto(group: Group) {
  return { id: group.id, parentId: group.parent_id, name: group.name, path: group.path, fullPath: group.full_path, createdAt: group.created_at.toISOString() };
}

export function projectDto(project: Project) {
  return {
    id: project.id,
    groupId: project.group_id,
    name: project.name,
    path: project.path,
    fullPath: project.full_path,
    defaultBranch: project.default_branch,
    createdAt: project.created_at.toISOString(),
  };
}

export function pipelineDto(pipeline: Pipeline) {
  return {
    id: pipeline.id,
    projectId: pipeline.project_id,
    ref: pipeline.ref,
    sha: pipeline.sha,
    source: pipeline.source,
    status: pipeline.status,
    isDefaultBranch: pipeline.is_default_branch,
    startedAt: iso(pipeline.started_at),
    finishedAt: iso(pipeline.finished_at),
    createdAt: pipeline.created_at.toISOString(),
  };
}

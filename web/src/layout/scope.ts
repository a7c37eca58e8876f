/**
 * What a page is about: the whole instance, one group (with its subgroups) or one project. The
 * scope is part of the URL (`/groups/4/vulnerabilities`), so every view can be shared as a link.
 */
export type Scope = { readonly kind: 'instance' } | { readonly kind: 'group'; readonly id: number } | { readonly kind: 'project'; readonly id: number };

export const INSTANCE: Scope = { kind: 'instance' };

/** The page path in a scope: `scopePath({kind:'group', id: 4}, 'dashboard')` → `/groups/4/dashboard`. */
export function scopePath(scope: Scope, page: string): string {
  if (scope.kind === 'group') return `/groups/${scope.id}/${page}`;
  if (scope.kind === 'project') return `/projects/${scope.id}/${page}`;
  return `/${page}`;
}

/** The API prefix of a scope: `/api/v1`, `/api/v1/groups/4`, `/api/v1/projects/7`. */
export function apiPrefix(scope: Scope): string {
  if (scope.kind === 'group') return `/api/v1/groups/${scope.id}`;
  if (scope.kind === 'project') return `/api/v1/projects/${scope.id}`;
  return '/api/v1';
}

/** Read the scope from route params (`groupId` / `projectId`). */
export function scopeFromParams(params: Readonly<Record<string, string | undefined>>): Scope {
  const group = Number(params.groupId);
  if (params.groupId !== undefined && Number.isSafeInteger(group) && group > 0) return { kind: 'group', id: group };
  const project = Number(params.projectId);
  if (params.projectId !== undefined && Number.isSafeInteger(project) && project > 0) return { kind: 'project', id: project };
  return INSTANCE;
}

import type { Scope } from './scope.js';

export interface NavPage {
  /** Path segment after the scope prefix. */
  readonly page: string;
  readonly label: string;
  readonly scopes: readonly Scope['kind'][];
}

/** The scope-level pages, in menu order, and where each exists. */
export const NAV_PAGES: readonly NavPage[] = [
  { page: 'vulnerabilities', label: 'Vulnerability report', scopes: ['instance', 'group', 'project'] },
  { page: 'dashboard', label: 'Security dashboard', scopes: ['group', 'project'] },
  { page: 'pipelines', label: 'Pipelines', scopes: ['project'] },
  { page: 'dependencies', label: 'Dependency list', scopes: ['group', 'project'] },
  { page: 'licenses', label: 'License compliance', scopes: ['group', 'project'] },
  { page: 'security-configuration', label: 'Security configuration', scopes: ['project'] },
  { page: 'inventory', label: 'Security inventory', scopes: ['instance', 'group'] },
];

export function pagesOf(scope: Scope): NavPage[] {
  return NAV_PAGES.filter((page) => page.scopes.includes(scope.kind));
}

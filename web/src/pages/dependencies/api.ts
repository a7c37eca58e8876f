/**
 * Calls of the dependency list and license pages, typed from the server's schemas (type-only
 * imports), so a change on the server fails typecheck here instead of breaking the page.
 */
import type { Static } from '@sinclair/typebox';
import type { DependencyPageSchema, LicenseListSchema, LicensePolicySchema } from '../../../../src/server/schemas/dependencies.js';
import { api } from '../../api/client.js';

export type DependencyPage = Static<typeof DependencyPageSchema>;
export type Dependency = DependencyPage['items'][number];
export type LicenseList = Static<typeof LicenseListSchema>;
export type LicenseUse = LicenseList['licenses'][number];
export type LicensePolicy = Static<typeof LicensePolicySchema>;
/**
 * The fields of a vulnerability list item this page reads. Written out because the list's schema
 * module imports server code (node's Buffer) that the browser typecheck cannot see.
 */
export interface VulnerabilityItem {
  readonly id: number;
  readonly title: string;
  readonly severity: string;
  readonly packageName: string | null;
  readonly packageVersion: string | null;
  readonly primaryIdentifier: { readonly name: string };
}
interface VulnerabilityPage {
  readonly items: VulnerabilityItem[];
  readonly nextCursor: string | null;
}

export interface DependencyFilters {
  readonly name: string;
  readonly ecosystem: string;
  /** '' any, 'yes' only packages with open vulnerabilities, 'no' only those without. */
  readonly vulnerable: '' | 'yes' | 'no';
  readonly license: string;
  readonly offset: number;
}

export const PAGE_SIZE = 20;

export function fetchDependencies(prefix: string, filters: DependencyFilters, signal?: AbortSignal): Promise<DependencyPage> {
  return api.get<DependencyPage>(
    `${prefix}/dependencies`,
    {
      name: filters.name.trim(),
      ecosystem: filters.ecosystem,
      license: filters.license,
      has_vulnerabilities: filters.vulnerable === '' ? undefined : filters.vulnerable === 'yes',
      limit: PAGE_SIZE,
      offset: filters.offset,
    },
    signal,
  );
}

export const licensesKey = (prefix: string) => ['licenses', prefix] as const;
export const fetchLicenses = (prefix: string, signal?: AbortSignal) => api.get<LicenseList>(`${prefix}/licenses`, undefined, signal);

/** Open dependency findings of a project: the report types whose findings name a package. */
const PACKAGE_REPORT_TYPES = ['dependency_scanning', 'container_scanning', 'cluster_image_scanning'];
const OPEN_STATES = ['detected', 'confirmed'];
/** 10 pages of 100: enough for any real project; beyond it the list says it is partial. */
const MAX_PAGES = 10;

export interface ProjectPackageVulnerabilities {
  readonly items: VulnerabilityItem[];
  /** False when the project has more open dependency findings than were fetched. */
  readonly complete: boolean;
}

/**
 * The open dependency findings of a project, severity first. The vulnerability list has no
 * package filter, so the page matches name and version itself; one fetch serves every package of
 * the project (react-query caches it per project).
 */
export async function fetchPackageVulnerabilities(projectId: number, signal?: AbortSignal): Promise<ProjectPackageVulnerabilities> {
  const items: VulnerabilityItem[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    // Repeated parameters (report_type=a&report_type=b): the server reads them as a list.
    const query = new URLSearchParams();
    for (const type of PACKAGE_REPORT_TYPES) query.append('report_type', type);
    for (const state of OPEN_STATES) query.append('state', state);
    query.set('activity', 'all');
    query.set('sort', 'severity_desc');
    query.set('limit', '100');
    if (cursor !== null) query.set('cursor', cursor);
    const result: VulnerabilityPage = await api.get(`/api/v1/projects/${projectId}/vulnerabilities?${query.toString()}`, undefined, signal);
    items.push(...result.items);
    cursor = result.nextCursor;
    if (cursor === null) return { items, complete: true };
  }
  return { items, complete: false };
}

export const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info', 'unknown'] as const;

/** The worst severity with at least one open vulnerability, or null when there are none. */
export function worstSeverity(counts: Dependency['vulnerabilities']): (typeof SEVERITY_ORDER)[number] | null {
  return SEVERITY_ORDER.find((severity) => counts[severity] > 0) ?? null;
}

/** CycloneDX download of a project's dependency list. */
export async function fetchCycloneDx(projectId: number): Promise<{ blob: Blob; fileName: string }> {
  const response = await fetch(`/api/v1/projects/${projectId}/dependencies.cdx.json`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = (await response.json()) as { message?: unknown };
      if (typeof body.message === 'string') message = body.message;
    } catch {
      // not JSON: keep the status line
    }
    throw new Error(`CycloneDX export failed: ${message}`);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `project-${projectId}.cdx.json`;
  return { blob: await response.blob(), fileName };
}

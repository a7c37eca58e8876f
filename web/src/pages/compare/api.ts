import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import type { CompareSchema, FindingSummarySchema } from '../../../../src/server/schemas/compare.js';
import { api } from '../../api/client.js';

export type Comparison = Static<typeof CompareSchema>;
export type ReportComparison = Comparison['reportTypes'][number];
export type FindingSummary = Static<typeof FindingSummarySchema>;

export function useComparison(projectId: number, head: number | undefined, base: number | undefined, includeDismissed: boolean) {
  return useQuery({
    queryKey: ['compare', projectId, base ?? null, head ?? null, includeDismissed],
    queryFn: ({ signal }) =>
      api.get<Comparison>(`/api/v1/projects/${projectId}/compare`, { head, base, include_dismissed: includeDismissed ? true : undefined }, signal),
    enabled: head !== undefined,
    placeholderData: keepPreviousData,
  });
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** GitLab's widget wording: "SAST detected 3 new potential vulnerabilities and 6 fixed". */
export function summarySentence(label: string, added: number, fixed: number): string {
  if (added === 0 && fixed === 0) return `${label} detected no new potential vulnerabilities`;
  if (fixed === 0) return `${label} detected ${added} new potential ${plural(added, 'vulnerability', 'vulnerabilities')}`;
  if (added === 0) return `${label} detected no new potential vulnerabilities and ${fixed} fixed`;
  return `${label} detected ${added} new potential ${plural(added, 'vulnerability', 'vulnerabilities')} and ${fixed} fixed`;
}

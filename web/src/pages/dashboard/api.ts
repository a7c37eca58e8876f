import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import type { DailyCountsSchema, GradesSchema, MttrSchema, SlaSchema } from '../../../../src/server/schemas/dashboard.js';
import { api } from '../../api/client.js';
import { apiPrefix, type Scope } from '../../layout/scope.js';

export type DailyCounts = Static<typeof DailyCountsSchema>;
export type DailyCount = DailyCounts['days'][number];
export type Grades = Static<typeof GradesSchema>;
export type Grade = Grades['grades'][number]['grade'];
export type Mttr = Static<typeof MttrSchema>;
export type Sla = Static<typeof SlaSchema>;

/** The ranges the picker offers; the server takes 1–365. */
export const RANGES = [30, 60, 90, 365] as const;
export type Range = (typeof RANGES)[number];
export const DEFAULT_RANGE: Range = 90;

export function parseRange(value: string | null): Range {
  const days = Number(value);
  return (RANGES as readonly number[]).includes(days) ? (days as Range) : DEFAULT_RANGE;
}

const base = (scope: Scope) => `${apiPrefix(scope)}/dashboard`;

// Each panel has its own query, so a slow one (SLA over a large group) does not hold up the others;
// keepPreviousData keeps the chart and tables in place while another range loads.
export function useDailyCounts(scope: Scope, days: Range) {
  return useQuery({
    queryKey: ['dashboard', base(scope), 'daily-counts', days],
    queryFn: ({ signal }) => api.get<DailyCounts>(`${base(scope)}/daily-counts`, { days }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMttr(scope: Scope, days: Range) {
  return useQuery({
    queryKey: ['dashboard', base(scope), 'mttr', days],
    queryFn: ({ signal }) => api.get<Mttr>(`${base(scope)}/mttr`, { days }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSla(scope: Scope) {
  return useQuery({ queryKey: ['dashboard', base(scope), 'sla'], queryFn: ({ signal }) => api.get<Sla>(`${base(scope)}/sla`, {}, signal) });
}

/** Grades exist for groups only (a project's grade is its own counts). */
export function useGrades(scope: Scope) {
  return useQuery({
    queryKey: ['dashboard', base(scope), 'grades'],
    queryFn: ({ signal }) => api.get<Grades>(`${base(scope)}/grades`, {}, signal),
    enabled: scope.kind === 'group',
  });
}

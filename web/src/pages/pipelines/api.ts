import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import type { PipelineWithReportsSchema } from '../../../../src/server/schemas/compare.js';
import { api } from '../../api/client.js';

export type Pipeline = Static<typeof PipelineWithReportsSchema>;

export const PAGE_SIZE = 20;

/** One page of a project's pipelines, newest first; `before` is the keyset cursor (a pipeline id). */
export function usePipelines(projectId: number, options: { before?: number | undefined; limit?: number; ref?: string | undefined }) {
  const limit = options.limit ?? PAGE_SIZE;
  return useQuery({
    queryKey: ['pipelines', projectId, options.before ?? null, limit, options.ref ?? null],
    queryFn: ({ signal }) =>
      api.get<Pipeline[]>(`/api/v1/projects/${projectId}/pipelines`, { limit, before: options.before, ref: options.ref }, signal),
    placeholderData: keepPreviousData,
  });
}

export function shortSha(sha: string): string {
  return sha.slice(0, 8);
}

/** A positive integer from the query string, or undefined. */
export function idParam(value: string | null): number | undefined {
  if (value === null || !/^\d{1,15}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

export function compareHref(projectId: number, head: number, base?: number): string {
  const query = new URLSearchParams();
  if (base !== undefined) query.set('base', String(base));
  query.set('head', String(head));
  return `/projects/${projectId}/compare?${query.toString()}`;
}

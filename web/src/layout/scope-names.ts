import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.js';
import type { Group, Project } from '../api/types.js';

/** Groups and projects the user can see (up to 100 each: the server's page limit). */
export function useVisibleScopes() {
  const groups = useQuery({ queryKey: ['groups', 'visible'], queryFn: () => api.get<Group[]>('/api/v1/groups', { limit: 100 }), staleTime: 60_000 });
  const projects = useQuery({ queryKey: ['projects', 'visible'], queryFn: () => api.get<Project[]>('/api/v1/projects', { limit: 100 }), staleTime: 60_000 });
  return { groups, projects };
}

export function useGroup(id: number | undefined) {
  return useQuery({ queryKey: ['group', id], queryFn: () => api.get<Group>(`/api/v1/groups/${id}`), enabled: id !== undefined, staleTime: 60_000 });
}

export function useProject(id: number | undefined) {
  return useQuery({ queryKey: ['project', id], queryFn: () => api.get<Project>(`/api/v1/projects/${id}`), enabled: id !== undefined, staleTime: 60_000 });
}

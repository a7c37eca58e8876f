import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { api, ApiError, setUnauthorizedHandler } from '../api/client.js';
import type { User } from '../api/types.js';
import { Loading, ErrorMessage } from '../components/status.js';

const SessionContext = createContext<User | null>(null);

/** The signed-in user; only inside <RequireSession>. */
export function useUser(): User {
  const user = useContext(SessionContext);
  if (user === null) throw new Error('useUser outside <RequireSession>');
  return user;
}

export const USER_QUERY_KEY = ['session-user'] as const;

/** The signed-in user, or null without a session (main.tsx asks for it before the first render). */
export async function fetchUser(): Promise<User | null> {
  try {
    return await api.get<User>('/api/v1/user');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function signIn(username: string, password: string): Promise<User> {
  const result = await api.post<{ user: User }>('/api/v1/session', { username, password });
  return result.user;
}

export async function signOut(): Promise<void> {
  await api.delete('/api/v1/session');
}

/** Pages behind it need a session; without one the user goes to /sign-in and comes back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  const queryClient = useQueryClient();
  const { data: user, error, isPending } = useQuery({ queryKey: USER_QUERY_KEY, queryFn: fetchUser, staleTime: 5 * 60_000 });
  useEffect(() => {
    // A session that expires while a page is open: any 401 sends the user to sign in again.
    setUnauthorizedHandler(() => queryClient.setQueryData(USER_QUERY_KEY, null));
    return () => setUnauthorizedHandler(undefined);
  }, [queryClient]);
  if (isPending) return <Loading what="your session" />;
  if (error !== null) return <ErrorMessage error={error} title="Could not reach the server" />;
  if (user === null || user === undefined) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <SessionContext.Provider value={user}>{children}</SessionContext.Provider>;
}

import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RequireSession } from './auth/session.js';
import { AppShell } from './layout/app-shell.js';
import SignInPage from './pages/sign-in/index.js';

type PageModule = { default: ComponentType };
/** Each page is its own chunk, loaded when its route is first visited. */
const page = (load: () => Promise<PageModule>): Pick<RouteObject, 'lazy'> => ({
  lazy: async () => ({ Component: (await load()).default }),
});

const vulnerabilityReport = page(() => import('./pages/vulnerability-report/index.js'));
const dashboard = page(() => import('./pages/dashboard/index.js'));
const dependencies = page(() => import('./pages/dependencies/index.js'));
const licenses = page(() => import('./pages/licenses/index.js'));
const inventory = page(() => import('./pages/inventory/index.js'));

/**
 * URLs: the scope prefix (none, /groups/:groupId, /projects/:projectId) then the page. Filters
 * and sorting live in the query string, so every view can be bookmarked and shared.
 */
export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppShell />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Navigate to="/vulnerabilities" replace /> },
      { path: 'vulnerabilities', ...vulnerabilityReport },
      { path: 'groups/:groupId/vulnerabilities', ...vulnerabilityReport },
      { path: 'projects/:projectId/vulnerabilities', ...vulnerabilityReport },
      { path: 'vulnerabilities/:vulnerabilityId', ...page(() => import('./pages/vulnerability/index.js')) },
      { path: 'groups/:groupId/dashboard', ...dashboard },
      { path: 'projects/:projectId/dashboard', ...dashboard },
      { path: 'projects/:projectId/pipelines', ...page(() => import('./pages/pipelines/index.js')) },
      { path: 'projects/:projectId/compare', ...page(() => import('./pages/compare/index.js')) },
      { path: 'groups/:groupId/dependencies', ...dependencies },
      { path: 'projects/:projectId/dependencies', ...dependencies },
      { path: 'groups/:groupId/licenses', ...licenses },
      { path: 'projects/:projectId/licenses', ...licenses },
      { path: 'projects/:projectId/security-configuration', ...page(() => import('./pages/security-configuration/index.js')) },
      { path: 'inventory', ...inventory },
      { path: 'groups/:groupId/inventory', ...inventory },
      { path: '*', ...page(() => import('./pages/not-found.js')) },
    ],
  },
]);

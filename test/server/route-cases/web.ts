import type { RouteCase } from '../route-matrix.js';

/** The web UI's catch-all page route (src/server/web): public, as the sign-in page must be. */
export const ROUTE_CASES: readonly RouteCase[] = [{ route: 'GET /*', minimum: 'public', request: () => ({ url: '/projects/1/vulnerabilities' }) }];

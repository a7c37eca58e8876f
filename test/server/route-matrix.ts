import type { Caller, Minimum, World } from './route-world.js';

export interface RouteRequest {
  /** URL with parameters filled in (query string included). */
  readonly url: string;
  /** JSON body. */
  readonly body?: unknown;
  /** A raw body (report uploads). */
  readonly raw?: string;
}

/**
 * One row of the role × route matrix: the route as Fastify lists it (`METHOD /url/:param`), the
 * least caller that may use it, and how to build a request that succeeds for an allowed caller
 * (it may set things up first; it runs once per caller).
 */
export interface RouteCase {
  readonly route: string;
  readonly minimum: Minimum;
  readonly request: (world: World, caller: Caller) => RouteRequest | Promise<RouteRequest>;
}

const LADDER: readonly Caller[] = ['outsider', 'guest', 'reporter', 'developer', 'maintainer', 'owner', 'admin'];

/** Whether a caller may use a route with this minimum (an admin may do everything). */
export function isAllowed(minimum: Minimum, caller: Caller): boolean {
  if (minimum === 'public') return true;
  if (caller === 'anonymous') return false;
  if (minimum === 'user') return true;
  if (minimum === 'admin') return caller === 'admin';
  return LADDER.indexOf(caller) >= LADDER.indexOf(minimum);
}

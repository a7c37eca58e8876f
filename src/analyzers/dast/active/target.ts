import type { HttpRequest } from '../http/types.js';

export type BodyKind = 'none' | 'form' | 'json' | 'xml';

/** A request the scan can replay with one value changed: a link with a query, a form, an API operation. */
export interface AttackTarget {
  readonly method: string;
  /** Absolute URL without query string; path segments kept as written. */
  readonly url: string;
  readonly query: readonly (readonly [string, string])[];
  readonly bodyKind: BodyKind;
  /** Fields of a form body. */
  readonly form: readonly (readonly [string, string])[];
  /** A JSON body (object or array), for API operations. */
  readonly json?: unknown;
  /** An XML body, for operations that take XML. */
  readonly xml?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Indexes of path segments (0 = first after `/`) that carry values (`/users/{id}`). */
  readonly pathParams: readonly number[];
  /** Names of those path parameters where the API description gives them (`id` for `{id}`). */
  readonly pathParamNames?: readonly string[];
  /** Where it came from: `link`, `form`, `openapi`, `postman`, `har`. */
  readonly source: string;
  /** A display name for API operations (`GET /pets/{id}`), the URL path otherwise. */
  readonly label: string;
}

export type InjectionWhere = 'query' | 'form' | 'json' | 'path' | 'xml';

export interface InjectionPoint {
  readonly target: AttackTarget;
  readonly where: InjectionWhere;
  /** Parameter name as the report shows it (`q`, `user.name`, `path[1]`). */
  readonly name: string;
  readonly original: string;
  readonly jsonPath?: readonly (string | number)[];
  readonly segment?: number;
}

const MAX_JSON_POINTS = 50;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** encodeURIComponent that never throws: a lone surrogate (a fuzzing value) becomes U+FFFD. */
export function encodeValue(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\ufffd'));
}

function encodeForm(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([k, v]) => `${encodeValue(k)}=${encodeValue(v)}`).join('&');
}

function pathSegments(url: string): { prefix: string; segments: string[] } {
  const match = /^(https?:\/\/[^/]+)(\/.*)?$/i.exec(url);
  const prefix = match?.[1] ?? url;
  const path = match?.[2] ?? '/';
  return { prefix, segments: path.slice(1).split('/') };
}

function jsonLeaves(value: unknown, path: (string | number)[], out: { path: (string | number)[]; value: string }[], depth: number): void {
  if (out.length >= MAX_JSON_POINTS || depth > 8) return;
  if (Array.isArray(value)) value.slice(0, 5).forEach((item, i) => jsonLeaves(item, [...path, i], out, depth + 1));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) jsonLeaves(item, [...path, key], out, depth + 1);
  } else if (path.length > 0) out.push({ path, value: value === null ? '' : String(value) });
}

function setJson(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value) && typeof head === 'number') return value.map((item, i) => (i === head ? setJson(item, rest, replacement) : item));
  if (value !== null && typeof value === 'object' && typeof head === 'string') {
    return { ...(value as Record<string, unknown>), [head]: setJson((value as Record<string, unknown>)[head], rest, replacement) };
  }
  return value;
}

/** Every place a value can be injected into this target. */
export function injectionPoints(target: AttackTarget): InjectionPoint[] {
  const points: InjectionPoint[] = [];
  for (const [name, value] of target.query) points.push({ target, where: 'query', name, original: value });
  if (target.bodyKind === 'form') for (const [name, value] of target.form) points.push({ target, where: 'form', name, original: value });
  if (target.bodyKind === 'json') {
    const leaves: { path: (string | number)[]; value: string }[] = [];
    jsonLeaves(target.json, [], leaves, 0);
    for (const leaf of leaves) points.push({ target, where: 'json', name: leaf.path.join('.'), original: leaf.value, jsonPath: leaf.path });
  }
  const { segments } = pathSegments(target.url);
  target.pathParams.forEach((index, i) => {
    const original = segments[index];
    const name = target.pathParamNames?.[i] ?? `path[${index}]`;
    if (original !== undefined) points.push({ target, where: 'path', name, original: decodeURIComponentSafe(original), segment: index });
  });
  return points;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The target's request with nothing changed. */
export function baseRequest(target: AttackTarget): HttpRequest {
  return requestWith(target, undefined, '');
}

/** The target's request with `value` at `point` (or unchanged when `point` is undefined). */
export function requestWith(target: AttackTarget, point: InjectionPoint | undefined, value: string, rawValue?: unknown): HttpRequest {
  const query = target.query.map(([k, v]) => [k, point?.where === 'query' && point.name === k ? value : v] as const);
  let url = target.url;
  if (point?.where === 'path' && point.segment !== undefined) {
    const { prefix, segments } = pathSegments(url);
    // The value stays one segment (`/` as %2F), as a router hands path parameters to the code.
    segments[point.segment] = encodeValue(value);
    url = `${prefix}/${segments.join('/')}`;
  }
  if (query.length > 0) url += `?${encodeForm(query)}`;
  const headers: Record<string, string> = { ...(target.headers ?? {}) };
  let body: string | undefined;
  if (target.bodyKind === 'form') {
    body = encodeForm(target.form.map(([k, v]) => [k, point?.where === 'form' && point.name === k ? value : v] as const));
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  } else if (target.bodyKind === 'json') {
    const json = point?.where === 'json' && point.jsonPath ? setJson(target.json, point.jsonPath, rawValue !== undefined ? rawValue : value) : target.json;
    body = JSON.stringify(json ?? {});
    headers['Content-Type'] = 'application/json';
  } else if (target.bodyKind === 'xml') {
    body = point?.where === 'xml' ? value : (target.xml ?? '');
    headers['Content-Type'] = 'application/xml';
  }
  return { method: target.method, url, headers, ...(body === undefined ? {} : { body }) };
}

/**
 * The route of a URL: value-like path segments (numbers, UUIDs, the target's path parameters) as
 * `*`, so `/p/1` and `/p/2` are one route and are attacked once.
 */
export function routeOf(url: string, pathParams: readonly number[] = []): string {
  const { prefix, segments } = pathSegments(url);
  const route = segments.map((segment, i) => (pathParams.includes(i) || /^(\d+|[0-9a-f]{8}-[0-9a-f-]{27})$/i.test(segment) ? '*' : segment));
  return `${prefix}/${route.join('/')}`;
}

/** One key per distinct target: method, route and parameter names (values differ from link to link). */
export function targetKey(target: AttackTarget): string {
  const names = [...target.query.map(([k]) => k), ...target.form.map(([k]) => `f:${k}`)].sort().join(',');
  return `${target.method} ${routeOf(target.url, target.pathParams)} ${target.bodyKind} ${names} ${target.pathParams.join('/')}`;
}

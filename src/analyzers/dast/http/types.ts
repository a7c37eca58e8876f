/** A request as the scanner builds it. `url` keeps its path as written: `../` is not normalised away. */
export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  /** Header names in any case; the client adds cookies, custom headers and its own defaults. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly reason: string;
  /** Raw header pairs, names lower-cased, in the order received. */
  readonly headers: readonly (readonly [string, string])[];
  /** The body decoded as UTF-8, cut at the client's size limit. */
  readonly body: string;
  readonly truncated: boolean;
  readonly elapsedMs: number;
}

/** What was actually sent (with every header) and what came back. */
export interface Exchange {
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly headers: readonly (readonly [string, string])[];
    readonly body?: string;
  };
  readonly response: HttpResponse;
}

export function header(response: HttpResponse, name: string): string | undefined {
  const lower = name.toLowerCase();
  return response.headers.find(([key]) => key === lower)?.[1];
}

export function headersNamed(response: HttpResponse, name: string): string[] {
  const lower = name.toLowerCase();
  return response.headers.filter(([key]) => key === lower).map(([, value]) => value);
}

export function contentType(response: HttpResponse): string {
  return (header(response, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function isHtml(response: HttpResponse): boolean {
  const type = contentType(response);
  return type === 'text/html' || type === 'application/xhtml+xml' || (type === '' && /^\s*<(!doctype|html)/i.test(response.body));
}

/** Split a URL without normalising its path: `http://h:1/a/../b?q` → origin `http://h:1`, path `/a/../b?q`. */
export function splitUrl(url: string): { origin: string; protocol: 'http:' | 'https:'; host: string; pathAndQuery: string } | undefined {
  const match = /^(https?:)\/\/([^/?#\s]+)([^#]*)/i.exec(url);
  if (!match) return undefined;
  const protocol = (match[1] ?? '').toLowerCase() === 'https:' ? 'https:' : 'http:';
  let parsed: URL;
  try {
    parsed = new URL(`${protocol}//${match[2] ?? ''}/`);
  } catch {
    return undefined;
  }
  const rest = match[3] ?? '';
  return { origin: parsed.origin, protocol, host: parsed.host, pathAndQuery: rest === '' ? '/' : rest.startsWith('/') ? rest : `/${rest}` };
}

/** The path of a URL, without query, as the report's location shows it. */
export function urlPath(url: string): string {
  const split = splitUrl(url);
  if (!split) return url;
  const q = split.pathAndQuery.indexOf('?');
  return q === -1 ? split.pathAndQuery : split.pathAndQuery.slice(0, q);
}

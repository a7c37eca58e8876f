import type { Problem } from '../../../core/result.js';
import type { AttackTarget } from '../active/target.js';
import { baseRequest, targetKey } from '../active/target.js';
import type { HttpClient } from '../http/client.js';
import { isHtml, splitUrl, type Exchange } from '../http/types.js';
import { fillField } from './form-values.js';
import { extractHtml, type HtmlForm } from './html.js';
import { parseRobots, parseSitemap } from './robots.js';

export interface CrawlOptions {
  readonly maxPages: number;
  readonly maxDepth: number;
  readonly maxDurationMs: number;
  /** Submit the forms found (GET and POST) with filled-in values. */
  readonly submitForms: boolean;
  /** Values for named form fields (`--form-value name=value`). */
  readonly formValues?: Readonly<Record<string, string>>;
  /** Renders a page in a browser and returns its DOM as HTML (browser mode). */
  readonly render?: (url: string) => Promise<string | undefined>;
  readonly signal?: AbortSignal;
  readonly concurrency: number;
  /** More starting points (the login page, which a logged-in crawl would not see linked). */
  readonly seeds?: readonly string[];
  /** With a login: tells when a response shows the session was lost, and logs in again. */
  readonly session?: {
    wasSentToLogin(hops: readonly Exchange[]): boolean;
    renew(): Promise<boolean>;
  };
}

export interface CrawledPage {
  readonly url: string;
  readonly method: string;
  readonly depth: number;
  readonly exchange: Exchange;
}

export interface CrawlResult {
  readonly pages: CrawledPage[];
  readonly targets: AttackTarget[];
  readonly problems: Problem[];
}

type Job = { readonly kind: 'get'; readonly url: string; readonly depth: number } | { readonly kind: 'form'; readonly form: HtmlForm; readonly depth: number };

const MAX_PROBLEMS = 200;
const STATIC_EXTENSION = /\.(css|js|mjs|map|png|jpe?g|gif|svg|ico|webp|woff2?|ttf|eot|otf|mp[34]|webm|pdf|zip|gz)$/i;
const VALUE_SEGMENT = /^(\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[^/]+\.(txt|log|md|csv|json|xml|pdf|png|jpg|docx?|xlsx?))$/i;

/** A link's key ignores query values: `/item?id=1` and `/item?id=2` are one resource. */
function linkKey(url: string): string {
  try {
    const parsed = new URL(url);
    const names = [...new Set([...parsed.searchParams.keys()])].sort().join('&');
    return `GET ${parsed.origin}${parsed.pathname}?${names}`;
  } catch {
    return `GET ${url}`;
  }
}

function linkTarget(url: string): AttackTarget | undefined {
  const split = splitUrl(url);
  if (!split) return undefined;
  const q = split.pathAndQuery.indexOf('?');
  const path = q === -1 ? split.pathAndQuery : split.pathAndQuery.slice(0, q);
  const query: [string, string][] = [];
  if (q !== -1) for (const [k, v] of new URLSearchParams(split.pathAndQuery.slice(q + 1))) query.push([k, v]);
  const segments = path.slice(1).split('/');
  const last = segments.length - 1;
  const lastSegment = segments[last] ?? '';
  const pathParams = last >= 0 && VALUE_SEGMENT.test(decodeURIComponent(lastSegment)) && !STATIC_EXTENSION.test(lastSegment) ? [last] : [];
  if (query.length === 0 && pathParams.length === 0) return undefined;
  return { method: 'GET', url: `${split.origin}${path}`, query, bodyKind: 'none', form: [], pathParams, source: 'link', label: path };
}

function formTarget(form: HtmlForm, values: Readonly<Record<string, string>>): AttackTarget | undefined {
  const split = splitUrl(form.action);
  if (!split) return undefined;
  const q = split.pathAndQuery.indexOf('?');
  const path = q === -1 ? split.pathAndQuery : split.pathAndQuery.slice(0, q);
  const fields = form.fields.map((field) => [field.name, fillField(field, values)] as const);
  const actionQuery: [string, string][] = q === -1 ? [] : [...new URLSearchParams(split.pathAndQuery.slice(q + 1))];
  if (form.method === 'GET') {
    return { method: 'GET', url: `${split.origin}${path}`, query: [...actionQuery, ...fields], bodyKind: 'none', form: [], pathParams: [], source: 'form', label: path };
  }
  return { method: 'POST', url: `${split.origin}${path}`, query: actionQuery, bodyKind: 'form', form: fields, pathParams: [], source: 'form', label: path };
}

/** Breadth-first crawl from `start`: links, forms, redirects, robots.txt and sitemaps, within the limits. */
export async function crawl(client: HttpClient, start: string, options: CrawlOptions): Promise<CrawlResult> {
  const started = Date.now();
  const pages: CrawledPage[] = [];
  const targets = new Map<string, AttackTarget>();
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const queue: Job[] = [];
  const values = options.formValues ?? {};
  let limitNoted = false;

  // Requests started, so concurrent workers cannot overshoot --max-pages (redirect hops are extra).
  let jobsStarted = 1;
  const enqueueUrl = (url: string, depth: number): void => {
    if (depth > options.maxDepth || !client.scope.allows(url)) return;
    const key = linkKey(url);
    if (seen.has(key)) return;
    seen.add(key);
    queue.push({ kind: 'get', url, depth });
    const target = linkTarget(url);
    if (target) targets.set(targetKey(target), target);
  };
  const enqueueForm = (form: HtmlForm, depth: number): void => {
    const target = formTarget(form, values);
    if (!target || !client.scope.allows(target.url)) return;
    const key = `form ${targetKey(target)}`;
    if (seen.has(key)) return;
    seen.add(key);
    targets.set(targetKey(target), target);
    if (options.submitForms && depth <= options.maxDepth) queue.push({ kind: 'form', form, depth });
  };
  const outOfTime = (): boolean => Date.now() - started > options.maxDurationMs || options.signal?.aborted === true;


  const visit = async (job: Job, retried = false): Promise<void> => {
    const formRequest = job.kind === 'form' ? formTarget(job.form, values) : undefined;
    const request = job.kind === 'get' ? { method: 'GET', url: job.url } : formRequest ? baseRequest(formRequest) : undefined;
    if (!request) return;
    const hops = await client.follow(request);
    if (!hops.ok) {
      // A site that fails everywhere must not grow the report without bound.
      if (hops.error.code !== 'out-of-scope' && problems.length < MAX_PROBLEMS) problems.push(hops.error);
      return;
    }
    if (!retried && options.session?.wasSentToLogin(hops.value) === true && (await options.session.renew())) {
      await visit(job, true);
      return;
    }
    for (const exchange of hops.value) {
      pages.push({ url: exchange.request.url, method: exchange.request.method, depth: job.depth, exchange });
      const location = exchange.response.headers.find(([k]) => k === 'location')?.[1];
      if (location !== undefined) {
        try {
          enqueueUrl(new URL(location, exchange.request.url).href, job.depth + 1);
        } catch {
          problems.push({ code: 'bad-redirect', message: `unreadable Location header at ${exchange.request.url}`, level: 'info' });
        }
      }
    }
    const last = hops.value[hops.value.length - 1];
    if (!last || !isHtml(last.response)) return;
    let html = last.response.body;
    if (options.render && job.kind === 'get') html = (await options.render(last.request.url)) ?? html;
    const facts = extractHtml(html, last.request.url);
    for (const link of facts.links) enqueueUrl(link, job.depth + 1);
    for (const form of facts.forms) enqueueForm(form, job.depth + 1);
  };

  enqueueUrl(start, 0);
  // The start page first (site-wide findings carry its evidence), then robots.txt and sitemaps.
  const first = queue.shift();
  if (first) await visit(first);
  await discoverSeeds(client, start, (url) => enqueueUrl(url, 1));
  for (const seed of options.seeds ?? []) enqueueUrl(seed, 1);

  const worker = async (): Promise<void> => {
    for (;;) {
      if (outOfTime() || jobsStarted >= options.maxPages) {
        if (!limitNoted && queue.length > 0) {
          limitNoted = true;
          problems.push({
            code: 'crawl-limit',
            message: `crawl stopped at its limit (${pages.length} pages, ${Math.round((Date.now() - started) / 1000)} s); ${queue.length} queued resource(s) not visited`,
            level: 'warn',
          });
        }
        return;
      }
      const job = queue.shift();
      if (!job) {
        if (active === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 5));
        continue;
      }
      active++;
      jobsStarted++;
      try {
        await visit(job);
      } finally {
        active--;
      }
    }
  };
  let active = 0;
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, () => worker()));
  return { pages, targets: [...targets.values()], problems };
}

/** robots.txt and sitemap.xml (and the sitemaps robots.txt names) as extra starting points. */
async function discoverSeeds(client: HttpClient, start: string, add: (url: string) => void): Promise<void> {
  let origin: string;
  try {
    origin = new URL(start).origin;
  } catch {
    return;
  }
  const sitemaps = [`${origin}/sitemap.xml`];
  const robots = await client.send({ method: 'GET', url: `${origin}/robots.txt` });
  if (robots.ok && robots.value.response.status === 200 && !isHtml(robots.value.response)) {
    const parsed = parseRobots(robots.value.response.body, origin);
    parsed.paths.forEach(add);
    sitemaps.push(...parsed.sitemaps);
  }
  const seenMaps = new Set<string>();
  for (let i = 0; i < sitemaps.length && seenMaps.size < 10; i++) {
    const url = sitemaps[i];
    if (url === undefined || seenMaps.has(url) || !client.scope.allows(url)) continue;
    seenMaps.add(url);
    const result = await client.send({ method: 'GET', url });
    if (!result.ok || result.value.response.status !== 200) continue;
    const parsed = parseSitemap(result.value.response.body);
    if (parsed.isIndex) sitemaps.push(...parsed.urls);
    else parsed.urls.forEach(add);
  }
}

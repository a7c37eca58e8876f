import type { Finding, ReportType } from '../../core/finding.js';
import type { AnalyzerRun, ScanReport, ScannedResource } from '../../core/report.js';
import type { Problem } from '../../core/result.js';
import { startCanary } from './active/canary.js';
import { runActive } from './active/runner.js';
import { baseRequest, routeOf, targetKey, type AttackTarget } from './active/target.js';
import { loadApiTargets, type ApiOperation } from './api/load.js';
import { FormLogin } from './auth/form-login.js';
import { ACTIVE_CHECKS, allDastRules, PASSIVE_CHECKS } from './checks/index.js';
import { crawl, type CrawledPage } from './crawl/crawler.js';
import { openBrowser, type BrowserSession } from './crawl/browser.js';
import { API_FUZZING_ANALYZER_ID, DAST_ANALYZER_ID, DAST_ANALYZER_VERSION, dedupeFindings, primaryIdentifier } from './findings.js';
import { runFuzz } from './fuzz/fuzzer.js';
import { fuzzRules } from './fuzz/rules.js';
import { HttpClient } from './http/client.js';
import { CookieJar } from './http/cookies.js';
import { createScope } from './http/scope.js';
import { isHtml, splitUrl, urlPath } from './http/types.js';
import type { DastOptions } from './options.js';
import { PassiveScanner } from './passive.js';

const MAX_RESOURCES = 20_000;
const LOGOUT = '(log|sign)-?(out|off)';

export class DastSetupError extends Error {}

function pageTargets(pages: readonly CrawledPage[]): AttackTarget[] {
  const seen = new Set<string>();
  const out: AttackTarget[] = [];
  for (const page of pages) {
    const status = page.exchange.response.status;
    if (page.method !== 'GET' || status < 200 || status >= 300) continue;
    const split = splitUrl(page.url);
    if (!split) continue;
    const url = `${split.origin}${urlPath(page.url)}`;
    // Whole-request checks (CORS) once per route: `/p/1` … `/p/300` share their handler.
    const route = routeOf(url);
    if (seen.has(route)) continue;
    seen.add(route);
    out.push({ method: 'GET', url, query: [], bodyKind: 'none', form: [], pathParams: [], source: 'page', label: urlPath(page.url) });
  }
  return out;
}

/** One DAST run: log in, crawl and/or read the API description, check passively, attack, fuzz. */
export async function runDast(options: DastOptions): Promise<ScanReport> {
  const startedAt = new Date();
  const problems: Problem[] = [];
  const api = options.api ? await loadApiTargets(options.api, options.url) : undefined;
  if (api && !api.ok) throw new DastSetupError(api.error);
  const start = options.url ?? api?.value.baseUrl;
  if (start === undefined) throw new DastSetupError('give the URL to scan, or an API description with a server URL');
  const startSplit = splitUrl(start);
  if (!startSplit) throw new DastSetupError(`not an http(s) URL: ${start}`);
  const reportType: ReportType = 'dast';
  const made = createScope({
    hosts: [startSplit.host, ...options.scopeHosts],
    include: options.include,
    exclude: [...options.exclude, ...(options.auth ? [LOGOUT] : [])],
  });
  if ('error' in made) throw new DastSetupError(made.error);
  const jar = new CookieJar();
  if (options.cookies !== undefined) jar.addHeader(options.cookies);
  const client = new HttpClient({
    scope: made.scope,
    requestsPerSecond: options.requestsPerSecond,
    concurrency: options.concurrency,
    timeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxBodyBytes,
    maxRequests: options.maxRequests,
    headers: options.headers,
    cookies: jar,
    allowDestructive: options.allowDestructive,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const families = new Set(options.checks);
  const passive = new PassiveScanner(PASSIVE_CHECKS.filter((c) => families.size === 0 || families.has(c.family)), reportType);
  const resources = new Map<string, ScannedResource>();
  let phase: 'discover' | 'attack' = 'discover';
  const attackFamilies = new Set(['stack-traces']);
  // Discovery traffic gets every passive check; attack traffic only the stack-trace check, filed
  // under the attacked target (the runner passes it), and fuzzing reports its own.
  client.onExchange((exchange) => {
    if (phase !== 'discover') return;
    const key = `${exchange.request.method} ${exchange.request.url}`;
    if (resources.size < MAX_RESOURCES && !resources.has(key)) resources.set(key, { method: exchange.request.method, url: exchange.request.url, type: 'url' });
    passive.inspect(exchange);
  });

  let login: FormLogin | undefined;
  if (options.auth) {
    login = new FormLogin(client, { ...options.auth, verifyUrl: options.auth.verifyUrl ?? start });
    const result = await login.login();
    if (!result.ok) throw new DastSetupError(result.error.message);
    options.onProgress?.('logged in');
  }

  let browser: BrowserSession | undefined;
  let pages: CrawledPage[] = [];
  let targets: AttackTarget[] = [...(api?.value.targets ?? [])];
  for (const problem of api?.value.problems ?? []) problems.push(problem);
  try {
    if (options.browser) {
      const opened = await openBrowser(options.browserPath, made.scope, client, jar);
      if (!opened.ok) throw new DastSetupError(opened.error);
      browser = opened.value;
    }
    if (options.url !== undefined || !api) {
      const session = browser;
      const crawled = await crawl(client, start, {
        maxPages: options.maxPages,
        maxDepth: options.maxDepth,
        maxDurationMs: options.maxDurationMs,
        submitForms: true,
        // The login form is attacked like any other, with working credentials (an open redirect after login needs them).
        formValues: { ...(login?.credentials ?? {}), ...options.formValues },
        concurrency: options.concurrency,
        ...(options.auth ? { seeds: [options.auth.url] } : {}),
        ...(login ? { session: login } : {}),
        ...(session ? { render: (url: string) => session.render(url) } : {}),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      pages = crawled.pages;
      problems.push(...crawled.problems);
      targets.push(...crawled.targets);
    } else {
      for (const target of targets) {
        const sent = await client.send(baseRequest(target));
        if (!sent.ok && sent.error.code !== 'destructive-method') problems.push(sent.error);
      }
    }
  } finally {
    await browser?.close();
  }
  options.onProgress?.(`discovered ${pages.length} page(s), ${targets.length} attack target(s)`);
  targets = [...new Map(targets.map((t) => [targetKey(t), t])).values()];
  for (const target of targets) {
    const key = `${target.method} ${target.url}`;
    if (resources.size < MAX_RESOURCES && !resources.has(key)) resources.set(key, { method: target.method, url: target.url, type: 'url' });
  }

  const findings: Finding[] = [];
  const fuzzFindings: Finding[] = [];
  if (!options.passiveOnly) {
    phase = 'attack';
    const canary = await startCanary();
    try {
      const active = ACTIVE_CHECKS.filter((c) => families.size === 0 || families.has(c.family));
      const revisit = [...new Set(pages.filter((p) => p.method === 'GET' && isHtml(p.exchange.response)).map((p) => p.url))];
      const guard = login;
      findings.push(
        ...(await runActive(client, [...targets, ...pageTargets(pages)], revisit, {
          checks: active,
          canary,
          timeDelayMs: options.timeDelayMs,
          reportType,
          parallel: Math.max(1, Math.min(options.concurrency, 4)),
          maxPointsPerTarget: 30,
          inspect: (exchange, target) => passive.inspect(exchange, attackFamilies, { method: target.method, url: target.url }),
          ...(guard ? { beforeTarget: async () => void (await guard.ensure()), session: guard } : {}),
          ...(options.signal === undefined ? {} : { signal: options.signal }),
        })),
      );
      if (options.fuzz && api) fuzzFindings.push(...(await runFuzz(client, api.value.operations, { signal: options.signal })));
    } finally {
      await canary.close();
    }
  }
  client.close();
  if (options.fuzz && !api) problems.push({ code: 'fuzz-needs-api', message: '--fuzz needs an API description (--openapi, --postman or --har); nothing was fuzzed', level: 'warn' });
  if (client.refusedTotal > 0) problems.push({ code: 'out-of-scope', message: `${client.refusedTotal} out-of-scope URL(s) were not requested`, level: 'info' });
  findings.push(...passive.findings());
  const finishedAt = new Date();
  const runs: AnalyzerRun[] = [
    {
      analyzer: DAST_ANALYZER_ID,
      version: DAST_ANALYZER_VERSION,
      reportType: 'dast',
      status: 'ok',
      startedAt,
      finishedAt,
      problems,
      primaryIdentifiers: allDastRules().map(primaryIdentifier),
    },
  ];
  if (options.fuzz && api) {
    runs.push({ analyzer: API_FUZZING_ANALYZER_ID, version: DAST_ANALYZER_VERSION, reportType: 'api_fuzzing', status: 'ok', startedAt, finishedAt, problems: [], primaryIdentifiers: fuzzRules().map(primaryIdentifier) });
  }
  return {
    target: start,
    startedAt,
    finishedAt,
    runs,
    findings: dedupeFindings([...findings, ...fuzzFindings]),
    inventory: { packages: [], dependencyFiles: [] },
    stats: { filesScanned: pages.length, bytesScanned: 0, filesSkipped: 0 },
    problems: [],
    scannedResources: [...resources.values()],
  };
}

export type { ApiOperation };

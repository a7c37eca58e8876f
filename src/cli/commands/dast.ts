import { Option, type Command } from 'commander';
import type { ScanReport } from '../../core/report.js';
import { isAtLeast, isSeverity, SEVERITIES, type Severity } from '../../core/severity.js';
import { CHECK_FAMILIES } from '../../analyzers/dast/checks/index.js';
import { DAST_DEFAULTS, dastOptions, type DastOptions } from '../../analyzers/dast/options.js';
import { DastSetupError, runDast } from '../../analyzers/dast/scanner.js';
import { gitlabWriter } from '../../formats/gitlab/writer.js';
import { sarifWriter } from '../../formats/sarif/writer.js';
import type { ReportWriter } from '../../formats/types.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../errors.js';
import { writeReports } from '../write-reports.js';
import { VERSION } from '../version.js';

export interface DastFlags {
  readonly openapi?: string;
  readonly postman?: string;
  readonly har?: string;
  readonly fuzz?: boolean;
  readonly out: string;
  readonly failOn?: string;
  readonly format: string;
  readonly scope?: string[];
  readonly include?: string[];
  readonly exclude?: string[];
  readonly header?: string[];
  readonly bearer?: string;
  readonly cookie?: string;
  readonly rateLimit?: string;
  readonly concurrency?: string;
  readonly timeout?: string;
  readonly maxPages?: string;
  readonly maxDepth?: string;
  readonly maxDuration?: string;
  readonly maxRequests?: string;
  readonly browser?: boolean;
  readonly allowDestructive?: boolean;
  readonly passiveOnly?: boolean;
  readonly checks?: string;
  readonly timeDelay?: string;
  readonly formValue?: string[];
  readonly authUrl?: string;
  readonly authUsername?: string;
  readonly authPassword?: string;
  readonly authUsernameField?: string;
  readonly authPasswordField?: string;
  readonly authVerify?: string;
  readonly authVerifyUrl?: string;
  readonly projectId?: string;
  readonly quiet?: boolean;
}

const WRITERS: Readonly<Record<string, ReportWriter>> = { gitlab: gitlabWriter, sarif: sarifWriter };
const MAX_LISTED = 50;

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function positive(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number (got "${value}")`);
  return n;
}

function pairs(flag: string, values: readonly string[] | undefined, separator: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values ?? []) {
    const at = value.indexOf(separator);
    if (at <= 0) throw new UsageError(`${flag} needs "name${separator}value" (got "${value}")`);
    out[value.slice(0, at).trim()] = value.slice(at + 1).trim();
  }
  return out;
}

/** Turn flags into scan options; every mistake is a usage error with one clear line. */
export function dastOptionsFromFlags(url: string | undefined, flags: DastFlags, signal: AbortSignal): DastOptions {
  const apiSources = [flags.openapi && { kind: 'openapi' as const, source: flags.openapi }, flags.postman && { kind: 'postman' as const, source: flags.postman }, flags.har && { kind: 'har' as const, source: flags.har }].filter(
    (x): x is { kind: 'openapi' | 'postman' | 'har'; source: string } => typeof x === 'object',
  );
  if (apiSources.length > 1) throw new UsageError('give only one of --openapi, --postman and --har');
  if (url === undefined && apiSources.length === 0) throw new UsageError('give the URL to scan (or an API description with --openapi, --postman or --har)');
  if (url !== undefined && !/^https?:\/\/[^/\s]+/i.test(url)) throw new UsageError(`the target must be an http:// or https:// URL (got "${url}")`);
  const checks = (flags.checks ?? '').split(',').map((c) => c.trim()).filter((c) => c !== '');
  for (const check of checks) if (!CHECK_FAMILIES.includes(check)) throw new UsageError(`unknown check family "${check}" in --checks (known: ${CHECK_FAMILIES.join(', ')})`);
  const headers = pairs('--header', flags.header, ':');
  if (flags.bearer !== undefined) headers['Authorization'] = `Bearer ${flags.bearer}`;
  const password = flags.authPassword ?? process.env['BULWARK_DAST_PASSWORD'];
  let auth: DastOptions['auth'];
  if (flags.authUrl !== undefined) {
    const username = flags.authUsername ?? process.env['BULWARK_DAST_USERNAME'];
    if (username === undefined || password === undefined) throw new UsageError('--auth-url needs --auth-username and --auth-password (or BULWARK_DAST_USERNAME / BULWARK_DAST_PASSWORD)');
    if (flags.authVerify !== undefined) {
      try {
        new RegExp(flags.authVerify);
      } catch {
        throw new UsageError(`--auth-verify "${flags.authVerify}" is not a valid regular expression`);
      }
    }
    auth = {
      url: flags.authUrl,
      username,
      password,
      ...(flags.authUsernameField === undefined ? {} : { usernameField: flags.authUsernameField }),
      ...(flags.authPasswordField === undefined ? {} : { passwordField: flags.authPasswordField }),
      ...(flags.authVerify === undefined ? {} : { verifyPattern: flags.authVerify }),
      ...(flags.authVerifyUrl === undefined ? {} : { verifyUrl: flags.authVerifyUrl }),
    };
  }
  const api = apiSources[0];
  return dastOptions({
    ...(url === undefined ? {} : { url }),
    ...(api === undefined ? {} : { api }),
    fuzz: flags.fuzz === true,
    scopeHosts: (flags.scope ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== ''),
    include: flags.include ?? [],
    exclude: flags.exclude ?? [],
    requestsPerSecond: positive('--rate-limit', flags.rateLimit, DAST_DEFAULTS.requestsPerSecond),
    concurrency: Math.floor(positive('--concurrency', flags.concurrency, DAST_DEFAULTS.concurrency)),
    timeoutMs: positive('--timeout', flags.timeout, DAST_DEFAULTS.timeoutMs / 1000) * 1000,
    maxPages: Math.floor(positive('--max-pages', flags.maxPages, DAST_DEFAULTS.maxPages)),
    maxDepth: Math.floor(positive('--max-depth', flags.maxDepth, DAST_DEFAULTS.maxDepth)),
    maxDurationMs: positive('--max-duration', flags.maxDuration, DAST_DEFAULTS.maxDurationMs / 1000) * 1000,
    maxRequests: Math.floor(positive('--max-requests', flags.maxRequests, DAST_DEFAULTS.maxRequests)),
    timeDelayMs: positive('--time-delay', flags.timeDelay, DAST_DEFAULTS.timeDelayMs),
    headers,
    ...(flags.cookie === undefined ? {} : { cookies: flags.cookie }),
    allowDestructive: flags.allowDestructive === true,
    browser: flags.browser === true,
    formValues: pairs('--form-value', flags.formValue, '='),
    checks,
    passiveOnly: flags.passiveOnly === true,
    ...(auth === undefined ? {} : { auth }),
    signal,
  });
}

function where(report: ScanReport, index: number): string {
  const finding = report.findings[index];
  if (!finding || finding.location.kind !== 'http') return '';
  const loc = finding.location;
  return `${loc.method} ${loc.path}${loc.param === '' ? '' : ` [${loc.param}]`}`;
}

/** The terminal summary of a DAST run. */
export function formatDastSummary(report: ScanReport, files: readonly string[], elapsedMs: number): string {
  const lines: string[] = [];
  const resources = report.scannedResources?.length ?? 0;
  lines.push(`Scanned ${report.target}: ${report.stats.filesScanned} page(s) crawled, ${resources} resource(s) in ${(elapsedMs / 1000).toFixed(1)}s`);
  if (report.findings.length > 0) lines.push('');
  report.findings.slice(0, MAX_LISTED).forEach((finding, i) => {
    lines.push(`  ${finding.severity.toUpperCase().padEnd(8)} ${where(report, i)}  ${finding.title}  [${finding.ruleId}]`);
  });
  if (report.findings.length > MAX_LISTED) lines.push(`  … and ${report.findings.length - MAX_LISTED} more (see the reports)`);
  lines.push('');
  lines.push(`Findings: ${report.findings.length} (${SEVERITIES.map((s) => `${s} ${report.findings.filter((f) => f.severity === s).length}`).join(' · ')})`);
  for (const problem of report.runs.flatMap((run) => run.problems).filter((p) => p.level === 'warn' || p.level === 'error').slice(0, 10)) lines.push(`  warning: ${problem.message}`);
  if (files.length > 0) lines.push(`Reports: ${files.join(', ')}`);
  return `${lines.join('\n')}\n`;
}


/** `bulwark dast URL`: returns the exit code. */
export async function dastCommand(url: string | undefined, flags: DastFlags, signal: AbortSignal): Promise<number> {
  const options = dastOptionsFromFlags(url, flags, signal);
  const writers = flags.format.split(',').map((name) => {
    const writer = WRITERS[name.trim()];
    if (!writer) throw new UsageError(`unknown format "${name}" in --format (known: ${Object.keys(WRITERS).join(', ')})`);
    return writer;
  });
  let failOn: Severity | undefined;
  if (flags.failOn !== undefined) {
    const lower = flags.failOn.toLowerCase();
    if (!isSeverity(lower)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')} (got "${flags.failOn}")`);
    failOn = lower;
  }
  const started = Date.now();
  let report: ScanReport;
  try {
    report = await runDast({ ...options, ...(flags.quiet === true ? {} : { onProgress: (m: string) => void process.stderr.write(`bulwark dast: ${m}\n`) }) });
  } catch (error) {
    if (error instanceof DastSetupError) throw new UsageError(error.message);
    throw error;
  }
  const projectId = flags.projectId;
  const written = await writeReports(report, writers, flags.out, {
    toolVersion: VERSION,
    ...(projectId === undefined ? {} : { projectId: /^\d+$/.test(projectId) ? Number(projectId) : projectId }),
  });
  if (flags.quiet !== true) process.stdout.write(formatDastSummary(report, written, Date.now() - started));
  if (failOn !== undefined && report.findings.some((f) => isAtLeast(f.severity, failOn))) return EXIT_FINDINGS;
  return EXIT_OK;
}

export function registerDastCommand(program: Command, setExitCode: (code: number) => void, signal: AbortSignal): void {
  program
    .command('dast')
    .description('test a running web application or API from the outside (crawl, passive and active checks)')
    .argument('[url]', 'where the crawl starts (the API base URL in API mode)')
    .option('--openapi <spec>', 'OpenAPI 3 / Swagger 2 description (file or URL): test every operation')
    .option('--postman <collection>', 'Postman collection (v2.x) to test')
    .option('--har <file>', 'HAR recording whose requests to test')
    .option('--fuzz', 'with an API description: fuzz every parameter (gl-api-fuzzing-report.json)')
    .option('--out <dir>', 'folder for the report files', '.')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity'))
    .option('--format <list>', 'report formats: gitlab, sarif', 'gitlab,sarif')
    .option('--scope <hosts>', 'more hosts the scan may request (host or host:port; repeatable)', collect)
    .option('--include <regex>', 'only request URLs matching this regular expression (repeatable)', collect)
    .option('--exclude <regex>', 'never request URLs matching this regular expression (repeatable)', collect)
    .option('--header <name:value>', 'header sent with every request (repeatable)', collect)
    .option('--bearer <token>', 'send Authorization: Bearer <token>')
    .option('--cookie <cookies>', 'cookies to start with ("a=1; b=2")')
    .option('--auth-url <url>', 'login page with the form to log in through')
    .option('--auth-username <name>', 'login user name (or BULWARK_DAST_USERNAME)')
    .option('--auth-password <password>', 'login password (or BULWARK_DAST_PASSWORD)')
    .option('--auth-username-field <name>', 'name of the user name field (default: detected)')
    .option('--auth-password-field <name>', 'name of the password field (default: detected)')
    .option('--auth-verify <regex>', 'a logged-in page matches this (used to detect a lost session and log in again)')
    .option('--auth-verify-url <url>', 'page to test the session on (default: the start URL)')
    .option('--rate-limit <rps>', `requests per second at most (default ${DAST_DEFAULTS.requestsPerSecond})`)
    .option('--concurrency <n>', `requests in flight at most (default ${DAST_DEFAULTS.concurrency})`)
    .option('--timeout <seconds>', `per-request timeout (default ${DAST_DEFAULTS.timeoutMs / 1000})`)
    .option('--max-pages <n>', `pages to crawl at most (default ${DAST_DEFAULTS.maxPages})`)
    .option('--max-depth <n>', `link depth from the start page (default ${DAST_DEFAULTS.maxDepth})`)
    .option('--max-duration <seconds>', `crawl time limit (default ${DAST_DEFAULTS.maxDurationMs / 1000})`)
    .option('--max-requests <n>', `requests in the whole scan at most (default ${DAST_DEFAULTS.maxRequests})`)
    .option('--time-delay <ms>', `delay used by time-based checks (default ${DAST_DEFAULTS.timeDelayMs})`)
    .option('--form-value <name=value>', 'value for a form field when crawling (repeatable)', collect)
    .option('--checks <list>', `only these check families (${CHECK_FAMILIES.join(', ')})`)
    .option('--passive-only', 'crawl and check responses, send no attacks')
    .option('--browser', 'render pages in headless Chromium (/usr/bin/chromium) to find script-made links')
    .option('--allow-destructive', 'allow PUT, PATCH and DELETE requests')
    .option('--project-id <id>', 'GitLab project id: report ids become GitLab finding UUIDs')
    .option('--quiet', 'print nothing but errors')
    .action(async (url: string | undefined, flags: DastFlags) => {
      setExitCode(await dastCommand(url, flags, signal));
    });
}

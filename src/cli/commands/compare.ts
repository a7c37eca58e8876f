import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { compareFindings, type ReportTypeComparison } from '../../core/compare.js';
import { dedupeWithinPipeline } from '../../core/identity/dedupe.js';
import type { Location } from '../../core/location.js';
import { isSeverity, isAtLeast, SEVERITIES, type Severity } from '../../core/severity.js';
import { ingestedFindingUuid, readSecurityReportBytes, type IngestedFinding } from '../../formats/read/index.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../errors.js';

/** Largest report file read (the server's default ingest limit). */
export const MAX_REPORT_BYTES = 100 * 1024 * 1024;

export interface CompareFlags {
  readonly format?: string;
  readonly failOnNew?: string;
}

export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const PROCESS_IO: CommandIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

/** Report files of a folder (not its subfolders), in name order: GitLab reports, SARIF, and with `sboms` CycloneDX. */
export function listReportFiles(dir: string, options: { sboms?: boolean } = {}): string[] {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .filter((name) => /^gl-.*\.json$/i.test(name) || /\.sarif(\.json)?$/i.test(name) || (options.sboms === true && /\.cdx\.json$/i.test(name)))
    .filter((name) => options.sboms === true || !/\.cdx\.json$/i.test(name))
    .sort();
  // A Bulwark scan writes its findings twice, as GitLab reports and as bulwark.sarif (for GitHub);
  // reading both would count each finding twice, under two identifier types.
  const hasGitlab = names.some((name) => /^gl-.*\.json$/i.test(name));
  return hasGitlab ? names.filter((name) => name !== BULWARK_SARIF) : names;
}

/** The SARIF file `bulwark scan` writes beside its GitLab reports. */
export const BULWARK_SARIF = 'bulwark.sarif';

/** Every finding of a folder's reports, deduplicated as one pipeline's (spec §2.4). */
function readFolder(dir: string, io: CommandIo): IngestedFinding[] | undefined {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    names = listReportFiles(dir);
  } catch (error) {
    io.stderr(`bulwark: cannot read folder ${dir}: ${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
  if (names.length === 0) io.stderr(`bulwark: no reports (gl-*.json, *.sarif) in ${dir}; every finding on the other side counts as new or fixed\n`);
  const reports: { artifactPath: string; findings: IngestedFinding[] }[] = [];
  for (const name of names) {
    const path = join(dir, name);
    let bytes: Buffer;
    try {
      if (statSync(path).size > MAX_REPORT_BYTES) throw new Error(`larger than ${MAX_REPORT_BYTES} bytes`);
      bytes = readFileSync(path);
    } catch (error) {
      io.stderr(`bulwark: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
      return undefined;
    }
    const read = readSecurityReportBytes(bytes, { fileName: name, maxBytes: MAX_REPORT_BYTES });
    if (!read.ok) {
      io.stderr(`bulwark: ${path} is not a report Bulwark can read:\n${read.error.map((p) => `  ${p.message}\n`).join('')}`);
      return undefined;
    }
    for (const report of read.value) reports.push({ artifactPath: name, findings: [...report.findings] });
  }
  return dedupeWithinPipeline(reports, { projectId: 0, useSignatures: true }).kept;
}

export function locationText(location: Location): string {
  switch (location.kind) {
    case 'source':
      return location.file === '' ? '' : `${location.file}${location.startLine > 0 ? `:${location.startLine}` : ''}`;
    case 'dependency':
      return `${location.file} ${location.packageName}@${location.version}`;
    case 'image':
      return `${location.image} ${location.packageName}@${location.version}`;
    case 'http':
      return `${location.method} ${location.hostname}${location.path}${location.param === '' ? '' : ` (${location.param})`}`;
  }
}

function summary(f: IngestedFinding): Record<string, unknown> {
  return {
    uuid: ingestedFindingUuid(f, { projectId: 0, useSignatures: true }),
    reportType: f.reportType,
    severity: f.finding.severity,
    title: f.finding.title,
    primaryIdentifier: f.finding.identifiers[0],
    identifiers: f.finding.identifiers,
    location: f.finding.location,
    locationText: locationText(f.finding.location),
  };
}

function textReport(base: string, head: string, result: ReportTypeComparison<IngestedFinding>[]): string {
  const lines = [`Comparing ${base} (base) with ${head} (head)`];
  if (result.length === 0) lines.push('No findings on either side.');
  for (const type of result) {
    lines.push('', `${type.reportType}: ${type.addedTotal} new, ${type.fixedTotal} fixed, ${type.unchanged.length} unchanged`);
    const rows = [...type.added.map((f) => ['new', f] as const), ...type.fixed.map((f) => ['fixed', f] as const)];
    for (const [change, f] of rows) {
      const where = locationText(f.finding.location);
      // A CVE says more to a reader than a scanner's internal advisory id.
      const id = f.finding.identifiers.find((i) => i.type.toLowerCase() === 'cve') ?? f.finding.identifiers[0];
      lines.push(`  ${change.padEnd(5)}  ${f.finding.severity.toUpperCase().padEnd(8)}  ${id.value}  ${f.finding.title}${where === '' ? '' : `  ${where}`}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `bulwark compare BASE HEAD`: new and fixed findings per report type. Returns the exit code. */
export function compareCommand(baseDir: string, headDir: string, flags: CompareFlags, io: CommandIo = PROCESS_IO): number {
  const format = (flags.format ?? 'text').toLowerCase();
  if (format !== 'text' && format !== 'json') {
    io.stderr(`bulwark: --format must be text or json, not "${flags.format ?? ''}"\n`);
    return EXIT_USAGE;
  }
  let threshold: Severity | undefined;
  if (flags.failOnNew !== undefined) {
    const lower = flags.failOnNew.toLowerCase();
    if (!isSeverity(lower)) {
      io.stderr(`bulwark: --fail-on-new must be one of ${SEVERITIES.join(', ')}\n`);
      return EXIT_USAGE;
    }
    threshold = lower;
  }
  const base = readFolder(baseDir, io);
  if (!base) return EXIT_USAGE;
  const head = readFolder(headDir, io);
  if (!head) return EXIT_USAGE;
  const result = compareFindings(base, head, { projectId: 0, useSignatures: true });
  if (format === 'json') {
    const document = {
      base: baseDir,
      head: headDir,
      reportTypes: result.map((t) => ({
        reportType: t.reportType,
        added: t.added.map(summary),
        fixed: t.fixed.map(summary),
        unchanged: t.unchanged.length,
      })),
    };
    io.stdout(`${JSON.stringify(document, null, 2)}\n`);
  } else io.stdout(textReport(baseDir, headDir, result));
  const failing = threshold === undefined ? [] : result.flatMap((t) => t.added).filter((f) => isAtLeast(f.finding.severity, threshold));
  return failing.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

export function registerCompareCommand(program: Command, setExitCode: (code: number) => void, _signal: AbortSignal): void {
  program
    .command('compare')
    .description('compare two folders of reports (merge base and branch): new and fixed findings per report type')
    .argument('<base-dir>', 'reports of the target branch (merge base)')
    .argument('<head-dir>', 'reports of the branch')
    .option('--format <format>', 'text or json', 'text')
    .option('--fail-on-new <severity>', 'exit 1 when a new finding is at or above this severity')
    .action((baseDir: string, headDir: string, flags: CompareFlags) => {
      setExitCode(compareCommand(baseDir, headDir, flags));
    });
}

import type { ScanReport } from '../../core/report.js';
import { SEVERITIES, type Severity } from '../../core/severity.js';

export interface SummaryOptions {
  readonly color: boolean;
  /** Findings listed one per line before the rest are only counted. */
  readonly maxListed: number;
  readonly reportFiles: readonly string[];
  readonly elapsedMs: number;
}

const COLORS: Readonly<Record<Severity, string>> = {
  critical: '\u001b[1;31m',
  high: '\u001b[31m',
  medium: '\u001b[33m',
  low: '\u001b[36m',
  info: '\u001b[37m',
  unknown: '\u001b[37m',
};
const RESET = '\u001b[0m';
const DIM = '\u001b[2m';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit] ?? 'TB'}`;
}

const NOTICE_WORDS: Readonly<Record<string, string>> = {
  'binary-file': 'binary file(s) skipped',
  'file-too-large': 'file(s) over the size limit skipped',
  'symlink-loop': 'symlink loop(s) not followed',
  'symlink-outside-root': 'link(s) out of the tree not followed',
  'broken-symlink': 'broken link(s) skipped',
  'unreadable-directory': 'unreadable director(ies) skipped',
  'unreadable-file': 'unreadable file(s) skipped',
};

/** The terminal summary: what was scanned, each finding on one line (secrets masked), counts, notices. */
export function formatSummary(report: ScanReport, options: SummaryOptions): string {
  const paint = (code: string, text: string): string => (options.color ? `${code}${text}${RESET}` : text);
  const lines: string[] = [];
  const seconds = (options.elapsedMs / 1000).toFixed(2);
  const imageRun = report.runs.some((run) => run.reportType === 'container_scanning');
  const os = report.inventory.os;
  lines.push(
    imageRun
      ? `Scanned image ${report.target}${os ? ` (${os.family} ${os.version})` : ''}: ${report.inventory.packages.length} package(s) in ${seconds}s`
      : `Scanned ${report.stats.filesScanned} file(s)${report.stats.bytesScanned > 0 ? `, ${formatBytes(report.stats.bytesScanned)}` : ''} in ${seconds}s` +
          (report.stats.filesSkipped > 0 ? ` (${report.stats.filesSkipped} skipped)` : ''),
  );
  const listed = report.findings.slice(0, options.maxListed);
  if (listed.length > 0) lines.push('');
  for (const finding of listed) {
    const loc = finding.location;
    const where =
      loc.kind === 'source'
        ? `${loc.file}:${loc.startLine}`
        : loc.kind === 'dependency'
          ? `${loc.file}${loc.line !== undefined ? `:${loc.line}` : ''} ${loc.packageName}@${loc.version}${finding.fixedVersion !== undefined ? ` → ${finding.fixedVersion}` : ''}`
          : loc.kind === 'image'
            ? `${loc.packageName}@${loc.version}${finding.fixedVersion !== undefined ? ` → ${finding.fixedVersion}` : ''}`
            : loc.path;
    const commit = loc.kind === 'source' && loc.commit ? ` @${loc.commit.sha.slice(0, 8)}` : '';
    const secret = finding.evidence?.maskedSecret ? `  ${finding.evidence.maskedSecret}` : '';
    lines.push(
      `  ${paint(COLORS[finding.severity], finding.severity.toUpperCase().padEnd(8))} ${where}${commit}  ${finding.title}${paint(DIM, `  [${finding.ruleId}]`)}${secret}`,
    );
  }
  if (report.findings.length > listed.length) {
    lines.push(`  … and ${report.findings.length - listed.length} more (see the reports)`);
  }
  lines.push('');
  const counts = SEVERITIES.map((severity) => {
    const count = report.findings.filter((f) => f.severity === severity).length;
    const text = `${severity} ${count}`;
    return count > 0 ? paint(COLORS[severity], text) : text;
  });
  lines.push(`Findings: ${report.findings.length} (${counts.join(' · ')})`);
  const notices = new Map<string, number>();
  for (const problem of [...report.problems, ...report.runs.flatMap((run) => run.problems)]) {
    notices.set(problem.code, (notices.get(problem.code) ?? 0) + 1);
  }
  if (notices.size > 0) {
    lines.push(`Notices: ${[...notices].map(([code, n]) => `${n} ${NOTICE_WORDS[code] ?? code}`).join(', ')}`);
    for (const problem of [...report.problems, ...report.runs.flatMap((run) => run.problems)].filter((p) => p.level !== 'info').slice(0, 10)) {
      lines.push(`  warning: ${problem.message}`);
    }
  }
  if (options.reportFiles.length > 0) lines.push(`Reports: ${options.reportFiles.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

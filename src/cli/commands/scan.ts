import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { ReportType } from '../../core/finding.js';
import type { ScanReport } from '../../core/report.js';
import { isAtLeast, isSeverity, SEVERITIES, type Severity } from '../../core/severity.js';
import { AVAILABLE_SCANNERS, SCANNER_NAMES, type AnalyzerSettings, type ScannerName } from '../../analyzers/index.js';
import { resolveDbDir } from '../../advisories/location.js';
import { CONFIG_FILE_NAME, loadConfig, parseSize } from '../../config/load.js';
import type { BulwarkConfig } from '../../config/schema.js';
import { parseBaseline, subtractBaseline } from '../../engine/baseline.js';
import { runScan } from '../../engine/scan.js';
import { WalkError } from '../../engine/walk/walk.js';
import { sbomFileName } from '../../formats/cyclonedx/file-name.js';
import { gitlabWriter } from '../../formats/gitlab/writer.js';
import { sarifWriter } from '../../formats/sarif/writer.js';
import { formatSummary } from '../../formats/text/summary.js';
import type { ReportWriter, WriteOptions } from '../../formats/types.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError } from '../errors.js';
import { writeReports } from '../write-reports.js';
import { createProgressLine } from '../progress.js';
import { VERSION } from '../version.js';

export interface ScanFlags {
  readonly out: string;
  readonly scanners?: string;
  readonly history?: boolean;
  readonly since?: string;
  readonly image?: string;
  readonly failOn?: string;
  readonly config?: string;
  readonly exclude?: string[];
  readonly format: string;
  readonly baseline?: string;
  readonly maxFileSize?: string;
  readonly gitignore: boolean;
  readonly jobs?: string;
  readonly projectId?: string;
  readonly uuidNamespace?: string;
  readonly db?: string;
  readonly licensesDeny?: string;
  /** `--rules <dir>` (repeatable): extra SAST rule files or folders. */
  readonly rules?: string[];
  readonly quiet?: boolean;
  readonly progress: boolean;
}

/** A format named by --format: which files it writes, and its writer, loaded when one is due. */
interface ReportFormat {
  fileName(reportType: ReportType): string | null;
  load(): Promise<ReportWriter>;
}

const eager = (writer: ReportWriter): ReportFormat => ({ fileName: (type) => writer.fileName(type), load: () => Promise.resolve(writer) });

// The CycloneDX writer (and its library) is loaded only when a report type that has an SBOM ran:
// a secrets-only scan with the default formats does not pay for it.
const FORMATS: Readonly<Record<string, ReportFormat>> = {
  gitlab: eager(gitlabWriter),
  sarif: eager(sarifWriter),
  cyclonedx: { fileName: sbomFileName, load: async () => (await import('../../formats/cyclonedx/writer.js')).cyclonedxWriter },
};
const DEFAULT_MAX_FILE_SIZE = 100 * 1024 * 1024;
const MAX_LISTED_FINDINGS = 50;

function parseScanners(value: string | undefined): ScannerName[] {
  if (value === undefined) return [...AVAILABLE_SCANNERS];
  const names = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) throw new UsageError('--scanners needs at least one scanner name');
  for (const name of names) {
    if (!(SCANNER_NAMES as readonly string[]).includes(name)) {
      throw new UsageError(`unknown scanner "${name}" in --scanners (known: ${SCANNER_NAMES.join(', ')})`);
    }
    if (!(AVAILABLE_SCANNERS as readonly string[]).includes(name)) {
      throw new UsageError(`the ${name} scanner is not available in Bulwark ${VERSION} yet (available: ${AVAILABLE_SCANNERS.join(', ')})`);
    }
  }
  return names as ScannerName[];
}

function parseFailOn(value: string | undefined, config: BulwarkConfig): Severity | undefined {
  const raw = value ?? config.failOn;
  if (raw === undefined) return undefined;
  const lower = raw.toLowerCase();
  if (!isSeverity(lower)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')} (got "${raw}")`);
  return lower;
}

function parseFormats(value: string): ReportFormat[] {
  const names = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const formats = names.map((name) => {
    const format = FORMATS[name];
    if (!format) throw new UsageError(`unknown format "${name}" in --format (known: ${Object.keys(FORMATS).join(', ')})`);
    return format;
  });
  if (formats.length === 0) throw new UsageError('--format needs at least one format');
  return formats;
}

/** The writers of the formats that have a file for a report type of this scan. */
function writersFor(formats: readonly ReportFormat[], report: ScanReport): Promise<ReportWriter[]> {
  const types = report.runs.map((run) => run.reportType);
  return Promise.all(formats.filter((format) => types.some((type) => format.fileName(type) !== null)).map((format) => format.load()));
}

function parsePositiveInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive whole number (got "${value}")`);
  return n;
}

async function readConfig(root: string, explicit: string | undefined): Promise<BulwarkConfig> {
  let path = explicit;
  if (path === undefined) {
    const isDir = await stat(root).then((s) => s.isDirectory(), () => false);
    if (!isDir) return {};
    path = join(root, CONFIG_FILE_NAME);
  }
  const loaded = await loadConfig(path, explicit !== undefined);
  if (!loaded.ok) throw new UsageError(loaded.error);
  return loaded.value;
}

/** The deny list from the flag (it wins) or the configuration, checked against the SPDX list. */
async function parseLicenseDeny(flag: string | undefined, config: BulwarkConfig): Promise<string[]> {
  const raw = flag !== undefined ? flag.split(',') : (config.licenses?.deny ?? []);
  const ids = raw.map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length === 0) return ids;
  // The SPDX tables are loaded only to check a deny list that has entries.
  const { validateDenyList } = await import('../../analyzers/license/index.js');
  const checked = validateDenyList(ids);
  if (!checked.ok) throw new UsageError(`${flag !== undefined ? '--licenses-deny' : 'licenses.deny'}: ${checked.error}`);
  return checked.value;
}

/**
 * The user's SAST rules: `--rules` paths as given, `sast.rules` of the configuration relative to
 * the scanned folder. A rule file with an error stops the scan before it starts, naming the key.
 */
async function sastRulePaths(target: string, config: BulwarkConfig, flags: ScanFlags): Promise<string[]> {
  const paths = [...(config.sast?.rules ?? []).map((path) => resolve(target, path)), ...(flags.rules ?? []).map((path) => resolve(path))];
  if (paths.length === 0) return paths;
  const { loadCheckedRules } = await import('../../analyzers/sast/rules/loader.js');
  for (const path of paths) {
    // Checked: every pattern is compiled for each of its rule's languages, so a pattern that
    // cannot parse stops the scan here instead of silently matching nothing.
    const loaded = await loadCheckedRules(path);
    const first = loaded.problems[0];
    if (first) throw new UsageError(`invalid SAST rules: ${first.message}${loaded.problems.length > 1 ? ` (and ${loaded.problems.length - 1} more)` : ''}`);
  }
  return paths;
}

async function analyzerSettings(scanners: ScannerName[], config: BulwarkConfig, flags: ScanFlags, rulesPaths: readonly string[], threads: number | undefined): Promise<AnalyzerSettings> {
  const allow = config.secrets?.allowlist;
  const deny = await parseLicenseDeny(flags.licensesDeny, config);
  return {
    ...(scanners.includes('sast')
      ? {
          sast: {
            rulesPaths: [...rulesPaths],
            ...(config.sast?.excludedPaths ? { excludedPaths: config.sast.excludedPaths } : {}),
            ...(threads === undefined ? {} : { threads }),
          },
        }
      : {}),
    scanners,
    scannersExplicit: flags.scanners !== undefined,
    dependencies: {
      dbDir: resolveDbDir(flags.db),
      staleAfterDays: config.dependencies?.staleAfterDays ?? 7,
    },
    licenses: {
      deny,
      severity: config.licenses?.severity ?? 'high',
    },
    secrets: {
      disabledRules: config.rules?.disable ?? [],
      customRules: config.secrets?.rules ?? [],
      allowPaths: allow?.paths ?? [],
      allowValues: allow?.values ?? [],
      stopwords: allow?.stopwords ?? [],
    },
  };
}


/** `bulwark scan PATH`: returns the exit code. */
export async function scanCommand(target: string, flags: ScanFlags, signal: AbortSignal): Promise<number> {
  const scanners = parseScanners(flags.scanners);
  const formats = parseFormats(flags.format);
  const config = await readConfig(target, flags.config);
  const failOn = parseFailOn(flags.failOn, config);
  const threads = parsePositiveInt('--jobs', flags.jobs);
  const sizeFlag = flags.maxFileSize ?? config.maxFileSize;
  const maxFileSize = sizeFlag === undefined ? DEFAULT_MAX_FILE_SIZE : parseSize(sizeFlag);
  if (maxFileSize === null) throw new UsageError(`--max-file-size must be a size like 10MB or 512k (got "${String(sizeFlag)}")`);
  if (flags.since !== undefined && flags.history !== true) throw new UsageError('--since only applies with --history');

  let baseline;
  if (flags.baseline !== undefined) {
    let text: string;
    try {
      text = await readFile(flags.baseline, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read baseline ${flags.baseline}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const parsed = parseBaseline(text, flags.baseline);
    if (!parsed.ok) throw new UsageError(parsed.error);
    baseline = parsed.value;
  }

  const rulesPaths = scanners.includes('sast') ? await sastRulePaths(target, config, flags) : [];
  const settings = await analyzerSettings(scanners, config, flags, rulesPaths, threads);
  const exclude = [...(config.exclude ?? []), ...(flags.exclude ?? [])];
  const severityOverrides = config.rules?.severity ?? {};
  for (const [ruleId, severity] of Object.entries(severityOverrides)) {
    if (!isSeverity(severity)) throw new UsageError(`rules.severity.${ruleId}: "${String(severity)}" is not a severity`);
  }
  const showProgress = flags.progress && flags.quiet !== true && process.stderr.isTTY === true && process.env['CI'] === undefined;
  const progress = createProgressLine(process.stderr, showProgress);
  const started = Date.now();

  let report: ScanReport;
  try {
    // History and image scans are loaded only when asked for: a plain scan's start-up does not
    // load the history reader (and readline with it) or the image reader.
    if (flags.image !== undefined) {
      const { runImageScan } = await import('../../engine/image-scan.js');
      report = await runImageScan({ image: flags.image, settings, severityOverrides, signal });
    } else if (flags.history === true) {
      const { HistoryError, runHistoryScan } = await import('../../engine/history.js');
      try {
        report = await runHistoryScan({
          root: target,
          settings,
          exclude,
          severityOverrides,
          onProgress: progress.update,
          signal,
          ...(flags.since === undefined ? {} : { since: flags.since }),
        });
      } catch (error) {
        if (error instanceof HistoryError) throw new UsageError(error.message);
        throw error;
      }
    } else {
      report = await runScan({
        root: target,
        settings,
        exclude,
        gitignore: flags.gitignore && config.gitignore !== false,
        maxFileSize,
        severityOverrides,
        onProgress: progress.update,
        signal,
        ...(threads === undefined ? {} : { threads }),
      });
    }
  } catch (error) {
    if (error instanceof WalkError) throw new UsageError(error.message);
    throw error;
  } finally {
    progress.done();
  }
  const unreadableImage = report.runs.flatMap((run) => run.problems).find((problem) => problem.code === 'image-unreadable');
  if (unreadableImage) throw new UsageError(unreadableImage.message);
  const invalidRule = report.problems.find((problem) => problem.code === 'invalid-custom-rule');
  if (invalidRule) throw new UsageError(invalidRule.message);
  if (baseline) report = { ...report, findings: subtractBaseline(report.findings, baseline) };

  const projectId = flags.projectId;
  const writeOptions: WriteOptions = {
    toolVersion: VERSION,
    ...(projectId === undefined ? {} : { projectId: /^\d+$/.test(projectId) ? Number(projectId) : projectId }),
    ...(flags.uuidNamespace === undefined ? {} : { uuidNamespace: flags.uuidNamespace }),
  };
  const written = await writeReports(report, await writersFor(formats, report), flags.out, writeOptions);
  if (flags.quiet !== true) {
    const color = process.stdout.isTTY === true && process.env['NO_COLOR'] === undefined;
    process.stdout.write(formatSummary(report, { color, maxListed: MAX_LISTED_FINDINGS, reportFiles: written, elapsedMs: Date.now() - started }));
  }
  if (failOn !== undefined && report.findings.some((finding) => isAtLeast(finding.severity, failOn))) return EXIT_FINDINGS;
  return EXIT_OK;
}

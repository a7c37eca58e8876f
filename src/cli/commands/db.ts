import type { Command } from 'commander';
import { importAdvisories, type ImportSummary } from '../../advisories/import.js';
import { resolveDbDir } from '../../advisories/location.js';
import { DEFAULT_STALE_AFTER_DAYS, isStale, openStore, storeAge, type Manifest } from '../../advisories/store.js';
import { DEFAULT_OSV_BASE_URL, DEFAULT_UPDATE_ECOSYSTEMS, updateAdvisories, type UpdateProgress } from '../../advisories/update.js';
import type { Result } from '../../core/result.js';
import { formatBytes } from '../../formats/text/summary.js';
import { EXIT_OK, UsageError } from '../errors.js';

export interface DbFlags {
  readonly db?: string;
}

export interface DbUpdateFlags extends DbFlags {
  readonly baseUrl?: string;
  readonly ecosystems?: string;
}

const EXIT_INTERRUPTED = 130;

const count = (n: number): string => n.toLocaleString('en');

/** "3 days ago", "5 hours ago": how old a store is, in the largest whole unit. */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms)) return 'unknown age';
  if (ms < 0) return 'in the future (check the clock)';
  const units: [number, string][] = [
    [24 * 3600 * 1000, 'day'],
    [3600 * 1000, 'hour'],
    [60 * 1000, 'minute'],
  ];
  for (const [size, name] of units) {
    const whole = Math.floor(ms / size);
    if (whole >= 1) return `${whole} ${name}${whole === 1 ? '' : 's'} ago`;
  }
  return 'just now';
}

function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

/** Ecosystems in natural order, so `Alpine:v3.9` comes before `Alpine:v3.10`. */
function ecosystemLines(ecosystems: Readonly<Record<string, number>>): string[] {
  const names = Object.keys(ecosystems).sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }));
  return table(names.map((name) => [name, count(ecosystems[name] ?? 0)] as const));
}

/** What `db import` and `db update` print on stdout when they are done. */
export function formatImportSummary(dbDir: string, summary: ImportSummary): string {
  const lines = [
    `Advisory database: ${dbDir}`,
    `Read ${count(summary.recordsRead)} record(s): ${count(summary.imported)} new, ${count(summary.replaced)} replaced, ` +
      `${count(summary.keptExisting)} older than the stored copy, ${count(summary.rejected)} rejected; ` +
      `${count(summary.malformed)} malformed, ${count(summary.withdrawn)} withdrawn`,
  ];
  if (Object.keys(summary.ecosystems).length > 0) lines.push('Read per ecosystem:', ...ecosystemLines(summary.ecosystems));
  lines.push(`The database now holds ${count(summary.manifest.records)} advisories (${count(summary.manifest.withdrawn)} withdrawn).`);
  return `${lines.join('\n')}\n`;
}

/** What `db status` prints. */
export function formatStatus(dbDir: string, manifest: Manifest, now: Date, staleAfterDays: number = DEFAULT_STALE_AFTER_DAYS): string {
  const stale = isStale(manifest, now, staleAfterDays) ? `; older than ${staleAfterDays} days, run \`bulwark db update\`` : '';
  const lines = [
    `Advisory database: ${dbDir}`,
    `Built: ${manifest.builtAt} (${formatAge(storeAge(manifest, now))}${stale})`,
    `Advisories: ${count(manifest.records)} (${count(manifest.withdrawn)} withdrawn)`,
    'Sources:',
    ...manifest.sources.map(
      (source) => `  ${source.name}\n    ${count(source.records)} advisories, ${count(source.withdrawn)} withdrawn, imported ${source.importedAt}`,
    ),
    'Ecosystems:',
    ...ecosystemLines(manifest.ecosystems),
  ];
  if (manifest.warnings.length > 0) lines.push('Last import:', ...manifest.warnings.map((warning) => `  ${warning}`));
  return `${lines.join('\n')}\n`;
}

/** Progress on stderr: a line per finished step, and a live counter in between on a terminal. */
function createReporter(): { update: (input: string, text: string, done: boolean) => void; end: () => void } {
  const live = process.stderr.isTTY === true && process.env['CI'] === undefined;
  let last = 0;
  let shown = false;
  return {
    update(input, text, done) {
      if (done) {
        process.stderr.write(`${shown ? '\r\u001b[2K' : ''}${input}: ${text}\n`);
        shown = false;
        return;
      }
      const now = Date.now();
      if (!live || now - last < 100) return;
      last = now;
      shown = true;
      process.stderr.write(`\r\u001b[2K${input}: ${text}`);
    },
    end() {
      if (shown) process.stderr.write('\r\u001b[2K');
    },
  };
}

function finish<T>(result: Result<T, string>, signal: AbortSignal): T | number {
  if (result.ok) return result.value;
  if (signal.aborted) {
    process.stderr.write(`bulwark: ${result.error}\n`);
    return EXIT_INTERRUPTED;
  }
  throw new UsageError(result.error);
}

function warn(messages: readonly string[]): void {
  for (const message of messages) process.stderr.write(`bulwark: warning: ${message}\n`);
}

/** `bulwark db import FILE|DIR... [--db DIR]` */
export async function dbImportCommand(inputs: readonly string[], flags: DbFlags, signal: AbortSignal): Promise<number> {
  const dbDir = resolveDbDir(flags.db);
  const reporter = createReporter();
  const result = await importAdvisories(dbDir, inputs, {
    signal,
    onProgress: ({ input, recordsRead, done }) => reporter.update(input, `${count(recordsRead)} records read`, done),
  }).finally(() => reporter.end());
  const summary = finish(result, signal);
  if (typeof summary === 'number') return summary;
  warn(summary.messages);
  process.stdout.write(formatImportSummary(dbDir, summary));
  return EXIT_OK;
}

function parseEcosystems(value: string | undefined): readonly string[] {
  if (value === undefined) return DEFAULT_UPDATE_ECOSYSTEMS;
  const names = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) throw new UsageError('--ecosystems needs at least one ecosystem name (for example npm,PyPI)');
  return [...new Set(names)];
}

/** `bulwark db update [--db DIR] [--base-url URL] [--ecosystems LIST]` */
export async function dbUpdateCommand(flags: DbUpdateFlags, signal: AbortSignal): Promise<number> {
  const dbDir = resolveDbDir(flags.db);
  const ecosystems = parseEcosystems(flags.ecosystems);
  const reporter = createReporter();
  const seen = new Set<string>();
  const onProgress = (progress: UpdateProgress): void => {
    if (progress.phase === 'download') {
      if (!seen.has(progress.url)) {
        seen.add(progress.url);
        reporter.update(progress.url, 'downloading', true);
      }
      reporter.update(progress.url, `${formatBytes(progress.bytes)} downloaded`, false);
    } else {
      reporter.update(progress.input, `${count(progress.recordsRead)} records read`, progress.done);
    }
  };
  const result = await updateAdvisories(dbDir, { baseUrl: flags.baseUrl ?? DEFAULT_OSV_BASE_URL, ecosystems, signal, onProgress }).finally(() => reporter.end());
  const summary = finish(result, signal);
  if (typeof summary === 'number') return summary;
  warn(summary.import.messages);
  const bytes = summary.downloads.reduce((sum, download) => sum + download.bytes, 0);
  process.stdout.write(`Downloaded ${summary.downloads.length} archive(s), ${formatBytes(bytes)}.\n${formatImportSummary(dbDir, summary.import)}`);
  return EXIT_OK;
}

/** `bulwark db status [--db DIR]` */
export function dbStatusCommand(flags: DbFlags): number {
  const dbDir = resolveDbDir(flags.db);
  const opened = openStore(dbDir);
  if (!opened.ok) throw new UsageError(opened.error);
  const store = opened.value;
  try {
    process.stdout.write(formatStatus(dbDir, store.manifest, new Date()));
  } finally {
    store.close();
  }
  return EXIT_OK;
}

/** Add `bulwark db import|update|status` to the program (they inherit its error handling). */
export function registerDbCommand(program: Command, setExitCode: (code: number) => void, signal: AbortSignal): void {
  const db = program.command('db').description('the OSV advisory database used by dependency scanning');
  db.command('import')
    .description('import OSV advisories (.json, .jsonl, .jsonl.gz, .json.gz, .zip, or folders of them)')
    .argument('<inputs...>', 'files or folders to import')
    .option('--db <dir>', 'advisory database folder (default: $BULWARK_DB_DIR, else ~/.cache/bulwark/db)')
    .action(async (inputs: string[], flags: DbFlags) => {
      setExitCode(await dbImportCommand(inputs, flags, signal));
    });
  db.command('update')
    .description('download OSV ecosystem archives and import them')
    .option('--db <dir>', 'advisory database folder (default: $BULWARK_DB_DIR, else ~/.cache/bulwark/db)')
    .option('--base-url <url>', 'where the <ecosystem>/all.zip archives are served', DEFAULT_OSV_BASE_URL)
    .option('--ecosystems <list>', `comma list of OSV ecosystems (default: ${DEFAULT_UPDATE_ECOSYSTEMS.join(',')})`)
    .action(async (flags: DbUpdateFlags) => {
      setExitCode(await dbUpdateCommand(flags, signal));
    });
  db.command('status')
    .description('show where the advisory database is, its sources, counts and age')
    .option('--db <dir>', 'advisory database folder (default: $BULWARK_DB_DIR, else ~/.cache/bulwark/db)')
    .action((flags: DbFlags) => {
      setExitCode(dbStatusCommand(flags));
    });
}

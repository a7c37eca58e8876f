import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import picomatch from 'picomatch';
import type { Finding } from '../core/finding.js';
import type { CommitInfo } from '../core/location.js';
import type { Problem } from '../core/result.js';
import type { AnalyzerRun, ScanReport } from '../core/report.js';
import type { Severity } from '../core/severity.js';
import { createFileAnalyzers, type AnalyzerSettings } from '../analyzers/index.js';
import type { FileAnalyzer, FileEntry } from '../analyzers/types.js';
import { finalizeFindings } from './finalize.js';

export interface HistoryOptions {
  readonly root: string;
  readonly settings: AnalyzerSettings;
  /** A revision (only commits not reachable from it) or a date (`2024-01-01`, `2 weeks ago`). */
  readonly since?: string;
  readonly exclude?: readonly string[];
  readonly severityOverrides?: Readonly<Record<string, Severity>>;
  readonly onProgress?: (progress: { files: number; bytes: number; findings: number }) => void;
  readonly signal?: AbortSignal;
  readonly clock?: () => Date;
}

// Added lines of one file in one commit are analyzed in pieces of at most this many bytes.
const MAX_PIECE_BYTES = 4 * 1024 * 1024;
const COMMIT_MARK = '\u0001commit\u0001';

/** The history cannot be read (not a repository, bad revision): a user error, exit code 2. */
export class HistoryError extends Error {}

function git(root: string, args: string[]): { ok: boolean; out: string; err: string } {
  const run = spawnSync('git', ['-C', root, ...args], { encoding: 'utf8' });
  return { ok: run.status === 0, out: run.stdout ?? '', err: (run.stderr ?? '').trim() || (run.error?.message ?? '') };
}

function revisionArgs(root: string, since: string | undefined): string[] {
  if (since === undefined) return ['--all'];
  if (git(root, ['rev-parse', '--verify', '--quiet', `${since}^{commit}`]).ok) return ['--all', `^${since}`];
  return ['--all', `--since=${since}`];
}

/** Unquote a path git printed in C-style quotes ("b/na\303\257ve.txt"). */
function unquoteGitPath(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  const body = raw.slice(1, -1);
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const ch = body.charAt(i);
    if (ch !== '\\') {
      bytes.push(body.charCodeAt(i) & 0xff);
      continue;
    }
    const next = body.charAt(++i);
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(({ n: 10, t: 9, '"': 34, '\\': 92 } as Record<string, number>)[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

interface FileDiff {
  path: string;
  lines: string[];
  lineNumbers: number[];
  bytes: number;
}

export async function runHistoryScan(options: HistoryOptions): Promise<ScanReport> {
  const clock = options.clock ?? (() => new Date());
  const startedAt = clock();
  const root = options.root;
  if (!git(root, ['rev-parse', '--git-dir']).ok) throw new HistoryError(`${root} is not a git repository (--history needs one)`);
  const hasCommits = git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']).ok || git(root, ['for-each-ref', '--count=1']).out !== '';
  const { analyzers, problems: setupProblems } = createFileAnalyzers(options.settings);
  const isExcluded = (options.exclude ?? []).length > 0 ? picomatch([...(options.exclude ?? [])], { dot: true }) : () => false;
  const problems: Problem[] = [...setupProblems];
  const seen = new Set<string>();
  const findings: Finding[] = [];
  const progress = { files: 0, bytes: 0, findings: 0 };

  let commit: CommitInfo | undefined;
  let diff: FileDiff | undefined;
  let newLine = 0;

  const flush = (): void => {
    if (!diff || !commit || diff.lines.length === 0) return;
    const entry: FileEntry = { path: diff.path, absPath: diff.path, size: diff.bytes };
    const wanting: FileAnalyzer[] = isExcluded(diff.path) ? [] : analyzers.filter((a) => a.wants(entry));
    if (wanting.length > 0) {
      const text = `${diff.lines.join('\n')}\n`;
      const bytes = Buffer.from(text, 'latin1');
      const chunk = { bytes, text, startLine: 1, ownedStart: 0, ownedEnd: bytes.length, lineMap: Int32Array.from(diff.lineNumbers) };
      progress.files++;
      progress.bytes += bytes.length;
      for (const analyzer of wanting) {
        for (const finding of analyzer.analyzeChunk(entry, chunk).findings) {
          // Oldest commit first, so the first sighting is the commit that introduced the secret.
          const key = `${finding.ruleId}|${diff.path}|${finding.evidence?.secretHash ?? ''}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const location = finding.location.kind === 'source' ? { ...finding.location, commit } : finding.location;
          findings.push({ ...finding, location });
          progress.findings++;
        }
      }
    }
    diff.lines = [];
    diff.lineNumbers = [];
    diff.bytes = 0;
  };

  if (hasCommits) {
    const args = [
      '-C', root, '-c', 'core.quotePath=true', 'log', '-p', '--reverse', '--no-color', '--no-ext-diff', '--no-textconv',
      '-U0', '--diff-filter=AMRC', `--format=${COMMIT_MARK}%H%x01%an <%ae>%x01%aI%x01%s`, ...revisionArgs(root, options.since), '--',
    ];
    const child = spawn('git', args, { stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (data: string) => {
      if (stderr.length < 4000) stderr += data;
    });
    const exit = new Promise<number>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve(code ?? 1));
    });
    // latin1 keeps every byte as one character, so offsets and secrets survive any encoding.
    const lines = createInterface({ input: child.stdout.setEncoding('latin1'), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.startsWith(COMMIT_MARK)) {
        flush();
        diff = undefined;
        const [sha = '', author = '', date = '', subject = ''] = line.slice(COMMIT_MARK.length).split('\u0001');
        const utf8 = (text: string): string => Buffer.from(text, 'latin1').toString('utf8');
        commit = { sha, author: utf8(author), date, message: utf8(subject) };
        options.onProgress?.({ ...progress });
      } else if (line.startsWith('+++ ')) {
        flush();
        const raw = line.slice(4);
        const path = raw === '/dev/null' ? '' : unquoteGitPath(raw).replace(/^b\//, '');
        diff = { path: Buffer.from(path, 'latin1').toString('utf8'), lines: [], lineNumbers: [], bytes: 0 };
      } else if (line.startsWith('@@ ')) {
        const match = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(line);
        newLine = match ? Number(match[1]) : 0;
      } else if (line.startsWith('+') && diff && diff.path !== '') {
        diff.lines.push(line.slice(1));
        diff.lineNumbers.push(newLine++);
        diff.bytes += line.length;
        if (diff.bytes > MAX_PIECE_BYTES) flush();
      }
    }
    flush();
    const code = await exit;
    if (code !== 0) throw new HistoryError(`git log failed in ${root}: ${stderr.trim() || `exit code ${code}`}`);
  }

  const finishedAt = clock();
  const runs: AnalyzerRun[] = analyzers.map((analyzer) => ({
    analyzer: analyzer.id,
    version: analyzer.version,
    reportType: analyzer.reportType,
    status: 'ok',
    startedAt,
    finishedAt,
    problems: [],
    primaryIdentifiers: analyzer.primaryIdentifiers(),
  }));
  return {
    target: root,
    startedAt,
    finishedAt,
    runs,
    findings: finalizeFindings(findings, options.severityOverrides),
    inventory: { packages: [], dependencyFiles: [] },
    stats: { filesScanned: progress.files, bytesScanned: progress.bytes, filesSkipped: 0 },
    problems,
  };
}

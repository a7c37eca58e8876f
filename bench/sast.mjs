// SAST benchmark: `bulwark scan --scanners sast` (pattern and taint rules) over the CPython
// standard library and the pinned npm corpus, with bandit (Python only) on CPython in the same run.
//
//   node bench/sast.mjs [--runs 1] [--corpus cpython,npm] [--no-bandit] [--jobs N] [--cli dist/cli/main.js]
//
// Needs the built CLI (`npm run build`) and the corpora (`node bench/corpus.mjs`, run here when
// missing); bandit comes from `node bench/peers.mjs` (Debian package). Each tool is timed with
// /usr/bin/time: wall, CPU (user + system, every thread) and peak RSS. Throughput is over the
// files each tool analyses: Bulwark leaves out GitLab's default excluded folders (spec, test,
// tests, tmp), bandit reads every *.py file.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir, availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CORPORA_DIR, REPO_DIR, listFiles, log, onPath, parseArgs, sh } from './lib.mjs';

const CORPORA = {
  cpython: { dir: join(CORPORA_DIR, 'cpython-3.11'), label: 'CPython 3.11 stdlib' },
  npm: { dir: join(CORPORA_DIR, 'npm-corpus'), label: 'npm corpus (20 packages)' },
};
const SAST_EXTENSIONS = /\.(?:js|mjs|cjs|jsx|ts|mts|cts|tsx|py|java|go|php|rb|cs)$/i;
const EXCLUDED_FOLDERS = new Set(['spec', 'test', 'tests', 'tmp']);

/** The files (and bytes) a tool reads, from the corpus listing. */
function fileSet(dir, wanted) {
  const { files } = listFiles(dir);
  let bytes = 0;
  const kept = files.filter(wanted);
  for (const file of kept) bytes += readFileSync(join(dir, file)).length;
  return { files: kept.length, bytes };
}

const bulwarkWants = (file) => SAST_EXTENSIONS.test(file) && !/\.d\.[mc]?ts$/i.test(file) && !file.split('/').slice(0, -1).some((part) => EXCLUDED_FOLDERS.has(part));
const banditWants = (file) => file.endsWith('.py');

/** Run a command under /usr/bin/time; returns wall and CPU seconds and peak RSS in MB. */
function timed(command, args, cwd) {
  const result = sh('/usr/bin/time', ['-f', '__TIME__ %e %U %S %M', command, ...args], { cwd });
  const line = result.stderr.split('\n').find((l) => l.startsWith('__TIME__'));
  if (!line) throw new Error(`${command} gave no timing: ${result.stderr.slice(-2000)}`);
  const [, wall, user, sys, rssKb] = line.split(' ').map(Number);
  return { status: result.status, wall, cpu: user + sys, rssMb: rssKb / 1024, stdout: result.stdout, stderr: result.stderr };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function runBulwark(corpus, options) {
  const out = mkdtempSync(join(tmpdir(), 'bulwark-bench-sast-'));
  try {
    // The CLI module is loaded the way bin/bulwark.js loads it, from the file `--cli` names.
    const launcher = `const { main } = await import(${JSON.stringify(pathToFileURL(options.cli).href)}); process.exitCode = await main(process.argv.slice(1));`;
    const args = ['--input-type=module', '-e', launcher, 'scan', corpus.dir, '--scanners', 'sast', '--out', out, '--format', 'gitlab', '--no-progress', '--quiet', ...(options.jobs > 0 ? ['--jobs', String(options.jobs)] : [])];
    const run = timed(process.execPath, args, REPO_DIR);
    if (run.status !== 0 && run.status !== 1) throw new Error(`bulwark exited ${run.status}: ${run.stderr.slice(-2000)}`);
    const report = JSON.parse(readFileSync(join(out, 'gl-sast-report.json'), 'utf8'));
    return { ...run, findings: report.vulnerabilities.length, notices: report.scan.messages.length };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function runBandit(corpus) {
  const out = mkdtempSync(join(tmpdir(), 'bandit-bench-'));
  try {
    const run = timed('bandit', ['-r', '-q', '-f', 'json', '-o', join(out, 'bandit.json'), '.'], corpus.dir);
    const report = JSON.parse(readFileSync(join(out, 'bandit.json'), 'utf8'));
    return { ...run, findings: report.results.length, notices: report.errors.length };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function row(tool, corpus, set, runs) {
  const wall = median(runs.map((r) => r.wall));
  const cpu = median(runs.map((r) => r.cpu));
  const rss = Math.max(...runs.map((r) => r.rssMb));
  return {
    tool,
    corpus: corpus.label,
    files: set.files,
    mb: set.bytes / 1e6,
    wall,
    cpu,
    mbPerS: set.bytes / 1e6 / wall,
    filesPerS: set.files / wall,
    rssMb: rss,
    findings: runs[0].findings,
  };
}

function printTable(rows) {
  const header = ['tool', 'corpus', 'files', 'MB', 'wall s', 'CPU s', 'MB/s', 'files/s', 'peak RSS MB', 'findings'];
  const lines = rows.map((r) => [r.tool, r.corpus, String(r.files), r.mb.toFixed(1), r.wall.toFixed(2), r.cpu.toFixed(2), r.mbPerS.toFixed(2), r.filesPerS.toFixed(0), r.rssMb.toFixed(0), String(r.findings)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(fmt(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const line of lines) console.log(fmt(line));
}

const options = parseArgs(process.argv.slice(2), { runs: 1, corpus: 'cpython,npm', bandit: true, jobs: 0, cli: join(REPO_DIR, 'dist', 'cli', 'main.js') });
options.cli = resolve(options.cli);
const wanted = options.corpus.split(',').map((key) => key.trim()).filter(Boolean);
for (const key of wanted) if (!(key in CORPORA)) throw new Error(`unknown corpus ${key} (cpython, npm)`);
if (!existsSync(options.cli)) throw new Error(`no built CLI at ${options.cli}: run \`npm run build\` first`);
if (!existsSync(join(options.cli, '..', 'sast-worker.js'))) log('sast-worker.js is missing beside the CLI: the SAST stage will run on one thread');
if (wanted.some((key) => !existsSync(CORPORA[key].dir))) {
  log('building the corpora (node bench/corpus.mjs)');
  const built = sh(process.execPath, [join(REPO_DIR, 'bench', 'corpus.mjs')], { quiet: false });
  if (built.status !== 0) throw new Error('corpus build failed');
}
const banditAvailable = options.bandit && onPath('bandit');
if (options.bandit && !banditAvailable) log('bandit is not installed (node bench/peers.mjs, or apt-get install -y bandit): skipped');

const loadBefore = loadavg();
const rows = [];
for (const key of wanted) {
  const corpus = CORPORA[key];
  const set = fileSet(corpus.dir, bulwarkWants);
  const bulwarkRuns = [];
  const banditRuns = [];
  for (let i = 0; i < options.runs; i++) {
    log(`${key}: bulwark run ${i + 1}/${options.runs}`);
    bulwarkRuns.push(runBulwark(corpus, options));
    if (key === 'cpython' && banditAvailable) {
      log(`${key}: bandit run ${i + 1}/${options.runs}`);
      banditRuns.push(runBandit(corpus));
    }
  }
  rows.push(row('bulwark sast', corpus, set, bulwarkRuns));
  if (banditRuns.length > 0) rows.push(row('bandit', corpus, fileSet(corpus.dir, banditWants), banditRuns));
}
const loadAfter = loadavg();

printTable(rows);
const bulwarkPy = rows.find((r) => r.tool === 'bulwark sast' && r.corpus === CORPORA.cpython.label);
const bandit = rows.find((r) => r.tool === 'bandit');
if (bulwarkPy && bandit) {
  console.log(`\nthroughput vs bandit on CPython: ${(bulwarkPy.mbPerS / bandit.mbPerS).toFixed(2)}x by wall clock, ${(bulwarkPy.mb / bulwarkPy.cpu / (bandit.mb / bandit.cpu)).toFixed(2)}x by CPU time (goal: 3x)`);
}
console.log(`\nmachine: ${availableParallelism()} cores; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(' ')} after; runs: ${options.runs} (medians)`);

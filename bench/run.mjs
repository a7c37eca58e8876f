#!/usr/bin/env node
// `npm run bench`: scan the pinned corpora with Bulwark and its peers in one run, side by side.
//
//   node bench/run.mjs [--runs 3] [--corpus cpython,npm] [--tools bulwark,secretlint,ripgrep,bandit]
//                      [--timeout 1800] [--slow-after 300] [--build] [--no-setup] [--no-snapshot]
//                      [--bulwark-args "--jobs 2"] [--bulwark-bin ../old/bin/bulwark.js]
//
// Every tool gets the same file set: each corpus is made of regular files only (corpus.mjs
// removes symlinks and renames node_modules folders), no .gitignore, and every tool is run so
// that it reads dotfiles too. Each tool runs --runs times per corpus and the median wall time
// counts; a tool whose first run takes longer than --slow-after seconds runs once. The table is
// printed as text and as Markdown, and saved in bench/.cache/results/.
import { spawn } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildCorpora, CORPORA, DEBIAN_PYTHON, NPM_PACKAGES, readManifest } from './corpus.mjs';
import { debianVersion, installPeers, SECRETLINT_BIN, SECRETLINT_RC, SECRETLINT_VERSION } from './peers.mjs';
import { BENCH_DIR, CACHE_DIR, listFiles, log, onPath, parseArgs, PEERS_DIR, REPO_DIR, RESULTS_DIR, sh } from './lib.mjs';

const BULWARK_BIN = join(REPO_DIR, 'bin', 'bulwark.js');
const SNAPSHOT_DIR = join(CACHE_DIR, 'bulwark-snapshot');
const GNU_TIME = '/usr/bin/time';

/**
 * Token prefixes for the ripgrep baseline: the shapes most secret scanners key on.
 * ripgrep keeps its default binary handling (a file stops being searched at its first NUL byte),
 * like Bulwark, which skips a file with a NUL byte in its first 8000 bytes.
 */
export const RIPGREP_PATTERNS = [
  'AKIA[0-9A-Z]{16}', // AWS access key id
  'gh[pousr]_[A-Za-z0-9]{36}', // GitHub tokens
  'glpat-[A-Za-z0-9_-]{20}', // GitLab personal access token
  'xox[baprs]-[A-Za-z0-9-]{10,}', // Slack tokens
  '[rs]k_live_[A-Za-z0-9]{24,}', // Stripe live keys
  'AIza[0-9A-Za-z_-]{35}', // Google API key
  'npm_[A-Za-z0-9]{36}', // npm access token
  'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}', // SendGrid API key
  '-----BEGIN [A-Z ]*PRIVATE KEY-----', // PEM private keys
];

// ---------------------------------------------------------------------------------------------
// Running one command, timed

/** Children run in their own process group (so a timeout can kill all of it); on Ctrl-C kill them too. */
const activeGroups = new Set();
let workDir = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const pid of activeGroups) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (workDir) rmSync(workDir, { recursive: true, force: true });
    process.stderr.write(`\nbench/run.mjs: interrupted\n`);
    process.exit(130);
  });
}

/**
 * Run `command args` in `cwd`, with stdout and stderr going to files in `dir`. Wall time is
 * measured here; peak RSS and CPU time (user + system, all threads) come from GNU time when it
 * is installed. CPU time is the figure to compare on a loaded machine, where wall time mostly
 * measures the other processes. Kills the whole process group after `timeoutSeconds`.
 */
function timedRun(command, args, { cwd, dir, timeoutSeconds }) {
  mkdirSync(dir, { recursive: true });
  const stdoutPath = join(dir, 'stdout');
  const stderrPath = join(dir, 'stderr');
  const rssPath = join(dir, 'rss');
  rmSync(rssPath, { force: true });
  const useTime = existsSync(GNU_TIME);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-o', rssPath, '-f', '%M %U %S', command, ...args]] : [command, args];
  const out = openSync(stdoutPath, 'w');
  const err = openSync(stderrPath, 'w');
  return new Promise((resolve) => {
    const started = performance.now();
    let timedOut = false;
    let child;
    try {
      child = spawn(cmd, argv, { cwd, stdio: ['ignore', out, err], detached: true });
    } catch (error) {
      closeSync(out);
      closeSync(err);
      resolve({ status: null, seconds: 0, error: String(error), stdoutPath, stderrPath });
      return;
    }
    activeGroups.add(child.pid);
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutSeconds * 1000);
    let finished = false;
    const finish = (status, error) => {
      if (finished) return; // 'error' and 'exit' can both fire
      finished = true;
      const seconds = (performance.now() - started) / 1000;
      clearTimeout(timer);
      activeGroups.delete(child.pid);
      closeSync(out);
      closeSync(err);
      let rssKb = null;
      let cpuSeconds = null;
      if (useTime && existsSync(rssPath)) {
        // GNU time writes "Command exited with non-zero status N" before the format line.
        const lines = readFileSync(rssPath, 'utf8').trim().split('\n');
        const [rss, user, system] = (lines[lines.length - 1] ?? '').trim().split(/\s+/).map(Number);
        if (Number.isFinite(rss) && rss > 0) rssKb = rss;
        if (Number.isFinite(user) && Number.isFinite(system)) cpuSeconds = user + system;
      }
      resolve({ status, seconds, timedOut, rssKb, cpuSeconds, error, stdoutPath, stderrPath });
    };
    child.on('error', (error) => finish(null, String(error)));
    child.on('exit', (code, signal) => finish(code ?? (signal ? 128 : null), undefined));
  });
}

function tail(path, lines = 3) {
  try {
    return readFileSync(path, 'utf8').trim().split('\n').slice(-lines).join(' | ').slice(0, 300);
  } catch {
    return '';
  }
}

function quote(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Copy the built CLI (bin/, dist/, package.json) to bench/.cache/bulwark-snapshot, with a link to
 * the repository's node_modules, so a `npm run build` elsewhere during the benchmark (which
 * rewrites dist/) cannot change or break Bulwark between runs. Returns the snapshot's
 * bin/bulwark.js, or null when dist/ keeps changing or is missing.
 */
function snapshotBulwark() {
  const distMain = join(REPO_DIR, 'dist', 'cli', 'main.js');
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!existsSync(distMain)) return null;
    const before = statSync(distMain).mtimeMs;
    rmSync(SNAPSHOT_DIR, { recursive: true, force: true });
    mkdirSync(SNAPSHOT_DIR, { recursive: true });
    try {
      cpSync(join(REPO_DIR, 'dist'), join(SNAPSHOT_DIR, 'dist'), { recursive: true });
      cpSync(join(REPO_DIR, 'bin'), join(SNAPSHOT_DIR, 'bin'), { recursive: true });
      cpSync(join(REPO_DIR, 'package.json'), join(SNAPSHOT_DIR, 'package.json'));
      symlinkSync(join(REPO_DIR, 'node_modules'), join(SNAPSHOT_DIR, 'node_modules'), 'dir');
    } catch (error) {
      log(`snapshot of dist/ failed (${error.message}); retrying`);
      continue;
    }
    if (existsSync(distMain) && statSync(distMain).mtimeMs === before && existsSync(join(SNAPSHOT_DIR, 'dist', 'cli', 'main.js'))) {
      return join(SNAPSHOT_DIR, 'bin', 'bulwark.js');
    }
    log('dist/ changed while it was copied; retrying');
    sleepSync(2000);
  }
  return null;
}

function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// ---------------------------------------------------------------------------------------------
// The tools

/**
 * Each tool: whether it is available, which corpora it runs on, how to call it, and how to read
 * its findings and the number of files it scanned out of a finished run.
 */
function tools(options) {
  const extraBulwarkArgs = options.bulwarkArgs.trim() === '' ? [] : options.bulwarkArgs.trim().split(/\s+/);
  return [
    {
      name: 'bulwark',
      label: extraBulwarkArgs.length === 0 ? 'Bulwark (secrets)' : `Bulwark (secrets, ${extraBulwarkArgs.join(' ')})`,
      version: () => {
        try {
          return JSON.parse(readFileSync(join(REPO_DIR, 'package.json'), 'utf8')).version;
        } catch {
          return '?';
        }
      },
      available: () => (existsSync(options.bulwarkBin) ? null : `${options.bulwarkBin} is missing (npm run build)`),
      appliesTo: () => true,
      command: (corpus, dir) => ({
        cmd: process.execPath,
        args: [options.bulwarkBin, 'scan', corpus.dir, '--scanners', 'secrets', '--out', join(dir, 'out'), ...extraBulwarkArgs],
        cwd: REPO_DIR,
      }),
      okStatus: (status) => status === 0 || status === 1,
      parse: (run, dir) => {
        const stdout = readFileSync(run.stdoutPath, 'utf8');
        const count = (text) => Number(text.replace(/[,\s]/g, ''));
        const scanned = /Scanned ([\d,]+) file/.exec(stdout);
        const skipped = /\(([\d,]+) skipped\)/.exec(stdout);
        const files = scanned ? count(scanned[1]) + (skipped ? count(skipped[1]) : 0) : null;
        const gitlab = join(dir, 'out', 'gl-secret-detection-report.json');
        const sarif = join(dir, 'out', 'bulwark.sarif');
        if (existsSync(gitlab)) {
          const report = JSON.parse(readFileSync(gitlab, 'utf8'));
          return { findings: (report.vulnerabilities ?? []).length, files };
        }
        if (existsSync(sarif)) {
          const report = JSON.parse(readFileSync(sarif, 'utf8'));
          return { findings: (report.runs ?? []).reduce((n, r) => n + (r.results ?? []).length, 0), files };
        }
        throw new Error('no report was written');
      },
    },
    {
      name: 'secretlint',
      label: 'secretlint (recommend preset)',
      version: () => SECRETLINT_VERSION,
      available: () => (existsSync(SECRETLINT_BIN) ? null : 'not installed (node bench/peers.mjs)'),
      appliesTo: () => true,
      // "**/*" from the corpus folder: globby with dotfiles, no .gitignore; secretlint itself
      // detects and skips binary files. The unix format keeps the output small (the json format
      // would echo every file's content).
      command: (corpus) => ({
        cmd: process.execPath,
        args: [SECRETLINT_BIN, '**/*', '--secretlintrc', SECRETLINT_RC, '--format', 'unix', '--no-color', '--no-terminalLink'],
        cwd: corpus.dir,
      }),
      okStatus: (status) => status === 0 || status === 1,
      parse: (run) => {
        const stdout = readFileSync(run.stdoutPath, 'utf8');
        return { findings: stdout.split('\n').filter((line) => /^.+:\d+:\d+: /.test(line)).length, files: null };
      },
      fileCount: async (corpus) => {
        const search = await import(pathToFileURL(join(PEERS_DIR, 'node_modules', 'secretlint', 'module', 'search.js')).href);
        const result = await search.searchFiles(['**/*'], { cwd: corpus.dir });
        return result.items.length;
      },
    },
    {
      name: 'ripgrep',
      label: 'ripgrep (9 token regexes)',
      version: () => debianVersion('ripgrep') ?? sh('rg', ['--version']).stdout.split('\n')[0],
      available: () => (onPath('rg') ? null : 'not installed (apt-get install ripgrep)'),
      appliesTo: () => true,
      command: (corpus) => ({
        cmd: 'rg',
        args: ['--no-ignore', '--hidden', '--no-messages', '--count-matches', ...RIPGREP_PATTERNS.flatMap((p) => ['-e', p]), '.'],
        cwd: corpus.dir,
      }),
      okStatus: (status) => status === 0 || status === 1,
      parse: (run) => {
        const stdout = readFileSync(run.stdoutPath, 'utf8');
        let findings = 0;
        for (const line of stdout.split('\n')) {
          const match = /:(\d+)$/.exec(line);
          if (match) findings += Number(match[1]);
        }
        return { findings, files: null };
      },
      fileCount: (corpus) => {
        const result = sh('rg', ['--no-ignore', '--hidden', '--no-messages', '--files', '.'], { cwd: corpus.dir });
        return result.stdout.split('\n').filter((line) => line !== '').length;
      },
    },
    {
      name: 'bandit',
      label: 'bandit (Python SAST, reference only)',
      version: () => debianVersion('bandit') ?? '?',
      available: () => (onPath('bandit') ? null : 'not installed (apt-get install bandit)'),
      appliesTo: (corpus) => corpus.key === 'cpython',
      // bandit reads only *.py files: its files and MB are those, not the whole corpus.
      fileFilter: (path) => path.endsWith('.py'),
      command: (corpus, dir) => ({
        cmd: 'bandit',
        args: ['-r', '-q', '-f', 'json', '-o', join(dir, 'bandit.json'), '.'],
        cwd: corpus.dir,
      }),
      okStatus: (status) => status === 0 || status === 1,
      parse: (run, dir) => {
        const report = JSON.parse(readFileSync(join(dir, 'bandit.json'), 'utf8'));
        const files = Object.keys(report.metrics ?? {}).filter((key) => key !== '_totals').length;
        return { findings: (report.results ?? []).length, files };
      },
    },
  ];
}

/**
 * The fixed cost of one run: the tool on a folder with two tiny files (process start, config,
 * rule compilation, worker pool). On a small corpus it is much of the wall time.
 */
async function measureStartup(tool, options, work) {
  const corpus = { key: 'startup', name: 'startup', dir: join(work, 'startup-corpus') };
  mkdirSync(corpus.dir, { recursive: true });
  writeFileSync(join(corpus.dir, 'a.txt'), 'hello\n');
  writeFileSync(join(corpus.dir, 'a.py'), 'print("hello")\n');
  const times = [];
  const cpu = [];
  for (let i = 0; i < options.runs; i++) {
    const dir = join(work, `startup-${tool.name}-${i}`);
    mkdirSync(dir, { recursive: true });
    const { cmd, args, cwd } = tool.command(corpus, dir);
    const run = await timedRun(cmd, args, { cwd, dir, timeoutSeconds: 120 });
    if (run.timedOut || run.error || !tool.okStatus(run.status)) return null;
    times.push(run.seconds);
    if (run.cpuSeconds !== null) cpu.push(run.cpuSeconds);
  }
  return { seconds: median(times), cpuSeconds: cpu.length === times.length ? median(cpu) : null };
}

// ---------------------------------------------------------------------------------------------
// Reporting

function fmtSeconds(value) {
  return value === null ? '—' : value < 10 ? value.toFixed(2) : value.toFixed(1);
}

function fmt(value, digits = 1) {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}

/**
 * Throughput past the fixed cost: MB over (seconds - startup s). On a large corpus it is what a
 * long scan sustains; on a small one start-up dominates and this says little.
 */
function steadyMbPerSecond(r) {
  if (r.status !== 'ok' || r.startupSeconds === null || r.startupSeconds === undefined) return null;
  const scanning = r.seconds - r.startupSeconds;
  return scanning > 0 ? r.bytes / 1e6 / scanning : null;
}

function tableRows(results) {
  return results.map((r) => {
    const bulwark = results.find((x) => x.corpus === r.corpus && x.tool === 'bulwark' && x.status === 'ok');
    const ratio = r.status === 'ok' && bulwark ? r.mbPerSecond / bulwark.mbPerSecond : null;
    const steady = steadyMbPerSecond(r);
    const bulwarkSteady = bulwark ? steadyMbPerSecond(bulwark) : null;
    const steadyRatio = steady !== null && bulwarkSteady !== null ? steady / bulwarkSteady : null;
    return [
      r.label,
      r.corpus,
      String(r.files),
      fmt(r.bytes / 1e6),
      r.status === 'ok' ? fmtSeconds(r.seconds) : r.status,
      r.status === 'ok' ? `${fmtSeconds(Math.min(...r.allSeconds))}–${fmtSeconds(Math.max(...r.allSeconds))}` : '—',
      r.startupSeconds === null || r.startupSeconds === undefined ? '—' : fmtSeconds(r.startupSeconds),
      r.status === 'ok' && r.cpuSeconds !== null ? fmtSeconds(r.cpuSeconds) : '—',
      r.startupCpuSeconds === null || r.startupCpuSeconds === undefined ? '—' : fmtSeconds(r.startupCpuSeconds),
      r.status === 'ok' ? fmt(r.mbPerSecond, 2) : '—',
      ratio === null ? '—' : `${ratio.toFixed(2)}×`,
      fmt(steady, 2),
      steadyRatio === null ? '—' : `${steadyRatio.toFixed(2)}×`,
      r.status === 'ok' ? String(r.findings) : '—',
      r.rssKb ? fmt(r.rssKb / 1024, 0) : '—',
      r.status === 'ok' ? `${r.runs}` : '—',
    ];
  });
}

const HEADERS = ['tool', 'corpus', 'files', 'MB', 'seconds (median)', 'min–max s', 'startup s', 'CPU s', 'startup CPU s', 'MB/s', 'MB/s vs Bulwark', 'MB/s past start-up', 'past start-up vs Bulwark', 'findings', 'peak RSS MB', 'runs'];

function textTable(rows) {
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(HEADERS), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable(rows) {
  const align = HEADERS.map((_, i) => (i < 2 ? '---' : '---:'));
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(HEADERS), line(align), ...rows.map(line)].join('\n');
}

function loadAverage() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').trim().split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
}

/** When dist/ was last built (UTC, to the minute), from its CLI entry point. */
function distBuildTime() {
  try {
    return statSync(join(REPO_DIR, 'dist', 'cli', 'main.js')).mtime.toISOString().slice(0, 16).replace('T', ' ');
  } catch {
    return 'missing';
  }
}

function environment() {
  const cpu = cpus();
  const commit = sh('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_DIR }).stdout.trim();
  const dirty = sh('git', ['status', '--porcelain', '--', 'src'], { cwd: REPO_DIR }).stdout.trim() !== '';
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpu[0]?.model ?? '?',
    cores: cpu.length,
    bulwarkCommit: commit ? `${commit}${dirty ? ' (src/ has uncommitted changes)' : ''}` : '?',
    distBuilt: distBuildTime(),
    load: loadAverage(),
  };
}

/** Warn when dist/ is older than src/: bin/bulwark.js runs the built code. */
function checkBuild() {
  const newest = (dir, ext) => {
    let latest = 0;
    const visit = (path) => {
      for (const entry of readdirSync(path, { withFileTypes: true })) {
        const child = join(path, entry.name);
        if (entry.isDirectory()) visit(child);
        else if (entry.name.endsWith(ext) && !entry.name.endsWith(`.test${ext}`)) latest = Math.max(latest, statSync(child).mtimeMs);
      }
    };
    try {
      visit(dir);
    } catch {
      return 0;
    }
    return latest;
  };
  const src = newest(join(REPO_DIR, 'src'), '.ts');
  const dist = newest(join(REPO_DIR, 'dist'), '.js');
  if (dist === 0) log('WARNING: dist/ is missing; run `npm run build` (or pass --build) so bin/bulwark.js can start');
  else if (src > dist) log('WARNING: src/ is newer than dist/; Bulwark runs the last build (pass --build to rebuild first)');
}

// ---------------------------------------------------------------------------------------------

const USAGE = `usage: npm run bench -- [options]   (or: node bench/run.mjs [options])

  --runs N            runs per tool and corpus; the median counts (default 3)
  --corpus LIST       cpython,npm (default both)
  --tools LIST        bulwark,secretlint,ripgrep,bandit (default all; bandit runs on cpython only)
  --timeout S         kill a run after S seconds (default 1800)
  --slow-after S      a tool whose first run takes longer runs only once (default 300)
  --build             npm run build first (bin/bulwark.js runs dist/)
  --no-setup          do not call corpus.mjs and peers.mjs first
  --no-snapshot       run bin/bulwark.js in place instead of a copy of dist/ taken at the start
  --bulwark-args STR  extra arguments for bulwark scan, e.g. "--jobs 1"
  --bulwark-bin PATH  run this bin/bulwark.js (a copy of an earlier build, to compare before and
                      after in the same minute) instead of a snapshot of this repository's dist/
  --suite LIST        secrets,deps,iac,sast,dast (default all): secret-scanning throughput
                      against peers, dependency scanning (store open, 10k-package lockfile, SBOM,
                      image; bench/deps.mjs), IaC on 10,000 generated resources (bench/iac.mjs),
                      SAST against bandit (bench/sast.mjs), DAST on a generated local site
                      (bench/dast.mjs). The server bench needs PostgreSQL: npm run bench:server
`;

const SUITES = ['secrets', 'deps', 'iac', 'sast', 'dast'];

async function main() {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const startLoad = loadAverage();
  const options = parseArgs(process.argv.slice(2), {
    runs: 3,
    corpus: 'cpython,npm',
    tools: 'bulwark,secretlint,ripgrep,bandit',
    timeout: 1800,
    slowAfter: 300,
    build: false,
    setup: true,
    snapshot: true,
    bulwarkArgs: '',
    bulwarkBin: '',
    suite: 'secrets,deps,iac,sast,dast',
  });
  const suites = options.suite.split(',').map((s) => s.trim()).filter(Boolean);
  for (const suite of suites) if (!SUITES.includes(suite)) throw new Error(`unknown suite "${suite}" (known: ${SUITES.join(', ')})`);
  if (!suites.includes('secrets')) {
    if (options.build) sh('npm', ['run', 'build'], { cwd: REPO_DIR });
    runOtherSuites(suites, options.runs);
    return;
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs must be a positive whole number');

  const setupNotes = [];
  if (options.setup) {
    const { errors } = buildCorpora();
    for (const [key, message] of Object.entries(errors)) {
      setupNotes.push(`${CORPORA[key].name}: could not be rebuilt (${message.split('\n')[0]}); ${existsSync(CORPORA[key].dir) ? 'the previous build was used' : 'skipped'}`);
    }
    installPeers();
  }
  if (options.build) {
    log('npm run build');
    const build = sh('npm', ['run', 'build'], { cwd: REPO_DIR });
    if (build.status !== 0) log(`WARNING: npm run build failed; Bulwark runs the previous build\n${build.stderr.trim()}`);
  }
  checkBuild();
  const startDist = distBuildTime();
  const givenBin = String(options.bulwarkBin ?? '');
  options.bulwarkBin = givenBin !== '' ? resolve(givenBin) : BULWARK_BIN;
  if (givenBin !== '') {
    if (!existsSync(options.bulwarkBin)) throw new Error(`--bulwark-bin ${givenBin}: no such file`);
  } else if (options.snapshot) {
    const snapshot = snapshotBulwark();
    if (snapshot) options.bulwarkBin = snapshot;
    else log('WARNING: could not snapshot dist/; Bulwark runs from the working tree');
  }
  const env = environment();

  const wantedCorpora = options.corpus.split(',').map((s) => s.trim()).filter(Boolean);
  const wantedTools = options.tools.split(',').map((s) => s.trim()).filter(Boolean);
  for (const key of wantedCorpora) if (!(key in CORPORA)) throw new Error(`unknown corpus "${key}" (known: ${Object.keys(CORPORA).join(', ')})`);
  const allTools = tools(options);
  for (const name of wantedTools) if (!allTools.some((t) => t.name === name)) throw new Error(`unknown tool "${name}"`);

  const work = mkdtempSync(join(tmpdir(), 'bulwark-bench-'));
  workDir = work;
  const results = [];
  const notes = [...setupNotes];
  if (givenBin !== '') notes.push(`Bulwark ran from ${givenBin}, not from this repository's dist/ (the commit and build time above are the repository's)`);
  const startup = new Map();
  try {
    for (const key of wantedCorpora) {
      const corpus = { ...CORPORA[key], key };
      if (!existsSync(corpus.dir)) {
        notes.push(`${corpus.name}: missing (node bench/corpus.mjs)`);
        continue;
      }
      const { files, bytes } = listFiles(corpus.dir);
      // Read every file once so each tool starts with the same warm page cache.
      for (const file of files) readFileSync(join(corpus.dir, file));
      log(`${corpus.name}: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB`);

      for (const tool of allTools) {
        if (!wantedTools.includes(tool.name) || !tool.appliesTo(corpus)) continue;
        const fileSet = tool.fileFilter ? files.filter(tool.fileFilter) : files;
        const setBytes = tool.fileFilter ? fileSet.reduce((n, f) => n + statSync(join(corpus.dir, f)).size, 0) : bytes;
        const base = { tool: tool.name, label: tool.label, version: tool.version(), corpus: corpus.name, files: fileSet.length, bytes: setBytes };
        const missing = tool.available();
        if (missing) {
          log(`${tool.name}: ${missing}; skipped`);
          notes.push(`${tool.name}: ${missing}; skipped`);
          results.push({ ...base, status: 'missing' });
          continue;
        }
        if (tool.fileCount) {
          try {
            const seen = await tool.fileCount(corpus);
            if (seen !== fileSet.length) notes.push(`${tool.name} on ${corpus.name}: sees ${seen} files, the corpus has ${fileSet.length}`);
          } catch (error) {
            notes.push(`${tool.name} on ${corpus.name}: could not check its file list (${error.message})`);
          }
        }
        const times = [];
        const cpu = [];
        const rss = [];
        let parsed = null;
        let failure = null;
        let commandLine = '';
        for (let i = 0; i < options.runs; i++) {
          const dir = join(work, `${corpus.key}-${tool.name}-${i}`);
          rmSync(dir, { recursive: true, force: true });
          mkdirSync(dir, { recursive: true });
          const { cmd, args, cwd } = tool.command(corpus, dir);
          commandLine = `(cd ${cwd} && ${[cmd === process.execPath ? 'node' : cmd, ...args].map(quote).join(' ')})`.split(`${SNAPSHOT_DIR}/`).join('').split(`${REPO_DIR}/`).join('').replace(`cd ${REPO_DIR} `, 'cd . ');
          log(`${tool.name} on ${corpus.name}, run ${i + 1}/${options.runs}`);
          const run = await timedRun(cmd, args, { cwd, dir, timeoutSeconds: options.timeout });
          if (run.timedOut) {
            failure = `timeout (${options.timeout}s)`;
            break;
          }
          if (run.error || !tool.okStatus(run.status)) {
            failure = `exit ${run.status}${run.error ? ` ${run.error}` : ''}: ${tail(run.stderrPath) || tail(run.stdoutPath)}`;
            break;
          }
          try {
            parsed = tool.parse(run, dir);
          } catch (error) {
            failure = `unreadable output: ${error.message}`;
            break;
          }
          times.push(run.seconds);
          if (run.cpuSeconds !== null) cpu.push(run.cpuSeconds);
          if (run.rssKb) rss.push(run.rssKb);
          log(`  ${run.seconds.toFixed(2)} s${run.cpuSeconds !== null ? ` (${run.cpuSeconds.toFixed(2)} CPU s)` : ''}, ${parsed.findings} findings${run.rssKb ? `, ${(run.rssKb / 1024).toFixed(0)} MB peak RSS` : ''}`);
          if (i === 0 && run.seconds > options.slowAfter && options.runs > 1) {
            notes.push(`${tool.name} on ${corpus.name}: first run took ${run.seconds.toFixed(0)}s (> --slow-after ${options.slowAfter}), ran once`);
            break;
          }
        }
        if (failure) {
          log(`${tool.name} on ${corpus.name}: FAILED ${failure}`);
          notes.push(`${tool.name} on ${corpus.name}: failed, ${failure}; command: \`${commandLine}\``);
          results.push({ ...base, status: failure.startsWith('timeout') ? 'timeout' : 'failed', error: failure });
          continue;
        }
        if (parsed.files === null && tool.name === 'bulwark') {
          notes.push(`bulwark on ${corpus.name}: no "Scanned N file(s)" line in its output, so its file count was not checked`);
        } else if (parsed.files !== null && parsed.files !== fileSet.length) {
          notes.push(`${tool.name} on ${corpus.name}: reports ${parsed.files} files, the corpus has ${fileSet.length}`);
        }
        const seconds = median(times);
        if (!startup.has(tool.name)) {
          log(`${tool.name}: startup cost (two tiny files), ${options.runs} run(s)`);
          startup.set(tool.name, await measureStartup(tool, options, work));
        }
        results.push({
          ...base,
          status: 'ok',
          runs: times.length,
          seconds,
          allSeconds: times,
          mbPerSecond: setBytes / 1e6 / seconds,
          findings: parsed.findings,
          reportedFiles: parsed.files,
          cpuSeconds: cpu.length === times.length ? median(cpu) : null,
          rssKb: rss.length > 0 ? Math.max(...rss) : null,
          // Each tool's own start-up run (a map keyed by tool: one figure per tool, never shared).
          startupSeconds: startup.get(tool.name)?.seconds ?? null,
          startupCpuSeconds: startup.get(tool.name)?.cpuSeconds ?? null,
        });
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const endLoad = loadAverage();
  if (options.bulwarkBin === BULWARK_BIN && distBuildTime() !== startDist) {
    notes.push(`dist/ was rebuilt during this run (${startDist} → ${distBuildTime()} UTC): Bulwark's rows may mix two builds; run again`);
  }
  const rows = tableRows(results);
  const versions = [...new Map(results.map((r) => [r.tool, `${r.tool} ${r.version}`])).values()].join(', ');
  const md = [
    `Measured ${env.date.slice(0, 10)} on ${env.cores} × ${env.cpu}, Node ${env.node}, Bulwark at ${env.bulwarkCommit}, dist/ built ${env.distBuilt} UTC; load average (1, 5, 15 min) ${startLoad} at the start, ${endLoad} at the end.`,
    `Versions: ${versions}. Median of up to ${options.runs} runs; MB = 10^6 bytes; "MB/s vs Bulwark" is the tool's MB/s divided by Bulwark's (below 1 = slower than Bulwark); "startup s" is the same tool on a folder of two tiny files, the fixed cost inside "seconds"; "MB/s past start-up" is MB / (seconds - startup s), the rate once started (meaningful on a large corpus); "CPU s" is user + system time of all the tool's threads (median; compare it when the machine is loaded).`,
    '',
    markdownTable(rows),
    ...(notes.length > 0 ? ['', ...notes.map((n) => `- ${n}`)] : []),
  ].join('\n');

  process.stdout.write(`\n${textTable(rows)}\n\n`);
  if (notes.length > 0) process.stdout.write(`${notes.map((n) => `note: ${n}`).join('\n')}\n\n`);
  process.stdout.write(`Markdown (for BENCHMARKS.md):\n\n${md}\n`);

  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = env.date.replace(/[:.]/g, '-');
  const corpora = Object.fromEntries(wantedCorpora.map((key) => [key, readManifest(CORPORA[key])]));
  writeFileSync(join(RESULTS_DIR, `${stamp}.json`), `${JSON.stringify({ environment: env, options, corpora, pins: { debianPython: DEBIAN_PYTHON, npm: NPM_PACKAGES }, results, notes }, null, 2)}\n`);
  writeFileSync(join(RESULTS_DIR, `${stamp}.md`), `${md}\n`);
  writeFileSync(join(RESULTS_DIR, 'latest.md'), `${md}\n`);
  log(`results saved in ${RESULTS_DIR}/${stamp}.{json,md}`);
  runOtherSuites(suites, options.runs);
}

/** The figures of the other suites (bench/<suite>.mjs), printed after the secrets table. */
function runOtherSuites(suites, runs) {
  for (const [suite, script] of [['deps', 'deps.mjs'], ['iac', 'iac.mjs'], ['sast', 'sast.mjs'], ['dast', 'dast.mjs']]) {
    if (!suites.includes(suite)) continue;
    log(`${suite} suite (bench/${script})`);
    const result = sh(process.execPath, [join(BENCH_DIR, script), '--runs', String(runs)], { quiet: false });
    if (result.status !== 0) process.exitCode = 1;
  }
}

main().catch((error) => {
  process.stderr.write(`bench/run.mjs: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

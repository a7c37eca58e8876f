// Shared helpers for the benchmark scripts: paths, child processes, file lists.
import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_DIR = dirname(BENCH_DIR);
export const CACHE_DIR = join(BENCH_DIR, '.cache');
export const CORPORA_DIR = join(CACHE_DIR, 'corpora');
export const PEERS_DIR = join(CACHE_DIR, 'peers');
export const RESULTS_DIR = join(CACHE_DIR, 'results');

/** Print a progress line on stderr, so stdout stays the table. */
export function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

/**
 * Run a command synchronously. Returns { status, stdout, stderr, error }.
 * `quiet: false` passes the child's output through to our stderr.
 */
export function sh(command, args, { cwd, quiet = true, env, input, maxBuffer = 1024 * 1024 * 1024 } = {}) {
  const result = spawnSync(command, args, {
    cwd,
    env: env ?? process.env,
    input,
    encoding: 'utf8',
    maxBuffer,
    stdio: quiet ? ['pipe', 'pipe', 'pipe'] : ['pipe', 'inherit', 'inherit'],
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout ?? '', stderr: result.stderr ?? '', error: result.error };
}

/** True when `command` can be found on PATH. */
export function onPath(command) {
  return sh('sh', ['-c', `command -v ${command}`]).status === 0;
}

/**
 * Every regular file under `root` (symlinks, sockets and the like are left out), as paths
 * relative to the root with '/' separators, in name order, with the total size in bytes.
 * This is the file set every tool is asked to scan.
 */
export function listFiles(root) {
  const files = [];
  let bytes = 0;
  const visit = (abs, rel) => {
    const entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const childAbs = join(abs, entry.name);
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) visit(childAbs, childRel);
      else if (entry.isFile()) {
        files.push(childRel);
        bytes += lstatSync(childAbs).size;
      }
    }
  };
  visit(root, '');
  return { files, bytes };
}

/** Parse `--name value` and `--flag` arguments into an object; `--no-x` sets x to false. */
export function parseArgs(argv, defaults) {
  const options = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    let name = arg.slice(2);
    let value;
    const eq = name.indexOf('=');
    if (eq !== -1) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const key = name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (name.startsWith('no-') && value === undefined) {
      const positive = name.slice(3).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
      if (!(positive in defaults)) throw new Error(`unknown option --${name}`);
      options[positive] = false;
      continue;
    }
    if (!(key in defaults)) throw new Error(`unknown option --${name}`);
    if (typeof defaults[key] === 'boolean' && value === undefined) {
      options[key] = true;
      continue;
    }
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
    }
    options[key] = typeof defaults[key] === 'number' ? Number(value) : value;
    if (typeof defaults[key] === 'number' && !Number.isFinite(options[key])) throw new Error(`--${name} needs a number`);
  }
  return options;
}

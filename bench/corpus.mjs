#!/usr/bin/env node
// Rebuild the benchmark corpora under bench/.cache/corpora/ from pinned public packages.
//
//   node bench/corpus.mjs            build whatever is missing (idempotent)
//   node bench/corpus.mjs --force    rebuild both corpora
//   node bench/corpus.mjs --update-lock
//                                    re-resolve the npm corpus and rewrite bench/npm-corpus.lock.json
//
// cpython-3.11  The CPython 3.11 standard library (usr/lib/python3.11) from Debian's
//               libpython3.11-minimal and libpython3.11-stdlib packages.
// npm-corpus    20 popular npm packages and their dependencies, installed with scripts off;
//               the installed node_modules folder becomes npm-corpus/packages (peers skip
//               folders named node_modules, so the corpus has none).
//
// Both corpora are made the same way for every tool: symlinks are removed, so each tool sees
// one regular file per path. A manifest (<corpus>.json beside the folder) records what was
// built; a corpus whose manifest matches the pins below is left alone.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR, CACHE_DIR, CORPORA_DIR, listFiles, log, parseArgs, sh } from './lib.mjs';

/** Debian bookworm versions pinned for the CPython corpus (bookworm-security at the time of pinning). */
export const DEBIAN_PYTHON = {
  packages: ['libpython3.11-minimal', 'libpython3.11-stdlib'],
  version: '3.11.2-6+deb12u9',
  subdir: 'usr/lib/python3.11',
};

/** The npm corpus: exact versions of the top-level packages; bench/npm-corpus.lock.json pins the rest. */
export const NPM_PACKAGES = {
  '@babel/core': '7.29.13',
  axios: '1.21.1',
  chalk: '5.6.2',
  commander: '14.0.3',
  d3: '7.9.2',
  'date-fns': '4.4.0',
  eslint: '10.15.0',
  express: '5.3.0',
  jquery: '4.0.0',
  lodash: '4.18.1',
  moment: '2.31.0',
  mongoose: '9.12.1',
  prettier: '3.10.1',
  react: '19.3.1',
  'react-dom': '19.3.1',
  rxjs: '7.8.2',
  'socket.io': '4.8.4',
  typescript: '5.9.3',
  vue: '3.5.45',
  webpack: '5.112.2',
};

export const CORPORA = {
  cpython: { name: 'cpython-3.11', dir: join(CORPORA_DIR, 'cpython-3.11') },
  npm: { name: 'npm-corpus', dir: join(CORPORA_DIR, 'npm-corpus') },
};

const LOCK_FILE = join(BENCH_DIR, 'npm-corpus.lock.json');
const NPM_PROJECT_NAME = 'bulwark-bench-npm-corpus';

function manifestPath(corpus) {
  return `${corpus.dir}.json`;
}

export function readManifest(corpus) {
  try {
    return JSON.parse(readFileSync(manifestPath(corpus), 'utf8'));
  } catch {
    return null;
  }
}

function sha256(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Remove every symlink under `root`; returns how many were removed. */
function removeSymlinks(root) {
  let removed = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        unlinkSync(path);
        removed++;
      } else if (entry.isDirectory()) visit(path);
    }
  };
  visit(root);
  return removed;
}

/** Rename every folder named node_modules under `root` to `packages`; returns how many. */
function renameNodeModules(root) {
  let renamed = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      let path = join(dir, entry.name);
      if (entry.name === 'node_modules') {
        const target = join(dir, 'packages');
        if (existsSync(target)) throw new Error(`cannot rename ${path}: ${target} already exists`);
        renameSync(path, target);
        path = target;
        renamed++;
      }
      visit(path);
    }
  };
  visit(root);
  return renamed;
}

function writeManifest(corpus, data) {
  const { files, bytes } = listFiles(corpus.dir);
  const manifest = { corpus: corpus.name, ...data, files: files.length, bytes, builtAt: new Date().toISOString() };
  writeFileSync(manifestPath(corpus), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`${corpus.name}: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB in ${corpus.dir}`);
  return manifest;
}

/** `apt-get download NAME=VERSION` into `dir`; on failure refresh the lists once and retry. */
function aptDownload(name, version, dir, state) {
  const attempt = () => sh('apt-get', ['download', `${name}=${version}`], { cwd: dir });
  let result = attempt();
  if (result.status !== 0 && !state.updated) {
    log('apt-get download failed; running apt-get update once');
    sh('apt-get', ['update'], { quiet: true });
    state.updated = true;
    result = attempt();
  }
  return result;
}

function candidateVersion(name) {
  const policy = sh('apt-cache', ['policy', name]).stdout;
  const match = /Candidate:\s*(\S+)/.exec(policy);
  return match && match[1] !== '(none)' ? match[1] : null;
}

function buildCpython(corpus, options) {
  const tmp = join(CACHE_DIR, `tmp-cpython-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, 'root'), { recursive: true });
  const state = { updated: false };
  const debs = {};
  try {
    for (const name of DEBIAN_PYTHON.packages) {
      let version = DEBIAN_PYTHON.version;
      let result = aptDownload(name, version, tmp, state);
      if (result.status !== 0) {
        const candidate = candidateVersion(name);
        if (options.strict || candidate === null) {
          throw new Error(`apt-get download ${name}=${version} failed: ${result.stderr.trim() || result.error?.message}`);
        }
        log(`WARNING: ${name}=${version} is no longer served; using ${candidate} (numbers are not comparable with BENCHMARKS.md)`);
        version = candidate;
        result = sh('apt-get', ['download', `${name}=${version}`], { cwd: tmp });
        if (result.status !== 0) throw new Error(`apt-get download ${name}=${version} failed: ${result.stderr.trim()}`);
      }
      const deb = readdirSync(tmp).find((file) => file.startsWith(`${name}_`) && file.endsWith('.deb'));
      if (!deb) throw new Error(`apt-get download ${name} left no .deb in ${tmp}`);
      debs[name] = { version, file: deb, sha256: sha256(join(tmp, deb)) };
      const extract = sh('dpkg-deb', ['-x', join(tmp, deb), join(tmp, 'root')]);
      if (extract.status !== 0) throw new Error(`dpkg-deb -x ${deb} failed: ${extract.stderr.trim()}`);
      log(`${name} ${version} extracted`);
    }
    const lib = join(tmp, 'root', DEBIAN_PYTHON.subdir);
    if (!existsSync(lib)) throw new Error(`${DEBIAN_PYTHON.subdir} is not in the extracted packages`);
    const symlinks = removeSymlinks(lib);
    rmSync(corpus.dir, { recursive: true, force: true });
    mkdirSync(CORPORA_DIR, { recursive: true });
    renameSync(lib, corpus.dir);
    return writeManifest(corpus, { source: 'debian', debs, symlinksRemoved: symlinks, pinnedVersion: DEBIAN_PYTHON.version });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function npmPackageJson() {
  return { name: NPM_PROJECT_NAME, version: '0.0.0', private: true, dependencies: NPM_PACKAGES };
}

function npm(args, cwd) {
  const result = sh('npm', args, { cwd });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${result.stderr.trim()}`);
  return result;
}

function updateLock() {
  const tmp = join(CACHE_DIR, `tmp-npm-lock-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    writeFileSync(join(tmp, 'package.json'), `${JSON.stringify(npmPackageJson(), null, 2)}\n`);
    npm(['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], tmp);
    copyFileSync(join(tmp, 'package-lock.json'), LOCK_FILE);
    log(`wrote ${LOCK_FILE}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function buildNpm(corpus) {
  if (!existsSync(LOCK_FILE)) updateLock();
  const tmp = join(CACHE_DIR, `tmp-npm-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    writeFileSync(join(tmp, 'package.json'), `${JSON.stringify(npmPackageJson(), null, 2)}\n`);
    copyFileSync(LOCK_FILE, join(tmp, 'package-lock.json'));
    log(`npm install of ${Object.keys(NPM_PACKAGES).length} packages (scripts off)`);
    npm(['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '--prefix', tmp], tmp);
    const modules = join(tmp, 'node_modules');
    // npm's own bookkeeping, not part of any package.
    rmSync(join(modules, '.bin'), { recursive: true, force: true });
    rmSync(join(modules, '.package-lock.json'), { force: true });
    const installed = {};
    for (const name of Object.keys(NPM_PACKAGES)) {
      installed[name] = JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')).version;
      if (installed[name] !== NPM_PACKAGES[name]) throw new Error(`${name}: installed ${installed[name]}, pinned ${NPM_PACKAGES[name]}`);
    }
    const symlinks = removeSymlinks(modules);
    const nested = renameNodeModules(modules);
    rmSync(corpus.dir, { recursive: true, force: true });
    mkdirSync(corpus.dir, { recursive: true });
    renameSync(modules, join(corpus.dir, 'packages'));
    const lock = JSON.parse(readFileSync(LOCK_FILE, 'utf8'));
    const packageCount = Object.keys(lock.packages ?? {}).filter((key) => key !== '').length;
    return writeManifest(corpus, {
      source: 'npm',
      packages: installed,
      lockfileSha256: sha256(LOCK_FILE),
      lockedPackages: packageCount,
      symlinksRemoved: symlinks,
      nestedNodeModulesRenamed: nested,
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function isCurrent(corpus, matches) {
  const manifest = readManifest(corpus);
  return manifest !== null && existsSync(corpus.dir) && lstatSync(corpus.dir).isDirectory() && matches(manifest);
}

/**
 * Build each corpus that is missing or out of date. A corpus that fails to build is reported in
 * `errors` and the other one is still built; `failFast` throws instead.
 */
export function buildCorpora(options = {}) {
  const { force = false, strict = false, failFast = false } = options;
  mkdirSync(CORPORA_DIR, { recursive: true });
  const errors = {};
  const lockSha = () => (existsSync(LOCK_FILE) ? sha256(LOCK_FILE) : null);
  const plans = [
    { key: 'cpython', current: (m) => m.pinnedVersion === DEBIAN_PYTHON.version, build: (c) => buildCpython(c, { strict }) },
    {
      key: 'npm',
      current: (m) => lockSha() !== null && m.lockfileSha256 === lockSha() && JSON.stringify(m.packages) === JSON.stringify(NPM_PACKAGES),
      build: (c) => buildNpm(c),
    },
  ];
  for (const plan of plans) {
    const corpus = CORPORA[plan.key];
    if (!force && isCurrent(corpus, plan.current)) {
      log(`${corpus.name}: present, skipped`);
      continue;
    }
    try {
      plan.build(corpus);
    } catch (error) {
      if (failFast) throw error;
      errors[plan.key] = error instanceof Error ? error.message : String(error);
      log(`${corpus.name}: build FAILED: ${errors[plan.key]}`);
    }
  }
  return { errors };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const options = parseArgs(process.argv.slice(2), { force: false, strict: false, updateLock: false });
    if (options.updateLock) updateLock();
    buildCorpora({ ...options, failFast: true });
  } catch (error) {
    process.stderr.write(`bench/corpus.mjs: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

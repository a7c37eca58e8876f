#!/usr/bin/env node
// Dependency-scanning benchmark (issue 4's goals):
//   1. the advisory store built from ../shared/advisories (every ecosystem) opens in under 2 s;
//   2. a 10,000-package lockfile is matched against the whole snapshot in under 1 s once it is open;
//   4. a Debian root filesystem (this machine's own os-release and dpkg database, several hundred
//      packages) scanned end to end with `bulwark scan --image` (issue 10);
//   3. the SBOM of a real node_modules with 1,000+ packages (bench/sbom-project, pinned by its
//      package-lock.json, installed with scripts off) is written in under 1 s; beside it, in the
//      same run, @cyclonedx/cyclonedx-npm makes the SBOM of the same folder.
//
//   node bench/deps.mjs [--runs N]     (npm run build first; npm run bench runs it too)
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { BENCH_DIR, CACHE_DIR, CORPORA_DIR, REPO_DIR, log, parseArgs, sh } from './lib.mjs';

const SHARED_ADVISORIES = join(REPO_DIR, '..', 'shared', 'advisories');
const DB_DIR = join(CACHE_DIR, 'advisory-db');
const ENTRY = join(CACHE_DIR, 'deps-entry.mjs');
const LOCK_10K = join(CACHE_DIR, 'lock-10k', 'package-lock.json');
const SBOM_PROJECT = join(CORPORA_DIR, 'sbom-project');
const PEER_DIR = join(CACHE_DIR, 'peers-deps');
const CYCLONEDX_NPM = '@cyclonedx/cyclonedx-npm@6.0.1';
const BULWARK = join(REPO_DIR, 'bin', 'bulwark.js');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timed(command, args, options = {}) {
  const start = performance.now();
  const result = sh(command, args, options);
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr.slice(-2000)}`);
  return { ms, result };
}

async function bundleEntry() {
  await build({
    entryPoints: [join(BENCH_DIR, 'deps-entry.ts')],
    outfile: ENTRY,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __bulwarkCreateRequire } from 'node:module'; const require = __bulwarkCreateRequire(import.meta.url);" },
  });
}

function buildStore() {
  rmSync(DB_DIR, { recursive: true, force: true });
  // The Debian records of the container tests give the Debian root filesystem something to match.
  const { ms } = timed('node', [BULWARK, 'db', 'import', SHARED_ADVISORIES, join(REPO_DIR, 'test', 'fixtures', 'container', 'debian-12.osv.json'), '--db', DB_DIR]);
  return ms;
}

/**
 * A package-lock.json (v3) of 10,000 packages: every npm package the snapshot has advisories
 * for, at a version inside its first affected range where one can be told, and made-up names
 * for the rest, so most lookups miss, as in a real tree.
 */
function makeLock10k() {
  const lines = gunzipSync(readFileSync(join(SHARED_ADVISORIES, 'npm.osv.jsonl.gz'))).toString('utf8').split('\n');
  const vulnerable = new Map();
  for (const line of lines) {
    if (!line) continue;
    const record = JSON.parse(line);
    for (const affected of record.affected ?? []) {
      const name = affected.package?.name;
      if (!name || vulnerable.has(name)) continue;
      const events = affected.ranges?.[0]?.events ?? [];
      const introduced = events.find((e) => 'introduced' in e)?.introduced;
      vulnerable.set(name, introduced && introduced !== '0' && /^\d+\.\d+\.\d+$/.test(introduced) ? introduced : '0.0.1');
    }
  }
  const packages = { '': { name: 'bench-10k', version: '1.0.0', dependencies: {} } };
  let i = 0;
  for (const [name, version] of vulnerable) {
    packages[`node_modules/${name}`] = { version, resolved: `https://registry.npmjs.org/${name}/-/${name}-${version}.tgz`, license: 'MIT' };
    packages[''].dependencies[name] = version;
    i++;
  }
  for (; i < 10_000; i++) {
    const name = `bench-package-${i}`;
    const deps = i % 7 === 0 ? { [`bench-package-${i + 1}`]: '^1.0.0' } : undefined;
    packages[`node_modules/${name}`] = { version: `1.${i % 50}.${i % 13}`, license: 'MIT', ...(deps ? { dependencies: deps } : {}) };
    if (i % 10 === 0) packages[''].dependencies[name] = '^1.0.0';
  }
  mkdirSync(join(CACHE_DIR, 'lock-10k'), { recursive: true });
  writeFileSync(LOCK_10K, JSON.stringify({ name: 'bench-10k', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2));
  return Object.keys(packages).length - 1;
}

function ensureSbomProject() {
  const marker = join(SBOM_PROJECT, 'node_modules', '.package-lock.json');
  const pinned = readFileSync(join(BENCH_DIR, 'sbom-project', 'package-lock.json'), 'utf8');
  if (existsSync(marker) && existsSync(join(SBOM_PROJECT, 'package-lock.json')) && readFileSync(join(SBOM_PROJECT, 'package-lock.json'), 'utf8') === pinned) return;
  log('installing bench/sbom-project (npm ci, scripts off)…');
  rmSync(SBOM_PROJECT, { recursive: true, force: true });
  mkdirSync(SBOM_PROJECT, { recursive: true });
  cpSync(join(BENCH_DIR, 'sbom-project', 'package.json'), join(SBOM_PROJECT, 'package.json'));
  cpSync(join(BENCH_DIR, 'sbom-project', 'package-lock.json'), join(SBOM_PROJECT, 'package-lock.json'));
  timed('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: SBOM_PROJECT });
}

/** A root filesystem of this machine's Debian: its os-release and dpkg database, copied. */
function debianRootfs() {
  if (!existsSync('/var/lib/dpkg/status') || !existsSync('/etc/os-release')) return null;
  const root = join(CACHE_DIR, 'debian-rootfs');
  mkdirSync(join(root, 'etc'), { recursive: true });
  mkdirSync(join(root, 'var', 'lib', 'dpkg'), { recursive: true });
  cpSync('/etc/os-release', join(root, 'etc', 'os-release'), { dereference: true });
  cpSync('/var/lib/dpkg/status', join(root, 'var', 'lib', 'dpkg', 'status'));
  return root;
}

function installedPackages(root) {
  let count = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      if (entry.name.startsWith('@')) {
        visit(join(dir, entry.name));
        continue;
      }
      count++;
      const nested = join(dir, entry.name, 'node_modules');
      if (existsSync(nested)) visit(nested);
    }
  };
  visit(join(root, 'node_modules'));
  return count;
}

function ensurePeer() {
  const bin = join(PEER_DIR, 'node_modules', '.bin', 'cyclonedx-npm');
  if (existsSync(bin)) return bin;
  log(`installing ${CYCLONEDX_NPM}…`);
  mkdirSync(PEER_DIR, { recursive: true });
  writeFileSync(join(PEER_DIR, 'package.json'), '{"name":"bulwark-bench-deps-peers","private":true}');
  const result = sh('npm', ['install', '--no-audit', '--no-fund', CYCLONEDX_NPM], { cwd: PEER_DIR });
  return result.status === 0 && existsSync(bin) ? bin : null;
}

async function main() {
  const options = parseArgs(process.argv.slice(2), { runs: '5' });
  const runs = Number(options.runs);
  if (!existsSync(join(REPO_DIR, 'dist', 'cli', 'main.js'))) throw new Error('run `npm run build` first');
  mkdirSync(CACHE_DIR, { recursive: true });
  await bundleEntry();

  log('building the advisory store from ../shared/advisories…');
  const importMs = buildStore();
  const lockPackages = makeLock10k();

  const samples = [];
  for (let i = 0; i < runs; i++) {
    const { result } = timed('node', [ENTRY, DB_DIR, LOCK_10K]);
    samples.push(JSON.parse(result.stdout.trim()));
  }
  const first = samples[0];

  ensureSbomProject();
  const installed = installedPackages(SBOM_PROJECT);
  const out = join(CACHE_DIR, 'sbom-out');
  const bulwarkSbom = [];
  for (let i = 0; i < runs; i++) {
    rmSync(out, { recursive: true, force: true });
    bulwarkSbom.push(timed('node', [BULWARK, 'scan', SBOM_PROJECT, '--scanners', 'dependencies,licenses', '--format', 'cyclonedx', '--out', out, '--db', DB_DIR, '--quiet']).ms);
  }
  const sbom = JSON.parse(readFileSync(join(out, 'gl-sbom.cdx.json'), 'utf8'));
  const withLicense = sbom.components.filter((c) => (c.licenses ?? []).length > 0).length;
  const noScan = [];
  for (let i = 0; i < runs; i++) noScan.push(timed('node', [BULWARK, '--version']).ms);

  const image = debianRootfs();
  const imageRuns = [];
  let imageSummary = '';
  if (image) {
    for (let i = 0; i < runs; i++) {
      rmSync(out, { recursive: true, force: true });
      const { ms, result } = timed('node', [BULWARK, 'scan', '--image', image, '--db', DB_DIR, '--out', out]);
      imageRuns.push(ms);
      imageSummary = result.stdout.split('\n').find((line) => line.startsWith('Scanned image')) ?? '';
    }
  }

  const peer = ensurePeer();
  const peerSbom = [];
  let peerComponents = null;
  if (peer) {
    for (let i = 0; i < runs; i++) {
      const peerOut = join(CACHE_DIR, 'peer-sbom.json');
      peerSbom.push(timed(peer, ['--output-file', peerOut, '--spec-version', '1.6', '--ignore-npm-errors'], { cwd: SBOM_PROJECT }).ms);
      peerComponents = JSON.parse(readFileSync(peerOut, 'utf8')).components?.length ?? null;
    }
  }

  const fmt = (ms) => `${(ms / 1000).toFixed(3)} s`;
  const lines = [
    `advisory store: import of ../shared/advisories (18,445 records) + 4 Debian test records ${fmt(importMs)}`,
    `store open (cold process, median of ${runs}): ${fmt(median(samples.map((s) => s.openMs)))}   goal < 2 s`,
    `10,000-package lockfile (${lockPackages} packages): parse ${fmt(median(samples.map((s) => s.parseMs)))}, match ${fmt(median(samples.map((s) => s.matchMs)))}   goal < 1 s; ${first.matched} vulnerable packages, ${first.vulnerabilities} advisory matches; peak RSS ${first.rssMB.toFixed(0)} MB`,
    `SBOM of bench/sbom-project (${installed} installed packages, ${sbom.components.length} components, ${withLicense} with licenses): Bulwark ${fmt(median(bulwarkSbom))} whole command (startup ${fmt(median(noScan))})   goal < 1 s`,
    image ? `container: ${imageSummary.replace(/ in [\d.]+s$/, '')}; whole command ${fmt(median(imageRuns))}` : 'container: no /var/lib/dpkg/status on this machine; skipped',
    peer ? `  @cyclonedx/cyclonedx-npm 6.0.1 on the same folder: ${fmt(median(peerSbom))}, ${peerComponents} components; ratio ${(median(peerSbom) / median(bulwarkSbom)).toFixed(1)}×` : '  @cyclonedx/cyclonedx-npm could not be installed; no peer figure',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench/deps: ${error.message}\n`);
  process.exit(1);
});

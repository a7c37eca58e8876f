#!/usr/bin/env node
// Install the peer tools the benchmark compares Bulwark with. A peer that cannot be installed
// is reported and skipped; this script never fails because of one.
//
//   node bench/peers.mjs
//
// secretlint  npm, pinned, into bench/.cache/peers (not the project's package.json), with the
//             recommended rule preset and a .secretlintrc.json that enables it.
// ripgrep     Debian package `ripgrep` (apt-get install -y): a raw-I/O regex baseline.
// bandit      Debian package `bandit` (apt-get install -y): a Python SAST tool, timed on the
//             CPython corpus only as a throughput reference for a later SAST analyzer.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR, log, onPath, parseArgs, PEERS_DIR, sh } from './lib.mjs';

/**
 * secretlint 13 declares Node >= 22 but runs on Node 20 (npm only warns, EBADENGINE). It is pinned
 * over 11.x, the last line that declares Node 20, because before 13.0.6 secretlint's always-on
 * profiler costs O(n^2) in the number of files (secretlint issues #1633 and #1653, fixed by
 * pull request #1673): 11.7.1 needs about 12 s for lodash's 1,050 files where 13.0.6 needs 1.5 s,
 * and did not finish the 18,000-file npm corpus in 35 minutes.
 */
export const SECRETLINT_VERSION = '13.0.6';
export const SECRETLINT_PRESET_VERSION = '13.0.7';
/** The Debian bookworm versions BENCHMARKS.md was measured with; apt installs whatever is current. */
export const DEBIAN_PEERS = { ripgrep: { package: 'ripgrep', command: 'rg', version: '13.0.0-4+b2' }, bandit: { package: 'bandit', command: 'bandit', version: '1.6.2-2' } };

export const SECRETLINT_BIN = join(PEERS_DIR, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
export const SECRETLINT_RC = join(PEERS_DIR, '.secretlintrc.json');
const PEERS_LOCK = join(BENCH_DIR, 'peers.lock.json');

function installedSecretlintVersion() {
  try {
    return JSON.parse(readFileSync(join(PEERS_DIR, 'node_modules', 'secretlint', 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

function installedPresetVersion() {
  try {
    return JSON.parse(readFileSync(join(PEERS_DIR, 'node_modules', '@secretlint', 'secretlint-rule-preset-recommend', 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

function installSecretlint() {
  mkdirSync(PEERS_DIR, { recursive: true });
  writeFileSync(SECRETLINT_RC, `${JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }, null, 2)}\n`);
  if (installedSecretlintVersion() === SECRETLINT_VERSION && installedPresetVersion() === SECRETLINT_PRESET_VERSION && existsSync(SECRETLINT_BIN)) {
    log(`secretlint ${SECRETLINT_VERSION}: present, skipped`);
    return true;
  }
  const manifest = {
    name: 'bulwark-bench-peers',
    version: '0.0.0',
    private: true,
    dependencies: { secretlint: SECRETLINT_VERSION, '@secretlint/secretlint-rule-preset-recommend': SECRETLINT_PRESET_VERSION },
  };
  writeFileSync(join(PEERS_DIR, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // bench/peers.lock.json pins secretlint's own dependencies too; it is written on first install.
  const lock = join(PEERS_DIR, 'package-lock.json');
  rmSync(lock, { force: true });
  if (existsSync(PEERS_LOCK)) copyFileSync(PEERS_LOCK, lock);
  log(`installing secretlint ${SECRETLINT_VERSION} into ${PEERS_DIR}`);
  const result = sh('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefix', PEERS_DIR], { cwd: PEERS_DIR });
  if (result.status !== 0 || !existsSync(SECRETLINT_BIN)) {
    log(`secretlint: install failed, skipped\n${result.stderr.trim()}`);
    return false;
  }
  if (!existsSync(PEERS_LOCK)) {
    copyFileSync(lock, PEERS_LOCK);
    log(`wrote ${PEERS_LOCK}`);
  }
  log(`secretlint ${installedSecretlintVersion()}: installed`);
  return true;
}

function aptInstall(peer, state) {
  if (onPath(peer.command)) {
    log(`${peer.package}: present (${debianVersion(peer.package) ?? 'not from Debian'}), skipped`);
    return true;
  }
  if (!onPath('apt-get')) {
    log(`${peer.package}: not installed and no apt-get here, skipped`);
    return false;
  }
  if (!state.updated) {
    sh('apt-get', ['update']);
    state.updated = true;
  }
  log(`apt-get install -y ${peer.package}`);
  const result = sh('apt-get', ['install', '-y', '--no-install-recommends', peer.package], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0 || !onPath(peer.command)) {
    log(`${peer.package}: install failed, skipped\n${result.stderr.trim()}`);
    return false;
  }
  const version = debianVersion(peer.package);
  if (version !== peer.version) log(`note: ${peer.package} ${version} installed; BENCHMARKS.md was measured with ${peer.version}`);
  return true;
}

/** The installed Debian version of a package, or null. */
export function debianVersion(name) {
  const result = sh('dpkg-query', ['-W', '-f=${Version}', name]);
  return result.status === 0 && result.stdout.trim() !== '' ? result.stdout.trim() : null;
}

export function installPeers() {
  const state = { updated: false };
  return {
    secretlint: installSecretlint(),
    ripgrep: aptInstall(DEBIAN_PEERS.ripgrep, state),
    bandit: aptInstall(DEBIAN_PEERS.bandit, state),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  parseArgs(process.argv.slice(2), {});
  const installed = installPeers();
  const missing = Object.entries(installed).filter(([, ok]) => !ok).map(([name]) => name);
  log(missing.length === 0 ? 'all peers ready' : `missing peers (skipped by run.mjs): ${missing.join(', ')}`);
}

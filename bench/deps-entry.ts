// Timed pieces of dependency scanning, bundled and run by bench/deps.mjs in a fresh process per
// measurement, so the store is opened cold each time:
//   node deps-entry.mjs <db-dir> <lockfile>   → one JSON line of milliseconds and counts
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { matchPackage, osvSchemes as schemes } from '../src/advisories/match.js';
import { openStore } from '../src/advisories/store.js';
import { buildPackages } from '../src/analyzers/dependency/graph.js';
import { LOCKFILE_FORMATS } from '../src/lockfiles/index.js';
import { schemeForEcosystem } from '../src/versions/index.js';

const [dbDir, lockfile] = process.argv.slice(2) as [string, string];

const t0 = performance.now();
const opened = openStore(dbDir);
if (!opened.ok) throw new Error(opened.error);
const store = opened.value;
const t1 = performance.now();

const format = LOCKFILE_FORMATS.find((f) => f.matches(basename(lockfile)));
if (!format) throw new Error(`no format for ${lockfile}`);
const text = readFileSync(lockfile, 'utf8');
const parsed = format.parse({ path: basename(lockfile), text, readSibling: (rel) => { try { return readFileSync(join(dirname(lockfile), rel), 'utf8'); } catch { return undefined; } } });
const packages = buildPackages(basename(lockfile), parsed.packages);
const t2 = performance.now();

let matched = 0;
let vulnerabilities = 0;
for (const pkg of packages) {
  const scheme = schemeForEcosystem(pkg.ecosystem);
  if (!scheme || !scheme.isValid(pkg.version)) continue;
  const outcome = matchPackage(store.lookup(pkg.ecosystem, pkg.name), { ecosystem: pkg.ecosystem, name: pkg.name, version: pkg.version }, schemes);
  if (outcome.matches.length > 0) matched++;
  vulnerabilities += outcome.matches.length;
}
const t3 = performance.now();
store.close();
process.stdout.write(`${JSON.stringify({ openMs: t1 - t0, parseMs: t2 - t1, matchMs: t3 - t2, packages: packages.length, matched, vulnerabilities, rssMB: process.memoryUsage().rss / 1048576 })}\n`);

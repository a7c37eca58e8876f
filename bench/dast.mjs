#!/usr/bin/env node
// DAST benchmark (issue 9): crawl and attack a generated local site and report pages per second
// (crawl with passive checks) and requests per second (full active scan). The site runs in this
// process on 127.0.0.1; the scanner runs in a child process so its CPU time is its own.
//
//   node bench/dast.mjs [--runs N] [--pages N] [--json]
//
// The scanner is bundled from src/ with esbuild (the same code `bulwark dast` runs), so the bench
// does not depend on how the CLI is wired.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { build } from 'esbuild';
import { CACHE_DIR, REPO_DIR, log } from './lib.mjs';

function parse(argv) {
  const out = { runs: 3, pages: 300, json: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') out.runs = Number(argv[++i]);
    else if (argv[i] === '--pages') out.pages = Number(argv[++i]);
    else if (argv[i] === '--json') out.json = true;
  }
  return out;
}

/** A site of `pages` pages: each links to five others and has a search form and id links; 22 routes take parameters. */
function startSite(pages) {
  let requests = 0;
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  const server = createServer((req, res) => {
    requests++;
    const url = new URL(req.url ?? '/', 'http://x');
    const n = Number(/^\/p\/(\d+)$/.exec(url.pathname)?.[1] ?? (url.pathname === '/' ? 0 : NaN));
    const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'", 'X-Content-Type-Options': 'nosniff' };
    if (url.pathname === '/search' || url.pathname === '/item' || /^\/r\d+\/view$/.test(url.pathname)) {
      res.writeHead(200, headers);
      res.end(`<html><body><p>${escape(url.searchParams.get('q') ?? url.searchParams.get('id') ?? '')}</p></body></html>`);
      return;
    }
    if (!Number.isInteger(n) || n < 0 || n >= pages) {
      res.writeHead(404, headers);
      res.end('not found');
      return;
    }
    const links = [1, 2, 3, 7, 11].map((k) => `<a href="/p/${(n * 13 + k) % pages}">page</a>`).join(' ');
    res.writeHead(200, headers);
    res.end(`<html><body><h1>Page ${n}</h1>${links}<a href="/item?id=${n}">item</a><a href="/r${n % 20}/view?id=${n}&amp;sort=asc">view</a><form action="/search"><input name="q"></form>${'<p>filler text for a realistic page size</p>'.repeat(40)}</body></html>`);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: server.address().port, count: () => requests, reset: () => (requests = 0) })));
}

async function bundleRunner() {
  const dir = join(CACHE_DIR, 'dast');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'runner-entry.ts');
  writeFileSync(
    entry,
    `import { dastOptions } from ${JSON.stringify(join(REPO_DIR, 'src/analyzers/dast/options.ts'))};
import { runDast } from ${JSON.stringify(join(REPO_DIR, 'src/analyzers/dast/scanner.ts'))};
const [url, mode] = process.argv.slice(2);
const started = performance.now();
const report = await runDast(dastOptions({ url, requestsPerSecond: 0, concurrency: 4, maxPages: 100000, passiveOnly: mode === 'passive', timeDelayMs: 300 }));
const usage = process.cpuUsage();
process.stdout.write(JSON.stringify({ pages: report.stats.filesScanned, findings: report.findings.length, wallMs: performance.now() - started, cpuMs: (usage.user + usage.system) / 1000 }));
`,
  );
  const out = join(dir, 'runner.mjs');
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    external: ['playwright-core'],
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
  return out;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  const args = parse(process.argv.slice(2));
  const runner = await bundleRunner();
  const site = await startSite(args.pages);
  const url = `http://127.0.0.1:${site.port}/`;
  const results = {};
  for (const mode of ['passive', 'active']) {
    const samples = [];
    for (let i = 0; i < args.runs; i++) {
      site.reset();
      // Asynchronous spawn: the site answers from this process's event loop meanwhile.
      const child = await new Promise((resolve) => {
        const proc = spawn(process.execPath, [runner, url, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
        let stdout = '';
        proc.stdout.on('data', (d) => (stdout += d));
        proc.on('close', (status) => resolve({ status, stdout }));
      });
      if (child.status !== 0) throw new Error(`scanner exited with ${child.status}`);
      const stats = JSON.parse(child.stdout);
      samples.push({ ...stats, requests: site.count() });
      log(`${mode} run ${i + 1}: ${stats.pages} pages, ${site.count()} requests in ${(stats.wallMs / 1000).toFixed(2)} s (CPU ${(stats.cpuMs / 1000).toFixed(2)} s)`);
    }
    const wall = median(samples.map((s) => s.wallMs)) / 1000;
    const cpu = median(samples.map((s) => s.cpuMs)) / 1000;
    const pages = samples[0].pages;
    const requests = median(samples.map((s) => s.requests));
    results[mode] = { pages, requests, wallSeconds: wall, cpuSeconds: cpu, pagesPerSecond: pages / wall, requestsPerSecond: requests / wall, requestsPerCpuSecond: requests / cpu };
  }
  site.server.close();
  if (args.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else {
    process.stdout.write(`DAST against a generated ${args.pages}-page local site (median of ${args.runs})\n`);
    for (const [mode, r] of Object.entries(results)) {
      process.stdout.write(
        `  ${mode.padEnd(8)} ${r.pages} pages, ${r.requests} requests in ${r.wallSeconds.toFixed(2)} s: ${r.pagesPerSecond.toFixed(0)} pages/s, ${r.requestsPerSecond.toFixed(0)} requests/s (${r.requestsPerCpuSecond.toFixed(0)} per CPU-second)\n`,
      );
    }
  }
}

await main();

#!/usr/bin/env node
// Web UI benchmark (issue 8): Largest Contentful Paint of the vulnerability report and the
// security dashboard with 1,000,000 vulnerabilities in PostgreSQL, in headless Chromium.
//
//   node bench/web.mjs [--runs 5] [--pg postgres://postgres@127.0.0.1:5432] [--group g00] [--json]
//
// 1. Needs the database `bulwark_bench` seeded by bench/server.mjs (it does not seed: run that
//    first) and a built UI in dist/web (`npm run build`).
// 2. Creates an instance administrator `bench-web` on first use (`bulwark admin create-user`).
// 3. Starts `node bin/bulwark.js serve` on 127.0.0.1 (a free port) against that database.
// 4. Signs in once, warms the server with one untimed visit per page, then visits each page --runs
//    times, each time in a fresh browser context (cold browser cache, warm server). LCP is read
//    from PerformanceObserver('largest-contentful-paint') once the page has settled (its data is
//    shown and the network is idle). Also prints how long the page's API calls took in the browser.
// Prints a Markdown table (p50 / max per page) on stdout; progress on stderr.
// readPaint and watchData run in the page, hence the browser globals.
/* global fetch, PerformanceObserver, requestAnimationFrame, performance, window, document, MutationObserver */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { REPO_DIR, log } from './lib.mjs';

const DB_NAME = 'bulwark_bench';
const USER = 'bench-web';
const PASSWORD = 'bench-web-pass-1';
const CHROMIUM = '/usr/bin/chromium';
const GOAL_MS = 1000;

function parse(argv) {
  const out = { runs: 5, pg: 'postgres://postgres@127.0.0.1:5432', group: undefined, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') out.runs = Number(argv[++i]);
    else if (arg === '--pg') out.pg = argv[++i];
    else if (arg === '--group') out.group = argv[++i];
    else if (arg === '--json') out.json = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('node bench/web.mjs [--runs N] [--pg URL] [--group PATH] [--json]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${arg}`);
  }
  if (!Number.isInteger(out.runs) || out.runs < 1) throw new Error('--runs must be a positive integer');
  return out;
}

/** The seeded database's size and the group to measure (default: the one with most vulnerabilities). */
async function inspectDatabase(url, groupPath) {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`cannot open ${url} (${error.message}); seed it first: node bench/server.mjs`, { cause: error });
  }
  try {
    const total = Number((await client.query('select count(*) as n from vulnerabilities')).rows[0].n);
    const groups = await client.query(
      `select g.id, g.full_path, count(v.id) as n from groups g
         join projects p on p.group_id = g.id join vulnerabilities v on v.project_id = p.id
        group by g.id, g.full_path order by n desc, g.id`,
    );
    const group = groupPath === undefined ? groups.rows[0] : groups.rows.find((g) => g.full_path === groupPath);
    if (group === undefined) throw new Error(`no group ${groupPath ?? ''} with vulnerabilities`);
    const exists = (await client.query('select 1 from users where username = $1', [USER])).rowCount > 0;
    return { total, group: { id: Number(group.id), path: group.full_path, vulnerabilities: Number(group.n) }, userExists: exists };
  } finally {
    await client.end();
  }
}

function createAdmin(databaseUrl) {
  const result = spawnSync(process.execPath, [join(REPO_DIR, 'bin', 'bulwark.js'), 'admin', 'create-user', '--username', USER, '--password-stdin', '--admin'], {
    cwd: REPO_DIR,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    input: `${PASSWORD}\n`,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`bulwark admin create-user failed: ${result.stderr || result.stdout}`);
}

/** A port nobody listens on right now (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `bulwark serve` on a free port, logging warnings only (a log line per request would cost the
 * server CPU during the measurement); resolves with its address once /api/health answers.
 */
function startServer(databaseUrl) {
  let child;
  let output = '';
  const address = (async () => {
    const port = await freePort();
    child = spawn(process.execPath, [join(REPO_DIR, 'bin', 'bulwark.js'), 'serve', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: REPO_DIR,
      env: { ...process.env, DATABASE_URL: databaseUrl, BULWARK_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk) => (output += chunk.toString()));
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    const baseUrl = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 600; i++) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output.slice(-2000)}`);
      const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
      if (ok) return baseUrl;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not start in 60 s:\n${output.slice(-2000)}`);
  })();
  return { get child() { return child; }, address };
}

function stopServer(child) {
  if (child === undefined || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** In the page: the last LCP candidate (buffered), FCP, and the API calls' durations. */
function readPaint() {
  return new Promise((resolve) => {
    let lcp;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) lcp = entry;
    });
    observer.observe({ type: 'largest-contentful-paint', buffered: true });
    // The buffered entries arrive in a task; give them two frames.
    requestAnimationFrame(() =>
      setTimeout(() => {
        observer.disconnect();
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        const api = performance
          .getEntriesByType('resource')
          .filter((r) => r.name.includes('/api/v1/'))
          .map((r) => ({ path: new URL(r.name).pathname, ms: Math.round(r.responseEnd - r.startTime), start: Math.round(r.startTime) }));
        const scripts = performance
          .getEntriesByType('resource')
          .filter((r) => r.name.endsWith('.js'))
          .map((r) => Math.round(r.responseEnd));
        const element = lcp?.element;
        resolve({
          lcp: lcp === undefined ? null : Math.round(lcp.startTime),
          fcp: fcp === undefined ? null : Math.round(fcp.startTime),
          element: element === undefined || element === null ? (lcp?.url ?? '') : `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`,
          api,
          lastScript: Math.max(0, ...scripts),
          dataShown: window.__benchDataShown ?? null,
        });
      }, 100),
    );
  });
}

/**
 * Runs in every page before its scripts: notes when the report's rows or the dashboard's first
 * chart are first in the DOM (what a user waits for, which LCP may not be: LCP is the largest
 * element, often the page title).
 */
function watchData() {
  const done = () =>
    document.querySelector('table.vr-table tbody tr, .vr-list .empty:not([role="status"])') !== null ||
    document.querySelector('.shell-main svg g, .shell-main canvas') !== null;
  const observer = new MutationObserver(() => {
    if (window.__benchDataShown === undefined && done()) {
      window.__benchDataShown = Math.round(performance.now());
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** The page has its data: the report's table (or empty state) with counts; the dashboard's charts. */
async function settle(page, kind) {
  if (kind === 'report') {
    await page.locator('table.vr-table[aria-busy="false"], .vr-list .empty:not([role="status"])').first().waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => [...document.querySelectorAll('.sev-tile .count')].every((e) => e.textContent !== '–'), undefined, { timeout: 30_000 });
  }
  if (kind === 'baseline') await page.locator('h1').waitFor({ timeout: 30_000 });
  else await page.waitForFunction(() => window.__benchDataShown !== undefined, undefined, { timeout: 30_000 });
  await page.waitForLoadState('networkidle', { timeout: 30_000 });
  // No spinner left (the dashboard's panels each load their own data).
  await page.waitForFunction(() => document.querySelector('.spinner') === null, undefined, { timeout: 30_000 }).catch(() => undefined);
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function main() {
  const args = parse(process.argv.slice(2));
  if (!existsSync(join(REPO_DIR, 'dist', 'web', 'index.html'))) throw new Error('dist/web is missing: run npm run build');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const databaseUrl = `${args.pg}/${DB_NAME}`;
  const db = await inspectDatabase(databaseUrl, args.group);
  log(`database: ${db.total.toLocaleString('en')} vulnerabilities; group ${db.group.path}: ${db.group.vulnerabilities.toLocaleString('en')}`);
  if (!db.userExists) {
    log(`creating administrator ${USER}`);
    createAdmin(databaseUrl);
  }

  const server = startServer(databaseUrl);
  let browser;
  try {
    const baseUrl = await server.address;
    log(`server at ${baseUrl}`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    // One sign-in; each measured visit gets a fresh context with that session cookie only.
    const signInContext = await browser.newContext();
    const response = await signInContext.request.post(`${baseUrl}/api/v1/session`, { data: { username: USER, password: PASSWORD } });
    if (!response.ok()) throw new Error(`sign-in failed: ${response.status()} ${await response.text()}`);
    const storageState = await signInContext.storageState();
    await signInContext.close();

    const g = db.group.id;
    const pages = [
      // A peer measured in the same minute: the same bundle with no data to wait for, so what the
      // machine's load costs every page shows apart from what a page's data costs.
      { name: 'Sign-in page (baseline)', path: '/sign-in', kind: 'baseline' },
      { name: 'Vulnerability report, instance', path: '/vulnerabilities', kind: 'report' },
      { name: `Vulnerability report, group ${db.group.path}`, path: `/groups/${g}/vulnerabilities`, kind: 'report' },
      { name: `Security dashboard, group ${db.group.path}`, path: `/groups/${g}/dashboard`, kind: 'dashboard' },
    ];
    const results = [];
    const loadBefore = loadavg()[0];
    for (const target of pages) {
      const samples = [];
      // Run 0 warms the server (query plans, caches, connection pool) and is not counted.
      for (let run = 0; run <= args.runs; run++) {
        // A visit that shows no data (e.g. dist/web being rebuilt meanwhile) is retried, not counted.
        let paint;
        for (let attempt = 1; paint === undefined; attempt++) {
          const context = await browser.newContext({ storageState, viewport: { width: 1360, height: 900 } });
          await context.addInitScript(watchData);
          const page = await context.newPage();
          // The renderer's CPU time (CDP Performance.ProcessTime): what the page costs the machine,
          // which the load of other work on it does not inflate the way it inflates wall times.
          const cdp = await context.newCDPSession(page);
          await cdp.send('Performance.enable');
          await page.goto(`${baseUrl}${target.path}`, { waitUntil: 'load' });
          const ok = await settle(page, target.kind).then(
            () => true,
            (error) => (log(`${target.name} #${run}: attempt ${attempt} did not settle: ${error.message.split('\n')[0]}`), false),
          );
          const result = ok ? await page.evaluate(readPaint) : undefined;
          if (result !== undefined) {
            const { metrics } = await cdp.send('Performance.getMetrics');
            const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
            result.cpuMs = Math.round(metric('ProcessTime') * 1000);
            result.scriptMs = Math.round(metric('ScriptDuration') * 1000);
          }
          await context.close();
          if (result !== undefined && result.lcp !== null && (target.kind === 'baseline' || result.dataShown !== null)) paint = result;
          else if (attempt === 3) throw new Error(`${target.name}: no valid visit in 3 attempts`);
        }
        if (run > 0) samples.push(paint);
        log(`${target.name} #${run}${run === 0 ? ' (warm-up)' : ''}: LCP ${paint.lcp} ms (${paint.element}), FCP ${paint.fcp} ms, data ${paint.dataShown} ms, renderer CPU ${paint.cpuMs} ms (script ${paint.scriptMs}), scripts done ${paint.lastScript} ms, API (start+ms) ${paint.api.map((a) => `${a.path.replace(/^\/api\/v1/, '')} ${a.start}+${a.ms}`).join(', ')}`);
      }
      const lcps = samples.map((s) => s.lcp);
      const apiMs = samples.map((s) => Math.max(0, ...s.api.filter((a) => !a.path.endsWith('/user')).map((a) => a.ms)));
      results.push({
        page: target.name,
        path: target.path,
        runs: samples.length,
        lcpP50: percentile(lcps, 50),
        lcpMax: Math.max(...lcps),
        fcpP50: percentile(
          samples.map((s) => s.fcp ?? 0),
          50,
        ),
        slowestApiP50: percentile(apiMs, 50),
        dataP50: samples.some((s) => s.dataShown === null)
          ? '–'
          : percentile(
              samples.map((s) => s.dataShown),
              50,
            ),
        lcpElement: samples.at(-1)?.element ?? '',
        cpuP50: percentile(
          samples.map((s) => s.cpuMs),
          50,
        ),
      });
    }

    // Wall times on a shared machine depend on what else runs: say how loaded it was.
    const load = `load average ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs`;
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ vulnerabilities: db.total, group: db.group, load, results }, null, 2)}\n`);
    } else {
      const lines = [
        `Web UI on PostgreSQL: ${db.total.toLocaleString('en')} vulnerabilities (group ${db.group.path}: ${db.group.vulnerabilities.toLocaleString('en')}), headless Chromium, ${args.runs} visits per page (fresh context, warm server), ${load}; goal: LCP < ${GOAL_MS} ms`,
        '',
        '| page | LCP p50 ms | LCP max ms | FCP p50 ms | data shown p50 ms | slowest API call p50 ms | renderer CPU p50 ms | LCP element | LCP max under goal |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
        ...results.map((r) => `| ${r.page} | ${r.lcpP50} | ${r.lcpMax} | ${r.fcpP50} | ${r.dataP50} | ${r.slowestApiP50} | ${r.cpuP50} | \`${r.lcpElement}\` | ${r.lcpMax < GOAL_MS ? 'yes' : 'no'} |`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }
  } finally {
    await browser?.close();
    await stopServer(server.child);
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});

#!/usr/bin/env node
// Server benchmark (issue 7): `bulwark serve` on PostgreSQL at 1,000,000 vulnerabilities.
//
//   node bench/server.mjs [--vulns 1000000] [--ingest 100000] [--duration 8] [--connections 16]
//                         [--ingest-only] [--reseed] [--pg postgres://postgres@127.0.0.1:5432]
//                         [--db bulwark_bench] [--json]
//
// 1. (Re)creates the database `bulwark_bench` (--db: another name, e.g. to keep a small seed
//    beside the 1,000,000 one) and seeds it in SQL (bench/server-seed.mjs); a
//    seed of the same size from an earlier run is reused unless --reseed.
// 2. Starts the server (bundled from src/ with esbuild) in a child process on 127.0.0.1.
// 3. Ingests a GitLab SAST report of --ingest findings through the real upload route, twice: into
//    a new project (every finding a new vulnerability), then as a second pipeline of that project
//    (every vulnerability updated). Each reports wall time, the server's CPU, the CPU of its
//    PostgreSQL backends (Linux /proc) and the server's peak RSS. --ingest-only stops here.
// 4. Drives each read scenario with --connections keep-alive connections for --duration seconds
//    (a small load generator on node:http; every request must answer 200) and prints
//    p50 / p95 / p99 latency and requests per second, plus the server's CPU time.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import pg from 'pg';
import { CACHE_DIR, REPO_DIR, log } from './lib.mjs';
import { listWorld, seedServerDatabase } from './server-seed.mjs';


function parse(argv) {
  const out = { vulns: 1_000_000, ingest: 100_000, duration: 8, connections: 16, reseed: false, ingestOnly: false, db: 'bulwark_bench', pg: 'postgres://postgres@127.0.0.1:5432', json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--vulns') out.vulns = Number(argv[++i]);
    else if (arg === '--ingest') out.ingest = Number(argv[++i]);
    else if (arg === '--duration') out.duration = Number(argv[++i]);
    else if (arg === '--connections') out.connections = Number(argv[++i]);
    else if (arg === '--pg') out.pg = argv[++i];
    else if (arg === '--reseed') out.reseed = true;
    else if (arg === '--ingest-only') out.ingestOnly = true;
    else if (arg === '--db') out.db = argv[++i];
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('node bench/server.mjs [--vulns N] [--ingest N] [--ingest-only] [--duration s] [--connections N] [--reseed] [--pg URL] [--json]\n');
      process.exit(0);
    }
    else if (arg === '--json') out.json = true;
  }
  return out;
}

async function bundleServer() {
  const dir = join(CACHE_DIR, 'server');
  mkdirSync(join(dir, 'migrations'), { recursive: true });
  // migrate.ts reads ./migrations/ beside the module: beside the bundle here.
  const migrations = join(REPO_DIR, 'src/server/db/migrations');
  for (const name of readdirSync(migrations)) if (name.endsWith('.sql')) copyFileSync(join(migrations, name), join(dir, 'migrations', name));
  const src = (p) => JSON.stringify(join(REPO_DIR, 'src', p));
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `import { buildApp } from ${src('server/app.ts')};
import { defaultConfig } from ${src('server/config.ts')};
import { openPostgres } from ${src('server/db/connect.ts')};
import { migrateToLatest } from ${src('server/db/migrate.ts')};
import { readSecurityReportBytes } from ${src('formats/read/index.ts')};
const url = process.env.DATABASE_URL ?? '';
const open = openPostgres({ url, poolSize: 20 });
await migrateToLatest(open.db);
const config = defaultConfig({ logLevel: 'silent', databaseUrl: url, ingestBodyLimit: 1024 * 1024 * 1024 });
const app = await buildApp({ config, db: open.db, databaseKind: 'postgres', readReport: readSecurityReportBytes, logger: { level: 'error' } });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address !== null ? address.port : 0 });
process.on('message', (m) => {
  if (m === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  if (m === 'stop') void app.close().then(() => open.close()).then(() => process.exit(0));
});
`,
  );
  const out = join(dir, 'server.mjs');
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    packages: 'external',
  });
  return out;
}

function startServer(bundle, databaseUrl) {
  const child = spawn(process.execPath, [bundle], { cwd: REPO_DIR, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiters = [];
  child.on('message', (m) => waiters.shift()?.(m));
  const next = () => new Promise((resolve) => waiters.push(resolve));
  return next().then(({ port }) => ({
    port,
    pid: child.pid,
    cpuMs: async () => {
      const p = next();
      child.send('cpu');
      const { cpu } = await p;
      return (cpu.user + cpu.system) / 1000;
    },
    stop: async () => {
      child.send('stop');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  }));
}

/** user+system CPU seconds of a process (Linux /proc; 0 when unreadable). */
function processCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** The server's PostgreSQL backends (every connection to the bench database but ours): pid → CPU s. */
async function backendCpu(client) {
  const rows = (await client.query('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')).rows;
  return new Map(rows.map((r) => [r.pid, processCpuSeconds(r.pid)]));
}

/** CPU the backends used since `before`; a backend that appeared since counts in full. */
function backendCpuSince(before, after) {
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0);
  return total;
}

/** Peak resident set of a process so far, MB (VmHWM). */
function peakRssMb(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Create bulwark_bench when missing (or when --reseed); returns true when it needs seeding. */
async function prepareDatabase(base, name, vulns, reseed) {
  const admin = new pg.Client({ connectionString: `${base}/test` });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount > 0;
  let fresh = reseed || !exists;
  if (exists && !fresh) {
    const probe = new pg.Client({ connectionString: `${base}/${name}` });
    await probe.connect();
    const marker = await probe.query(`select value from settings where key = 'bench_seed'`).catch(() => ({ rows: [] }));
    await probe.end();
    fresh = marker.rows[0]?.value?.vulnerabilities !== vulns;
  }
  if (fresh) {
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
  }
  await admin.end();
  return fresh;
}

/** A GitLab SAST report (schema 15.0.x) of `n` distinct findings over a realistic file tree. */
function sastReport(n) {
  const vulnerabilities = [];
  for (let i = 0; i < n; i++) {
    const file = `src/module${i % 500}/file${i % 41}.py`;
    const line = 1 + (i % 2000);
    const rule = `bandit.B${300 + (i % 60)}`;
    vulnerabilities.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `Finding ${rule}`,
      description: 'Synthetic finding for the ingest benchmark.',
      severity: ['Critical', 'High', 'Medium', 'Low', 'Info', 'Unknown'][i % 6],
      location: { file, start_line: line, end_line: line + 1 },
      identifiers: [
        { type: 'semgrep_id', name: rule, value: rule },
        { type: 'cwe', name: `CWE-${20 + (i % 900)}`, value: String(20 + (i % 900)) },
      ],
    });
  }
  const scanner = { id: 'semgrep', name: 'Semgrep', vendor: { name: 'GitLab' }, version: '1.21.0' };
  return JSON.stringify({
    version: '15.0.6',
    scan: { analyzer: { ...scanner, version: '4.4.1' }, scanner, type: 'sast', start_time: '2025-01-01T00:00:00', end_time: '2025-01-01T00:01:00', status: 'success' },
    vulnerabilities,
  });
}

function call(agent, port, method, path, token, body, contentType = 'application/json') {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': contentType }) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** `connections` loops, each on its own keep-alive socket, hitting the paths in turn for `seconds`. */
async function load(port, token, paths, connections, seconds) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies = [];
  let errors = 0;
  let firstError = '';
  const until = performance.now() + seconds * 1000;
  let turn = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const path = paths[turn++ % paths.length];
        const started = performance.now();
        const res = await call(agent, port, 'GET', path, token);
        latencies.push(performance.now() - started);
        if (res.status !== 200) {
          errors++;
          firstError ||= `${res.status} ${path} ${res.body.slice(0, 200)}`;
        }
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, rps: latencies.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors, firstError };
}

async function main() {
  const args = parse(process.argv.slice(2));
  if (!/^[a-z_][a-z0-9_]*$/.test(args.db)) throw new Error(`--db ${args.db}: use lower-case letters, digits and _`);
  const databaseUrl = `${args.pg}/${args.db}`;
  const fresh = await prepareDatabase(args.pg, args.db, args.vulns, args.reseed);
  log('bundling the server');
  const server = await startServer(await bundleServer(), databaseUrl);
  try {
    await run(args, server, databaseUrl, fresh);
  } finally {
    await server.stop();
  }
}

async function run(args, server, databaseUrl, fresh) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let world;
  if (fresh) {
    log(`seeding ${args.vulns.toLocaleString('en')} vulnerabilities`);
    const started = performance.now();
    world = await seedServerDatabase(client, { vulnerabilities: args.vulns });
    log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s ${JSON.stringify(world.timings)}`);
    await client.query(`insert into settings (key, value) values ('bench_seed', $1::jsonb)`, [JSON.stringify({ vulnerabilities: args.vulns, adminToken: world.adminToken, reporterToken: world.reporterToken })]);
  } else {
    log('reusing the seeded database (--reseed to start over)');
    const marker = (await client.query(`select value from settings where key = 'bench_seed'`)).rows[0].value;
    world = { adminToken: marker.adminToken, reporterToken: marker.reporterToken, ...(await listWorld(client)) };
  }
  const total = Number((await client.query('select count(*) from vulnerabilities')).rows[0].count);
  const rows = [];
  const agent = new Agent({ keepAlive: true });

  if (args.ingest > 0) {
    const report = sastReport(args.ingest);
    const group = world.groups[0];
    const suffix = Date.now().toString(36);
    const created = async (path, body) => {
      const res = await call(agent, server.port, 'POST', path, world.adminToken, JSON.stringify(body));
      if (res.status !== 201) throw new Error(`POST ${path} answered ${res.status}: ${res.body.slice(0, 300)}`);
      return JSON.parse(res.body);
    };
    const project = await created('/api/v1/projects', { groupId: group.id, name: `ingest ${suffix}`, path: `ingest-${suffix}` });
    for (const round of ['new', 'update']) {
      const pipeline = await created(`/api/v1/projects/${project.id}/pipelines`, { ref: 'main', sha: 'abcdef1234567' });
      const cpuBefore = await server.cpuMs();
      const pgBefore = await backendCpu(client);
      const started = performance.now();
      const res = await call(agent, server.port, 'POST', `/api/v1/projects/${project.id}/pipelines/${pipeline.id}/reports?filename=gl-sast-report.json`, world.adminToken, report);
      const wall = performance.now() - started;
      const cpu = (await server.cpuMs()) - cpuBefore;
      const pgCpu = backendCpuSince(pgBefore, await backendCpu(client));
      if (res.status !== 201) log(`ingest answered ${res.status}: ${res.body.slice(0, 300)}`);
      const name = `ingest ${args.ingest.toLocaleString('en')} findings (${(report.length / 1e6).toFixed(1)} MB), ${round === 'new' ? 'all new' : 'all updates'}`;
      const row = { name, single: true, wallMs: wall, serverCpuMs: cpu, postgresCpuMs: pgCpu * 1000, peakRssMb: peakRssMb(server.pid), status: res.status };
      log(`${name}: wall ${(wall / 1000).toFixed(2)} s, server CPU ${(cpu / 1000).toFixed(2)} s, PostgreSQL backends ${pgCpu.toFixed(2)} s, server peak RSS ${row.peakRssMb.toFixed(0)} MB`);
      rows.push(row);
    }
  }
  if (args.ingestOnly) {
    agent.destroy();
    await client.end();
    print(args, total, rows);
    return;
  }

  const g = world.groups[1];
  const p = world.projects[25];
  const cve = (await client.query(`select primary_identifier_name from vulnerabilities where report_type = 'dependency_scanning' limit 1`)).rows[0]?.primary_identifier_name ?? 'CVE-2020-10000';
  // A deep page: follow the cursor 50 pages into the admin's list once, then request that page.
  let cursor = '';
  for (let i = 0; i < 50; i++) {
    const page = JSON.parse((await call(agent, server.port, 'GET', `/api/v1/vulnerabilities?limit=100${cursor === '' ? '' : `&cursor=${cursor}`}`, world.adminToken)).body);
    cursor = page.nextCursor ?? '';
  }
  const scenarios = [
    ['report: first page, instance (admin)', world.adminToken, ['/api/v1/vulnerabilities']],
    ['report: first page, instance (reporter, 60 projects)', world.reporterToken, ['/api/v1/vulnerabilities?state=detected&state=confirmed']],
    ['report: page 51 by cursor (admin)', world.adminToken, [`/api/v1/vulnerabilities?limit=100&cursor=${cursor}`]],
    ['report: filtered, instance (severity+state+type)', world.adminToken, ['/api/v1/vulnerabilities?severity=critical&severity=high&state=detected&report_type=sast']],
    ['report: filtered, group (state, sort detected)', world.adminToken, [`/api/v1/groups/${g.id}/vulnerabilities?state=confirmed&sort=detected_at_desc`]],
    ['report: filtered, project (scanner, activity)', world.adminToken, [`/api/v1/projects/${p.id}/vulnerabilities?scanner=gemnasium&activity=still_detected&sort=updated_at_desc`]],
    ['report: identifier (CVE), instance', world.adminToken, [`/api/v1/vulnerabilities?identifier=${cve}`]],
    ['report: counts by severity, group', world.adminToken, [`/api/v1/groups/${g.id}/vulnerabilities/counts?state=detected&state=confirmed`]],
    ['report: counts by severity, project', world.adminToken, [`/api/v1/projects/${p.id}/vulnerabilities/counts`]],
    ['dashboard: daily counts 365 d, group', world.adminToken, [`/api/v1/groups/${g.id}/dashboard/daily-counts?days=365`]],
    ['dashboard: daily counts 365 d, project', world.adminToken, [`/api/v1/projects/${p.id}/dashboard/daily-counts?days=365`]],
    ['dashboard: grades, group', world.adminToken, [`/api/v1/groups/${g.id}/dashboard/grades`]],
    ['dashboard: MTTR 90 d, group', world.adminToken, [`/api/v1/groups/${g.id}/dashboard/mttr?days=90`]],
    ['dashboard: SLA breaches, group', world.adminToken, [`/api/v1/groups/${g.id}/dashboard/sla`]],
    ['dependencies: project, first page', world.adminToken, [`/api/v1/projects/${p.id}/dependencies?has_vulnerabilities=true`]],
  ];
  for (const [name, token, paths] of scenarios) {
    log(name);
    const cpuBefore = await server.cpuMs();
    const result = await load(server.port, token, paths, args.connections, args.duration);
    const cpu = (await server.cpuMs()) - cpuBefore;
    if (result.errors > 0) log(`  ${result.errors} errors, first: ${result.firstError}`);
    rows.push({ name, ...result, serverCpuMsPerRequest: cpu / Math.max(1, result.requests) });
  }
  agent.destroy();
  await client.end();

  print(args, total, rows);
}

function print(args, total, rows) {
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ vulnerabilities: total, connections: args.connections, rows }, null, 2)}\n`);
    return;
  }
  const fmt = (n) => (Number.isFinite(n) ? n.toFixed(1) : '-');
  const lines = [
    `Bulwark server on PostgreSQL: ${total.toLocaleString('en')} vulnerabilities, ${args.connections} connections, ${args.duration} s per scenario`,
    '',
    '| scenario | p50 ms | p95 ms | p99 ms | req/s | server CPU ms/req | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    if (row.single) {
      const extra = `${fmt(row.serverCpuMs)} (total; PostgreSQL ${fmt(row.postgresCpuMs)}; peak RSS ${fmt(row.peakRssMb)} MB)`;
      lines.push(`| ${row.name} | ${fmt(row.wallMs)} (wall) | | | | ${extra} | ${row.status === 201 ? 0 : `HTTP ${row.status}`} |`);
    } else lines.push(`| ${row.name} | ${fmt(row.p50)} | ${fmt(row.p95)} | ${fmt(row.p99)} | ${fmt(row.rps)} | ${fmt(row.serverCpuMsPerRequest)} | ${row.errors} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();

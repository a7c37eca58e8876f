#!/usr/bin/env node
// Runs Bulwark over the secrets evaluation set and reports recall and
// false-positive rate, overall and per provider.
//
//   npm run build && npm run eval:secrets -- [options]
//
// Options
//   --verbose, -v          list every miss and every false alarm
//   --provider a,b         only evaluate these providers
//   --ext txt              extension of the written case files (default: txt)
//   --report FILE          do not run Bulwark; read this GitLab secret-detection
//                          report (its paths must be relative to the case dir, or
//                          absolute under --dir)
//   --dir DIR              write the cases here instead of a fresh temp dir
//   --keep                 keep the temp dir (printed) for inspection
//   --cmd "TEMPLATE"       scanner command; {dir} and {out} are substituted
//                          (default: node <repo>/bin/bulwark.js scan {dir} --out {out})
//   --json FILE            also write the full results as JSON
//   --min-recall 0.9       exit 1 when overall recall is below this
//   --max-fp-rate 0.05     exit 1 when overall false-positive rate is above this
//
// Each case is written to <dir>/<provider>/case-<NNN>.<ext>, where NNN is the
// case's line number in cases/<provider>.jsonl. File names deliberately do not
// say whether a case is a true or a false positive. One scan covers the whole
// dir; findings are attributed to cases by file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const CASES_DIR = path.join(HERE, 'cases');
const REPORT_NAME = 'gl-secret-detection-report.json';

// ---- arguments ------------------------------------------------------------------------
function parseArgs(argv) {
  const o = { verbose: false, keep: false, ext: 'txt', providers: null, report: null, dir: null, cmd: null, json: null, minRecall: null, maxFpRate: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) die(`missing value for ${a}`);
      return v;
    };
    switch (a) {
      case '-v': case '--verbose': o.verbose = true; break;
      case '--keep': o.keep = true; break;
      case '--ext': o.ext = val().replace(/^\./, ''); break;
      case '--provider': case '--providers': o.providers = new Set(val().split(',').map((s) => s.trim()).filter(Boolean)); break;
      case '--report': o.report = path.resolve(val()); break;
      case '--dir': o.dir = path.resolve(val()); break;
      case '--cmd': o.cmd = val(); break;
      case '--json': o.json = path.resolve(val()); break;
      case '--min-recall': o.minRecall = Number(val()); break;
      case '--max-fp-rate': o.maxFpRate = Number(val()); break;
      case '-h': case '--help': {
        const src = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
        console.log(src.slice(1, src.findIndex((l) => l.startsWith('import'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
        return process.exit(0);
      }
      default: die(`unknown option ${a} (see --help)`);
    }
  }
  return o;
}
function die(msg) {
  console.error(`evaluate: ${msg}`);
  process.exit(2);
}

// ---- cases -----------------------------------------------------------------------------
function loadCases(filter) {
  if (!fs.existsSync(CASES_DIR)) die(`no cases dir at ${CASES_DIR}`);
  const out = [];
  for (const f of fs.readdirSync(CASES_DIR).filter((x) => x.endsWith('.jsonl')).sort()) {
    const lines = fs.readFileSync(path.join(CASES_DIR, f), 'utf8').split('\n');
    lines.forEach((line, idx) => {
      if (!line.trim()) return;
      let c;
      try { c = JSON.parse(line); } catch (e) { die(`${f}:${idx + 1}: invalid JSON (${e.message})`); }
      for (const k of ['provider', 'kind', 'text', 'note']) if (typeof c[k] !== 'string') die(`${f}:${idx + 1}: missing string field "${k}"`);
      if (c.kind !== 'tp' && c.kind !== 'fp') die(`${f}:${idx + 1}: kind must be tp or fp`);
      if (!/^[a-z0-9][a-z0-9._-]*$/.test(c.provider)) die(`${f}:${idx + 1}: provider "${c.provider}" is not a safe directory name`);
      if (filter && !filter.has(c.provider)) return;
      out.push({ ...c, source: `cases/${f}:${idx + 1}`, line: idx + 1 });
    });
  }
  if (!out.length) die('no cases selected');
  return out;
}

function caseRel(c, ext) {
  return `${c.provider}/case-${String(c.line).padStart(3, '0')}.${ext}`;
}

function writeCases(cases, dir, ext) {
  for (const c of cases) {
    const file = path.join(dir, caseRel(c, ext));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, c.text.endsWith('\n') ? c.text : c.text + '\n');
  }
}

// ---- scanner ---------------------------------------------------------------------------
function runScanner(opts, dir, out) {
  const tpl = opts.cmd ?? `node ${JSON.stringify(path.join(REPO, 'bin', 'bulwark.js'))} scan {dir} --out {out}`;
  const cmd = tpl.replaceAll('{dir}', JSON.stringify(dir)).replaceAll('{out}', JSON.stringify(out));
  const t0 = Date.now();
  const res = spawnSync(cmd, { shell: true, cwd: REPO, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 30 * 60 * 1000 });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const report = path.join(out, REPORT_NAME);
  if (!fs.existsSync(report)) {
    console.error(`evaluate: scanner produced no ${REPORT_NAME} (exit ${res.status ?? res.signal}) after ${secs}s`);
    console.error(`command: ${cmd}`);
    if (res.stdout) console.error(res.stdout.slice(-4000));
    if (res.stderr) console.error(res.stderr.slice(-4000));
    if (res.error) console.error(String(res.error));
    console.error('hint: run `npm run build` first, or pass --cmd / --report');
    process.exit(2);
  }
  return { report, secs, status: res.status };
}

function readFindings(reportFile, dir) {
  let doc;
  try { doc = JSON.parse(fs.readFileSync(reportFile, 'utf8')); } catch (e) { die(`cannot parse ${reportFile}: ${e.message}`); }
  const vulns = Array.isArray(doc?.vulnerabilities) ? doc.vulnerabilities : die(`${reportFile} has no vulnerabilities[] array`);
  const realDir = fs.existsSync(dir) ? fs.realpathSync(dir) : dir;
  const byFile = new Map();
  let unattributed = 0;
  for (const v of vulns) {
    let file = v?.location?.file;
    if (typeof file !== 'string') { unattributed++; continue; }
    file = file.replace(/\\/g, '/');
    if (path.isAbsolute(file)) {
      const rel = [dir, realDir].map((d) => path.relative(d, file)).find((r) => !r.startsWith('..'));
      if (rel === undefined) { unattributed++; continue; }
      file = rel.replace(/\\/g, '/');
    }
    file = file.replace(/^\.\//, '');
    const f = {
      rule: v?.identifiers?.[0]?.value ?? v?.name ?? '?',
      line: v?.location?.start_line ?? null,
      name: v?.name ?? v?.message ?? '',
    };
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file).push(f);
  }
  return { byFile, total: vulns.length, unattributed };
}

// ---- metrics ---------------------------------------------------------------------------
const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');

function evaluate(cases, byFile, ext) {
  const known = new Set(cases.map((c) => caseRel(c, ext)));
  const results = cases.map((c) => {
    const findings = byFile.get(caseRel(c, ext)) ?? [];
    const flagged = findings.length > 0;
    return { ...c, file: caseRel(c, ext), findings, ok: c.kind === 'tp' ? flagged : !flagged };
  });
  const strays = [...byFile.keys()].filter((f) => !known.has(f));
  return { results, strays };
}

function summarise(results) {
  const per = new Map();
  const blank = () => ({ tp: 0, found: 0, fp: 0, alarms: 0, rules: new Map() });
  const all = blank();
  for (const r of results) {
    if (!per.has(r.provider)) per.set(r.provider, blank());
    for (const s of [per.get(r.provider), all]) {
      if (r.kind === 'tp') { s.tp++; if (r.findings.length) s.found++; }
      else { s.fp++; if (r.findings.length) s.alarms++; }
      for (const f of r.findings) s.rules.set(f.rule, (s.rules.get(f.rule) ?? 0) + 1);
    }
  }
  return { per, all };
}

function table(per) {
  const rows = [['provider', 'tp', 'found', 'recall', 'fp', 'alarms', 'fp-rate']];
  for (const [p, s] of [...per].sort(([a], [b]) => a.localeCompare(b))) {
    rows.push([p, String(s.tp), String(s.found), pct(s.found, s.tp), String(s.fp), String(s.alarms), pct(s.alarms, s.fp)]);
  }
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r, ri) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ') + (ri === 0 ? '\n' + w.map((x) => '-'.repeat(x)).join('  ') : '')).join('\n');
}

function excerpt(text, max = 6, width = 140) {
  const lines = text.split('\n');
  const shown = lines.slice(0, max).map((l) => `      | ${l.length > width ? l.slice(0, width) + '…' : l}`);
  if (lines.length > max) shown.push(`      | … (${lines.length - max} more lines)`);
  return shown.join('\n');
}

// ---- main ------------------------------------------------------------------------------
function main() {
  const opts = parseArgs(process.argv.slice(2));
  const cases = loadCases(opts.providers);
  const tmp = opts.dir ?? (opts.report ? path.join(os.tmpdir(), 'bulwark-secrets-report') : fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-secrets-')));
  const scanDir = path.join(tmp, 'scan');
  const outDir = path.join(tmp, 'out');

  let reportFile = opts.report;
  let scanInfo = '';
  if (!reportFile) {
    fs.rmSync(scanDir, { recursive: true, force: true });
    fs.rmSync(outDir, { recursive: true, force: true });
    writeCases(cases, scanDir, opts.ext);
    fs.mkdirSync(outDir, { recursive: true });
    const run = runScanner(opts, scanDir, outDir);
    reportFile = run.report;
    scanInfo = ` (scan took ${run.secs}s, exit ${run.status})`;
  }

  const { byFile, total, unattributed } = readFindings(reportFile, scanDir);
  const { results, strays } = evaluate(cases, byFile, opts.ext);
  const { per, all } = summarise(results);
  const recall = all.tp ? all.found / all.tp : 0;
  const fpRate = all.fp ? all.alarms / all.fp : 0;

  console.log(`Bulwark secrets evaluation: ${cases.length} cases (${all.tp} tp, ${all.fp} fp) from ${per.size} providers${scanInfo}`);
  console.log(`report: ${reportFile} — ${total} findings${unattributed ? `, ${unattributed} without a usable location.file` : ''}${strays.length ? `, ${strays.length} files not matching any case` : ''}`);
  console.log('');
  console.log(table(per));
  console.log('');
  console.log(`OVERALL  recall ${all.found}/${all.tp} = ${pct(all.found, all.tp)}   false-positive rate ${all.alarms}/${all.fp} = ${pct(all.alarms, all.fp)}`);

  if (opts.verbose) {
    const misses = results.filter((r) => r.kind === 'tp' && !r.ok);
    const alarms = results.filter((r) => r.kind === 'fp' && !r.ok);
    console.log(`\nMISSES (${misses.length})`);
    for (const r of misses) console.log(`  ${r.file}  [${r.source}]  ${r.note}\n${excerpt(r.text)}`);
    console.log(`\nFALSE ALARMS (${alarms.length})`);
    for (const r of alarms) {
      const what = r.findings.map((f) => `${f.rule}${f.line ? `@L${f.line}` : ''}`).join(', ');
      console.log(`  ${r.file}  [${r.source}]  ${what}  — ${r.note}\n${excerpt(r.text)}`);
    }
    console.log('\nRULES FIRING (findings per rule id: on tp cases / on fp cases)');
    const ruleCounts = new Map();
    for (const r of results) for (const f of r.findings) {
      const e = ruleCounts.get(f.rule) ?? { tp: 0, fp: 0 };
      e[r.kind]++;
      ruleCounts.set(f.rule, e);
    }
    for (const [rule, e] of [...ruleCounts].sort((a, b) => b[1].tp + b[1].fp - (a[1].tp + a[1].fp))) console.log(`  ${rule.padEnd(40)} ${String(e.tp).padStart(5)} / ${String(e.fp).padStart(4)}`);
    if (strays.length) console.log(`\nFINDINGS IN UNKNOWN FILES\n${strays.slice(0, 20).map((s) => `  ${s}`).join('\n')}`);
  } else {
    console.log('(run with --verbose to list misses and false alarms)');
  }

  if (opts.json) {
    const perObj = Object.fromEntries([...per].map(([p, s]) => [p, { tp: s.tp, found: s.found, recall: s.tp ? s.found / s.tp : null, fp: s.fp, alarms: s.alarms, fpRate: s.fp ? s.alarms / s.fp : null }]));
    fs.writeFileSync(opts.json, JSON.stringify({
      overall: { tp: all.tp, found: all.found, recall, fp: all.fp, alarms: all.alarms, fpRate },
      providers: perObj,
      cases: results.map((r) => ({ source: r.source, file: r.file, provider: r.provider, kind: r.kind, ok: r.ok, findings: r.findings })),
    }, null, 2) + '\n');
    console.log(`results written to ${opts.json}`);
  }

  if (!opts.dir && !opts.report) {
    if (opts.keep) console.log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }

  let fail = false;
  if (opts.minRecall !== null && recall < opts.minRecall) { console.error(`recall ${recall.toFixed(3)} is below --min-recall ${opts.minRecall}`); fail = true; }
  if (opts.maxFpRate !== null && fpRate > opts.maxFpRate) { console.error(`false-positive rate ${fpRate.toFixed(3)} is above --max-fp-rate ${opts.maxFpRate}`); fail = true; }
  process.exit(fail ? 1 : 0);
}

main();

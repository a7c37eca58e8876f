// End to end: `bulwark scan --scanners sast` through the CLI's own entry point (in-process, from
// the sources) over test/fixtures/sast-project: an Express service with a command injection whose
// source and sink are in two files, a Flask shop with an SQL injection built by a helper in
// another module, a safe twin of each, and a tests/ folder that GitLab's default excludes leave out.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import type { Identifiers } from '../src/core/identifier.js';
import { ingestFindingUuid } from '../src/core/identity/signature.js';
import type { Location } from '../src/core/location.js';
import { REPO_ROOT, tempDir } from './harness.js';
import { gitlabValidator, sarifValidator } from './schemas.js';

const PROJECT = join(REPO_ROOT, 'test', 'fixtures', 'sast-project');

interface Vulnerability {
  id: string;
  identifiers: { type: string; name: string; value: string }[];
  severity: string;
  location: { file: string; start_line: number; end_line?: number };
  tracking?: { items: { file: string; start_line: number; signatures: { algorithm: string; value: string }[] }[] };
  details?: { taint_path?: { type: string; items: { type: string; file_name: string; line_start: number }[] } };
}

interface SarifResult {
  ruleId: string;
  codeFlows?: { threadFlows: { locations: { location: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } } }[] }[] }[];
}

interface SastReport {
  scan: { messages: { level: string; value: string }[]; status: string };
  vulnerabilities: Vulnerability[];
}

/** Runs the CLI in this process; returns its exit code and what it printed. */
async function scan(target: string, out: string, extra: readonly string[] = []): Promise<{ code: number; stdout: string; ms: number }> {
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  const started = Date.now();
  try {
    const code = await main(['scan', target, '--scanners', 'sast', '--out', out, '--no-progress', '--format', 'gitlab,sarif', ...extra]);
    return { code, stdout, ms: Date.now() - started };
  } finally {
    spy.mockRestore();
  }
}

function readReport(out: string): SastReport {
  return JSON.parse(readFileSync(join(out, 'gl-sast-report.json'), 'utf8')) as SastReport;
}

const where = (v: Vulnerability): string => `${v.location.file}:${v.location.start_line} ${v.identifiers[0]!.value}`;

describe('SAST scanning end to end', () => {
  const work = tempDir('bulwark-sast-');
  afterAll(() => work.cleanup());

  it('finds the cross-file injections, and nothing in the safe twins or the excluded tests', async () => {
    const out = join(work.path, 'plain');
    const run = await scan(PROJECT, out, ['--fail-on', 'high']);
    expect(run.code).toBe(1);
    const report = readReport(out);
    const validate = gitlabValidator('sast-report-format.json');
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const sarif = JSON.parse(readFileSync(join(out, 'bulwark.sarif'), 'utf8')) as { runs: { results: SarifResult[] }[] };
    const validateSarif = sarifValidator();
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);

    const found = report.vulnerabilities.map(where);
    expect(found).toContain('express-app/lib/diagnostics.js:7 js-command-injection');
    expect(found).toContain('flask-app/shop/views.py:18 python-sql-injection');
    expect(found.filter((f) => /^(express-safe|flask-safe|tests)\//.test(f))).toEqual([]);
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['js-command-injection', 'python-sql-injection']));

    // Primary identifier: the rule; then its CWE; then the OWASP category.
    const sql = report.vulnerabilities.find((v) => v.identifiers[0]!.value === 'python-sql-injection')!;
    expect(sql.identifiers.map((i) => i.type)).toEqual(['bulwark_sast_rule', 'cwe', 'owasp']);
    expect(sql.identifiers[1]!.value).toBe('89');
    expect(sql.identifiers[2]!.value).toMatch(/^A03:2021/);
    expect(sql.severity).toBe('High');
    const cmd = report.vulnerabilities.find((v) => v.identifiers[0]!.value === 'js-command-injection')!;
    expect(cmd.identifiers.map((i) => i.type)).toEqual(['bulwark_sast_rule', 'cwe', 'owasp']);
    expect(cmd.identifiers[1]!.value).toBe('78');
    expect(cmd.tracking?.items[0]?.signatures[0]?.algorithm).toBe('scope_offset');
    expect(cmd.tracking?.items[0]?.signatures[0]?.value).toBe('express-app/lib/diagnostics.js|traceRoute[0]:2');

    // The path from the request to the sink crosses files; both reports carry it, source first.
    const path = cmd.details?.taint_path?.items ?? [];
    expect(path.length).toBeGreaterThanOrEqual(2);
    expect(path.every((step) => step.type === 'file-location')).toBe(true);
    expect(path.at(-1)).toMatchObject({ file_name: 'express-app/lib/diagnostics.js', line_start: 7 });
    expect(new Set(path.map((step) => step.file_name)).size).toBeGreaterThan(1);
    const sarifCmd = sarif.runs[0]!.results.find((r) => r.ruleId === 'js-command-injection')!;
    const flow = sarifCmd.codeFlows?.[0]?.threadFlows[0]?.locations ?? [];
    expect(flow.map((l) => l.location.physicalLocation.region.startLine)).toEqual(path.map((step) => step.line_start));
  });

  it('reports nothing but the two planted bugs (no false positives on the vulnerable apps either)', async () => {
    const out = join(work.path, 'exact');
    await scan(PROJECT, out);
    expect(readReport(out).vulnerabilities.map(where).sort()).toEqual([
      'express-app/lib/diagnostics.js:7 js-command-injection',
      'flask-app/shop/views.py:18 python-sql-injection',
    ]);
  });

  it('keeps the scope_offset signature and the tracked UUID when code above the function moves', async () => {
    const project = join(work.path, 'moved');
    cpSync(PROJECT, project, { recursive: true });
    const before = join(work.path, 'moved-before');
    await scan(project, before);
    const file = join(project, 'express-app', 'lib', 'diagnostics.js');
    const text = readFileSync(file, 'utf8');
    const helper = '\n/** Milliseconds a trace may take. */\nfunction traceTimeout() {\n  return 5000;\n}\n';
    writeFileSync(file, text.replace("const TRACE_BINARY = '/usr/bin/traceroute';\n", `const TRACE_BINARY = '/usr/bin/traceroute';\n${helper}`));
    const after = join(work.path, 'moved-after');
    await scan(project, after);

    const pick = (out: string): Vulnerability => readReport(out).vulnerabilities.find((v) => v.identifiers[0]!.value === 'js-command-injection')!;
    const [a, b] = [pick(before), pick(after)];
    expect(b.location.start_line).toBe(a.location.start_line + 5);
    const signature = (v: Vulnerability): { algorithm: string; value: string }[] => v.tracking!.items[0]!.signatures;
    expect(signature(b)).toEqual(signature(a));
    // The line moved, so the report's location-based id changes; GitLab tracks it by the signature.
    expect(b.id).not.toBe(a.id);
    const tracked = (v: Vulnerability): string => {
      const location: Location = { kind: 'source', file: v.location.file, startLine: v.location.start_line, endLine: v.location.end_line ?? v.location.start_line };
      const identifiers = v.identifiers.map((i) => ({ type: i.type, name: i.name, value: i.value })) as unknown as Identifiers;
      return ingestFindingUuid({ reportType: 'sast', identifiers, location }, signature(v), { projectId: 42, useSignatures: true });
    };
    expect(tracked(b)).toBe(tracked(a));

    // A second scan of the same tree gives the same ids.
    const again = join(work.path, 'moved-again');
    await scan(project, again);
    expect(pick(again).id).toBe(b.id);
  });

  it('goes on past hostile files with a notice each, in bounded time', async () => {
    const project = join(work.path, 'hostile');
    cpSync(PROJECT, project, { recursive: true });
    writeFileSync(join(project, 'broken.py'), 'import os\nfrom flask import request\n\ndef broken(:\n    return = 1\n\n\ndef run():\n    os.system("ls " + request.args["dir"])\n');
    const statements = Array.from({ length: 400 }, (_, i) => `var v${i}=document.getElementById("e${i}").value+${i};`).join('');
    writeFileSync(join(project, 'bundle.min.js'), `!function(){${statements.repeat(4)}}();\n`);
    const generated = ['"""Generated table."""', 'TABLE = {}'];
    for (let i = 0; generated.length < 50_000; i++) generated.push(`def handler_${i}(x):`, `    TABLE[${i}] = x + ${i}`, '    return TABLE');
    writeFileSync(join(project, 'generated.py'), `${generated.slice(0, 50_000).join('\n')}\n`);
    writeFileSync(join(project, 'nested.js'), `const deep = ${'('.repeat(3000)}1${')'.repeat(3000)};\nconst sum = ${Array.from({ length: 20_000 }, (_, i) => `a${i}`).join(' +\n  ')};\n`);
    const out = join(work.path, 'hostile-out');
    const run = await scan(project, out);
    expect(run.code).toBe(0);
    expect(run.ms).toBeLessThan(45_000);
    const report = readReport(out);
    expect(gitlabValidator('sast-report-format.json')(report)).toBe(true);
    const messages = report.scan.messages.map((m) => m.value);
    expect(messages, JSON.stringify(messages)).toContain('sast-syntax-error: 1 file(s)');
    expect(messages, JSON.stringify(messages)).toContain('sast-minified-file: 1 file(s)');
    expect(messages, JSON.stringify(messages)).toContain('sast-nesting-too-deep: 1 file(s)');
    const found = report.vulnerabilities.map(where);
    // The syntax error does not hide the injection further down the same file.
    expect(found).toContain('broken.py:9 python-command-injection');
    expect(found).toContain('flask-app/shop/views.py:18 python-sql-injection');
    expect(found.filter((f) => f.startsWith('generated.py') || f.startsWith('nested.js') || f.startsWith('bundle.min.js'))).toEqual([]);
  });
});

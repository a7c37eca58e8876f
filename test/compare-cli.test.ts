import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareCommand, registerCompareCommand, type CommandIo } from '../src/cli/commands/compare.js';
import { tempDir } from './harness.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'reports');

interface Captured extends CommandIo {
  out: string;
  err: string;
}

function capture(): Captured {
  const io = { out: '', err: '' } as Captured;
  return Object.assign(io, { stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) });
}

type Vulnerability = { location: { start_line?: number; end_line?: number }; identifiers: { value: string }[]; severity: string; name: string };

describe('bulwark compare', () => {
  let work: { path: string; cleanup: () => void };
  let base: string;
  let head: string;
  beforeEach(() => {
    work = tempDir();
    base = join(work.path, 'base');
    head = join(work.path, 'head');
    mkdirSync(base);
    mkdirSync(head);
    copyFileSync(join(FIXTURES, 'gl-sast-report.json'), join(base, 'gl-sast-report.json'));
    copyFileSync(join(FIXTURES, 'gl-dependency-scanning-report.json'), join(base, 'gl-dependency-scanning-report.json'));
    // The branch: the SQL injection moved 8 lines down (same scope_offset signature), the pickle
    // finding is gone, a new critical one appears; lodash was upgraded away.
    const sast = JSON.parse(readFileSync(join(FIXTURES, 'gl-sast-report.json'), 'utf8')) as { vulnerabilities: Vulnerability[] };
    const [md5, sqli] = sast.vulnerabilities as [Vulnerability, Vulnerability, Vulnerability];
    sqli.location = { ...sqli.location, start_line: 50, end_line: 50 };
    const fresh: Vulnerability = { ...md5, name: 'Use of exec', severity: 'Critical', identifiers: [{ value: 'bandit.B102' }].map((i) => ({ type: 'semgrep_id', name: i.value, ...i })) } as Vulnerability;
    fresh.location = { ...md5.location, start_line: 90, end_line: 90 };
    sast.vulnerabilities = [md5, sqli, fresh];
    writeFileSync(join(head, 'gl-sast-report.json'), JSON.stringify(sast));
    const ds = JSON.parse(readFileSync(join(FIXTURES, 'gl-dependency-scanning-report.json'), 'utf8')) as { vulnerabilities: unknown[] };
    ds.vulnerabilities = ds.vulnerabilities.slice(1);
    writeFileSync(join(head, 'gl-dependency-scanning-report.json'), JSON.stringify(ds));
  });
  afterEach(() => work.cleanup());

  it('prints new and fixed findings per report type, most severe first', () => {
    const io = capture();
    expect(compareCommand(base, head, {}, io)).toBe(0);
    expect(io.err).toBe('');
    expect(io.out).toContain('dependency_scanning: 0 new, 1 fixed, 1 unchanged');
    expect(io.out).toContain('sast: 1 new, 1 fixed, 2 unchanged');
    expect(io.out).toMatch(/new {4}CRITICAL {2}bandit\.B102 {2}Use of exec {2}app\/main\.py:90/);
    expect(io.out).toMatch(/fixed {2}CRITICAL {2}bandit\.B301-1/);
    expect(io.out).toContain('CVE-2021-23337  Prototype Pollution in lodash  package-lock.json lodash@4.17.20');
  });

  it('writes machine-readable JSON and exits 1 when a new finding reaches --fail-on-new', () => {
    const io = capture();
    expect(compareCommand(base, head, { format: 'json', failOnNew: 'high' }, io)).toBe(1);
    const document = JSON.parse(io.out) as { reportTypes: { reportType: string; added: { uuid: string; severity: string }[]; fixed: unknown[]; unchanged: number }[] };
    const sast = document.reportTypes.find((t) => t.reportType === 'sast');
    expect(sast?.added).toHaveLength(1);
    expect(sast?.added[0]?.severity).toBe('critical');
    expect(sast?.added[0]?.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(sast?.unchanged).toBe(2);
    expect(compareCommand(head, base, { failOnNew: 'high' }, capture())).toBe(1);
    expect(compareCommand(base, base, { failOnNew: 'info' }, capture())).toBe(0);
  });

  it('treats a folder without reports as empty, and SARIF as reports too', () => {
    const empty = join(work.path, 'empty');
    mkdirSync(empty);
    copyFileSync(join(FIXTURES, 'semgrep.sarif'), join(head, 'semgrep.sarif'));
    const io = capture();
    expect(compareCommand(empty, head, { format: 'json' }, io)).toBe(0);
    expect(io.err).toContain('no reports');
    const types = (JSON.parse(io.out) as { reportTypes: { reportType: string; added: unknown[] }[] }).reportTypes;
    expect(types.map((t) => `${t.reportType}:${t.added.length}`)).toEqual(['dependency_scanning:1', 'sast:4', 'secret_detection:1']);
  });

  it('exits 2 with a clear message on a missing folder, a broken report or a bad option', () => {
    let io = capture();
    expect(compareCommand(join(work.path, 'nope'), head, {}, io)).toBe(2);
    expect(io.err).toContain('cannot read folder');
    writeFileSync(join(head, 'gl-dast-report.json'), '{"version": "15.0.7", "scan": {');
    io = capture();
    expect(compareCommand(base, head, {}, io)).toBe(2);
    expect(io.err).toMatch(/gl-dast-report\.json is not a report Bulwark can read:\n {2}report is not valid JSON/);
    io = capture();
    expect(compareCommand(base, base, { failOnNew: 'severe' }, io)).toBe(2);
    expect(io.err).toContain('--fail-on-new must be one of critical, high');
    expect(compareCommand(base, base, { format: 'xml' }, capture())).toBe(2);
  });

  it('registers as a commander command', async () => {
    let code = -1;
    const program = new Command('bulwark').exitOverride();
    registerCompareCommand(program, (c) => (code = c), new AbortController().signal);
    const written: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (written.push(chunk), true)) as typeof process.stdout.write;
    try {
      await program.parseAsync(['compare', base, head, '--fail-on-new', 'critical'], { from: 'user' });
    } finally {
      process.stdout.write = original;
    }
    expect(code).toBe(1);
    expect(written.join('')).toContain('sast: 1 new');
  });
});

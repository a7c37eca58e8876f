import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, symlinkSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScan } from '../src/engine/scan.js';
import { runCli, tempDir } from './harness.js';

const TOKEN = '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';
const GIB = 1024 ** 3;
const settings = { scanners: ['secrets' as const], secrets: {} };

interface Report {
  vulnerabilities: { location: { file: string; start_line: number } }[];
  scan: { messages: { level: string; value: string }[] };
}

describe('hostile input', () => {
  let work: { path: string; cleanup: () => void };
  let src: string;
  let out: string;
  beforeEach(() => {
    work = tempDir('bulwark-hostile-');
    src = join(work.path, 'src');
    out = join(work.path, 'out');
    mkdirSync(src);
    writeFileSync(join(src, 'ok.env'), `GITHUB_TOKEN=${TOKEN}\n`);
  });
  afterEach(() => work.cleanup());

  const report = (): Report => JSON.parse(readFileSync(join(out, 'gl-secret-detection-report.json'), 'utf8')) as Report;

  it('skips a 1 GiB file over the size limit at once, with a notice, and still scans the rest', async () => {
    const big = join(src, 'huge.log');
    writeFileSync(big, '');
    truncateSync(big, GIB);
    const started = Date.now();
    const run = await runCli(['scan', src, '--out', out]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('over the size limit');
    expect(report().vulnerabilities.map((v) => v.location.file)).toEqual(['ok.env']);
    expect(report().scan.messages).toContainEqual({ level: 'info', value: 'file-too-large: 1 file(s)' });
  });

  it('scans a 1 GiB text file in bounded memory when the limit allows it, with the right line number', async () => {
    const big = join(src, 'huge.txt');
    const line = 'INFO 2024-05-01 request served in 12ms path=/api/items status=200\n';
    const block = Buffer.from(line.repeat(Math.floor((1024 * 1024) / line.length)));
    const fd = openSync(big, 'w');
    let lines = 0;
    let size = 0;
    while (size + block.length < GIB) {
      writeSync(fd, block);
      size += block.length;
      lines += block.length / line.length;
    }
    writeSync(fd, `leaked GITHUB_TOKEN=${TOKEN}\n`);
    closeSync(fd);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const result = await runScan({
      root: src,
      settings,
      maxFileSize: 2 * GIB,
      threads: 1,
      onProgress: () => {
        peak = Math.max(peak, process.memoryUsage().rss);
      },
    });
    peak = Math.max(peak, process.memoryUsage().rss);
    const hits = result.findings.filter((f) => f.location.kind === 'source' && f.location.file === 'huge.txt');
    expect(hits.map((f) => (f.location.kind === 'source' ? f.location.startLine : 0))).toEqual([lines + 1]);
    expect(peak - rssBefore).toBeLessThan(256 * 1024 * 1024);
  }, 180_000);

  it('skips binary blobs, even ones that contain a token', async () => {
    const blob = Buffer.alloc(5 * 1024 * 1024);
    for (let i = 0; i < blob.length; i++) blob[i] = (i * 7919) % 256;
    blob.write(TOKEN, 1000);
    writeFileSync(join(src, 'blob.bin.dat'), blob);
    const run = await runCli(['scan', src, '--out', out]);
    expect(run.code).toBe(0);
    expect(report().vulnerabilities.map((v) => v.location.file)).toEqual(['ok.env']);
    expect(report().scan.messages).toContainEqual({ level: 'info', value: 'binary-file: 1 file(s)' });
  });

  it('handles a 10 MB line with no newline, dense with keywords, in bounded time', async () => {
    const unit = 'password=token&api_key=secret&ghp_&AKIA&sk_live_&xoxb-&eyJhbGciOi&-----BEGIN &mongodb://u:p@h ';
    writeFileSync(join(src, 'one-line.txt'), `${unit.repeat(Math.ceil((10 * 1024 * 1024) / unit.length))}${TOKEN}`);
    const started = Date.now();
    const run = await runCli(['scan', src, '--out', out]);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(run.code).toBe(0);
    const files = report().vulnerabilities.map((v) => v.location.file);
    expect(files).toContain('one-line.txt');
    expect(files).toContain('ok.env');
  }, 90_000);

  it('does not follow a symlink loop, and says so', async () => {
    mkdirSync(join(src, 'a', 'b'), { recursive: true });
    symlinkSync('../..', join(src, 'a', 'b', 'up'));
    symlinkSync('self', join(src, 'self'));
    const run = await runCli(['scan', src, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/symlink loop/);
    expect(report().vulnerabilities).toHaveLength(1);
  });

  it('skips a directory it cannot read, with a warning, and scans the rest', async () => {
    const locked = join(src, 'locked');
    mkdirSync(locked);
    writeFileSync(join(locked, 'secret.env'), `GITHUB_TOKEN=${TOKEN}\n`);
    chmodSync(locked, 0o000);
    // Root reads everything; run the scan as an unprivileged user so permissions apply.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      for (const dir of [work.path, src]) chmodSync(dir, 0o777);
      execFileSync('chmod', ['a+r', join(src, 'ok.env')]);
    }
    const run = await runCli(['scan', src, '--out', out], asRoot ? { uid: 65534, gid: 65534 } : {});
    chmodSync(locked, 0o755);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('skipped directory locked: EACCES');
    const doc = report();
    expect(doc.vulnerabilities.map((v) => v.location.file)).toEqual(['ok.env']);
    expect(doc.scan.messages).toContainEqual({ level: 'warn', value: 'skipped directory locked: EACCES (check its permissions)' });
  });

  it('writes nothing half-way when the output folder cannot be written', async () => {
    const blocked = join(work.path, 'file-not-dir');
    writeFileSync(blocked, 'x');
    const run = await runCli(['scan', src, '--out', join(blocked, 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot create output folder');
  });
});

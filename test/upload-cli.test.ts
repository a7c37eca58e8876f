import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandIo } from '../src/cli/commands/compare.js';
import { uploadCommand, type UploadFlags } from '../src/cli/commands/upload.js';
import { tempDir } from './harness.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'reports');

interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly auth: string | undefined;
  readonly body: Buffer;
}

type Handler = (req: Recorded) => { status: number; body?: unknown };

/** A stand-in for `bulwark serve` on 127.0.0.1 that records every request. */
async function startServer(handler: Handler): Promise<{ url: string; requests: Recorded[]; close: () => Promise<void> }> {
  const requests: Recorded[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization, body: Buffer.concat(chunks) };
      requests.push(recorded);
      const reply = handler(recorded);
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function capture(): CommandIo & { out: string; err: string } {
  const io = { out: '', err: '' };
  return Object.assign(io, { stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) });
}

const accept: Handler = (req) =>
  req.url.endsWith('/pipelines')
    ? { status: 201, body: { id: 17 } }
    : { status: 201, body: { uploadId: 1, scans: [{ id: 1, reportType: 'sast', findings: 3, duplicates: 1 }], vulnerabilities: { created: 2, updated: 0, noLongerDetected: 0 }, messages: [] } };

describe('bulwark upload', () => {
  let work: { path: string; cleanup: () => void };
  let dir: string;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  beforeEach(() => {
    work = tempDir();
    dir = join(work.path, 'reports');
    mkdirSync(dir);
    for (const name of ['gl-sast-report.json', 'codeql.sarif', 'syft.cdx.json']) copyFileSync(join(FIXTURES, name), join(dir, name));
    writeFileSync(join(dir, 'notes.txt'), 'not a report');
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    work.cleanup();
  });

  const flags = (extra: Partial<UploadFlags> = {}): UploadFlags => ({ server: server?.url ?? '', project: 'acme/web', ref: 'main', sha: 'c0ffee', ...extra });

  it('creates a pipeline, then uploads each report file with the token, one progress line per file', async () => {
    server = await startServer(accept);
    const io = capture();
    const code = await uploadCommand(dir, flags({ token: 'bwk_secret' }), { io, env: {} });
    expect(io.err).toBe('');
    expect(code).toBe(0);
    const [create, ...uploads] = server.requests;
    expect(create).toMatchObject({ method: 'POST', url: '/api/v1/projects/acme%2Fweb/pipelines', auth: 'Bearer bwk_secret' });
    expect(JSON.parse(create?.body.toString() ?? '{}')).toEqual({ ref: 'main', sha: 'c0ffee', source: 'push', status: 'success' });
    expect(uploads.map((u) => u.url)).toEqual([
      '/api/v1/projects/acme%2Fweb/pipelines/17/reports?filename=codeql.sarif',
      '/api/v1/projects/acme%2Fweb/pipelines/17/reports?filename=gl-sast-report.json',
      '/api/v1/projects/acme%2Fweb/pipelines/17/reports?filename=syft.cdx.json',
    ]);
    expect(uploads[1]?.body.equals(readFileSync(join(dir, 'gl-sast-report.json')))).toBe(true);
    expect(io.out).toContain('Pipeline 17 for acme/web at main (c0ffee)');
    expect(io.out).toMatch(/\[2\/3\] gl-sast-report\.json: uploaded \(\d+ bytes\): sast 3 finding\(s\), 1 duplicate\(s\); 2 new vulnerabilities/);
  });

  it("leaves out a Bulwark scan's bulwark.sarif when its GitLab reports are beside it (the same findings twice)", async () => {
    copyFileSync(join(FIXTURES, 'codeql.sarif'), join(dir, 'bulwark.sarif'));
    server = await startServer(accept);
    const io = capture();
    expect(await uploadCommand(dir, flags({ token: 'bwk_secret' }), { io, env: {} })).toBe(0);
    const uploaded = server.requests.slice(1).map((u) => u.url.replace(/.*filename=/, ''));
    expect(uploaded).toEqual(['codeql.sarif', 'gl-sast-report.json', 'syft.cdx.json']);
    expect(io.out).toContain('bulwark.sarif: skipped (the gl-*.json reports beside it hold the same findings)');
  });

  it('takes the token from BULWARK_TOKEN and treats 409 as already uploaded', async () => {
    server = await startServer((req) => (req.url.endsWith('/pipelines') ? { status: 201, body: { id: 'p1' } } : { status: 409, body: { code: 'report-already-uploaded', message: 'already there' } }));
    const io = capture();
    expect(await uploadCommand(dir, flags({ project: '12' }), { io, env: { BULWARK_TOKEN: 'bwk_env' } })).toBe(0);
    expect(server.requests[0]).toMatchObject({ url: '/api/v1/projects/12/pipelines', auth: 'Bearer bwk_env' });
    expect(io.out).toContain('already uploaded to this pipeline; skipped');
  });

  it('explains 401 with the server message and exits 2', async () => {
    server = await startServer(() => ({ status: 401, body: { statusCode: 401, code: 'unauthorized', message: 'invalid token' } }));
    const io = capture();
    expect(await uploadCommand(dir, flags({ token: 'bad' }), { io, env: {} })).toBe(2);
    expect(io.err).toContain('cannot create the pipeline: HTTP 401: invalid token (the token is missing, wrong, expired or revoked)');
  });

  it('reports a refused report with the reader problems, uploads the rest, exits 2; stops on 403', async () => {
    server = await startServer((req) => {
      if (req.url.endsWith('/pipelines')) return { status: 201, body: { id: 3 } };
      if (req.url.includes('codeql')) return { status: 400, body: { code: 'invalid-report', message: 'report refused', problems: [{ code: 'invalid-report', message: 'runs[0].tool: is required' }] } };
      if (req.url.includes('syft')) return { status: 413, body: { message: 'Request body is too large' } };
      return accept(req);
    });
    let io = capture();
    expect(await uploadCommand(dir, flags({ token: 't' }), { io, env: {} })).toBe(2);
    expect(io.err).toContain('[1/3] codeql.sarif: refused: HTTP 400: report refused\n    runs[0].tool: is required');
    expect(io.err).toContain('[3/3] syft.cdx.json: refused: HTTP 413: Request body is too large (the report is larger than the server accepts');
    expect(io.out).toContain('[2/3] gl-sast-report.json: uploaded');
    expect(io.err).toContain('2 report(s) not uploaded');

    await server.close();
    server = await startServer((req) => (req.url.endsWith('/pipelines') ? { status: 201, body: { id: 3 } } : { status: 403, body: { message: 'forbidden' } }));
    io = capture();
    expect(await uploadCommand(dir, flags({ token: 't' }), { io, env: {} })).toBe(2);
    expect(server.requests).toHaveLength(2);
    expect(io.err).toContain('needs the api scope');
  });

  it('exits 2 on usage mistakes and an unreachable server, before sending anything', async () => {
    const io = capture();
    expect(await uploadCommand(dir, { server: 'http://127.0.0.1:9', project: 'p', ref: 'main', sha: 's' }, { io, env: {} })).toBe(2);
    expect(io.err).toContain('no token: pass --token or set BULWARK_TOKEN');
    expect(await uploadCommand(dir, { server: 'ftp://x', project: 'p', ref: 'main', sha: 's', token: 't' }, { io, env: {} })).toBe(2);
    expect(io.err).toContain('--server must be an http(s) URL');
    expect(await uploadCommand(dir, { server: 'http://x', project: 'p', sha: 's', token: 't' }, { io, env: {} })).toBe(2);
    expect(io.err).toContain('--ref is required');
    const empty = join(work.path, 'empty');
    mkdirSync(empty);
    expect(await uploadCommand(empty, { server: 'http://x', project: 'p', ref: 'r', sha: 's', token: 't' }, { io, env: {} })).toBe(2);
    expect(io.err).toContain('no reports (gl-*.json, *.sarif, *.cdx.json)');
    // A port that was just free: nothing listens there now.
    const gone = await startServer(accept);
    await gone.close();
    const down = capture();
    expect(await uploadCommand(dir, { server: gone.url, project: 'p', ref: 'r', sha: 's', token: 't' }, { io: down, env: {} })).toBe(2);
    expect(down.err).toMatch(/cannot reach http:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/);
  });
});

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/harness.js';
import { buildZip } from './__fixtures__/zip-writer.js';
import { openStore } from './store.js';
import { archiveUrl, updateAdvisories } from './update.js';

function record(id: string, ecosystem: string, name: string): string {
  return JSON.stringify({ id, modified: '2024-05-01T00:00:00Z', affected: [{ package: { ecosystem, name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0' }] }] }] });
}

const ARCHIVES: Record<string, Buffer> = {
  '/osv/npm/all.zip': buildZip([
    { name: 'GHSA-npm1.json', data: record('GHSA-npm1', 'npm', 'lodash') },
    { name: 'GHSA-npm2.json', data: record('GHSA-npm2', 'npm', 'minimist') },
  ]),
  '/osv/PyPI/all.zip': buildZip([{ name: 'PYSEC-1.json', data: record('PYSEC-1', 'PyPI', 'Requests') }]),
  '/osv/crates.io/all.zip': buildZip([{ name: 'RUSTSEC-1.json', data: record('RUSTSEC-1', 'crates.io', 'time') }]),
};

describe('advisories/update', () => {
  let server: Server;
  let base: string;
  let work: { path: string; cleanup: () => void };
  let db: string;
  const requests: string[] = [];

  beforeEach(async () => {
    requests.length = 0;
    work = tempDir('bulwark-update-');
    db = join(work.path, 'db');
    server = createServer((request: IncomingMessage, response: ServerResponse) => {
      const path = request.url ?? '';
      requests.push(path);
      if (path.startsWith('/stall/')) return; // never answers: the client must give up
      if (path.startsWith('/chunked/')) {
        // No content-length: the size is only known while the bytes arrive.
        response.writeHead(200, { 'content-type': 'application/zip' });
        response.end(ARCHIVES[path.replace('/chunked/', '/osv/')]);
        return;
      }
      const body = ARCHIVES[path];
      if (body === undefined) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/zip', 'content-length': body.length }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    work.cleanup();
  });

  it('downloads each ecosystem archive and imports them, each source named by its URL', async () => {
    const result = await updateAdvisories(db, { baseUrl: `${base}/osv/`, ecosystems: ['npm', 'PyPI', 'crates.io'], now: () => new Date('2024-06-01T00:00:00Z') });
    if (!result.ok) throw new Error(result.error);
    expect(requests).toEqual(['/osv/npm/all.zip', '/osv/PyPI/all.zip', '/osv/crates.io/all.zip']);
    expect(result.value.import).toMatchObject({ recordsRead: 4, imported: 4 });
    expect(result.value.downloads.map((d) => d.url)).toEqual([`${base}/osv/npm/all.zip`, `${base}/osv/PyPI/all.zip`, `${base}/osv/crates.io/all.zip`]);

    const opened = openStore(db);
    if (!opened.ok) throw new Error(opened.error);
    const store = opened.value;
    expect(store.manifest.sources).toEqual([
      { name: `${base}/osv/npm/all.zip`, importedAt: '2024-06-01T00:00:00.000Z', records: 2, withdrawn: 0 },
      { name: `${base}/osv/PyPI/all.zip`, importedAt: '2024-06-01T00:00:00.000Z', records: 1, withdrawn: 0 },
      { name: `${base}/osv/crates.io/all.zip`, importedAt: '2024-06-01T00:00:00.000Z', records: 1, withdrawn: 0 },
    ]);
    expect(store.lookup('PyPI', 'requests').map((a) => a.id)).toEqual(['PYSEC-1']);
    store.close();
    // The downloads went to a temporary folder that is gone now.
    expect(readdirSync(work.path)).toEqual(['db']);
  });

  it('names the URL of a failed download and leaves the store as it was', async () => {
    const result = await updateAdvisories(db, { baseUrl: `${base}/osv`, ecosystems: ['npm', 'Maven'] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe(`${base}/osv/Maven/all.zip: HTTP 404 Not Found`);
    expect(openStore(db).ok).toBe(false);
    expect(readdirSync(work.path)).toEqual([]);
  });

  it('gives up on a server that stops answering', async () => {
    const result = await updateAdvisories(db, { baseUrl: `${base}/stall`, ecosystems: ['npm'], idleTimeoutMs: 200 });
    expect(result.ok ? '' : result.error).toBe(`${base}/stall/npm/all.zip: no data for 200 ms; the download timed out`);
  });

  it('says when nothing listens at the URL', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await updateAdvisories(db, { baseUrl: `http://127.0.0.1:${port}`, ecosystems: ['npm'] });
    expect(result.ok ? '' : result.error).toBe(`http://127.0.0.1:${port}/npm/all.zip: download failed (ECONNREFUSED)`);
  });

  it('refuses a download larger than the size limit, declared or not', async () => {
    const declared = await updateAdvisories(db, { baseUrl: `${base}/osv`, ecosystems: ['npm'], limits: { maxDownloadBytes: 100 } });
    expect(declared.ok ? '' : declared.error).toContain('over the 100 bytes download limit');
    const streamed = await updateAdvisories(db, { baseUrl: `${base}/chunked`, ecosystems: ['npm'], limits: { maxDownloadBytes: 100 } });
    expect(streamed.ok ? '' : streamed.error).toBe(`${base}/chunked/npm/all.zip: the archive grows past the 100 bytes download limit`);
    const fits = await updateAdvisories(db, { baseUrl: `${base}/chunked`, ecosystems: ['npm'] });
    expect(fits.ok && fits.value.import.imported).toBe(2);
  });

  it.each([
    ['ftp://example.com', 'http or https'],
    ['not a url', 'is not a URL'],
  ])('refuses the base URL %j', async (baseUrl, message) => {
    const result = await updateAdvisories(db, { baseUrl, ecosystems: ['npm'] });
    expect(result.ok ? '' : result.error).toContain(message);
  });

  it('builds archive URLs the way OSV lays out its bucket', () => {
    expect(archiveUrl('https://osv-vulnerabilities.storage.googleapis.com', 'crates.io')).toEqual({
      ok: true,
      value: 'https://osv-vulnerabilities.storage.googleapis.com/crates.io/all.zip',
    });
    expect(archiveUrl('https://mirror.example/osv//', 'Alpine:v3.19')).toEqual({ ok: true, value: 'https://mirror.example/osv/Alpine%3Av3.19/all.zip' });
  });
});

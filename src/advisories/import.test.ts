import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/harness.js';
import { buildZip } from './__fixtures__/zip-writer.js';
import { importAdvisories, type ImportSummary } from './import.js';
import { openStore } from './store.js';

interface RecordSpec {
  readonly modified?: string;
  readonly summary?: string;
  readonly ecosystem?: string;
  readonly name?: string;
  readonly withdrawn?: string;
}

function osv(id: string, spec: RecordSpec = {}): Record<string, unknown> {
  return {
    id,
    modified: spec.modified ?? '2024-01-01T00:00:00Z',
    ...(spec.summary === undefined ? {} : { summary: spec.summary }),
    ...(spec.withdrawn === undefined ? {} : { withdrawn: spec.withdrawn }),
    affected: [
      {
        package: { ecosystem: spec.ecosystem ?? 'npm', name: spec.name ?? 'left-pad' },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.1' }] }],
      },
    ],
  };
}

const jsonl = (...records: Record<string, unknown>[]): string => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('advisories/import', () => {
  let work: { path: string; cleanup: () => void };
  let db: string;
  const file = (name: string, content: string | Buffer): string => {
    const path = join(work.path, name);
    writeFileSync(path, content);
    return path;
  };
  const ids = (ecosystem: string, name: string): string[] => {
    const opened = openStore(db);
    if (!opened.ok) throw new Error(opened.error);
    try {
      return opened.value.lookup(ecosystem, name).map((advisory) => advisory.id);
    } finally {
      opened.value.close();
    }
  };
  const imported = async (...inputs: Parameters<typeof importAdvisories>[1]): Promise<ImportSummary> => {
    const result = await importAdvisories(db, inputs);
    if (!result.ok) throw new Error(result.error);
    return result.value;
  };

  beforeEach(() => {
    work = tempDir('bulwark-import-');
    db = join(work.path, 'db');
  });
  afterEach(() => work.cleanup());

  it('reads .json (one record or an array), .jsonl, .jsonl.gz, .json.gz and folders of them', async () => {
    file('one.json', JSON.stringify(osv('A-1')));
    file('array.json', JSON.stringify([osv('A-2'), osv('A-3')]));
    file('lines.jsonl', jsonl(osv('A-4'), osv('A-5')));
    file('lines.jsonl.gz', gzipSync(jsonl(osv('A-6'))));
    file('one.json.gz', gzipSync(JSON.stringify(osv('A-7'))));
    mkdirSync(join(work.path, 'nested', 'deeper'), { recursive: true });
    file('nested/deeper/B-1.json', JSON.stringify(osv('B-1')));
    file('nested/README.md', '# not an advisory');
    const summary = await imported(join(work.path, 'one.json'), join(work.path, 'array.json'), join(work.path, 'lines.jsonl'), join(work.path, 'lines.jsonl.gz'), join(work.path, 'one.json.gz'), join(work.path, 'nested'));
    expect(summary).toMatchObject({ recordsRead: 8, imported: 8, rejected: 0, malformed: 0, ecosystems: { npm: 8 } });
    expect(ids('npm', 'left-pad')).toEqual(['A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'A-6', 'A-7', 'B-1']);
  });

  it('counts malformed lines, names the first line numbers, and imports the rest', async () => {
    const lines = [JSON.stringify(osv('M-1')), '{"id": "broken', JSON.stringify(osv('M-2')), 'not json at all', '', JSON.stringify(osv('M-3'))];
    const summary = await imported(file('mixed.jsonl', lines.join('\n')));
    expect(summary).toMatchObject({ recordsRead: 3, imported: 3, malformed: 2 });
    expect(summary.messages.join('\n')).toContain('line 2');
    expect(summary.messages.join('\n')).toContain('line 4');
    expect(ids('npm', 'left-pad')).toEqual(['M-1', 'M-2', 'M-3']);
  });

  it('rejects records without an id or a package, and says which', async () => {
    const noId = { ...osv('X'), id: undefined };
    const noPackage = { id: 'R-2', modified: '2024-01-01T00:00:00Z', affected: [] };
    const summary = await imported(file('rejects.jsonl', jsonl(noId, noPackage, osv('R-3'))));
    expect(summary).toMatchObject({ recordsRead: 3, imported: 1, rejected: 2 });
    expect(summary.messages.join('\n')).toContain('rejects.jsonl line 1: record without an id');
    expect(summary.messages.join('\n')).toContain('R-2');
  });

  it('skips a line over the per-record limit', async () => {
    const huge = osv('BIG-1', { summary: 'x'.repeat(4000) });
    const result = await importAdvisories(db, [file('big.jsonl', jsonl(osv('S-1'), huge, osv('S-2')))], { limits: { maxRecordBytes: 1024 } });
    if (!result.ok) throw new Error(result.error);
    expect(result.value).toMatchObject({ imported: 2, malformed: 1 });
    expect(result.value.messages.join('\n')).toContain('line 2 (longer than 1 KiB)');
  });

  it('keeps withdrawn records and counts them', async () => {
    const summary = await imported(file('w.jsonl', jsonl(osv('W-1', { withdrawn: '2024-02-01T00:00:00Z' }), osv('W-2'))));
    expect(summary.withdrawn).toBe(1);
    expect(summary.manifest.withdrawn).toBe(1);
    expect(ids('npm', 'left-pad')).toEqual(['W-1', 'W-2']);
  });

  describe('merging', () => {
    it('keeps the copy with the later modified date, and the records of other sources', async () => {
      await imported(file('first.jsonl', jsonl(osv('GHSA-1', { summary: 'first', modified: '2024-01-01T00:00:00Z' }), osv('GHSA-2', { name: 'other' }))));
      const second = await imported(file('second.jsonl', jsonl(osv('GHSA-1', { summary: 'second', modified: '2024-06-01T00:00:00Z' }))));
      expect(second).toMatchObject({ imported: 0, replaced: 1, keptExisting: 0 });
      const older = await imported(file('older.jsonl', jsonl(osv('GHSA-1', { summary: 'older', modified: '2023-01-01T00:00:00Z' }))));
      expect(older).toMatchObject({ imported: 0, replaced: 0, keptExisting: 1 });

      const opened = openStore(db);
      if (!opened.ok) throw new Error(opened.error);
      const store = opened.value;
      expect(store.lookup('npm', 'left-pad').map((a) => a.summary)).toEqual(['second']);
      expect(store.lookup('npm', 'other').map((a) => a.id)).toEqual(['GHSA-2']);
      expect(store.manifest.records).toBe(2);
      expect(store.manifest.sources.map((s) => [s.name.split('/').pop(), s.records])).toEqual([
        ['first.jsonl', 1],
        ['second.jsonl', 1],
        ['older.jsonl', 0],
      ]);
      store.close();
    });

    it('lets a re-import of the same data refresh the import date', async () => {
      const input = file('same.jsonl', jsonl(osv('S-1')));
      await importAdvisories(db, [input], { now: () => new Date('2024-01-01T00:00:00Z') });
      const again = await importAdvisories(db, [input], { now: () => new Date('2024-02-01T00:00:00Z') });
      if (!again.ok) throw new Error(again.error);
      expect(again.value).toMatchObject({ imported: 0, replaced: 1 });
      expect(again.value.manifest.sources).toEqual([{ name: input, importedAt: '2024-02-01T00:00:00.000Z', records: 1, withdrawn: 0 }]);
      expect(again.value.manifest.builtAt).toBe('2024-02-01T00:00:00.000Z');
    });
  });

  describe('zip archives', () => {
    it('reads the .json entries of an OSV all.zip', async () => {
      const zip = buildZip([
        { name: 'GHSA-aaaa.json', data: JSON.stringify(osv('GHSA-aaaa')) },
        { name: 'GHSA-bbbb.json', data: JSON.stringify(osv('GHSA-bbbb')), stored: true },
        { name: 'notes.txt', data: 'ignored' },
        { name: 'folder/', data: '' },
        { name: 'broken.json', data: '{"id":' },
      ]);
      const summary = await imported(file('all.zip', zip));
      expect(summary).toMatchObject({ recordsRead: 2, imported: 2, malformed: 1 });
      expect(summary.messages.join('\n')).toContain('entry broken.json');
      expect(ids('npm', 'left-pad')).toEqual(['GHSA-aaaa', 'GHSA-bbbb']);
    });

    it('treats traversal and absolute entry names as names and writes nothing outside the store', async () => {
      const zip = buildZip([
        { name: '../../escape.json', data: JSON.stringify(osv('T-1')) },
        { name: '/etc/absolute.json', data: JSON.stringify(osv('T-2')) },
        { name: '..\\windows.json', data: JSON.stringify(osv('T-3')) },
      ]);
      const before = readdirSync(join(work.path, '..'));
      const summary = await imported(file('evil.zip', zip));
      expect(summary.imported).toBe(3);
      expect(readdirSync(join(work.path, '..')).sort()).toEqual(before.sort());
      expect(readdirSync(work.path).sort()).toEqual(['db', 'evil.zip']);
      expect(readdirSync(db).sort()).toEqual(['index.bin', 'manifest.json', 'records.jsonl']);
    });

    it('cuts off a zip bomb at the inflated-bytes limit and leaves the store alone', async () => {
      await imported(file('good.jsonl', jsonl(osv('KEEP-1'))));
      const manifestBefore = readFileSync(join(db, 'manifest.json'), 'utf8');
      // Forty entries of 1 MiB of zeros each deflate to about 1 KiB apiece.
      const zeros = Buffer.alloc(1024 * 1024);
      const bomb = buildZip(Array.from({ length: 40 }, (_, i) => ({ name: `z${i}.json`, data: zeros })));
      expect(bomb.length).toBeLessThan(100 * 1024);
      const result = await importAdvisories(db, [file('bomb.zip', bomb)], { limits: { maxInflatedBytes: 16 * 1024 * 1024 } });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain('inflates past 16 MiB');
      expect(readFileSync(join(db, 'manifest.json'), 'utf8')).toBe(manifestBefore);
      expect(ids('npm', 'left-pad')).toEqual(['KEEP-1']);
      expect(readdirSync(work.path).sort()).toEqual(['bomb.zip', 'db', 'good.jsonl']);
    });

    it('refuses an entry that inflates past the size its header declares', async () => {
      const liar = buildZip([{ name: 'liar.json', data: Buffer.alloc(64 * 1024), declaredSize: 100 }]);
      const result = await importAdvisories(db, [file('liar.zip', liar)]);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain('liar.zip');
    });

    it('skips an entry larger than the per-record limit', async () => {
      const zip = buildZip([
        { name: 'big.json', data: Buffer.alloc(4096, 0x20) },
        { name: 'ok.json', data: JSON.stringify(osv('OK-1')) },
      ]);
      const result = await importAdvisories(db, [file('big.zip', zip)], { limits: { maxRecordBytes: 1024 } });
      if (!result.ok) throw new Error(result.error);
      expect(result.value).toMatchObject({ imported: 1, malformed: 1 });
    });

    it('reports a file that is not a zip', async () => {
      const result = await importAdvisories(db, [file('fake.zip', 'not a zip')]);
      expect(result.ok ? '' : result.error).toMatch(/^cannot read .*fake\.zip: /);
    });
  });

  it('cuts off a gzip bomb too', async () => {
    const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024));
    const result = await importAdvisories(db, [file('bomb.jsonl.gz', bomb)], { limits: { maxInflatedBytes: 8 * 1024 * 1024 } });
    expect(result.ok ? '' : result.error).toContain('inflates past 8 MiB');
  });

  it('leaves the previous store intact when an input fails halfway', async () => {
    await imported(file('good.jsonl', jsonl(osv('OLD-1'))));
    const manifestBefore = readFileSync(join(db, 'manifest.json'), 'utf8');
    const records = jsonl(...Array.from({ length: 4000 }, (_, i) => osv(`NEW-${i}`, { summary: `record ${i} ${'-'.repeat(i % 50)}` })));
    const whole = gzipSync(records);
    // The first half of the compressed stream inflates to hundreds of records, then the data ends.
    const truncated = file('truncated.jsonl.gz', whole.subarray(0, Math.floor(whole.length / 2)));
    const progress: number[] = [];
    const result = await importAdvisories(db, [file('more.jsonl', jsonl(osv('NEW-A'))), truncated], { onProgress: (p) => progress.push(p.recordsRead) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('truncated.jsonl.gz');
    expect(progress.some((read) => read >= 1000)).toBe(true);
    expect(readFileSync(join(db, 'manifest.json'), 'utf8')).toBe(manifestBefore);
    expect(ids('npm', 'left-pad')).toEqual(['OLD-1']);
    // No temporary folder or lock is left behind.
    expect(readdirSync(work.path).sort()).toEqual(['db', 'good.jsonl', 'more.jsonl', 'truncated.jsonl.gz']);
  });

  it('reports a missing input and an unsupported one', async () => {
    const missing = await importAdvisories(db, [join(work.path, 'nope.jsonl')]);
    expect(missing.ok ? '' : missing.error).toContain('nope.jsonl: no such file or folder (ENOENT)');
    const odd = await importAdvisories(db, [file('advisories.csv', 'id,summary')]);
    expect(odd.ok ? '' : odd.error).toContain('unsupported input');
  });

  it('will not replace a folder that is not an advisory store', async () => {
    mkdirSync(db);
    writeFileSync(join(db, 'precious.txt'), 'keep me');
    const result = await importAdvisories(db, [file('a.jsonl', jsonl(osv('A-1')))]);
    expect(result.ok ? '' : result.error).toContain('holds no advisory database');
    expect(readFileSync(join(db, 'precious.txt'), 'utf8')).toBe('keep me');
  });

  it('stops when interrupted and keeps the previous store', async () => {
    await imported(file('good.jsonl', jsonl(osv('OLD-1'))));
    const controller = new AbortController();
    controller.abort();
    const result = await importAdvisories(db, [file('more.jsonl', jsonl(osv('NEW-1')))], { signal: controller.signal });
    expect(result.ok ? '' : result.error).toContain('interrupted');
    expect(ids('npm', 'left-pad')).toEqual(['OLD-1']);
  });
});

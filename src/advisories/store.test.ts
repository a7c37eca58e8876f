import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/harness.js';
import { importAdvisories, type ImportSummary } from './import.js';
import { isStale, openStore, storeAge, type AdvisoryStore } from './store.js';

const SNAPSHOT = fileURLToPath(new URL('../../../shared/advisories/', import.meta.url));
const FILES = readdirSync(SNAPSHOT).filter((name) => name.endsWith('.osv.jsonl.gz')).sort();

/** Per-file record and withdrawn counts, from the table in ../shared/advisories/README.md. */
const README_COUNTS: Record<string, { records: number; withdrawn: number }> = {
  'alpine.osv.jsonl.gz': { records: 2575, withdrawn: 0 },
  'crates-io.osv.jsonl.gz': { records: 1206, withdrawn: 13 },
  'go.osv.jsonl.gz': { records: 4291, withdrawn: 17 },
  'npm.osv.jsonl.gz': { records: 467, withdrawn: 0 },
  'packagist.osv.jsonl.gz': { records: 1592, withdrawn: 0 },
  'pypi.osv.jsonl.gz': { records: 7080, withdrawn: 269 },
  'rubygems.osv.jsonl.gz': { records: 1234, withdrawn: 0 },
};

describe('advisories/store (the real OSV snapshot)', () => {
  let work: { path: string; cleanup: () => void };
  let db: string;
  let summary: ImportSummary;
  let store: AdvisoryStore;

  beforeAll(async () => {
    work = tempDir('bulwark-store-');
    db = join(work.path, 'db');
    const started = performance.now();
    const result = await importAdvisories(
      db,
      FILES.map((name) => join(SNAPSHOT, name)),
      { now: () => new Date('2026-09-01T00:00:00Z') },
    );
    if (!result.ok) throw new Error(result.error);
    summary = result.value;
    const opening = performance.now();
    const opened = openStore(db);
    if (!opened.ok) throw new Error(opened.error);
    store = opened.value;
    console.log(`import ${Math.round(opening - started)} ms, open ${(performance.now() - opening).toFixed(1)} ms`);
  });
  afterAll(() => {
    store?.close();
    work?.cleanup();
  });

  it('imports every record of the snapshot', () => {
    expect(FILES).toEqual(Object.keys(README_COUNTS));
    expect(summary.recordsRead).toBe(18_445);
    expect(summary.imported).toBe(18_445);
    expect(summary.rejected).toBe(0);
    expect(summary.malformed).toBe(0);
    expect(store.manifest.records).toBe(18_445);
    expect(store.manifest.withdrawn).toBe(13 + 17 + 269);
  });

  it('records each file as a source with the README counts', () => {
    const bySource = Object.fromEntries(store.manifest.sources.map((source) => [source.name.split('/').pop(), { records: source.records, withdrawn: source.withdrawn }]));
    expect(bySource).toEqual(README_COUNTS);
    expect(store.manifest.sources.every((source) => source.importedAt === '2026-09-01T00:00:00.000Z')).toBe(true);
  });

  it('counts records per ecosystem, Alpine per release', () => {
    const { ecosystems } = store.manifest;
    expect(ecosystems).toMatchObject({ Go: 4291, PyPI: 7080, 'crates.io': 1206, RubyGems: 1234, Packagist: 1592, npm: 467 });
    const alpine = Object.keys(ecosystems).filter((name) => name.startsWith('Alpine'));
    expect(alpine).toContain('Alpine:v3.3');
    expect(alpine).toContain('Alpine:v3.11');
    expect(alpine.every((name) => /^Alpine:v3\.\d+$/.test(name))).toBe(true);
  });

  it('finds a PyPI package whatever its spelling (PEP 503)', () => {
    const started = performance.now();
    const exact = store.lookup('PyPI', 'django');
    console.log(`lookup of django: ${exact.length} advisories in ${(performance.now() - started).toFixed(2)} ms`);
    // 165 lines of pypi.osv.jsonl.gz name the package "django" (zcat | grep -c '"name":"django"').
    expect(exact).toHaveLength(165);
    expect(exact.map((a) => a.id)).toContain('PYSEC-2007-1');
    expect(store.lookup('PyPI', 'Django').map((a) => a.id)).toEqual(exact.map((a) => a.id));
    expect(store.lookup('PyPI', 'DJANGO').map((a) => a.id)).toEqual(exact.map((a) => a.id));
    // The record names "jupyter-server"; pip accepts "Jupyter_Server" for the same project.
    expect(store.lookup('PyPI', 'Jupyter_Server').map((a) => a.id)).toContain('PYSEC-2020-346');
    expect(store.lookup('PyPI', 'jw-util')).toHaveLength(1);
  });

  it('keeps withdrawn advisories, marked, for the matcher to skip', () => {
    const freeipa = store.lookup('PyPI', 'freeipa');
    expect(freeipa).toHaveLength(5);
    const withdrawn = freeipa.find((a) => a.id === 'PYSEC-2014-100');
    expect(withdrawn?.withdrawn).toBe('2024-11-22T04:37:04Z');
    expect(withdrawn?.aliases).toEqual(['CVE-2013-0199']);
  });

  it('files Alpine records under the release and under plain "Alpine"', () => {
    // ALPINE-CVE-2012-2738 lists vte for Alpine v3.6 to v3.11 (not v3.3).
    expect(store.lookup('Alpine:v3.10', 'vte').map((a) => a.id)).toEqual(['ALPINE-CVE-2012-2738']);
    expect(store.lookup('Alpine', 'vte').map((a) => a.id)).toEqual(['ALPINE-CVE-2012-2738']);
    expect(store.lookup('Alpine:v3.3', 'vte')).toEqual([]);
  });

  it('compares npm and Go names exactly', () => {
    // x_NSWG-ECO-1 is the bassmaster advisory (first line of npm.osv.jsonl.gz).
    expect(store.lookup('npm', 'bassmaster').map((a) => a.id)).toContain('x_NSWG-ECO-1');
    expect(store.lookup('npm', 'Bassmaster')).toEqual([]);
    expect(store.lookup('Go', 'github.com/gin-gonic/gin').map((a) => a.id)).toContain('GO-2020-0001');
    expect(store.lookup('Go', 'github.com/Gin-Gonic/gin')).toEqual([]);
    expect(store.lookup('PyPI', 'no-such-package-anywhere')).toEqual([]);
    expect(store.lookup('NuGet', 'Newtonsoft.Json')).toEqual([]);
  });

  it('reads back advisories in the core shape', () => {
    const [openssl] = store.lookup('crates.io', 'openssl').filter((a) => a.id === 'RUSTSEC-2016-0001');
    expect(openssl).toMatchObject({
      id: 'RUSTSEC-2016-0001',
      aliases: ['CVE-2016-10931', 'GHSA-34p9-f4q3-c4r7'],
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
      modified: '2023-06-13T13:10:24Z',
      published: '2016-11-05T12:00:00Z',
      affected: [{ ecosystem: 'crates.io', name: 'openssl', ranges: [{ type: 'SEMVER', events: [{ introduced: '0.0.0-0' }, { fixed: '0.9.0' }] }], versions: [] }],
    });
    expect(store.damagedRecords).toBe(0);
  });

  it('tells its age', () => {
    expect(storeAge(store.manifest, new Date('2026-09-03T00:00:00Z'))).toBe(2 * 24 * 3600 * 1000);
    expect(isStale(store.manifest, new Date('2026-09-07T23:59:59Z'), 7)).toBe(false);
    expect(isStale(store.manifest, new Date('2026-09-08T00:00:01Z'), 7)).toBe(true);
    expect(isStale(store.manifest, new Date('2026-09-03T00:00:01Z'), 2)).toBe(true);
  });
});

describe('advisories/store (opening)', () => {
  it('says how to build a store when there is none', () => {
    const work = tempDir();
    try {
      const result = openStore(join(work.path, 'nothing-here'));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toContain('no advisory database in');
        expect(result.error).toContain('bulwark db import');
        expect(result.error).toContain('bulwark db update');
      }
    } finally {
      work.cleanup();
    }
  });

  it('refuses a store of another format version, and a damaged one, with a message', () => {
    const work = tempDir();
    try {
      const dir = join(work.path, 'db');
      mkdirSync(dir);
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ formatVersion: 99 }));
      const future = openStore(dir);
      expect(future.ok ? '' : future.error).toContain('format 99');
      writeFileSync(join(dir, 'manifest.json'), '{not json');
      const damaged = openStore(dir);
      expect(damaged.ok ? '' : damaged.error).toContain('damaged');
    } finally {
      work.cleanup();
    }
  });
});

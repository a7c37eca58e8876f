import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Manifest } from '../../advisories/store.js';
import { runCli, tempDir } from '../../../test/harness.js';
import { formatAge, formatStatus } from './db.js';

const HOUR = 3600 * 1000;

const MANIFEST: Manifest = {
  formatVersion: 1,
  builtAt: '2024-06-01T00:00:00.000Z',
  records: 3,
  withdrawn: 1,
  sources: [
    { name: '/data/pypi.jsonl.gz', importedAt: '2024-05-01T00:00:00.000Z', records: 2, withdrawn: 1 },
    { name: 'https://osv.example/npm/all.zip', importedAt: '2024-06-01T00:00:00.000Z', records: 1, withdrawn: 0 },
  ],
  ecosystems: { PyPI: 2, npm: 1 },
  warnings: ['1 malformed record(s) skipped: /data/pypi.jsonl.gz line 7 (not valid JSON)'],
};

describe('cli/commands/db', () => {
  it.each([
    [0, 'just now'],
    [59_000, 'just now'],
    [60_000, '1 minute ago'],
    [5 * HOUR, '5 hours ago'],
    [24 * HOUR, '1 day ago'],
    [10 * 24 * HOUR + 3 * HOUR, '10 days ago'],
    [-HOUR, 'in the future (check the clock)'],
  ])('says an age of %d ms as %j', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });

  it('prints location, build time and age, sources, ecosystems and the last warnings', () => {
    const text = formatStatus('/home/u/.cache/bulwark/db', MANIFEST, new Date('2024-06-03T00:00:00.000Z'));
    expect(text).toContain('Advisory database: /home/u/.cache/bulwark/db\n');
    expect(text).toContain('Built: 2024-06-01T00:00:00.000Z (2 days ago)\n');
    expect(text).toContain('Advisories: 3 (1 withdrawn)\n');
    expect(text).toContain('  /data/pypi.jsonl.gz\n    2 advisories, 1 withdrawn, imported 2024-05-01T00:00:00.000Z\n');
    expect(text).toContain('  https://osv.example/npm/all.zip\n    1 advisories, 0 withdrawn, imported 2024-06-01T00:00:00.000Z\n');
    expect(text).toMatch(/Ecosystems:\n {2}npm {3}1\n {2}PyPI {2}2\n/);
    expect(text).toContain('line 7 (not valid JSON)');
    expect(text).not.toContain('bulwark db update');
  });

  it('tells a stale store to update', () => {
    expect(formatStatus('/db', MANIFEST, new Date('2024-06-09T00:00:00.000Z'))).toContain('(8 days ago; older than 7 days, run `bulwark db update`)');
    expect(formatStatus('/db', MANIFEST, new Date('2024-06-03T00:00:00.000Z'), 1)).toContain('older than 1 days');
  });
});

// These run the built CLI (`npm test` builds first).
describe('bulwark db (built CLI)', () => {
  let work: { path: string; cleanup: () => void };
  beforeEach(() => {
    work = tempDir('bulwark-db-cli-');
  });
  afterEach(() => work.cleanup());

  it('imports a file, then shows the status', async () => {
    const input = join(work.path, 'advisories.jsonl');
    const record = (id: string, modified: string): string =>
      JSON.stringify({ id, modified, affected: [{ package: { ecosystem: 'PyPI', name: 'Django' }, versions: ['1.0'] }] });
    writeFileSync(input, `${record('PYSEC-A', '2024-01-01T00:00:00Z')}\nnot json\n${record('PYSEC-B', '2024-01-01T00:00:00Z')}\n`);
    const db = join(work.path, 'db');

    const imported = await runCli(['db', 'import', input, '--db', db]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`Advisory database: ${db}`);
    expect(imported.stdout).toContain('Read 2 record(s): 2 new');
    expect(imported.stderr).toContain(`${input}: 2 records read`);
    expect(imported.stderr).toContain('line 2 (not valid JSON)');

    const status = await runCli(['db', 'status'], { env: { BULWARK_DB_DIR: db } });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`Advisory database: ${db}`);
    expect(status.stdout).toContain('Advisories: 2 (0 withdrawn)');
    expect(status.stdout).toContain(`  ${input}\n    2 advisories`);
    expect(status.stdout).toMatch(/Ecosystems:\n {2}PyPI {2}2/);
  });

  it('exits 2 with one line for a missing database or input, never a stack trace', async () => {
    const db = join(work.path, 'none');
    const status = await runCli(['db', 'status', '--db', db]);
    expect(status.code).toBe(2);
    expect(status.stderr).toBe(`bulwark: no advisory database in ${db}; run \`bulwark db import FILE|DIR...\` or \`bulwark db update\` to build one\n`);

    const missing = await runCli(['db', 'import', join(work.path, 'nope.json'), '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`bulwark: cannot read ${join(work.path, 'nope.json')}: no such file or folder (ENOENT)\n`);

    const noInputs = await runCli(['db', 'import', '--db', db]);
    expect(noInputs.code).toBe(2);
    expect(noInputs.stderr).not.toContain('    at ');
  });
});

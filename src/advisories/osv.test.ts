import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertOsvRecord } from './osv.js';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/osv/${name}`, import.meta.url), 'utf8')) as unknown;
}

describe('advisories/osv', () => {
  it('keeps the good parts of a record with malformed ranges and counts what it drops', () => {
    const result = convertOsvRecord(fixture('malformed-ranges.json'));
    if (!result.ok) throw new Error(result.error);
    const { advisory, warnings } = result.value;
    expect(advisory.id).toBe('BULWARK-TEST-1');
    expect(advisory.affected.map((entry) => entry.name)).toEqual(['Example-Pkg', 'other']);
    const [pkg, other] = advisory.affected;
    expect(pkg?.ranges).toEqual([
      { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.2' }] },
      { type: 'GIT', events: [{ introduced: 'abc123' }, { limit: 'def456' }] },
    ]);
    expect(pkg?.versions).toEqual(['1.0', '1.1.1']);
    expect(pkg?.severity).toEqual([{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }]);
    expect(other?.ranges).toEqual([{ type: 'SEMVER', events: [{ introduced: '0' }, { last_affected: '1.0.0' }] }]);
    expect(other?.versions).toEqual([]);
    // Four broken ranges, the non-string versions, the entry without a name.
    expect(warnings).toHaveLength(6);
    expect(warnings.every((warning) => warning.startsWith('BULWARK-TEST-1: '))).toBe(true);
    expect(warnings.join('\n')).toContain('BOGUS');
  });

  it('maps the record-level fields', () => {
    const result = convertOsvRecord(fixture('malformed-ranges.json'));
    if (!result.ok) throw new Error(result.error);
    expect(result.value.advisory).toMatchObject({
      aliases: ['CVE-2099-0001', 'GHSA-xxxx-yyyy-zzzz'],
      summary: 'Hand-written record: one good range per kind, one bad range per kind of damage',
      details: 'Each range below is either valid OSV or broken in one way.',
      severity: [],
      databaseSeverity: 'MODERATE',
      cwes: ['CWE-79', 'CWE-80'],
      references: [{ type: 'WEB', url: 'https://example.com/advisory' }],
      published: '2024-02-01T00:00:00Z',
      modified: '2024-03-01T10:00:00Z',
      withdrawn: '2024-04-01T00:00:00Z',
    });
  });

  it('leaves optional fields out rather than undefined', () => {
    const result = convertOsvRecord(fixture('minimal.json'));
    if (!result.ok) throw new Error(result.error);
    expect(result.value.advisory).toEqual({
      id: 'BULWARK-TEST-3',
      aliases: [],
      severity: [],
      affected: [{ ecosystem: 'Go', name: 'example.com/mod', ranges: [], versions: [] }],
      references: [],
      modified: '2024-01-01T00:00:00Z',
    });
    expect(result.value.warnings).toEqual([]);
  });

  it('rejects a record without an id', () => {
    expect(convertOsvRecord(fixture('no-id.json'))).toEqual({ ok: false, error: 'record without an id' });
  });

  it('rejects a record with no affected package one could look up', () => {
    const result = convertOsvRecord(fixture('no-usable-package.json'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('BULWARK-TEST-2');
  });

  it.each([null, 42, 'text', [], [{ id: 'X' }]])('rejects %j, which is not a record', (value) => {
    expect(convertOsvRecord(value).ok).toBe(false);
  });

  it('survives hostile shapes in every field', () => {
    const result = convertOsvRecord({
      id: 'HOSTILE-1',
      modified: 7,
      aliases: 'CVE-1',
      severity: [null, { type: 'CVSS_V3' }, 'CVSS:3.1/AV:N'],
      references: { type: 'WEB' },
      database_specific: ['severity', 'HIGH'],
      affected: [{ package: { ecosystem: 'npm', name: 'x'.repeat(5000) } }, { package: { ecosystem: 'npm', name: 'ok' }, ranges: { type: 'SEMVER' }, versions: 'all' }],
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.value.advisory).toEqual({
      id: 'HOSTILE-1',
      aliases: [],
      severity: [],
      affected: [{ ecosystem: 'npm', name: 'ok', ranges: [], versions: [] }],
      references: [],
      modified: '',
    });
    // Over-long name, ranges not an array, versions not an array, no usable modified date.
    expect(result.value.warnings).toHaveLength(4);
  });
});

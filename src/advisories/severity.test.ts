import { describe, expect, it } from 'vitest';
import type { Advisory } from '../core/advisory.js';
import { advisorySeverity, cvssBaseScore, cvssRating, labelSeverity } from './severity.js';

function advisory(severity: { type: string; score: string }[], extra: Partial<Advisory> = {}): Advisory {
  return {
    id: 'TEST-1',
    aliases: [],
    severity,
    affected: [{ ecosystem: 'npm', name: 'pkg', ranges: [], versions: [] }],
    references: [],
    modified: '2024-01-01T00:00:00Z',
    ...extra,
  };
}

const V31_CRITICAL = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
// 1.8 by the v3.1 formulas: impact 6.42 × 0.22 = 1.41; exploitability 8.22 × 0.55 × 0.44 × 0.27 × 0.62 = 0.33.
const V31_LOW = 'CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N';
const V40_CRITICAL = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';

describe('advisories/severity', () => {
  // Scores from the CVSS specifications' and NVD's published examples.
  it.each([
    [V31_CRITICAL, 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
    ['CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', 8.1],
    [V31_LOW, 1.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P', 7.5],
    ['AV:N/AC:M/Au:N/C:N/I:P/A:N', 4.3],
    [V40_CRITICAL, 9.3],
  ])('scores %s as %d', (vector, score) => {
    expect(cvssBaseScore(vector)?.score).toBe(score);
  });

  it.each([
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', // a base metric missing
    'CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', // "not defined" is not a base value
    'CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', // a metric twice
    'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:Y', // an unknown metric
    'CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', // an unknown value
    'CVSS:4.0/AV:N/garbage',
    'garbage',
    '',
  ])('finds no score in the malformed vector %j', (vector) => {
    expect(cvssBaseScore(vector)).toBeUndefined();
  });

  it.each([
    ['3.1', 0, 'info'],
    ['3.1', 0.1, 'low'],
    ['3.1', 3.9, 'low'],
    ['3.1', 4, 'medium'],
    ['3.1', 6.9, 'medium'],
    ['3.1', 7, 'high'],
    ['3.1', 8.9, 'high'],
    ['3.1', 9, 'critical'],
    ['4.0', 10, 'critical'],
    ['2.0', 0, 'low'],
    ['2.0', 3.9, 'low'],
    ['2.0', 4, 'medium'],
    ['2.0', 7, 'high'],
    ['2.0', 10, 'high'],
  ] as const)('rates CVSS %s score %d as %s', (version, score, rating) => {
    expect(cvssRating(version, score)).toBe(rating);
  });

  it('rates a v3.1 vector', () => {
    expect(advisorySeverity(advisory([{ type: 'CVSS_V3', score: V31_CRITICAL }]))).toEqual({
      severity: 'critical',
      source: 'cvss',
      vector: V31_CRITICAL,
      score: 9.8,
    });
  });

  it('prefers the v4 vector to the v3 one, whatever their order', () => {
    const result = advisorySeverity(
      advisory([
        { type: 'CVSS_V3', score: V31_LOW },
        { type: 'CVSS_V4', score: V40_CRITICAL },
      ]),
    );
    expect(result).toMatchObject({ severity: 'critical', vector: V40_CRITICAL });
  });

  it('prefers v3.1 to v3.0, and v3 to v2', () => {
    const v30 = 'CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H';
    expect(advisorySeverity(advisory([{ type: 'CVSS_V3', score: v30 }, { type: 'CVSS_V3', score: V31_LOW }])).vector).toBe(V31_LOW);
    expect(advisorySeverity(advisory([{ type: 'CVSS_V2', score: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' }, { type: 'CVSS_V3', score: V31_LOW }])).severity).toBe('low');
  });

  it('passes over a malformed vector to the next source', () => {
    const result = advisorySeverity(
      advisory([
        { type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/garbage' },
        { type: 'CVSS_V3', score: V31_LOW },
      ]),
    );
    expect(result).toMatchObject({ severity: 'low', vector: V31_LOW });
    expect(advisorySeverity(advisory([{ type: 'CVSS_V3', score: 'broken' }], { databaseSeverity: 'HIGH' }))).toEqual({ severity: 'high', source: 'database' });
  });

  it('falls back to the database label, then to unknown', () => {
    expect(advisorySeverity(advisory([], { databaseSeverity: 'MODERATE' })).severity).toBe('medium');
    expect(advisorySeverity(advisory([], { databaseSeverity: 'critical' })).severity).toBe('critical');
    expect(advisorySeverity(advisory([], { databaseSeverity: 'whatever' }))).toEqual({ severity: 'unknown', source: 'none' });
    expect(advisorySeverity(advisory([]))).toEqual({ severity: 'unknown', source: 'none' });
  });

  it('reads the severity given for one affected package', () => {
    const affected = { ecosystem: 'npm', name: 'pkg', ranges: [], versions: [], severity: [{ type: 'CVSS_V3', score: V31_CRITICAL }] };
    const record = advisory([], { affected: [affected, { ecosystem: 'npm', name: 'other', ranges: [], versions: [] }] });
    expect(advisorySeverity(record, affected).severity).toBe('critical');
    expect(advisorySeverity(record, record.affected[1]).severity).toBe('unknown');
    // Without a package, any package's vector is better than none.
    expect(advisorySeverity(record).severity).toBe('critical');
  });

  it('ignores severity types that are not CVSS', () => {
    expect(advisorySeverity(advisory([{ type: 'Ubuntu', score: 'high' }])).severity).toBe('unknown');
  });

  it.each([
    ['LOW', 'low'],
    ['Moderate', 'medium'],
    ['MEDIUM', 'medium'],
    [' high ', 'high'],
    ['CRITICAL', 'critical'],
    ['severe', undefined],
  ])('reads the label %j as %s', (label, severity) => {
    expect(labelSeverity(label)).toBe(severity);
  });
});

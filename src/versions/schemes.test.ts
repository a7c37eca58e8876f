import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseComparisonTable } from '../../test/version-table.js';
import { VERSION_SCHEMES } from './index.js';
import { MAX_VERSION_LENGTH } from './ordering.js';

/** Strings a scanner meets in hostile lockfiles and advisories. */
const HOSTILE: readonly string[] = [
  '',
  ' ',
  '\u0000',
  '\n1.0',
  '💥',
  '-',
  '.',
  '~',
  '^',
  ':',
  '+',
  'v',
  '1.0.0\u0000',
  '0',
  '1'.repeat(1_000_000),
  '1.'.repeat(500_000),
  `${'1-'.repeat(300)}1`,
  '9'.repeat(400),
  'a'.repeat(1_000_000),
  `1.0${'~'.repeat(100_000)}`,
  `${'0.'.repeat(200)}0`,
  '1'.repeat(300),
  '[1.0,2.0)',
  'constructor',
  '__proto__',
];

function tableVersions(scheme: string): string[] {
  const text = readFileSync(new URL(`./__fixtures__/${scheme}.txt`, import.meta.url), 'utf8');
  return parseComparisonTable(text).chains.flatMap((chain) => chain.versions);
}

describe('versions (every scheme)', () => {
  describe.each(VERSION_SCHEMES.map((scheme) => [scheme.name, scheme] as const))('%s', (_name, scheme) => {
    const pool = [...new Set([...tableVersions(scheme.name), ...HOSTILE])];

    it('compares anything without throwing, and both ways round agree', () => {
      for (const a of pool) {
        for (const b of pool) {
          const forward = scheme.compare(a, b);
          const backward = scheme.compare(b, a);
          expect(Number.isFinite(forward)).toBe(true);
          expect(Math.sign(forward)).toBe(-Math.sign(backward) || 0);
        }
      }
    });

    it('is a total order: a sorted list agrees with every pair in it', () => {
      const sorted = [...pool].sort((a, b) => scheme.compare(a, b));
      for (let i = 0; i < sorted.length; i++) {
        for (let j = i + 1; j < sorted.length; j++) {
          expect(scheme.compare(sorted[i] ?? '', sorted[j] ?? ''), `${sorted[i]?.slice(0, 40)} vs ${sorted[j]?.slice(0, 40)}`).toBeLessThanOrEqual(0);
        }
      }
    });

    it('puts strings that are not versions before every version, and equal only to themselves', () => {
      const valid = pool.filter((v) => scheme.isValid(v));
      const invalid = pool.filter((v) => !scheme.isValid(v));
      expect(valid.length).toBeGreaterThan(10);
      expect(invalid.length).toBeGreaterThan(5);
      for (const bad of invalid) {
        for (const good of valid) expect(scheme.compare(bad, good)).toBeLessThan(0);
        for (const other of invalid) if (other !== bad) expect(scheme.compare(bad, other)).not.toBe(0);
      }
    });

    it('answers quickly for a one-megabyte string', () => {
      const huge = `1.${'2'.repeat(1_000_000)}`;
      const started = performance.now();
      for (let i = 0; i < 100; i++) {
        scheme.isValid(huge);
        scheme.compare(huge, '1.0');
        scheme.compare(huge, `${huge}3`);
      }
      expect(scheme.isValid(huge)).toBe(false);
      expect(performance.now() - started).toBeLessThan(2_000);
    });

    it('answers quickly for the longest strings it parses, however they are built', () => {
      const fill = (unit: string, tail: string): string => unit.repeat(Math.floor((MAX_VERSION_LENGTH - tail.length) / unit.length)) + tail;
      const nasty = [fill('1.', 'x'), fill('1', '!'), fill('1-', '-'), fill('a1', '+'), fill('0.', '_rc1'), fill('1~', '^'), fill('1.', 'dev'), fill('1-a', '.'), fill(' ', '1')];
      const started = performance.now();
      for (const a of nasty) for (const b of nasty) scheme.compare(a, b);
      expect(performance.now() - started).toBeLessThan(2_000);
    });
  });
});

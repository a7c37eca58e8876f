import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/sample-report.js';
import { finalizeFindings } from './finalize.js';

describe('engine/finalize', () => {
  const { findings } = sampleReport();

  it('orders findings by file, line and rule, and drops exact repeats', () => {
    const shuffled = [findings[1], findings[0], findings[1]].filter((f) => f !== undefined);
    expect(finalizeFindings(shuffled)).toEqual(findings);
  });

  it('applies severity overrides by rule id', () => {
    const out = finalizeFindings(findings, { 'github-pat': 'low' });
    expect(out.map((f) => [f.ruleId, f.severity])).toEqual([
      ['github-pat', 'low'],
      ['github-server-to-server-token', 'critical'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../../test/sample-report.js';
import { formatBytes, formatSummary } from './summary.js';

const options = { color: false, maxListed: 50, reportFiles: ['out/gl-secret-detection-report.json'], elapsedMs: 1234 };

describe('formats/text/summary', () => {
  it('lists each finding with its place and a masked secret, then counts by severity and notices', () => {
    const text = formatSummary(sampleReport(), options);
    expect(text).toContain('Scanned 1 file(s)');
    expect(text).toContain('in 1.23s');
    expect(text).toMatch(/CRITICAL +src\/config with space\.js:2 +GitHub personal access token +\[github-pat\] +ghp_8D\*+/);
    expect(text).not.toContain('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');
    expect(text).toContain('Findings: 2 (critical 2 · high 0 · medium 0 · low 0 · info 0 · unknown 0)');
    expect(text).toContain('1 binary file(s) skipped');
    expect(text).toContain('warning: skipped directory private: EACCES');
    expect(text).toContain('Reports: out/gl-secret-detection-report.json');
  });

  it('cuts a long list and says how many more there are', () => {
    const text = formatSummary(sampleReport(), { ...options, maxListed: 1 });
    expect(text).toContain('… and 1 more (see the reports)');
  });

  it('colours only when asked', () => {
    expect(formatSummary(sampleReport(), options)).not.toContain('\u001b[');
    expect(formatSummary(sampleReport(), { ...options, color: true })).toContain('\u001b[1;31mCRITICAL');
  });

  it.each([
    [512, '512 B'],
    [2048, '2.0 KB'],
    [56_226_393, '54 MB'],
  ])('formats %d bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

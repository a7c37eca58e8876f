import type { Finding } from '../src/core/finding.js';
import type { ScanReport } from '../src/core/report.js';
import { createSecretsAnalyzer } from '../src/analyzers/secrets/analyzer.js';
import { splitChunks } from '../src/engine/chunks.js';
import { githubRules } from '../src/analyzers/secrets/rules/github.js';

export const FIXED_START = new Date('2026-01-02T03:04:05.000Z');
export const FIXED_END = new Date('2026-01-02T03:04:07.000Z');

const SAMPLE = [
  'const config = {',
  "  token: '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',",
  '};',
  'GH_INSTALLATION_TOKEN=ghs_4BrMbTBIepkObfaVKVPK197yfBm7A431entV',
].join('\n');

/** A small, fixed scan report made by the real secrets analyzer: input for writer tests. */
export function sampleReport(extra: Partial<ScanReport> = {}): ScanReport {
  // Only the GitHub family, so the goldens do not move when other families are added.
  const { analyzer } = createSecretsAnalyzer({}, githubRules);
  const file = { path: 'src/config with space.js', absPath: '/x', size: SAMPLE.length };
  const findings: Finding[] = [...splitChunks(Buffer.from(SAMPLE, 'latin1'))].flatMap((c) => analyzer.analyzeChunk(file, c).findings);
  return {
    target: '.',
    startedAt: FIXED_START,
    finishedAt: FIXED_END,
    runs: [
      {
        analyzer: analyzer.id,
        version: analyzer.version,
        reportType: analyzer.reportType,
        status: 'ok',
        startedAt: FIXED_START,
        finishedAt: FIXED_END,
        problems: [],
        primaryIdentifiers: analyzer.primaryIdentifiers().slice(0, 3),
      },
    ],
    findings,
    inventory: { packages: [], dependencyFiles: [] },
    stats: { filesScanned: 1, bytesScanned: SAMPLE.length, filesSkipped: 0 },
    problems: [
      { code: 'binary-file', message: 'skipped logo.png: binary content', file: 'logo.png', level: 'info' },
      { code: 'unreadable-directory', message: 'skipped directory private: EACCES (check its permissions)', level: 'warn' },
    ],
    ...extra,
  };
}

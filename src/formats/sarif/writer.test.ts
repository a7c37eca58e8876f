import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../../../test/golden.js';
import { sampleReport } from '../../../test/sample-report.js';
import { sarifValidator, schemaErrors } from '../../../test/schemas.js';
import { sarifWriter } from './writer.js';

const GOLDEN = fileURLToPath(new URL('../__golden__/bulwark.sarif', import.meta.url));

interface SarifDoc {
  runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; partialFingerprints: Record<string, string> }[] }[];
}

describe('formats/sarif/writer', () => {
  it('writes schema-valid SARIF 2.1.0 matching the golden file', () => {
    const text = sarifWriter.write(sampleReport(), 'secret_detection', { toolVersion: '0.0.0-test' });
    const doc = JSON.parse(text) as SarifDoc;
    expect(schemaErrors(sarifValidator(), doc)).toEqual([]);
    expectGolden(GOLDEN, text);
  });

  it('links each result to its rule and an encoded relative path, with a secret fingerprint', () => {
    const doc = JSON.parse(sarifWriter.write(sampleReport(), 'secret_detection', { toolVersion: 't' })) as SarifDoc;
    const run = doc.runs[0];
    if (!run) throw new Error('no run');
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
      expect(result.locations[0]?.physicalLocation.artifactLocation.uri).toBe('src/config%20with%20space.js');
      expect(result.partialFingerprints['secretHash/v1']).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(run.results.map((r) => r.locations[0]?.physicalLocation.region.startLine)).toEqual([2, 4]);
    expect(JSON.stringify(doc)).not.toContain('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');
  });
});

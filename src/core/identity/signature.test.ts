import { describe, expect, it } from 'vitest';
import type { Identifiers } from '../identifier.js';
import { sha1Hex } from './fingerprint.js';
import { dedupeWithinPipeline, type TrackedFinding } from './dedupe.js';
import { findingKeys, ingestFindingUuid, joinTrackingSignatures, signatureHex, signaturesMatch } from './signature.js';

const semgrep: Identifiers = [{ type: 'semgrep_id', name: 'bandit.B303-1', value: 'bandit.B303-1' }];
const subject = { reportType: 'sast', identifiers: semgrep, location: { kind: 'source', file: 'app/main.py', startLine: 10, endLine: 12 } } as const;

function tracked(file: string, line: number, ids: Identifiers, extra: Partial<TrackedFinding> = {}): TrackedFinding {
  return { reportType: 'sast', finding: { identifiers: ids, location: { kind: 'source', file, startLine: line, endLine: line } }, signatures: [], ...extra };
}

describe('core/identity/signature', () => {
  it('computes the spec UUID vector at ingest, with and without signatures', () => {
    expect(ingestFindingUuid(subject, [], { projectId: 42 })).toBe('896f4703-4ba8-5082-bfb5-b52bdd985576');
    // Signatures only count when the feature is on.
    const sig = [{ algorithm: 'scope_offset', value: 'app/main.py|digest_password[0]:2' }];
    expect(ingestFindingUuid(subject, sig, { projectId: 42 })).toBe('896f4703-4ba8-5082-bfb5-b52bdd985576');
    expect(ingestFindingUuid(subject, sig, { projectId: 42, useSignatures: true })).toBe('6ae14618-5804-5811-afec-fc6ab4a9169b');
  });

  it('computes signature_hex as GitLab does, plain and qualified', () => {
    const sig = { algorithm: 'hash', value: 'abc' };
    expect(signatureHex(sig)).toBe(sha1Hex(sha1Hex('abc')));
    expect(signatureHex(sig, true)).toBe(sha1Hex(`hash:${sha1Hex('abc')}`));
  });

  it('joins values per algorithm across tracking items, drops unknown algorithms, highest priority first', () => {
    const joined = joinTrackingSignatures([
      { signatures: [{ algorithm: 'hash', value: 'h1' }, { algorithm: 'scope_offset', value: 's1' }, { algorithm: 'magic', value: 'x' }] },
      { signatures: [{ algorithm: 'hash', value: 'h2' }] },
    ]);
    expect(joined).toEqual([
      { algorithm: 'scope_offset', value: 's1' },
      { algorithm: 'hash', value: 'h1|h2' },
    ]);
  });

  it('lets the highest shared algorithm decide a signature match, then the UUID', () => {
    const a = [{ algorithm: 'scope_offset', value: 'x' }, { algorithm: 'hash', value: 'same' }];
    const b = [{ algorithm: 'scope_offset', value: 'y' }, { algorithm: 'hash', value: 'same' }];
    expect(signaturesMatch(a, b, 'u1', 'u1')).toBe(false);
    expect(signaturesMatch([{ algorithm: 'hash', value: 'same' }], b, 'u1', 'u2')).toBe(true);
    expect(signaturesMatch([], [], 'u1', 'u1')).toBe(true);
    expect(signaturesMatch([{ algorithm: 'location', value: 'l' }], b, 'u1', 'u2')).toBe(false);
  });

  it('builds keys from every non-CWE identifier, then the UUID', () => {
    const ids: Identifiers = [semgrep[0], { type: 'cwe', name: 'CWE-327', value: '327' }, { type: 'owasp', name: 'A02', value: 'A02:2021' }];
    const keys = findingKeys({ ...subject, identifiers: ids }, [], { projectId: 42 });
    expect(keys).toHaveLength(3);
    expect(keys[0]).toBe(`${sha1Hex('app/main.py:10:12')}:${sha1Hex('semgrep_id:bandit.B303-1')}`);
    expect(keys[1]).toBe(`${sha1Hex('app/main.py:10:12')}:${sha1Hex('owasp:A02:2021')}`);
  });
});

describe('core/identity/dedupe', () => {
  const cwe = { type: 'cwe', name: 'CWE-89', value: '89' };
  it('drops a later finding at the same location sharing a non-CWE identifier; reports in artifact-path order', () => {
    const semgrepHit = tracked('db.py', 4, [{ type: 'semgrep_id', name: 'B608', value: 'bandit.B608' }, cwe, { type: 'bandit_test_id', name: 'B608', value: 'B608' }]);
    const banditHit = tracked('db.py', 4, [{ type: 'bandit_test_id', name: 'B608', value: 'B608' }, cwe]);
    const onlyCwe = tracked('db.py', 4, [{ type: 'flawfinder', name: 'f', value: 'f1' }, cwe]);
    const elsewhere = tracked('db.py', 9, [{ type: 'bandit_test_id', name: 'B608', value: 'B608' }]);
    const result = dedupeWithinPipeline(
      [
        { artifactPath: 'z/gl-sast-report.json', findings: [banditHit, onlyCwe, elsewhere] },
        { artifactPath: 'a/gl-sast-report.json', findings: [semgrepHit] },
      ],
      { projectId: 1 },
    );
    expect(result.kept).toEqual([semgrepHit, onlyCwe, elsewhere]);
    expect(result.duplicates).toEqual([{ finding: banditHit, artifactPath: 'z/gl-sast-report.json', of: semgrepHit }]);
  });

  it('never merges findings of different report types, and uses signatures when enabled', () => {
    const ids: Identifiers = [{ type: 'rule', name: 'r', value: 'r' }];
    const sig = [{ algorithm: 'scope_offset', value: 'f.py|fn[0]:1' }];
    const moved = tracked('f.py', 20, ids, { signatures: sig });
    const original = tracked('f.py', 10, ids, { signatures: sig });
    const secret = tracked('f.py', 10, ids, { reportType: 'secret_detection' });
    const reports = [{ artifactPath: 'a', findings: [original, secret, moved] }];
    expect(dedupeWithinPipeline(reports, { projectId: 1 }).kept).toHaveLength(3);
    expect(dedupeWithinPipeline(reports, { projectId: 1, useSignatures: true }).kept).toEqual([original, secret]);
  });
});

describe('core/identity/uuid', () => {
  it('gives the uuid package result for any name and namespace', async () => {
    const { v5 } = await import('uuid');
    const { uuidV5 } = await import('./uuid.js');
    for (const name of ['', 'GitLab', 'sast-a-b-42', 'ünïcödé ✓ 𝄞', 'x'.repeat(5000)]) {
      for (const ns of ['58dc0f06-936c-43b3-93bb-71693f1b6570', 'A143E9E2-41B3-47BC-9A19-081D089229F4']) expect(uuidV5(name, ns)).toBe(v5(name, ns));
    }
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow();
  });
});

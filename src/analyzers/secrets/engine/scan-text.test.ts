import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SECRET_RULES } from '../rules/index.js';
import { compileSecretMatcher } from './scan-text.js';

// The lines each `ruleid:` marker of a few fixtures points at: synthetic tokens of several rules.
function fixtureSamples(family: string): string[] {
  const lines = readFileSync(fileURLToPath(new URL(`../rules/${family}.fixture.txt`, import.meta.url)), 'utf8').split('\n');
  return lines.flatMap((line, index) => (line.startsWith('# ruleid:') ? [lines[index + 1] as string] : []));
}

const SAMPLES = [...fixtureSamples('stripe'), ...fixtureSamples('github'), ...fixtureSamples('slack')];
const matcher = compileSecretMatcher(SECRET_RULES.filter((rule) => rule.meta.deprecated !== true));

function find(text: string): { rule: string; start: number; end: number; secret: string }[] {
  const bytes = Buffer.from(text, 'latin1');
  let decoded = 0;
  const hits = matcher.find(bytes, () => {
    decoded++;
    return text;
  });
  expect(decoded).toBeLessThanOrEqual(1);
  return hits.map((hit) => ({ rule: hit.rule.meta.id, start: hit.start, end: hit.end, secret: hit.secret }));
}

describe('analyzers/secrets/engine/scan-text', () => {
  it('finds each secret of a large file at its offset, as when it stands alone', () => {
    expect(SAMPLES.length).toBeGreaterThan(10);
    // Far apart in filler text: only the windows around them are decoded, in pieces.
    const filler = 'lorem ipsum dolor sit amet\n'.repeat(400);
    let text = filler;
    const expected: ReturnType<typeof find> = [];
    for (const sample of SAMPLES) {
      const alone = find(`${sample}\n`);
      expect(alone.length, sample).toBeGreaterThan(0);
      for (const hit of alone) expected.push({ ...hit, start: hit.start + text.length, end: hit.end + text.length });
      text += `${sample}\n${filler}`;
    }
    expect(find(text)).toEqual(expected);
  });

  it('finds the same secrets when the windows cover most of the text', () => {
    // Back to back: the windows overlap and the whole text is decoded once.
    const text = SAMPLES.map((sample) => `${sample}\n`).join('');
    let offset = 0;
    const expected: ReturnType<typeof find> = [];
    for (const sample of SAMPLES) {
      for (const hit of find(`${sample}\n`)) expected.push({ ...hit, start: hit.start + offset, end: hit.end + offset });
      offset += sample.length + 1;
    }
    expect(find(text)).toEqual(expected);
  });
});

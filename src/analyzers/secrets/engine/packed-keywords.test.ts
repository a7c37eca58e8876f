import { describe, expect, it } from 'vitest';
import { DEFAULT_SECRET_RULES } from '../analyzer.js';
import { compileKeywordTable, keywordAutomaton, type KeywordAutomaton } from './keyword-automaton.js';
import { keywordSpecKey, packKeywordTable, unpackKeywordTable } from './packed-keywords.js';
import { keywordSpec } from './scan-text.js';

function hits(automaton: KeywordAutomaton, text: string): string[] {
  const out: string[] = [];
  automaton.scan(Buffer.from(text, 'latin1'), (rule, end) => out.push(`${rule}@${end}`));
  return out;
}

// Keywords and anchors of many rules, in short and long (WebAssembly) inputs.
const SAMPLES = [
  'const key = "AKIAIOSFODNN7EXAMPLE"; token: ghp_0123456789abcdefghijklmnopqrstuvwxyz',
  `${'x'.repeat(3000)} xoxb-123-456-abcdef sk_live_0123456789abcdefABCDEF AC0123456789abcdef0123456789abcdef ${'y'.repeat(2000)}`,
  'postgres://user:secret@db.example.com:5432/app -----BEGIN RSA PRIVATE KEY----- EAAabcdefgh12345 glpat-abcdefghij0123456789',
];

describe('packed keyword automaton', () => {
  const spec = keywordSpec(DEFAULT_SECRET_RULES);
  const built = compileKeywordTable(spec);
  const packed = packKeywordTable(spec, built);

  it('loads back to an automaton that reports exactly what the built one does', () => {
    const loaded = unpackKeywordTable(packed, spec);
    expect(loaded).toBeDefined();
    expect(loaded?.table).toEqual(built.table);
    // Read at an odd offset, the table is copied to an aligned buffer: the same automaton.
    const shifted = Buffer.concat([Buffer.alloc(1), packed]).subarray(1);
    expect(unpackKeywordTable(shifted, spec)?.table).toEqual(built.table);
    for (const engine of ['auto', 'js'] as const) {
      for (const text of SAMPLES) {
        const expected = hits(keywordAutomaton(built, engine), text);
        expect(expected.length).toBeGreaterThan(0);
        expect(hits(keywordAutomaton(loaded!, engine), text)).toEqual(expected);
      }
    }
  });

  it('is refused for other rules, and when damaged or cut short', () => {
    const fewer = spec.slice(1);
    expect(keywordSpecKey(fewer)).not.toBe(keywordSpecKey(spec));
    expect(unpackKeywordTable(packed, fewer)).toBeUndefined();
    expect(unpackKeywordTable(packed.subarray(0, packed.length - 4), spec)).toBeUndefined();
    expect(unpackKeywordTable(Buffer.from('{"format":1}'), spec)).toBeUndefined();
    // A header whose spec text differs (as another format's would) is refused too.
    expect(unpackKeywordTable(Buffer.from(packed.toString('latin1').replace('[2,[', '[1,['), 'latin1'), spec)).toBeUndefined();
    const garbled = Buffer.from(packed);
    garbled.write('!!!!', 8, 'latin1');
    expect(unpackKeywordTable(garbled, spec)).toBeUndefined();
    expect(unpackKeywordTable(Buffer.alloc(2), spec)).toBeUndefined();
  });

  it('changes its spec key with a keyword, its case rule or an anchor', () => {
    const base = keywordSpecKey([{ keywords: ['abc'] }]);
    expect(keywordSpecKey([{ keywords: ['abd'] }])).not.toBe(base);
    expect(keywordSpecKey([{ keywords: ['abc'], caseSensitive: true }])).not.toBe(base);
    const anchor = [Uint8Array.from({ length: 256 }, (_, byte) => (byte === 0x61 ? 1 : 0))];
    expect(keywordSpecKey([{ keywords: ['abc'], anchors: [anchor] }])).not.toBe(base);
  });
});

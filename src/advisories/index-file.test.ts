import { describe, expect, it } from 'vitest';
import { decodeDirectory, decodeHeader, encodeIndex, findBlock, findPostings, HEADER_BYTES, type Posting } from './index-file.js';

/** Look a key up the way the store does, from the encoded bytes alone. */
function lookup(index: Buffer, key: string): Posting[] {
  const header = decodeHeader(index.subarray(0, HEADER_BYTES));
  if (typeof header === 'string') throw new Error(header);
  const directory = decodeDirectory(index.subarray(HEADER_BYTES, HEADER_BYTES + header.directoryBytes), header.blocks);
  const wanted = Buffer.from(key, 'utf8');
  const ref = findBlock(directory, wanted);
  return ref === undefined ? [] : findPostings(index.subarray(ref.offset, ref.offset + ref.length), wanted);
}

describe('advisories/index-file', () => {
  const postings = new Map<string, Posting[]>();
  for (let i = 0; i < 1000; i++) postings.set(`npm\u0000pkg-${i}`, [{ offset: i * 100, length: 99 }]);
  postings.set('PyPI\u0000django', [
    { offset: 2 ** 40, length: 5 },
    { offset: 7, length: 8 },
  ]);
  postings.set('npm\u0000ünïcode', [{ offset: 1, length: 2 }]);
  const index = encodeIndex(postings);

  it('finds every key across many blocks', () => {
    const header = decodeHeader(index.subarray(0, HEADER_BYTES));
    expect(header).toMatchObject({ keys: 1002 });
    expect(typeof header !== 'string' && header.blocks).toBeGreaterThan(10);
    for (const [key, list] of postings) expect(lookup(index, key)).toEqual(list);
  });

  it('finds nothing for absent keys, before, between and after the stored ones', () => {
    for (const key of ['', 'A', 'npm\u0000pkg-10000', 'npm\u0000pkg-5x', 'zzz', 'PyPI\u0000Django']) expect(lookup(index, key)).toEqual([]);
  });

  it('encodes an empty index', () => {
    expect(lookup(encodeIndex(new Map()), 'npm\u0000x')).toEqual([]);
  });

  it('refuses bytes that are not an index', () => {
    expect(decodeHeader(Buffer.from('not an index at all, really'))).toContain('not a Bulwark index');
    expect(() => decodeDirectory(index.subarray(HEADER_BYTES, HEADER_BYTES + 5), 3)).toThrow(RangeError);
  });
});

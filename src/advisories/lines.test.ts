import { describe, expect, it } from 'vitest';
import { splitLines, type Line } from './lines.js';

async function collect(chunks: string[], max = 100): Promise<Line[]> {
  async function* source(): AsyncGenerator<Buffer> {
    for (const chunk of chunks) yield Buffer.from(chunk, 'utf8');
  }
  const lines: Line[] = [];
  for await (const line of splitLines(source(), max)) lines.push(line);
  return lines;
}

describe('advisories/lines', () => {
  it('joins lines split across chunks and numbers them', async () => {
    expect(await collect(['{"a"', ':1}\n{"b":2}\n', '\n{"c"', ':3}'])).toEqual([
      { number: 1, text: '{"a":1}' },
      { number: 2, text: '{"b":2}' },
      { number: 3, text: '' },
      { number: 4, text: '{"c":3}' },
    ]);
  });

  it('keeps a multi-byte character split between chunks whole', async () => {
    const bytes = Buffer.from('"é"\n', 'utf8');
    async function* halves(): AsyncGenerator<Buffer> {
      yield bytes.subarray(0, 2);
      yield bytes.subarray(2);
    }
    const lines: Line[] = [];
    for await (const line of splitLines(halves(), 100)) lines.push(line);
    expect(lines).toEqual([{ number: 1, text: '"é"' }]);
  });

  it('skips an over-long line without losing the next one', async () => {
    const long = 'x'.repeat(30);
    expect(await collect(['short\n', long.slice(0, 15), long.slice(15), '\nafter\n', long], 20)).toEqual([
      { number: 1, text: 'short' },
      { number: 2, tooLong: true },
      { number: 3, text: 'after' },
      { number: 4, tooLong: true },
    ]);
  });

  it('leaves a CR for the JSON parser to ignore', async () => {
    expect(await collect(['a\r\nb\r\n'])).toEqual([
      { number: 1, text: 'a\r' },
      { number: 2, text: 'b\r' },
    ]);
  });
});

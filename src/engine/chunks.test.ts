import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/harness.js';
import type { TextChunk } from '../analyzers/types.js';
import { readChunks, splitChunks } from './chunks.js';

const options = { chunkSize: 64, overlap: 32 };

function owned(chunks: TextChunk[]): string {
  return chunks.map((c) => c.text.slice(c.ownedStart, c.ownedEnd)).join('');
}

describe('engine/chunks', () => {
  const text = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n');

  it('owns every byte exactly once and keeps context before each later chunk', () => {
    const chunks = [...splitChunks(Buffer.from(text, 'latin1'), options)];
    expect(chunks.length).toBeGreaterThan(3);
    expect(owned(chunks)).toBe(text);
    expect(chunks[0]?.ownedStart).toBe(0);
    for (const chunk of chunks.slice(1)) expect(chunk.ownedStart).toBeGreaterThan(0);
  });

  it('numbers the lines of each chunk from where it starts', () => {
    for (const chunk of splitChunks(Buffer.from(text, 'latin1'), options)) {
      const firstFull = chunk.text.indexOf('line ', chunk.text.indexOf('\n') + 1);
      const number = Number(/line (\d+)/.exec(chunk.text.slice(firstFull))?.[1]);
      const lineOfIt = chunk.startLine + chunk.text.slice(0, firstFull).split('\n').length - 1;
      expect(lineOfIt).toBe(number + 1);
    }
  });

  it('reads a file into the same chunks as the in-memory split', () => {
    const dir = tempDir();
    try {
      for (const content of [text, text.slice(0, 64), text.slice(0, 63), '']) {
        const path = join(dir.path, 'f.txt');
        writeFileSync(path, content);
        // Each chunk is used before the next is read: the reader reuses its buffer.
        const fromFile: { text: string; startLine: number }[] = [];
        for (const chunk of readChunks(path, options)) fromFile.push({ text: chunk.text.slice(chunk.ownedStart, chunk.ownedEnd), startLine: chunk.startLine });
        expect(fromFile.map((c) => c.text).join('')).toBe(content);
        if (content.length >= 64) expect(fromFile.map((c) => c.startLine)).toEqual([...splitChunks(Buffer.from(content, 'latin1'), options)].map((c) => c.startLine));
      }
    } finally {
      dir.cleanup();
    }
  });
});

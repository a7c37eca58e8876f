import { describe, expect, it, vi } from 'vitest';
import { createProgressLine } from './progress.js';

function fakeStream(): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('cli/progress', () => {
  it('draws files, megabytes and findings on one line, at most ten times a second, and clears it', () => {
    vi.useFakeTimers();
    const { stream, written } = fakeStream();
    const line = createProgressLine(stream, true);
    line.update({ files: 1200, bytes: 5 * 1024 * 1024, findings: 2 });
    line.update({ files: 1300, bytes: 6 * 1024 * 1024, findings: 2 });
    vi.advanceTimersByTime(150);
    line.update({ files: 2500, bytes: 9 * 1024 * 1024, findings: 3 });
    line.done();
    vi.useRealTimers();
    expect(written).toHaveLength(3);
    expect(written[0]).toContain('1,200 files · 5.0 MB · 2 finding(s)');
    expect(written[1]).toContain('2,500 files · 9.0 MB · 3 finding(s)');
    expect(written[2]).toBe('\r\u001b[2K');
  });

  it('writes nothing when disabled (CI, pipes, --quiet)', () => {
    const { stream, written } = fakeStream();
    const line = createProgressLine(stream, false);
    line.update({ files: 1, bytes: 1, findings: 0 });
    line.done();
    expect(written).toEqual([]);
  });
});

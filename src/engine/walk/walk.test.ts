import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/harness.js';
import { walk, WalkError, type WalkOptions } from './walk.js';

async function paths(root: string, options: Partial<WalkOptions> = {}): Promise<{ files: string[]; codes: string[] }> {
  const tree = walk(root, { maxFileSize: 1024 * 1024, ...options });
  const files: string[] = [];
  for (const file of tree.files) files.push(file.path);
  return { files, codes: tree.problems.map((p) => p.code) };
}

describe('engine/walk', () => {
  let dir: { path: string; cleanup: () => void };
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.cleanup());

  const write = (rel: string, content = 'x'): void => {
    mkdirSync(join(dir.path, rel, '..'), { recursive: true });
    writeFileSync(join(dir.path, rel), content);
  };

  it('without sizes, lists the same files with size -1 and leaves the size limit to the reader', async () => {
    write('small.txt', 'x');
    write('sub/big.bin', 'y'.repeat(4096));
    const sized = await paths(dir.path, { maxFileSize: 1024 });
    expect(sized.files).toEqual(['small.txt']);
    const tree = walk(dir.path, { maxFileSize: 1024, sizes: false });
    const entries = [...tree.files];
    expect(entries.map((e) => [e.path, e.size])).toEqual([
      ['small.txt', -1],
      ['sub/big.bin', -1],
    ]);
  });

  it('walks in name order and honours nested .gitignore files and --exclude globs', async () => {
    write('.gitignore', 'build/\n*.log\n');
    write('b.txt');
    write('a.txt');
    write('debug.log');
    write('build/out.js');
    write('src/.gitignore', 'generated.ts\n!keep.log\n');
    write('src/generated.ts');
    write('src/main.ts');
    write('src/keep.log');
    write('vendor/lib.js');
    write('.git/config');
    const { files } = await paths(dir.path, { exclude: ['vendor/**'] });
    expect(files).toEqual(['.gitignore', 'a.txt', 'b.txt', 'src/.gitignore', 'src/keep.log', 'src/main.ts']);
  });

  it('can ignore .gitignore', async () => {
    write('.gitignore', '*.log\n');
    write('debug.log');
    expect((await paths(dir.path, { gitignore: false })).files).toContain('debug.log');
  });

  it('skips files over the size limit with a notice', async () => {
    write('big.txt', 'x'.repeat(2000));
    write('small.txt', 'x');
    const { files, codes } = await paths(dir.path, { maxFileSize: 1000 });
    expect(files).toEqual(['small.txt']);
    expect(codes).toEqual(['file-too-large']);
  });

  it('stops at symlink loops and links out of the tree, with a notice', async () => {
    write('a/file.txt');
    symlinkSync('..', join(dir.path, 'a', 'loop'));
    symlinkSync('/etc', join(dir.path, 'outside'));
    symlinkSync('missing', join(dir.path, 'dangling'));
    const { files, codes } = await paths(dir.path);
    expect(files).toEqual(['a/file.txt']);
    expect(codes.sort()).toEqual(['broken-symlink', 'symlink-loop', 'symlink-outside-root']);
  });

  it('skips FIFOs instead of blocking on them', async () => {
    write('ok.txt');
    execFileSync('mkfifo', [join(dir.path, 'pipe')]);
    expect((await paths(dir.path)).files).toEqual(['ok.txt']);
  });

  it('accepts a single file as the root and refuses a missing one', async () => {
    write('one.env', 'A=1');
    expect((await paths(join(dir.path, 'one.env'))).files).toEqual(['one.env']);
    await expect(paths(join(dir.path, 'nope'))).rejects.toBeInstanceOf(WalkError);
  });
});

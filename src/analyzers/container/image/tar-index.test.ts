import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveOf, dockerArchiveFiles, makeLayer, tarOf } from '../../../../test/container-images.js';
import { openImage } from './open.js';
import { findMember, indexTar, type ArchiveIndex } from './tar-index.js';

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'bulwark-tar-index-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function indexOf(bytes: Buffer): Promise<{ index: ArchiveIndex; read: (offset: number, size: number) => Promise<string> }> {
  const path = join(workDir, `t-${Math.random().toString(36).slice(2)}.tar`);
  await writeFile(path, bytes);
  const file = await open(path, 'r');
  const result = await indexTar(file, bytes.length);
  await file.close();
  if (!result.ok) throw new Error(result.error);
  return { index: result.value, read: (offset, size) => Promise.resolve(bytes.toString('utf8', offset, offset + size)) };
}

describe('analyzers/container/image/tar-index', () => {
  it('finds members by name, including names too long for a plain header', async () => {
    const longName = `${'deep/'.repeat(60)}file.txt`;
    const { index, read } = await indexOf(await tarOf([{ name: 'short.txt', content: 'short' }, { name: longName, content: 'long one' }]));
    const short = findMember(index, './short.txt');
    const long = findMember(index, longName);
    expect(short === undefined ? undefined : await read(short.offset, short.size)).toBe('short');
    expect(long === undefined ? undefined : await read(long.offset, long.size)).toBe('long one');
    expect(index.truncated).toBe(false);
  });

  it('follows links between members, but only inside the archive', async () => {
    const { index } = await indexOf(
      await tarOf([
        { name: 'a/layer.tar', content: 'layer' },
        { name: 'b/layer.tar', type: 'symlink', linkname: '../a/layer.tar' },
        { name: 'c/layer.tar', type: 'link', linkname: 'b/layer.tar' },
        { name: 'evil', type: 'symlink', linkname: '../../../../etc/passwd' },
        { name: 'loop', type: 'symlink', linkname: 'loop' },
      ]),
    );
    expect(findMember(index, 'b/layer.tar')?.size).toBe(5);
    expect(findMember(index, 'c/layer.tar')?.size).toBe(5);
    expect(findMember(index, 'evil')).toBeUndefined();
    expect(findMember(index, 'loop')).toBeUndefined();
  });

  it('reads a docker archive whose repeated layer is a link to the first copy', async () => {
    const layer = await makeLayer([{ name: 'same', content: 'same' }]);
    const files = dockerArchiveFiles([layer, layer]).map((file) => (file.name === 'layer1/layer.tar' ? { name: file.name, content: Buffer.alloc(0) } : file));
    const bytes = await tarOf(
      files.map((file) => (file.name === 'layer1/layer.tar' ? { name: file.name, type: 'symlink' as const, linkname: '../layer0/layer.tar' } : { name: file.name, content: file.content })),
    );
    const path = join(workDir, 'linked-layer.tar');
    await writeFile(path, bytes);
    const result = await openImage(path, { wanted: () => true, maxFileBytes: 100, maxTotalBytes: 1 << 20 });
    if (!result.ok) throw new Error(result.error);
    expect(result.value.stat('same')).toMatchObject({ layer: 1 });
    expect(result.value.layers).toHaveLength(2);
  });

  it('flags an archive cut short', async () => {
    const whole = await archiveOf([{ name: 'big', content: Buffer.alloc(4000, 1) }]);
    const { index } = await indexOf(whole.subarray(0, 2048));
    expect(index.truncated).toBe(true);
    expect(index.members.has('big')).toBe(true);
  });
});

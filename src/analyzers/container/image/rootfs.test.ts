import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openImage } from './open.js';
import type { ImageTree, OpenImageOptions } from './types.js';

let root: string;

/**
 * A small root filesystem: os-release as a relative link (as Debian ships it), a symlink loop,
 * links to /etc/shadow, to / and to the host's /etc, a link that climbs, a FIFO and a big file.
 */
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bulwark-rootfs-'));
  const file = async (path: string, content: string | Buffer): Promise<void> => {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  };
  const link = async (path: string, target: string): Promise<void> => {
    await mkdir(join(root, path, '..'), { recursive: true });
    await symlink(target, join(root, path));
  };
  await file('usr/lib/os-release', 'ID=debian\nVERSION_ID=12\n');
  await link('etc/os-release', '../usr/lib/os-release');
  await file('var/lib/dpkg/status', 'Package: base-files\n');
  await file('opt/big.bin', Buffer.alloc(4096, 7));
  await link('loop/a', 'b');
  await link('loop/b', 'a');
  await link('app/secret', '/etc/shadow');
  await link('app/up', '../../../../../..');
  await link('host', '/');
  await link('hostetc', '/etc');
  await mkdir(join(root, 'run'));
  execFileSync('mkfifo', [join(root, 'run', 'fifo')]);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const options: OpenImageOptions = { wanted: (path) => !path.startsWith('var/'), maxFileBytes: 1024, maxTotalBytes: 1024 * 1024 };

async function openRoot(): Promise<ImageTree> {
  const result = await openImage(root, options);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('analyzers/container/image/rootfs', () => {
  it('reads a directory as a one-layer image', async () => {
    const tree = await openRoot();
    expect(tree.source).toBe('rootfs');
    expect(tree.layers).toHaveLength(1);
    expect(tree.read('etc/os-release')?.toString()).toBe('ID=debian\nVERSION_ID=12\n');
    expect(tree.stat('etc/os-release')).toEqual({ path: 'usr/lib/os-release', kind: 'file', size: 24, layer: 0 });
    expect(tree.stat('var/lib/dpkg/status')).toMatchObject({ kind: 'file', size: 20 });
    expect(tree.read('var/lib/dpkg/status')).toBeUndefined();
    expect(tree.read('opt/big.bin')).toBeUndefined();
    expect(tree.problems).toContainEqual(expect.objectContaining({ code: 'image-file-too-large', file: 'opt/big.bin' }));
  });

  it('records links as links and never walks or reads through them on the host', async () => {
    const tree = await openRoot();
    const paths = [...tree.files()].map((file) => file.path);
    expect(paths).toEqual([
      'app',
      'app/secret',
      'app/up',
      'etc',
      'etc/os-release',
      'host',
      'hostetc',
      'loop',
      'loop/a',
      'loop/b',
      'opt',
      'opt/big.bin',
      'run',
      'usr',
      'usr/lib',
      'usr/lib/os-release',
      'var',
      'var/lib',
      'var/lib/dpkg',
      'var/lib/dpkg/status',
    ]);
    expect(tree.stat('app/secret')).toBeUndefined();
    expect(tree.read('app/secret')).toBeUndefined();
    expect(tree.stat('loop/a')).toBeUndefined();
    // Links that name host places lead to the image's own places.
    expect(tree.stat('hostetc/os-release')?.path).toBe('usr/lib/os-release');
    expect(tree.stat('hostetc/passwd')).toBeUndefined();
    expect(tree.stat('host/var/lib/dpkg/status')?.path).toBe('var/lib/dpkg/status');
    expect(tree.stat('app/up/usr/lib/os-release')?.path).toBe('usr/lib/os-release');
    expect(tree.stat('app')).toEqual({ path: 'app', kind: 'dir', size: 0, layer: 0 });
  });

  it('refuses to keep more than maxTotalBytes of content', async () => {
    const result = await openImage(root, { wanted: () => true, maxFileBytes: 1024 * 1024, maxTotalBytes: 1000 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('more than 1000 bytes (maxTotalBytes)');
  });
});

import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveOf, configOf, dockerArchiveFiles, makeLayer, ociLayoutFiles, writeFiles, type TestEntry, type TestLayer, OPEN_EVERYTHING, useWorkDir } from '../../../../test/container-images.js';
import { openImage } from './open.js';
import type { ImageTree, OpenImageOptions } from './types.js';

const STATUS = 'var/lib/dpkg/status';
const everything: OpenImageOptions = OPEN_EVERYTHING;
const work = useWorkDir('bulwark-history-');

/** A dpkg status file listing these packages, one stanza each. */
function status(...packages: string[]): string {
  return packages.map((name) => `Package: ${name}\nStatus: install ok installed\nVersion: 1.0\n`).join('\n');
}

async function layers(...entries: TestEntry[][]): Promise<TestLayer[]> {
  return Promise.all(entries.map((layer, index) => makeLayer(layer, { gzip: index % 2 === 1 })));
}

let count = 0;
async function openOciTar(image: readonly TestLayer[], options: OpenImageOptions = everything): Promise<ImageTree> {
  count += 1;
  const path = join(work(), `image-${count}.tar`);
  await writeFile(path, await archiveOf(ociLayoutFiles([{ layers: image, config: configOf(image) }])));
  const opened = await openImage(path, options);
  if (!opened.ok) throw new Error(opened.error);
  return opened.value;
}

function versions(tree: ImageTree, path: string): [number, string][] {
  return (tree.history?.(path) ?? []).map((version) => [version.layer, version.content.toString()]);
}

describe('analyzers/container/image/image-tree history', () => {
  it('gives each layer’s rewrite of the dpkg database, bottom first, in a docker archive directory', async () => {
    const image = await layers(
      [{ name: STATUS, content: status('a') }],
      [{ name: STATUS, content: status('a', 'b') }, { name: 'etc/motd', content: 'hi' }],
      [{ name: STATUS, content: status('a', 'b', 'c') }],
    );
    const path = join(work(), 'three-layers');
    await writeFiles(path, dockerArchiveFiles(image));
    const opened = await openImage(path, everything);
    if (!opened.ok) throw new Error(opened.error);
    const tree = opened.value;
    expect(versions(tree, STATUS)).toEqual([
      [0, status('a')],
      [1, status('a', 'b')],
      [2, status('a', 'b', 'c')],
    ]);
    expect(versions(tree, `/${STATUS}`)).toHaveLength(3);
    expect(versions(tree, 'etc/motd')).toEqual([[1, 'hi']]);
    expect(tree.read(STATUS)?.toString()).toBe(status('a', 'b', 'c'));
  });

  it('starts the history over when a layer deletes the file with a whiteout', async () => {
    const image = await layers(
      [{ name: STATUS, content: status('a') }, { name: 'etc/gone', content: 'x' }],
      [{ name: 'var/lib/dpkg/.wh.status' }, { name: 'etc/.wh.gone' }],
      [{ name: STATUS, content: status('c') }],
    );
    const tree = await openOciTar(image);
    expect(versions(tree, STATUS)).toEqual([[2, status('c')]]);
    expect(versions(tree, 'etc/gone')).toEqual([]);
  });

  it('starts the history over below an opaque directory, even when the same layer writes the file again', async () => {
    const image = await layers(
      [{ name: STATUS, content: status('a') }],
      [{ name: STATUS, content: status('a', 'b') }],
      [{ name: 'var/lib/dpkg/.wh..wh..opq' }, { name: STATUS, content: status('b') }],
    );
    const tree = await openOciTar(image);
    expect(versions(tree, STATUS)).toEqual([[2, status('b')]]);
  });

  it('follows a link to the file it names, as read does', async () => {
    const image = await layers(
      [
        { name: 'usr/lib/os-release', content: 'VERSION_ID=12\n' },
        { name: 'etc/os-release', type: 'symlink', linkname: '../usr/lib/os-release' },
      ],
      [{ name: 'usr/lib/os-release', content: 'VERSION_ID=12.5\n' }],
    );
    const tree = await openOciTar(image);
    expect(versions(tree, 'etc/os-release')).toEqual([
      [0, 'VERSION_ID=12\n'],
      [1, 'VERSION_ID=12.5\n'],
    ]);
  });

  it('has nothing for unwanted files and leaves out a version too large to keep', async () => {
    const big = status('a', 'b', 'huge-'.repeat(100));
    const image = await layers([{ name: STATUS, content: status('a') }, { name: 'etc/motd', content: 'hi' }], [{ name: STATUS, content: big }], [{ name: STATUS, content: status('a', 'b', 'c') }]);
    const options: OpenImageOptions = { ...everything, wanted: (path) => path === STATUS, maxFileBytes: 300 };
    expect(big.length).toBeGreaterThan(300);
    expect(status('a', 'b', 'c').length).toBeLessThan(300);
    const tree = await openOciTar(image, options);
    expect(versions(tree, STATUS)).toEqual([
      [0, status('a')],
      [2, status('a', 'b', 'c')],
    ]);
    expect(versions(tree, 'etc/motd')).toEqual([]);
    expect(tree.problems.some((problem) => problem.code === 'image-file-too-large' && problem.file === STATUS)).toBe(true);
  });

  it('keeps the first and the 16 most recent versions of a file rewritten by 20 layers, with a notice per dropped one', async () => {
    const image = await layers(...Array.from({ length: 20 }, (_, layer) => [{ name: STATUS, content: status(`p${layer}`) }]));
    const tree = await openOciTar(image);
    const kept = versions(tree, STATUS);
    expect(kept.map(([layer]) => layer)).toEqual([0, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(kept[0]).toEqual([0, status('p0')]);
    expect(kept.at(-1)).toEqual([19, status('p19')]);
    const dropped = tree.problems.filter((problem) => problem.code === 'image-file-version-dropped');
    expect(dropped.map((problem) => problem.file)).toEqual([STATUS, STATUS, STATUS]);
    expect(dropped.map((problem) => /the version layer (\d+) left/.exec(problem.message)?.[1])).toEqual(['1', '2', '3']);
    // Layers 17, 18 and 19 each pushed one version out.
    expect(dropped.map((problem) => /^layer (\d+) /.exec(problem.message)?.[1])).toEqual(['17', '18', '19']);
  });

  it('gives a root filesystem one version per file, at layer 0', async () => {
    const root = join(work(), 'rootfs');
    await mkdir(join(root, 'var/lib/dpkg'), { recursive: true });
    await mkdir(join(root, 'usr/lib'), { recursive: true });
    await mkdir(join(root, 'etc'), { recursive: true });
    await writeFile(join(root, STATUS), status('base-files'));
    await writeFile(join(root, 'usr/lib/os-release'), 'ID=debian\n');
    await symlink('../usr/lib/os-release', join(root, 'etc/os-release'));
    const opened = await openImage(root, everything);
    if (!opened.ok) throw new Error(opened.error);
    expect(versions(opened.value, STATUS)).toEqual([[0, status('base-files')]]);
    expect(versions(opened.value, 'etc/os-release')).toEqual([[0, 'ID=debian\n']]);
    expect(versions(opened.value, 'var/lib/dpkg')).toEqual([]);
  });

  it('survives spreading the tree to restate its source', async () => {
    const image = await layers([{ name: STATUS, content: status('a') }]);
    const tree = { ...(await openOciTar(image)), source: 'registry' };
    expect(versions(tree, STATUS)).toEqual([[0, status('a')]]);
  });
});

import { describe, expect, it } from 'vitest';
import { MergedTree } from './merged-tree.js';

const p = (path: string): string[] => path.split('/');

describe('analyzers/container/image/merged-tree', () => {
  it('lists parents before children and siblings by name', () => {
    const tree = new MergedTree();
    tree.addFile(p('a-c'), 0, 1, undefined);
    tree.addFile(p('a/b'), 0, 1, undefined);
    tree.addDirectory(p('0'), 0);
    expect([...tree.entries()].map((file) => file.path)).toEqual(['0', 'a', 'a/b', 'a-c']);
  });

  it('resolves `..` after a link from where the link leads', () => {
    const tree = new MergedTree();
    tree.addFile(p('x/y/file'), 0, 1, Buffer.from('f'));
    tree.addFile(p('x/sibling'), 0, 1, Buffer.from('s'));
    tree.addSymlink(p('a/link'), 0, '../x/y');
    expect(tree.stat(p('a/link/file'))?.path).toBe('x/y/file');
    expect(tree.read(p('a/link/../sibling'))?.toString()).toBe('s');
  });

  it('does not follow a final link when resolving without following', () => {
    const tree = new MergedTree();
    tree.addFile(p('target'), 0, 1, undefined);
    tree.addSymlink(p('link'), 1, 'target');
    expect(tree.resolve(p('link'), false)?.node.kind).toBe('symlink');
    expect(tree.resolve(p('link'), true)?.node.kind).toBe('file');
  });

  it('replaces a dangling link with a directory when a later entry needs one there', () => {
    const tree = new MergedTree();
    tree.addSymlink(p('d'), 0, 'nowhere');
    tree.addFile(p('d/f'), 1, 1, Buffer.from('f'));
    expect(tree.stat(p('d'))).toEqual({ path: 'd', kind: 'dir', size: 0, layer: 1 });
    expect(tree.stat(p('nowhere'))).toBeUndefined();
  });

  it('removes through a linked parent and can make the root opaque', () => {
    const tree = new MergedTree();
    tree.addFile(p('usr/lib/a'), 0, 1, undefined);
    tree.addSymlink(p('lib'), 0, '/usr/lib');
    tree.remove(p('lib/a'));
    expect(tree.stat(p('usr/lib/a'))).toBeUndefined();
    tree.makeOpaque([], 1);
    expect([...tree.entries()]).toEqual([]);
  });

  it('gives a hardlink to a symlink the same target', () => {
    const tree = new MergedTree();
    tree.addFile(p('real'), 0, 4, Buffer.from('real'));
    tree.addSymlink(p('soft'), 0, 'real');
    expect(tree.addHardlink(p('hard'), 0, p('soft'), 'soft')).toBe('linked');
    expect(tree.stat(p('hard'))?.path).toBe('real');
    expect(tree.addHardlink(p('bad'), 0, p('usr'), 'usr')).toBe('missing-target');
  });
});

describe('analyzers/container/image/merged-tree history', () => {
  const versions = (tree: MergedTree, path: string): [number, string][] => tree.history(p(path)).map((version) => [version.layer, version.content.toString()]);

  it('keeps one version per layer that wrote the file, the last write of a layer winning', () => {
    const tree = new MergedTree();
    tree.addFile(p('status'), 0, 1, Buffer.from('A'));
    tree.addFile(p('status'), 1, 2, Buffer.from('AB-draft'));
    tree.addFile(p('status'), 1, 2, Buffer.from('AB'));
    tree.addFile(p('status'), 2, 3, Buffer.from('ABC'));
    expect(versions(tree, 'status')).toEqual([
      [0, 'A'],
      [1, 'AB'],
      [2, 'ABC'],
    ]);
    expect(tree.takeDroppedVersions()).toEqual([]);
  });

  it('starts over after a removal, an opaque parent or a link written over the file', () => {
    const tree = new MergedTree();
    tree.addFile(p('d/removed'), 0, 1, Buffer.from('1'));
    tree.addFile(p('d/hidden'), 0, 1, Buffer.from('1'));
    tree.addFile(p('relinked'), 0, 1, Buffer.from('1'));
    tree.addFile(p('target'), 0, 1, Buffer.from('t'));
    tree.remove(p('d/removed'));
    tree.addFile(p('d/removed'), 1, 1, Buffer.from('2'));
    tree.makeOpaque(p('e'), 1);
    tree.addFile(p('e/hidden'), 0, 1, Buffer.from('1'));
    tree.makeOpaque(p('e'), 1);
    tree.addFile(p('e/hidden'), 1, 1, Buffer.from('2'));
    tree.addSymlink(p('relinked'), 1, 'target');
    expect(versions(tree, 'd/removed')).toEqual([[1, '2']]);
    expect(versions(tree, 'e/hidden')).toEqual([[1, '2']]);
    expect(versions(tree, 'relinked')).toEqual([[0, 't']]);
  });

  it('follows links to where the file lives, and writes through a linked parent continue its history', () => {
    const tree = new MergedTree();
    tree.addFile(p('usr/lib/os-release'), 0, 1, Buffer.from('12'));
    tree.addSymlink(p('lib'), 0, 'usr/lib');
    tree.addSymlink(p('etc/os-release'), 0, '../usr/lib/os-release');
    tree.addFile(p('lib/os-release'), 1, 4, Buffer.from('12.5'));
    expect(versions(tree, 'etc/os-release')).toEqual([
      [0, '12'],
      [1, '12.5'],
    ]);
  });

  it('leaves out versions without content and is empty when the final one has none', () => {
    const tree = new MergedTree();
    tree.addFile(p('status'), 0, 1, Buffer.from('A'));
    tree.addFile(p('status'), 1, 99, undefined);
    tree.addFile(p('status'), 2, 3, Buffer.from('ABC'));
    expect(versions(tree, 'status')).toEqual([
      [0, 'A'],
      [2, 'ABC'],
    ]);
    tree.addFile(p('status'), 3, 99, undefined);
    expect(tree.history(p('status'))).toEqual([]);
    expect(tree.history(p('nowhere'))).toEqual([]);
  });

  it('counts a hardlink written over a file as a new version of it', () => {
    const tree = new MergedTree();
    tree.addFile(p('a'), 0, 1, Buffer.from('old'));
    tree.addFile(p('b'), 1, 1, Buffer.from('new'));
    tree.addHardlink(p('a'), 1, p('b'), 'b');
    expect(versions(tree, 'a')).toEqual([
      [0, 'old'],
      [1, 'new'],
    ]);
  });

  it('keeps the first and the 16 most recent of 20 versions and reports the 3 dropped', () => {
    const tree = new MergedTree();
    tree.addDirectory(p('usr/lib'), 0);
    tree.addSymlink(p('lib'), 0, 'usr/lib');
    for (let layer = 0; layer < 20; layer += 1) tree.addFile(p('lib/db'), layer, 2, Buffer.from(`v${layer}`));
    const kept = versions(tree, 'usr/lib/db');
    expect(kept.map(([layer]) => layer)).toEqual([0, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(kept.at(-1)).toEqual([19, 'v19']);
    expect(tree.takeDroppedVersions()).toEqual([
      { path: 'usr/lib/db', layer: 1 },
      { path: 'usr/lib/db', layer: 2 },
      { path: 'usr/lib/db', layer: 3 },
    ]);
    expect(tree.takeDroppedVersions()).toEqual([]);
  });
});

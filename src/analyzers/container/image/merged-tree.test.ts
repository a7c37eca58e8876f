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

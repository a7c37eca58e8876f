import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  archiveOf,
  configOf,
  dockerArchiveFiles,
  makeLayer,
  ociLayoutFiles,
  sha256,
  writeFiles,
  type TestFile,
  type TestLayer,
  OPEN_EVERYTHING,
  useWorkDir,
} from '../../../../test/container-images.js';
import { openImage } from './open.js';
import type { ImageTree, OpenImageOptions } from './types.js';

const everything: OpenImageOptions = OPEN_EVERYTHING;
const work = useWorkDir('bulwark-image-');

/**
 * Three layers. Layer 1 deletes etc/passwd with a whiteout and writes through the `lib` link;
 * layer 2 makes opt/app opaque, turns the directory srv/data into a file and the file
 * home/note into a directory.
 */
async function threeLayers(): Promise<TestLayer[]> {
  const base = await makeLayer([
    { name: 'etc/', type: 'directory' },
    { name: 'etc/os-release', content: 'ID=debian\nVERSION_ID=12\n' },
    { name: 'etc/passwd', content: 'root:x:0:0::/root:/bin/sh\n' },
    { name: 'etc/shadow', content: 'root:*:19000::::::\n' },
    { name: 'opt/app/', type: 'directory' },
    { name: 'opt/app/a.txt', content: 'a' },
    { name: 'opt/app/sub/', type: 'directory' },
    { name: 'opt/app/sub/b.txt', content: 'b' },
    { name: 'usr/lib/', type: 'directory' },
    { name: 'usr/lib/libz.so.1', content: 'zlib' },
    { name: 'lib', type: 'symlink', linkname: 'usr/lib' },
    { name: 'srv/data/', type: 'directory' },
    { name: 'srv/data/old.txt', content: 'old' },
    { name: 'home/note', content: 'note-file' },
    { name: 'var/lib/dpkg/status', content: 'Package: a\n' },
  ]);
  const second = await makeLayer(
    [
      { name: 'etc/.wh.passwd' },
      { name: 'etc/motd', content: 'hello' },
      { name: 'var/lib/dpkg/status', content: 'Package: a\n\nPackage: b\n' },
      { name: 'lib/libnew.so', content: 'new' },
      { name: 'usr/bin/perl', content: 'perl' },
      { name: 'usr/bin/perl5.36', type: 'link', linkname: 'usr/bin/perl' },
    ],
    { gzip: true },
  );
  const third = await makeLayer([
    { name: 'opt/app/', type: 'directory' },
    { name: 'opt/app/.wh..wh..opq' },
    { name: 'opt/app/c.txt', content: 'c' },
    { name: 'srv/data', content: 'now a file' },
    { name: 'home/note/', type: 'directory' },
    { name: 'home/note/inner.txt', content: 'inner' },
    { name: 'etc/os-release', content: 'ID=debian\nVERSION_ID=12.5\n' },
  ]);
  return [base, second, third];
}

/** The merged tree of `threeLayers`, worked out by hand from the layers above. */
const EXPECTED_TREE: readonly [path: string, kind: string, layer: number][] = [
  ['etc', 'dir', 0],
  ['etc/motd', 'file', 1],
  ['etc/os-release', 'file', 2],
  ['etc/shadow', 'file', 0],
  ['home', 'dir', 0],
  ['home/note', 'dir', 2],
  ['home/note/inner.txt', 'file', 2],
  ['lib', 'symlink', 0],
  ['opt', 'dir', 0],
  ['opt/app', 'dir', 2],
  ['opt/app/c.txt', 'file', 2],
  ['srv', 'dir', 0],
  ['srv/data', 'file', 2],
  ['usr', 'dir', 0],
  ['usr/bin', 'dir', 1],
  ['usr/bin/perl', 'file', 1],
  ['usr/bin/perl5.36', 'hardlink', 1],
  ['usr/lib', 'dir', 0],
  ['usr/lib/libnew.so', 'file', 1],
  ['usr/lib/libz.so.1', 'file', 0],
  ['var', 'dir', 0],
  ['var/lib', 'dir', 0],
  ['var/lib/dpkg', 'dir', 0],
  ['var/lib/dpkg/status', 'file', 1],
];

function text(tree: ImageTree, path: string): string | undefined {
  return tree.read(path)?.toString('utf8');
}

function expectThreeLayerTree(tree: ImageTree): void {
  expect([...tree.files()].map((file) => [file.path, file.kind, file.layer])).toEqual(EXPECTED_TREE);
  expect(tree.stat('etc/passwd')).toBeUndefined();
  expect(tree.read('opt/app/a.txt')).toBeUndefined();
  expect(tree.stat('opt/app/sub')).toBeUndefined();
  expect(text(tree, 'opt/app/c.txt')).toBe('c');
  expect(text(tree, 'etc/os-release')).toBe('ID=debian\nVERSION_ID=12.5\n');
  expect(text(tree, 'var/lib/dpkg/status')).toBe('Package: a\n\nPackage: b\n');
  expect(text(tree, 'srv/data')).toBe('now a file');
  expect(tree.stat('srv/data/old.txt')).toBeUndefined();
  // The file under the `lib` link landed in usr/lib, and reads back through the link.
  expect(text(tree, 'lib/libnew.so')).toBe('new');
  expect(tree.stat('lib/libnew.so')).toEqual({ path: 'usr/lib/libnew.so', kind: 'file', size: 3, layer: 1 });
  expect(text(tree, 'usr/bin/perl5.36')).toBe('perl');
  expect(tree.stat('usr/bin/perl5.36')).toMatchObject({ kind: 'hardlink', size: 4, linkTarget: 'usr/bin/perl' });
  expect(tree.stat('lib')).toEqual({ path: 'usr/lib', kind: 'dir', size: 0, layer: 0 });
  expect(tree.problems.filter((problem) => problem.level !== 'info')).toEqual([]);
}

type Packaging = (name: string, layers: TestLayer[]) => Promise<string>;

async function asTar(name: string, files: TestFile[]): Promise<string> {
  const path = join(work(), `${name}.tar`);
  await writeFile(path, await archiveOf(files));
  return path;
}

async function asDirectory(name: string, files: TestFile[]): Promise<string> {
  const path = join(work(), name);
  await writeFiles(path, files);
  return path;
}

const config = { createdBy: ['ADD rootfs.tar /', 'RUN apt-get install perl', 'COPY app /opt/app'], labels: { maintainer: 'test' } };

const packagings: [string, string, Packaging][] = [
  ['a legacy docker archive (<id>/layer.tar)', 'docker-archive', (name, layers) => asTar(name, dockerArchiveFiles(layers, { config }))],
  ['a Docker 25 archive (OCI layout inside)', 'docker-archive', (name, layers) => asTar(name, dockerArchiveFiles(layers, { style: 'oci', config }))],
  ['an unpacked docker archive directory', 'docker-archive', (name, layers) => asDirectory(name, dockerArchiveFiles(layers, { config }))],
  ['an OCI layout directory', 'oci-layout', (name, layers) => asDirectory(name, ociLayoutFiles([{ layers, config: configOf(layers, config) }]))],
  ['an OCI layout tar', 'oci-layout', (name, layers) => asTar(name, ociLayoutFiles([{ layers, config: configOf(layers, config) }]))],
];

describe('analyzers/container/image/open', () => {
  it.each(packagings)('applies three layers with whiteouts from %s', async (_title, source, packaging) => {
    const layers = await threeLayers();
    const target = await packaging(`three-${source}-${Math.random().toString(36).slice(2)}`, layers);
    const opened = await openImage(target, everything);
    if (!opened.ok) throw new Error(opened.error);
    const tree = opened.value;
    expect(tree.source).toBe(source);
    expect(tree.reference).toBe(target);
    expectThreeLayerTree(tree);
    expect(tree.layers.map((layer) => layer.digest)).toEqual(layers.map((layer) => layer.diffId));
    expect(tree.layers.map((layer) => layer.size)).toEqual(layers.map((layer) => layer.bytes.length));
    expect(tree.layers.map((layer) => layer.createdBy)).toEqual(config.createdBy);
    expect(tree.config).toEqual({ os: 'linux', architecture: 'amd64', env: ['PATH=/usr/bin'], labels: { maintainer: 'test' } });
  });

  it('keeps content only for wanted files, and says when one is too large', async () => {
    const layers = await threeLayers();
    const target = await asTar('wanted', dockerArchiveFiles(layers));
    const asked: [string, number][] = [];
    const opened = await openImage(target, {
      wanted: (path, size) => {
        asked.push([path, size]);
        return path.startsWith('etc/') || path === 'var/lib/dpkg/status';
      },
      maxFileBytes: 20,
      maxTotalBytes: everything.maxTotalBytes,
    });
    if (!opened.ok) throw new Error(opened.error);
    const tree = opened.value;
    expect(text(tree, 'etc/motd')).toBe('hello');
    expect(tree.stat('usr/lib/libz.so.1')).toMatchObject({ kind: 'file', size: 4 });
    expect(tree.read('usr/lib/libz.so.1')).toBeUndefined();
    // The 22-byte status file of layer 1 is over the 20-byte limit; layer 0's 11-byte one was kept but is shadowed.
    expect(tree.read('var/lib/dpkg/status')).toBeUndefined();
    expect(tree.problems).toContainEqual(expect.objectContaining({ code: 'image-file-too-large', file: 'var/lib/dpkg/status' }));
    expect(asked).toContainEqual(['usr/lib/libz.so.1', 4]);
    expect(asked).toContainEqual(['etc/os-release', 'ID=debian\nVERSION_ID=12.5\n'.length]);
  });

  describe('image indexes', () => {
    async function platformImage(architecture: string, variant?: string): Promise<{ layers: TestLayer[]; config: Buffer; platform: { os: string; architecture: string; variant?: string } }> {
      const layers = [await makeLayer([{ name: 'etc/arch', content: architecture }], { gzip: true })];
      const platform = variant === undefined ? { os: 'linux', architecture } : { os: 'linux', architecture, variant };
      return { layers, config: configOf(layers, { architecture }), platform };
    }

    it('reads linux/amd64 when an index lists several platforms, and says so', async () => {
      const images = [await platformImage('arm64', 'v8'), await platformImage('amd64'), await platformImage('s390x')];
      const target = await asDirectory('multi', ociLayoutFiles(images));
      const opened = await openImage(target, everything);
      if (!opened.ok) throw new Error(opened.error);
      expect(text(opened.value, 'etc/arch')).toBe('amd64');
      expect(opened.value.config?.architecture).toBe('amd64');
      const notice = opened.value.problems.find((problem) => problem.code === 'image-platform-chosen');
      expect(notice?.message).toContain('linux/arm64/v8, linux/amd64, linux/s390x');
      expect(notice?.message).toMatch(/read linux\/amd64$/u);
    });

    it('reads the first image when none is linux/amd64', async () => {
      const images = [await platformImage('arm64'), await platformImage('ppc64le')];
      const target = await asTar('multi-no-amd64', ociLayoutFiles(images));
      const opened = await openImage(target, everything);
      if (!opened.ok) throw new Error(opened.error);
      expect(text(opened.value, 'etc/arch')).toBe('arm64');
      expect(opened.value.problems.find((problem) => problem.code === 'image-platform-chosen')?.message).toMatch(/read linux\/arm64$/u);
    });

    it('skips platforms whose blobs were not pulled', async () => {
      const arm = await platformImage('arm64');
      const amd = await platformImage('amd64');
      const files = ociLayoutFiles([arm, amd]);
      // Drop the amd64 manifest: a single-platform pull keeps the full index but only its own blobs.
      const amdConfig = `"digest":"${sha256(amd.config)}"`;
      const amdManifest = files.find((file) => file.name.startsWith('blobs/') && file.content.toString().includes(amdConfig));
      expect(amdManifest).toBeDefined();
      const target = await asDirectory('partial-pull', files.filter((file) => file !== amdManifest));
      const opened = await openImage(target, everything);
      if (!opened.ok) throw new Error(opened.error);
      expect(text(opened.value, 'etc/arch')).toBe('arm64');
    });
  });

  it('treats a label without a value as an empty string and an image without history as having none', async () => {
    const layers = [await makeLayer([{ name: 'x', content: 'x' }])];
    const document = { os: 'linux', config: { Labels: { empty: null } }, rootfs: { diff_ids: [layers[0]?.diffId] } };
    const files = dockerArchiveFiles(layers).map((file) => (file.name.endsWith('.json') && file.name !== 'manifest.json' ? { ...file, content: Buffer.from(JSON.stringify(document)) } : file));
    const opened = await openImage(await asTar('labels', files), everything);
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.value.config).toEqual({ os: 'linux', labels: { empty: '' } });
    expect(opened.value.layers[0]?.createdBy).toBeUndefined();
  });
});

import { open, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  archiveOf,
  configOf,
  dockerArchiveFiles,
  makeLayer,
  ociLayoutFiles,
  sha256,
  tarOf,
  tarPadding,
  ustarHeader,
  writeFiles,
  type TestFile,
  type TestLayer,
  OPEN_EVERYTHING,
  useWorkDir,
} from '../../../../test/container-images.js';
import { openImage } from './open.js';
import type { ImageTree, OpenImageOptions } from './types.js';

const everything: OpenImageOptions = OPEN_EVERYTHING;
const work = useWorkDir('bulwark-hostile-');

let counter = 0;
async function dockerArchive(layers: TestLayer[], files: (files: TestFile[]) => TestFile[] = (same) => same): Promise<string> {
  counter += 1;
  const path = join(work(), `image-${counter}.tar`);
  await writeFile(path, await archiveOf(files(dockerArchiveFiles(layers))));
  return path;
}

async function opened(target: string, options: OpenImageOptions = everything): Promise<ImageTree> {
  const result = await openImage(target, options);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function codes(tree: ImageTree): string[] {
  return tree.problems.map((problem) => problem.code);
}

describe('analyzers/container/image (hostile input)', () => {
  describe('path traversal', () => {
    it('keeps entries that climb out of the root inside it, with a notice', async () => {
      const layer = await makeLayer([
        { name: '../../etc/passwd', content: 'climbed' },
        { name: '/etc/absolute', content: 'absolute' },
        { name: 'usr/../../../escape.txt', content: 'escape' },
      ]);
      const tree = await opened(await dockerArchive([layer]));
      expect(tree.read('etc/passwd')?.toString()).toBe('climbed');
      expect(tree.read('etc/absolute')?.toString()).toBe('absolute');
      expect(tree.read('escape.txt')?.toString()).toBe('escape');
      const traversal = tree.problems.filter((problem) => problem.code === 'image-path-traversal');
      expect(traversal.map((problem) => problem.file)).toEqual(['etc/passwd', 'escape.txt']);
      expect(traversal[0]?.message).toContain('"../../etc/passwd"');
      // `usr/..` cancels out before anything is made: only the normalised names exist.
      expect([...tree.files()].map((file) => file.path)).toEqual(['escape.txt', 'etc', 'etc/absolute', 'etc/passwd']);
    });

    it('keeps at most a few notices of one kind and counts the rest', async () => {
      const entries = Array.from({ length: 100 }, (_, index) => ({ name: `../x${index}`, content: 'x' }));
      const tree = await opened(await dockerArchive([await makeLayer(entries)]));
      expect([...tree.files()]).toHaveLength(100);
      const traversal = tree.problems.filter((problem) => problem.code === 'image-path-traversal');
      expect(traversal).toHaveLength(21);
      expect(traversal.at(-1)?.message).toContain('80 more');
    });
  });

  describe('symbolic links', () => {
    it('resolves absolute and climbing links inside the image, never on the host', async () => {
      const layer = await makeLayer([
        { name: 'etc/hostname', content: 'image-hostname' },
        { name: 'app/shadow', type: 'symlink', linkname: '/etc/shadow' },
        { name: 'app/hostname', type: 'symlink', linkname: '../../../../../../etc/hostname' },
        { name: 'app/root', type: 'symlink', linkname: '/' },
        { name: 'app/passwd', type: 'symlink', linkname: '/etc/passwd' },
      ]);
      const tree = await opened(await dockerArchive([layer]));
      // The host has /etc/passwd; the image does not, so the link leads nowhere.
      expect(tree.stat('app/passwd')).toBeUndefined();
      expect(tree.read('app/passwd')).toBeUndefined();
      expect(tree.read('app/shadow')).toBeUndefined();
      expect(tree.read('app/hostname')?.toString()).toBe('image-hostname');
      expect(tree.stat('app/root/etc/hostname')?.path).toBe('etc/hostname');
      expect(tree.stat('app/shadow')).toBeUndefined();
    });

    it('reads the image own file when an absolute link names one it has', async () => {
      const layer = await makeLayer([
        { name: 'etc/shadow', content: 'image-shadow' },
        { name: 'app/shadow', type: 'symlink', linkname: '/etc/shadow' },
      ]);
      const tree = await opened(await dockerArchive([layer]));
      expect(tree.read('app/shadow')?.toString()).toBe('image-shadow');
    });

    it('gives up on loops and on chains longer than 40 links', async () => {
      const chain = Array.from({ length: 41 }, (_, index) => ({ name: `chain/l${index}`, type: 'symlink' as const, linkname: `l${index + 1}` }));
      const layer = await makeLayer([
        { name: 'loop/a', type: 'symlink', linkname: 'b' },
        { name: 'loop/b', type: 'symlink', linkname: '/loop/a' },
        { name: 'loop/self', type: 'symlink', linkname: 'self' },
        { name: 'loop/dir', type: 'symlink', linkname: '.' },
        { name: 'loop/file', content: 'in loop/' },
        ...chain,
        { name: 'chain/l41', content: 'end of chain' },
      ]);
      const tree = await opened(await dockerArchive([layer]));
      expect(tree.stat('loop/a')).toBeUndefined();
      expect(tree.read('loop/self')).toBeUndefined();
      // A link to its own directory may be followed 40 times, not 41.
      expect(tree.stat(`loop/${'dir/'.repeat(40)}file`)?.path).toBe('loop/file');
      expect(tree.stat(`loop/${'dir/'.repeat(41)}file`)).toBeUndefined();
      // l1 … l41 is 40 links; l0 adds the 41st.
      expect(tree.read('chain/l1')?.toString()).toBe('end of chain');
      expect(tree.read('chain/l0')).toBeUndefined();
    });
  });

  it('refuses a tar bomb: a small gzip layer that inflates past maxTotalBytes', async () => {
    const tar = await tarOf([{ name: 'zeros', content: Buffer.alloc(32 * 1024 * 1024) }]);
    const bomb: TestLayer = { bytes: gzipSync(tar, { level: 9 }), diffId: 'sha256:' + 'b'.repeat(64), mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip' };
    expect(bomb.bytes.length).toBeLessThan(100 * 1024);
    const result = await openImage(await dockerArchive([bomb]), { ...everything, maxTotalBytes: 4 * 1024 * 1024 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('layer 0');
      expect(result.error).toContain('more than 4194304 bytes (maxTotalBytes)');
      expect(result.error).toContain('decompression bomb');
    }
  });

  it('streams past a 2 GB entry without holding it, and reads what follows', async () => {
    const hugeSize = 2 * 1024 * 1024 * 1024;
    const path = join(work(), 'huge.tar');
    const small = Buffer.from('ID=alpine\n');
    const layerBlocks = [ustarHeader('big.bin', hugeSize), null, ustarHeader('etc/os-release', small.length), padded(small), Buffer.alloc(1024)] as const;
    const layerSize = 512 + hugeSize + 512 + 512 + 1024;
    const config = configOf([{ bytes: Buffer.alloc(0), diffId: `sha256:${'a'.repeat(64)}`, mediaType: '' }]);
    const manifest = Buffer.from(JSON.stringify([{ Config: 'config.json', Layers: ['huge/layer.tar'] }]));
    // The layer's 2 GB body is a hole in a sparse file: nothing is allocated on disk or in memory.
    const file = await open(path, 'w');
    let position = 0;
    const put = async (bytes: Buffer): Promise<void> => {
      await file.write(bytes, 0, bytes.length, position);
      position += bytes.length;
    };
    await put(ustarHeader('manifest.json', manifest.length));
    await put(padded(manifest));
    await put(ustarHeader('config.json', config.length));
    await put(padded(config));
    await put(ustarHeader('huge/layer.tar', layerSize));
    for (const block of layerBlocks) {
      if (block === null) position += hugeSize;
      else await put(block);
    }
    await put(Buffer.alloc(1024));
    await file.close();

    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    let tree: ImageTree;
    try {
      tree = await opened(path, { wanted: () => true, maxFileBytes: 1024 * 1024, maxTotalBytes: 3 * 1024 * 1024 * 1024 });
    } finally {
      clearInterval(sampler);
    }
    expect(tree.stat('big.bin')).toMatchObject({ kind: 'file', size: hugeSize, layer: 0 });
    expect(tree.read('big.bin')).toBeUndefined();
    expect(tree.read('etc/os-release')?.toString()).toBe('ID=alpine\n');
    expect(tree.problems).toContainEqual(expect.objectContaining({ code: 'image-file-too-large', file: 'big.bin' }));
    expect(peak - before).toBeLessThan(256 * 1024 * 1024);
  }, 120_000);

  describe('damaged layers', () => {
    it('keeps what a truncated gzip layer held before the cut, with a notice', async () => {
      const base = await makeLayer([{ name: 'etc/os-release', content: 'ID=debian\n' }]);
      const entries = Array.from({ length: 40 }, (_, index) => ({ name: `data/f${index}`, content: Buffer.alloc(4096, index) }));
      const full = await makeLayer(entries, { gzip: true });
      const cut: TestLayer = { ...full, bytes: full.bytes.subarray(0, Math.floor(full.bytes.length / 2)) };
      const tree = await opened(await dockerArchive([base, cut]));
      expect(tree.read('etc/os-release')?.toString()).toBe('ID=debian\n');
      expect(tree.layers).toHaveLength(2);
      const notice = tree.problems.find((problem) => problem.code === 'image-layer-corrupt');
      expect(notice?.level).toBe('warn');
      expect(notice?.message).toContain('layer 1');
      const kept = [...tree.files()].filter((file) => file.path.startsWith('data/'));
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.length).toBeLessThan(40);
      for (const file of kept) expect(tree.read(file.path)?.length).toBe(4096);
    });

    it('notes a layer that is not a tar at all', async () => {
      const garbage: TestLayer = { bytes: Buffer.from('this is not a tar archive, just text that goes on'.repeat(20)), diffId: `sha256:${'c'.repeat(64)}`, mediaType: '' };
      const tree = await opened(await dockerArchive([garbage]));
      expect(codes(tree)).toEqual(['image-layer-corrupt']);
      expect([...tree.files()]).toEqual([]);
    });

    it('notes a plain tar layer cut inside a file', async () => {
      const full = await makeLayer([
        { name: 'a.txt', content: 'a' },
        { name: 'b.bin', content: Buffer.alloc(10_000, 1) },
      ]);
      const cut: TestLayer = { ...full, bytes: full.bytes.subarray(0, 2048) };
      const tree = await opened(await dockerArchive([cut]));
      expect(tree.read('a.txt')?.toString()).toBe('a');
      expect(tree.stat('b.bin')).toBeUndefined();
      expect(codes(tree)).toContain('image-layer-corrupt');
    });

    it('notes a hardlink whose target is not in the image', async () => {
      const tree = await opened(await dockerArchive([await makeLayer([{ name: 'bin/link', type: 'link', linkname: 'bin/missing' }])]));
      expect(tree.stat('bin/link')).toBeUndefined();
      expect(tree.problems).toContainEqual(expect.objectContaining({ code: 'image-hardlink-target', file: 'bin/link' }));
    });

    it('gives a value, not an exception, for a truncated archive', async () => {
      const path = await dockerArchive([await makeLayer([{ name: 'a', content: Buffer.alloc(5000, 2) }])]);
      const bytes = await readPrefix(path, 1500);
      const cutPath = join(work(), 'cut.tar');
      await writeFile(cutPath, bytes);
      const result = await openImage(cutPath, everything);
      expect(result).toEqual({ ok: false, error: `"${cutPath}" is not a docker archive, an OCI layout or a directory (it is a tar archive without manifest.json or index.json)` });
    });
  });

  describe('manifests that lie', () => {
    it('names the layer file the archive lacks', async () => {
      const layers = [await makeLayer([{ name: 'a', content: 'a' }]), await makeLayer([{ name: 'b', content: 'b' }])];
      const target = await dockerArchive(layers, (files) => files.filter((file) => file.name !== 'layer1/layer.tar'));
      const result = await openImage(target, everything);
      expect(result).toEqual({ ok: false, error: `"${target}": manifest.json lists the layer "layer1/layer.tar", but layer1/layer.tar is not in the archive` });
    });

    it('names the config file the archive lacks', async () => {
      const target = await dockerArchive([await makeLayer([{ name: 'a', content: 'a' }])], (files) => files.filter((file) => !/^[a-f0-9]{64}\.json$/u.test(file.name)));
      const result = await openImage(target, everything);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/manifest\.json names the config "[a-f0-9]{64}\.json", but .* is not in the archive$/u);
    });

    it('refuses a manifest.json that is not JSON', async () => {
      const target = await dockerArchive([], (files) => files.map((file) => (file.name === 'manifest.json' ? { ...file, content: Buffer.from('[{"Config":') } : file)));
      const result = await openImage(target, everything);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain('manifest.json is not valid JSON');
    });

    it('refuses an OCI manifest whose bytes do not match its digest', async () => {
      const layers = [await makeLayer([{ name: 'a', content: 'a' }])];
      const files = ociLayoutFiles([{ layers, config: configOf(layers) }]);
      const index = JSON.parse(files.find((file) => file.name === 'index.json')?.content.toString() ?? '{}') as { manifests: { digest: string }[] };
      const manifestName = `blobs/${(index.manifests[0]?.digest ?? '').replace(':', '/')}`;
      const tampered = files.map((file) => (file.name === manifestName ? { ...file, content: Buffer.concat([file.content, Buffer.from(' ')]) } : file));
      const directory = join(work(), 'tampered');
      await writeFiles(directory, tampered);
      const result = await openImage(directory, everything);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain('does not match its digest');
    });

    it('warns when a layer blob does not match its digest', async () => {
      const layers = [await makeLayer([{ name: 'a', content: 'a' }])];
      const files = ociLayoutFiles([{ layers, config: configOf(layers) }]);
      const layerName = `blobs/${sha256(layers[0]?.bytes ?? Buffer.alloc(0)).replace(':', '/')}`;
      const altered = await makeLayer([{ name: 'a', content: 'b' }]);
      const directory = join(work(), 'altered-layer');
      await writeFiles(directory, files.map((file) => (file.name === layerName ? { ...file, content: altered.bytes } : file)));
      const tree = await opened(directory);
      expect(tree.problems).toContainEqual(expect.objectContaining({ code: 'image-layer-digest-mismatch', level: 'warn' }));
    });

    it('does not read a blob that is a link to a host file', async () => {
      const layers = [await makeLayer([{ name: 'a', content: 'a' }])];
      const files = ociLayoutFiles([{ layers, config: configOf(layers) }]);
      const layerName = `blobs/${sha256(layers[0]?.bytes ?? Buffer.alloc(0)).replace(':', '/')}`;
      const directory = join(work(), 'linked-blob');
      await writeFiles(directory, files.filter((file) => file.name !== layerName));
      await symlink('/etc/passwd', join(directory, layerName));
      const result = await openImage(directory, everything);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain('is a link that leads outside it; it was not read');
    });
  });

  describe('compression Bulwark does not read', () => {
    it('refuses a zstd layer named by its media type', async () => {
      const layer = await makeLayer([{ name: 'a', content: 'a' }]);
      const zstd: TestLayer = { ...layer, mediaType: 'application/vnd.oci.image.layer.v1.tar+zstd' };
      const directory = join(work(), 'zstd-layout');
      await writeFiles(directory, ociLayoutFiles([{ layers: [zstd], config: configOf([zstd]) }]));
      const result = await openImage(directory, everything);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/is zstd-compressed \(application\/vnd\.oci\.image\.layer\.v1\.tar\+zstd\), which Bulwark does not read/u);
    });

    it('refuses a layer whose bytes are zstd', async () => {
      const zstdFrame = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x58, 0x01, 0x00, 0x00]);
      const target = await dockerArchive([{ bytes: zstdFrame, diffId: `sha256:${'d'.repeat(64)}`, mediaType: '' }]);
      const result = await openImage(target, everything);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain('layer 0 (sha256:dddd');
      if (!result.ok) expect(result.error).toContain('zstd-compressed, which Bulwark does not read');
    });
  });

  describe('targets that are not images', () => {
    it('says what it accepts', async () => {
      const path = join(work(), 'image.tar');
      await writeFile(path, 'hello, this is a text file and not a tar archive at all\n'.repeat(20));
      expect(await openImage(path, everything)).toEqual({ ok: false, error: `"${path}" is not a docker archive, an OCI layout or a directory (its first block is not a tar header)` });
    });

    it('asks for a compressed archive to be decompressed first', async () => {
      const path = join(work(), 'image.tar.gz');
      await writeFile(path, gzipSync(await archiveOf(dockerArchiveFiles([]))));
      const result = await openImage(path, everything);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain('it is gzip-compressed; decompress it first');
    });

    it('reports a path that does not exist', async () => {
      const result = await openImage(join(work(), 'nope.tar'), everything);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain('nope.tar" cannot be opened');
    });

    it('stops when asked to', async () => {
      const target = await dockerArchive([await makeLayer([{ name: 'a', content: 'a' }])]);
      const controller = new AbortController();
      controller.abort();
      const result = await openImage(target, { ...everything, signal: controller.signal });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain('aborted');
    });
  });
});

function padded(bytes: Buffer): Buffer {
  return Buffer.concat([bytes, Buffer.alloc(tarPadding(bytes.length))]);
}

async function readPrefix(path: string, length: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    await file.read(buffer, 0, length, 0);
    return buffer;
  } finally {
    await file.close();
  }
}

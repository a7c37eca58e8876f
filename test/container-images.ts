import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';

/**
 * Builders for small images in tests: layer tars made with tar-stream, assembled into
 * `docker save` archives and OCI layouts with real digests. Test code only (the image tests here
 * and the OS-package tests build their images with it); nothing in the product imports it.
 */

export interface TestEntry {
  readonly name: string;
  readonly type?: 'file' | 'directory' | 'symlink' | 'link' | 'fifo';
  readonly content?: string | Buffer;
  readonly linkname?: string;
}

/** A layer as stored (`bytes`, maybe gzip) and the digest of its uncompressed tar (`diffId`). */
export interface TestLayer {
  readonly bytes: Buffer;
  readonly diffId: string;
  readonly mediaType: string;
}

/** A file of an archive or layout: its name inside and its bytes. */
export interface TestFile {
  readonly name: string;
  readonly content: Buffer;
}

export function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export async function tarOf(entries: readonly TestEntry[]): Promise<Buffer> {
  const packer = pack();
  for (const entry of entries) {
    const content = typeof entry.content === 'string' ? Buffer.from(entry.content) : entry.content;
    const type = entry.type ?? 'file';
    const header = { name: entry.name, type, ...(entry.linkname === undefined ? {} : { linkname: entry.linkname }), mtime: new Date(0) };
    if (type === 'file') packer.entry(header, content ?? Buffer.alloc(0));
    else packer.entry(header);
  }
  packer.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of packer) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function makeLayer(entries: readonly TestEntry[], options: { readonly gzip?: boolean } = {}): Promise<TestLayer> {
  const tar = await tarOf(entries);
  const gzip = options.gzip === true;
  return {
    bytes: gzip ? gzipSync(tar) : tar,
    diffId: sha256(tar),
    mediaType: gzip ? 'application/vnd.oci.image.layer.v1.tar+gzip' : 'application/vnd.oci.image.layer.v1.tar',
  };
}

export interface TestConfig {
  readonly os?: string;
  readonly architecture?: string;
  readonly env?: readonly string[];
  readonly labels?: Readonly<Record<string, string>>;
  /** One `created_by` per layer, bottom first. */
  readonly createdBy?: readonly string[];
}

export function configOf(layers: readonly TestLayer[], config: TestConfig = {}): Buffer {
  const document = {
    architecture: config.architecture ?? 'amd64',
    os: config.os ?? 'linux',
    config: { Env: config.env ?? ['PATH=/usr/bin'], Labels: config.labels ?? null },
    rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.diffId) },
    // An ENV step makes no layer; readers must skip it when pairing history with layers.
    history: [
      ...(config.createdBy ?? layers.map((_, index) => `step ${index}`)).map((step) => ({ created_by: step })),
      { created_by: 'ENV A=b', empty_layer: true },
    ],
  };
  return Buffer.from(JSON.stringify(document));
}

/** The files of a `docker save` archive: the old layout (`<n>/layer.tar`) or Docker 25's OCI blobs. */
export function dockerArchiveFiles(layers: readonly TestLayer[], options: { readonly style?: 'legacy' | 'oci'; readonly config?: TestConfig } = {}): TestFile[] {
  const config = configOf(layers, options.config);
  if (options.style === 'oci') {
    const layout = ociLayoutFiles([{ layers, config }]);
    const blobs = (digest: string): string => `blobs/${digest.replace(':', '/')}`;
    const manifest = [{ Config: blobs(sha256(config)), RepoTags: ['test:latest'], Layers: layers.map((layer) => blobs(sha256(layer.bytes))) }];
    return [...layout, { name: 'manifest.json', content: Buffer.from(JSON.stringify(manifest)) }];
  }
  const configName = `${sha256(config).slice('sha256:'.length)}.json`;
  const layerNames = layers.map((_, index) => `layer${index}/layer.tar`);
  const manifest = [{ Config: configName, RepoTags: ['test:latest'], Layers: layerNames }];
  return [
    ...layers.map((layer, index) => ({ name: layerNames[index] ?? '', content: layer.bytes })),
    { name: configName, content: config },
    { name: 'manifest.json', content: Buffer.from(JSON.stringify(manifest)) },
  ];
}

export interface TestImage {
  readonly layers: readonly TestLayer[];
  readonly config: Buffer;
  readonly platform?: { readonly os: string; readonly architecture: string; readonly variant?: string };
}

/**
 * The files of an OCI image layout. One image goes straight into index.json; several go into a
 * nested image index (as `docker buildx` and registries write multi-platform images).
 */
export function ociLayoutFiles(images: readonly TestImage[]): TestFile[] {
  const blobs = new Map<string, Buffer>();
  const addBlob = (content: Buffer): string => {
    const digest = sha256(content);
    blobs.set(`blobs/${digest.replace(':', '/')}`, content);
    return digest;
  };
  const descriptors = images.map((image) => {
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: addBlob(image.config), size: image.config.length },
        layers: image.layers.map((layer) => ({ mediaType: layer.mediaType, digest: addBlob(layer.bytes), size: layer.bytes.length })),
      }),
    );
    return {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: addBlob(manifest),
      size: manifest.length,
      ...(image.platform === undefined ? {} : { platform: image.platform }),
    };
  });
  let top = descriptors;
  if (images.length > 1) {
    const nested = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: descriptors }));
    top = [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest: addBlob(nested), size: nested.length }];
  }
  const index = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: top };
  return [
    { name: 'oci-layout', content: Buffer.from(JSON.stringify({ imageLayoutVersion: '1.0.0' })) },
    { name: 'index.json', content: Buffer.from(JSON.stringify(index)) },
    ...[...blobs].map(([name, content]) => ({ name, content })),
  ];
}

export async function writeFiles(directory: string, files: readonly TestFile[]): Promise<void> {
  for (const file of files) {
    const path = join(directory, file.name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
  }
}

export function archiveOf(files: readonly TestFile[]): Promise<Buffer> {
  return tarOf(files.map((file) => ({ name: file.name, content: file.content })));
}

/**
 * A bare ustar header, for tests that lay out a tar by hand (a sparse file whose header claims
 * gigabytes, say). `type` is the tar type flag: `0` file, `5` directory, `2` symlink.
 */
export function ustarHeader(name: string, size: number, type: '0' | '2' | '5' = '0', linkname = ''): Buffer {
  const block = Buffer.alloc(512);
  block.write(name, 0, 100, 'utf8');
  block.write('0000644\0', 100, 'latin1');
  block.write('0000000\0', 108, 'latin1');
  block.write('0000000\0', 116, 'latin1');
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  block.write('00000000000\0', 136, 'latin1');
  block.fill(0x20, 148, 156);
  block.write(type, 156, 'latin1');
  block.write(linkname, 157, 100, 'utf8');
  block.write('ustar\0', 257, 'latin1');
  block.write('00', 263, 'latin1');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return block;
}

/** Bytes needed to pad `size` to whole 512-byte tar blocks. */
export function tarPadding(size: number): number {
  return (512 - (size % 512)) % 512;
}

/** Open options that keep every file (small limits, so a test image cannot grow unnoticed). */
export const OPEN_EVERYTHING = { wanted: (): boolean => true, maxFileBytes: 1024 * 1024, maxTotalBytes: 64 * 1024 * 1024 } as const;

/** A temporary folder for the tests of one file: created before them, removed after. */
export function useWorkDir(prefix: string): () => string {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}

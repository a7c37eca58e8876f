/**
 * A pulled image written as an OCI image layout (`oci-layout`, `index.json`, `blobs/sha256/…`), the
 * form the layout reader opens. Blobs stream straight to their files through the client, which
 * verifies them on the way.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { err, ok, type Result } from '../../../core/result.js';
import { formatLimit } from '../../../util/describe.js';
import { formatPlatform, matchesPlatform, type Platform } from './image-platform.js';
import type { RegistryClient } from './registry-client.js';
import { OCI_INDEX, readPlatform } from './registry-documents.js';
import { resolveImage, type ResolvedImage } from './resolve-image.js';

const MAX_CONFIG_BYTES = 16 * 1024 ** 2;
const PARALLEL_BLOBS = 3;

export interface WrittenImage {
  /** Digest of the image manifest that `index.json` points at. */
  readonly digest: string;
  /** What the tag resolved to on the registry (the index for multi-platform images). */
  readonly repositoryDigest: string;
  readonly platform: Platform;
}

function hexOf(digest: string): string {
  return digest.slice('sha256:'.length);
}

/** Run `task` over `items`, at most `limit` at once; the first failure stops the rest. */
async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<Result<void, string>>, onFailure: () => void): Promise<Result<void, string>> {
  let next = 0;
  let failure: string | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined) {
      const item = items[next++];
      if (item === undefined) return;
      const done = await task(item);
      if (!done.ok && failure === undefined) {
        failure = done.error;
        onFailure();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return failure === undefined ? ok(undefined) : err(failure);
}

async function readConfigPlatform(path: string, digest: string): Promise<Result<Platform | undefined, string>> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return err(`the image config ${digest} is not valid JSON`);
  }
  return ok(readPlatform(json));
}

/** Everything of one pull into `dir` (a fresh temporary folder): blobs, `oci-layout`, `index.json`. */
export async function writeOciLayout(client: RegistryClient, dir: string, wanted: Platform, isPlatformExplicit: boolean): Promise<Result<WrittenImage, string>> {
  const image = await resolveImage(client, wanted);
  if (!image.ok) return image;
  const { config, layers } = image.value.manifest;
  const uniqueLayers = [...new Map(layers.filter((layer) => layer.digest !== config.digest).map((layer) => [layer.digest, layer])).values()];
  const total = config.size + uniqueLayers.reduce((sum, layer) => sum + layer.size, 0);
  const room = client.checkRoomFor(total, `image ${image.value.digest}`);
  if (!room.ok) return room;
  if (config.size > MAX_CONFIG_BYTES) return err(`the image config ${config.digest} is ${config.size} bytes, more than the ${formatLimit(MAX_CONFIG_BYTES)} accepted`);
  const blobs = join(dir, 'blobs', 'sha256');
  await mkdir(blobs, { recursive: true });
  await writeFile(join(blobs, hexOf(image.value.digest)), image.value.body, { flag: 'wx' });
  const configPath = join(blobs, hexOf(config.digest));
  const fetchedConfig = await client.downloadBlob(config, configPath);
  if (!fetchedConfig.ok) return fetchedConfig;
  const configPlatform = await readConfigPlatform(configPath, config.digest);
  if (!configPlatform.ok) return configPlatform;
  const platform = configPlatform.value ?? image.value.indexPlatform ?? { os: 'unknown', architecture: 'unknown' };
  if (isPlatformExplicit && !matchesPlatform(platform, wanted)) {
    return err(`the image is for ${formatPlatform(platform)}, not the ${formatPlatform(wanted)} asked for`);
  }
  const fetchedLayers = await forEachLimited(
    uniqueLayers.filter((layer) => layer.digest !== image.value.digest),
    PARALLEL_BLOBS,
    (layer) => client.downloadBlob(layer, join(blobs, hexOf(layer.digest))),
    () => client.cancel.abort(),
  );
  if (!fetchedLayers.ok) return fetchedLayers;
  await writeFile(join(dir, 'oci-layout'), `${JSON.stringify({ imageLayoutVersion: '1.0.0' })}\n`);
  await writeFile(join(dir, 'index.json'), `${JSON.stringify(layoutIndex(image.value, platform, client.tag), null, 2)}\n`);
  return ok({ digest: image.value.digest, repositoryDigest: image.value.repositoryDigest, platform });
}

/** The layout's entry point: one descriptor, of the image manifest itself, named by its tag. */
function layoutIndex(image: ResolvedImage, platform: Platform, tag: string | undefined): unknown {
  const annotations = tag !== undefined ? { annotations: { 'org.opencontainers.image.ref.name': tag } } : {};
  return {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [{ mediaType: image.mediaType, digest: image.digest, size: image.body.length, platform, ...annotations }],
  };
}

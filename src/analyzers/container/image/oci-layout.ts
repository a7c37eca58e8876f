import { createHash } from 'node:crypto';
import { err, ok, type Result } from '../../../core/result.js';
import { blobPath, ImageIndexSchema, ImageManifestSchema, parseDocument, type Descriptor } from './documents.js';
import { readImageConfig } from './image-config.js';
import { planLayers, type ImagePlan } from './image-plan.js';
import type { LayoutFiles } from './layout-files.js';
import { IMAGE_LIMITS } from './limits.js';
import type { ProblemLog } from './problem-log.js';

export const OCI_INDEX = 'index.json';
export const OCI_LAYOUT_MARKER = 'oci-layout';

const INDEX_TYPES = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);
const MANIFEST_TYPES = new Set(['application/vnd.oci.image.manifest.v1+json', 'application/vnd.docker.distribution.manifest.v2+json']);
const CONFIG_TYPES = new Set(['application/vnd.oci.image.config.v1+json', 'application/vnd.docker.container.image.v1+json']);

/** The platform read when an index offers several. */
const PREFERRED_PLATFORM = { os: 'linux', architecture: 'amd64' } as const;

/**
 * Plan the reading of an OCI image layout: index.json → (nested indexes) → one image manifest →
 * its config and layers, all blobs named by digest. Small documents are checked against their
 * digest before use; layers are checked while they stream.
 */
export async function planOciLayout(files: LayoutFiles, problems: ProblemLog): Promise<Result<ImagePlan, string>> {
  const indexBytes = await files.readDocument(OCI_INDEX);
  if (!indexBytes.ok) return indexBytes;
  const index = parseDocument(ImageIndexSchema, indexBytes.value, OCI_INDEX);
  if (!index.ok) return index;
  const found = await collectManifests(files, index.value.manifests, 0, problems);
  if (!found.ok) return found;
  const chosen = await choosePresent(files, found.value, problems);
  if (!chosen.ok) return chosen;
  const manifestBytes = await readBlob(files, chosen.value.digest, 'image manifest');
  if (!manifestBytes.ok) return manifestBytes;
  const manifest = parseDocument(ImageManifestSchema, manifestBytes.value, `image manifest ${chosen.value.digest}`);
  if (!manifest.ok) return manifest;
  const { config, layers } = manifest.value;
  if (config.mediaType !== undefined && !CONFIG_TYPES.has(config.mediaType)) {
    return err(`image manifest ${chosen.value.digest} is not a container image (its config is ${config.mediaType})`);
  }
  if (layers.length > IMAGE_LIMITS.maxLayers) return err(`image manifest ${chosen.value.digest} lists ${layers.length} layers, more than the ${IMAGE_LIMITS.maxLayers} Bulwark reads`);
  const configBytes = await readBlob(files, config.digest, 'image config');
  if (!configBytes.ok) return configBytes;
  const facts = readImageConfig(configBytes.value, `image config ${config.digest}`, layers.length, problems);
  const stored: { name: string; size: number; blobDigest: string }[] = [];
  for (const layer of layers) {
    const refused = refuseLayerType(layer);
    if (refused !== undefined) return err(refused);
    const name = blobPath(layer.digest);
    const size = await files.size(name);
    if (!size.ok) return err(`image manifest ${chosen.value.digest} lists the layer ${layer.digest}, but ${size.error}`);
    stored.push({ name, size: size.value, blobDigest: layer.digest });
  }
  return ok({
    source: 'oci-layout',
    ...(facts.config === undefined ? {} : { config: facts.config }),
    layers: planLayers(stored, facts.diffIds, facts.createdBy),
  });
}

function refuseLayerType(layer: Descriptor): string | undefined {
  const type = layer.mediaType ?? '';
  if (type.includes('zstd')) {
    return `layer ${layer.digest} is zstd-compressed (${type}), which Bulwark does not read; re-export the image with gzip layers (e.g. \`skopeo copy --dest-compress-format gzip\`)`;
  }
  if (type.includes('encrypted')) return `layer ${layer.digest} is encrypted (${type}); Bulwark cannot read it`;
  return undefined;
}

/** Image manifests an index leads to, through nested indexes, in index order. */
async function collectManifests(files: LayoutFiles, descriptors: readonly Descriptor[], depth: number, problems: ProblemLog): Promise<Result<Descriptor[], string>> {
  const manifests: Descriptor[] = [];
  for (const descriptor of descriptors) {
    const type = descriptor.mediaType;
    if (type !== undefined && MANIFEST_TYPES.has(type)) {
      if (!isAttestation(descriptor)) manifests.push(descriptor);
      continue;
    }
    if (type === undefined || INDEX_TYPES.has(type)) {
      const nested = await readNestedIndex(files, descriptor, depth, problems);
      if (!nested.ok) return nested;
      manifests.push(...nested.value);
      continue;
    }
    problems.add({ code: 'image-unsupported-manifest', level: 'info', message: `${OCI_INDEX} lists ${descriptor.digest} of type ${type}, which is not an image; it was skipped` });
  }
  return ok(manifests);
}

/** A descriptor that is (or, without a media type, may be) an index: the manifests it leads to. */
async function readNestedIndex(files: LayoutFiles, descriptor: Descriptor, depth: number, problems: ProblemLog): Promise<Result<Descriptor[], string>> {
  if (depth + 1 > IMAGE_LIMITS.maxIndexDepth) return err(`image indexes are nested more than ${IMAGE_LIMITS.maxIndexDepth} deep`);
  if (descriptor.mediaType === undefined && !(await files.size(blobPath(descriptor.digest))).ok) return ok([descriptor]);
  const bytes = await readBlob(files, descriptor.digest, 'image index');
  if (!bytes.ok) return bytes;
  const nested = parseDocument(ImageIndexSchema, bytes.value, `image index ${descriptor.digest}`);
  // Without a media type the blob may be an image manifest after all.
  if (!nested.ok) return descriptor.mediaType === undefined ? ok([descriptor]) : nested;
  return collectManifests(files, nested.value.manifests, depth + 1, problems);
}

/** BuildKit stores provenance and SBOM attestations as manifests for the platform unknown/unknown. */
function isAttestation(descriptor: Descriptor): boolean {
  return descriptor.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' || descriptor.platform?.os === 'unknown';
}

/**
 * The manifest to read: linux/amd64 when several are offered, else the first. Only manifests
 * whose blob is in the layout count: a pull of one platform keeps the full index.
 */
async function choosePresent(files: LayoutFiles, manifests: readonly Descriptor[], problems: ProblemLog): Promise<Result<Descriptor, string>> {
  const present: Descriptor[] = [];
  for (const manifest of manifests) {
    if ((await files.size(blobPath(manifest.digest))).ok) present.push(manifest);
  }
  const first = present[0];
  if (first === undefined) {
    if (manifests.length === 0) return err(`${OCI_INDEX} lists no image manifest`);
    return err(`${OCI_INDEX} lists ${manifests.length} image manifest(s), but none of their blobs is in ${files.label} (first: ${blobPath(manifests[0]?.digest ?? '')})`);
  }
  if (present.length === 1) return ok(first);
  const preferred = present.find((m) => m.platform?.os === PREFERRED_PLATFORM.os && m.platform.architecture === PREFERRED_PLATFORM.architecture);
  const chosen = preferred ?? first;
  problems.add({
    code: 'image-platform-chosen',
    level: 'info',
    message: `${OCI_INDEX} offers ${present.length} images (${present.map(describeManifest).join(', ')}); read ${describeManifest(chosen)}`,
  });
  return ok(chosen);
}

function describeManifest(descriptor: Descriptor): string {
  const platform = descriptor.platform;
  if (platform !== undefined) return [platform.os, platform.architecture, platform.variant].filter((part) => part !== undefined).join('/');
  return descriptor.annotations?.['org.opencontainers.image.ref.name'] ?? descriptor.digest;
}

/** A small blob, read whole and checked against its digest. */
async function readBlob(files: LayoutFiles, digest: string, what: string): Promise<Result<Buffer, string>> {
  const bytes = await files.readDocument(blobPath(digest));
  if (!bytes.ok) return err(`the ${what} ${digest} cannot be read: ${bytes.error}`);
  const [algorithm = 'sha256'] = digest.split(':');
  const actual = `${algorithm}:${createHash(algorithm).update(bytes.value).digest('hex')}`;
  if (actual !== digest) return err(`the ${what} ${digest} does not match its digest (it hashes to ${actual}); the layout is corrupt`);
  return ok(bytes.value);
}

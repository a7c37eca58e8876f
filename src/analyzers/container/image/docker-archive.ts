import { err, ok, type Result } from '../../../core/result.js';
import { DockerManifestSchema, parseDocument } from './documents.js';
import { readImageConfig } from './image-config.js';
import { planLayers, type ImagePlan } from './image-plan.js';
import type { LayoutFiles } from './layout-files.js';
import { IMAGE_LIMITS } from './limits.js';
import type { ProblemLog } from './problem-log.js';

export const DOCKER_MANIFEST = 'manifest.json';

/** `blobs/sha256/<hex>`: newer Docker stores layers as OCI blobs, named by their digest. */
const BLOB_NAME = /^blobs\/(sha256)\/([a-f0-9]{64})$/u;

/**
 * Plan the reading of a `docker save` archive: manifest.json names the config and the layer
 * files, bottom first. Old Docker writes `<id>/layer.tar`, newer Docker OCI blobs; both are
 * names of files in the archive. A file the manifest names but the archive lacks is an error.
 */
export async function planDockerArchive(files: LayoutFiles, problems: ProblemLog): Promise<Result<ImagePlan, string>> {
  const bytes = await files.readDocument(DOCKER_MANIFEST);
  if (!bytes.ok) return bytes;
  const manifest = parseDocument(DockerManifestSchema, bytes.value, DOCKER_MANIFEST);
  if (!manifest.ok) return manifest;
  const [image, ...others] = manifest.value;
  if (image === undefined) return err(`${DOCKER_MANIFEST} lists no image`);
  if (others.length > 0) {
    const tags = (image.RepoTags ?? []).join(', ') || 'untagged';
    problems.add({ code: 'image-several-images', level: 'info', message: `${DOCKER_MANIFEST} describes ${others.length + 1} images; only the first (${tags}) was read` });
  }
  if (image.Layers.length > IMAGE_LIMITS.maxLayers) return err(`${DOCKER_MANIFEST} lists ${image.Layers.length} layers, more than the ${IMAGE_LIMITS.maxLayers} Bulwark reads`);
  const configBytes = await files.readDocument(image.Config);
  if (!configBytes.ok) return err(`${DOCKER_MANIFEST} names the config "${image.Config}", but ${configBytes.error}`);
  const facts = readImageConfig(configBytes.value, image.Config, image.Layers.length, problems);
  const stored: { name: string; size: number; blobDigest?: string }[] = [];
  for (const name of image.Layers) {
    const size = await files.size(name);
    if (!size.ok) return err(`${DOCKER_MANIFEST} lists the layer "${name}", but ${size.error}`);
    const blob = BLOB_NAME.exec(name);
    stored.push(blob === null ? { name, size: size.value } : { name, size: size.value, blobDigest: `${blob[1]}:${blob[2]}` });
  }
  return ok({
    source: 'docker-archive',
    ...(facts.config === undefined ? {} : { config: facts.config }),
    layers: planLayers(stored, facts.diffIds, facts.createdBy),
  });
}
